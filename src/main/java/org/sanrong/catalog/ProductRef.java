package org.sanrong.catalog;

import java.util.UUID;

/** A product as it was at one published version; what deals and matches store when they refer to a product. */
public record ProductRef(UUID productId, int version) {

    public ProductRef {
        if (version < 1) {
            throw new IllegalArgumentException("version counts from 1");
        }
    }
}
