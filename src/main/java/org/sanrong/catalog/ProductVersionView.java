package org.sanrong.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sanrong.identity.InstitutionType;

/** One published version of a product, in full, as it was offered; it never changes. */
public record ProductVersionView(ProductRef ref, UUID institutionId, String institutionName,
        InstitutionType institutionType, ProductContent content, List<String> criteriaLabels, Instant createdAt,
        String createdBy) {

    public ProductType type() {
        return content.type();
    }

    public String name() {
        return content.name();
    }
}
