package org.sanrong.credit.scorecard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the model scores the rows it was trained on and the rows held out (and, when asked, each fold of a k-fold
 * cross-validation over the training rows): discrimination, bad rate per grade, per score band (deciles of the
 * training scores) and per bin of each model feature, and the PSI of the holdout scores against the training
 * scores over those deciles (NaN without a holdout).
 */
public record ValidationReport(Discrimination.Summary train, Discrimination.@Nullable Summary holdout,
        List<Fold> folds, List<BandRates> grades, List<BandRates> scoreBands, List<BinRates> bins,
        double scorePsi) {

    public record Rates(int count, int bads) {
        public double badRate() {
            return count == 0 ? 0 : bads / (double) count;
        }
    }

    public record BandRates(String band, Rates train, Rates holdout) {
    }

    public record BinRates(String feature, String bin, Rates train, Rates holdout) {
    }

    /** One fold of the cross-validation: a model trained without it, scored on it. */
    public record Fold(int fold, Discrimination.Summary scored, int features, LogisticFit.Status status) {
    }

    public ValidationReport {
        folds = List.copyOf(folds);
        grades = List.copyOf(grades);
        scoreBands = List.copyOf(scoreBands);
        bins = List.copyOf(bins);
    }

    public double meanFoldAuc() {
        return folds.stream().mapToDouble(f -> f.scored().auc()).average().orElse(Double.NaN);
    }

    public double meanFoldKs() {
        return folds.stream().mapToDouble(f -> f.scored().ks()).average().orElse(Double.NaN);
    }
}
