package org.sanrong.catalog;

import java.time.Instant;

/** A line of a product's version list. */
public record ProductVersionSummary(int version, String name, Instant createdAt, String createdBy) {
}
