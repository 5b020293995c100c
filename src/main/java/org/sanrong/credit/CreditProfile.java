package org.sanrong.credit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sanrong.datahub.DataAccess;

/**
 * 信用画像 as a reader sees it: the rating (grade and score from the model in use, the innovation score with its
 * parts), the reasons that cost points and the hints that would add them, the feature values with the points each
 * earned, and whether data behind it is disputed (有异议: open disputes count).
 */
public record CreditProfile(String creditCode, String name, @Nullable RatingSummary rating,
        @Nullable String modelLabel, @Nullable String gradeBand, InnovationScore innovation, List<Reason> reasons,
        List<Hint> hints, List<FeatureLine> features, int openDisputes, DataAccess.Access access) {

    /** One feature's value and, when the model uses it, its bin and points. */
    public record FeatureLine(String code, String label, String group, String unit, String value,
            @Nullable String bin, @Nullable Integer points) {
    }

    public CreditProfile {
        reasons = List.copyOf(reasons);
        hints = List.copyOf(hints);
        features = List.copyOf(features);
    }

    /** 有异议: some data behind the rating is disputed and not yet resolved. */
    public boolean disputed() {
        return openDisputes > 0;
    }
}
