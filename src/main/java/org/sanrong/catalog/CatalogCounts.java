package org.sanrong.catalog;

import java.util.Map;

/** Figures for the home pages: products on the shelf, submissions waiting for review, institutions offering. */
public record CatalogCounts(long published, long awaitingReview, long institutions,
        Map<FinancingKind, Long> publishedByKind) {
}
