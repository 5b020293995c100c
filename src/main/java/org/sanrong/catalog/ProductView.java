package org.sanrong.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.InstitutionType;

/**
 * A product's working copy as its institution and the reviewers see it; {@code version} is the latest published
 * version (0 when never published).
 */
public record ProductView(UUID id, UUID institutionId, String institutionName, InstitutionType institutionType,
        FinancialProduct.Status status, int version, @Nullable String returnReason, ProductContent content,
        List<String> criteriaLabels, Instant updatedAt) {
}
