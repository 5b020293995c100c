package org.sanrong.catalog;

import java.util.UUID;

/** A product left the shelf: its institution withdrew it, or its validity ended ({@code expired}). */
public record ProductWithdrawn(UUID productId, int version, UUID institutionId, boolean expired) {
}
