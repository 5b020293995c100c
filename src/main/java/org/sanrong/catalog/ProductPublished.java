package org.sanrong.catalog;

import java.util.UUID;

/** A product version went on the shelf: first publication, or a change to a published product. */
public record ProductPublished(UUID productId, int version, UUID institutionId, ProductType type,
        FinancingKind kind) {

    public ProductRef ref() {
        return new ProductRef(productId, version);
    }
}
