package org.sanrong.credit.scorecard;

import java.util.List;
import java.util.Map;

/**
 * A feature's bins as trained. Numeric: bins {@code 0..cuts.size()} are the intervals between the sorted cut points
 * (a value equal to a cut falls in the upper bin), then the missing-value bin if training saw missing values.
 * Categorical: every training category maps to a bin; small ones share the "其他" bin. A value with no bin (a
 * category or a missing value training never saw) gets WoE 0: neutral evidence, neither good nor bad.
 */
public record FeatureBinning(String feature, Kind kind, List<Double> cuts, List<Bin> bins,
        Map<String, Integer> categoryBins, int missingBin, int otherBin, Trend trend, double iv) {

    public enum Kind {
        NUMERIC, CATEGORICAL
    }

    /** How WoE moves with the value of a numeric feature (categories have no order). */
    public enum Trend {
        ASCENDING, DESCENDING, FLAT, UNORDERED
    }

    /** Bin index returned for a value that has no bin of its own. */
    public static final int NO_BIN = -1;

    public FeatureBinning {
        cuts = List.copyOf(cuts);
        bins = List.copyOf(bins);
        categoryBins = Map.copyOf(categoryBins);
    }

    /** Bin of a numeric value; NaN is missing. */
    public int binOf(double value) {
        if (Double.isNaN(value)) {
            return missingBin;
        }
        if (valueBins() == 0) { // training saw missing values only
            return NO_BIN;
        }
        int lo = 0;
        int hi = cuts.size();
        while (lo < hi) { // number of cuts <= value
            int mid = (lo + hi) >>> 1;
            if (cuts.get(mid) <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Bin of a categorical value; null is missing. */
    public int binOf(@org.jspecify.annotations.Nullable String category) {
        if (category == null) {
            return missingBin;
        }
        Integer bin = categoryBins.get(category);
        return bin != null ? bin : otherBin;
    }

    public double woe(int bin) {
        return bin == NO_BIN ? 0 : bins.get(bin).woe();
    }

    /** Number of bins that carry values (the missing bin excluded). */
    public int valueBins() {
        return missingBin == NO_BIN ? bins.size() : bins.size() - 1;
    }
}
