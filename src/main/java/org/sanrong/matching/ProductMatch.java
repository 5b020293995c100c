package org.sanrong.matching;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.catalog.ProductRef;

/**
 * One product judged for one enterprise (and demand): eligible or not, its fit score out of 100 with each
 * factor's share, and for an ineligible product the rules it fails, first one first, in the catalogue's words.
 */
public record ProductMatch(ProductRef product, String productName, String productType, FinancingKind kind,
        UUID institutionId, String institutionName, boolean eligible, int score, List<Factor> factors,
        List<String> failedRules) {

    public ProductMatch {
        factors = List.copyOf(factors);
        failedRules = List.copyOf(failedRules);
    }

    public @Nullable String firstReason() {
        return failedRules.isEmpty() ? null : failedRules.getFirst();
    }

    /** One part of the fit score: its points out of its maximum, and why, in Chinese. */
    public record Factor(String name, int points, int max, String explanation) {
    }
}
