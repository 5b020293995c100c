package org.sanrong.deal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An institution approved or declined an application (matching learns approval rates from it). */
public record ApplicationDecided(UUID dealId, UUID institutionId, UUID productId, String enterpriseCreditCode,
        boolean approved, @Nullable DeclineReason reason, Instant decidedAt) {
}
