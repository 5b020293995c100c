package org.sanrong.credit.scorecard;

import java.util.List;
import java.util.Map;

/**
 * A trained scorecard and everything said about it: the bins of every candidate feature (WoE, IV), the decision on
 * each feature, the features in the model in coefficient order, the fit, the points table that scores, the
 * validation. Scoring goes through {@link #points()}: for each feature a bin lookup and an integer add.
 */
public record TrainedScorecard(ModelMetadata metadata, List<FeatureBinning> binnings,
        List<FeatureDecision> decisions, List<FeatureBinning> model, LogisticFit fit, PointsTable points,
        ValidationReport validation) {

    public TrainedScorecard {
        binnings = List.copyOf(binnings);
        decisions = List.copyOf(decisions);
        model = List.copyOf(model);
    }

    public List<String> features() {
        return model.stream().map(FeatureBinning::feature).toList();
    }

    /** Score of one enterprise from its feature values as text (missing or absent features score neutrally). */
    public int score(Map<String, String> values) {
        return points.score(points.encode(values));
    }

    public Grade grade(int score) {
        return metadata.options().grades().grade(score);
    }

    /** P(bad) the model gives these values, before rounding to points. */
    public double badProbability(Map<String, String> values) {
        double[] woe = new double[model.size()];
        for (int j = 0; j < model.size(); j++) {
            FeatureBinning b = model.get(j);
            String raw = values.get(b.feature());
            boolean missing = raw == null || TrainingTable.isMissing(raw);
            int bin = b.kind() == FeatureBinning.Kind.NUMERIC
                    ? b.binOf(missing ? Double.NaN : Double.parseDouble(raw.strip()))
                    : b.binOf(missing ? null : raw.strip());
            woe[j] = b.woe(bin);
        }
        return fit.probability(woe);
    }
}
