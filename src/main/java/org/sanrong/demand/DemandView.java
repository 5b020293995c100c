package org.sanrong.demand;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseCard;

/**
 * A demand as pages and the API read it. For an institution the terms carry no list of chosen institutions and the
 * enterprise is only its public card; {@code own} says the reader is the enterprise itself.
 */
public record DemandView(UUID id, String enterpriseCreditCode, String enterpriseName, DemandStatus status,
        int version, DemandTerms terms, @Nullable Long raisedFen, @Nullable String closedReason, Instant createdAt,
        Instant updatedAt, @Nullable Instant publishedAt, @Nullable EnterpriseCard enterprise, boolean own) {
}
