package org.sanrong.credit.scorecard;

import java.util.Set;

/**
 * Everything a training run can be told; {@link #DEFAULT} is what the issue and the docs describe. {@code folds}
 * 0 means no cross-validation; {@code excluded} columns (ids and the like) are never features; {@code categorical}
 * columns are binned as categories even when their values are numbers.
 */
public record TrainingOptions(Binning.Options binning, FeatureSelection.Options selection,
        LogisticRegression.Options regression, PointsScale scale, GradeScale grades, double holdoutFraction,
        int folds, long seed, Set<String> excluded, Set<String> categorical, String version) {

    public static final TrainingOptions DEFAULT = new TrainingOptions(Binning.Options.DEFAULT,
            FeatureSelection.Options.DEFAULT, LogisticRegression.Options.DEFAULT, PointsScale.DEFAULT,
            GradeScale.DEFAULT, 0.3, 0, 20260101L, Set.of(), Set.of(), "v1");

    public TrainingOptions {
        excluded = Set.copyOf(excluded);
        categorical = Set.copyOf(categorical);
        if (!(holdoutFraction >= 0 && holdoutFraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be in [0, 1): " + holdoutFraction);
        }
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("folds: 0 (none) or at least 2, not " + folds);
        }
    }

    public TrainingOptions withHoldout(double fraction) {
        return new TrainingOptions(binning, selection, regression, scale, grades, fraction, folds, seed, excluded,
                categorical, version);
    }

    public TrainingOptions withFolds(int k) {
        return new TrainingOptions(binning, selection, regression, scale, grades, holdoutFraction, k, seed, excluded,
                categorical, version);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(binning, selection, regression, scale, grades, holdoutFraction, folds, s, excluded,
                categorical, version);
    }

    public TrainingOptions withExcluded(Set<String> columns) {
        return new TrainingOptions(binning, selection, regression, scale, grades, holdoutFraction, folds, seed,
                columns, categorical, version);
    }

    public TrainingOptions withCategorical(Set<String> columns) {
        return new TrainingOptions(binning, selection, regression, scale, grades, holdoutFraction, folds, seed,
                excluded, columns, version);
    }

    public TrainingOptions withBinning(Binning.Options b) {
        return new TrainingOptions(b, selection, regression, scale, grades, holdoutFraction, folds, seed, excluded,
                categorical, version);
    }

    public TrainingOptions withSelection(FeatureSelection.Options s) {
        return new TrainingOptions(binning, s, regression, scale, grades, holdoutFraction, folds, seed, excluded,
                categorical, version);
    }

    public TrainingOptions withScale(PointsScale s) {
        return new TrainingOptions(binning, selection, regression, s, grades, holdoutFraction, folds, seed, excluded,
                categorical, version);
    }

    public TrainingOptions withVersion(String v) {
        return new TrainingOptions(binning, selection, regression, scale, grades, holdoutFraction, folds, seed,
                excluded, categorical, v);
    }
}
