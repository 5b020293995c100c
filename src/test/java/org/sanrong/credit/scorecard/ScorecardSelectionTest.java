package org.sanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sanrong.credit.scorecard.FeatureDecision.Reason;

class ScorecardSelectionTest {

    @Test
    void pearsonCorrelationByHand() {
        assertThat(FeatureSelection.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(1,
                within(1e-15));
        assertThat(FeatureSelection.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1,
                within(1e-15));
        // x = (1, 2, 3, 4), y = (1, 3, 2, 4): Σ dx·dy = 4, Σ dx² = Σ dy² = 5, so ρ = 0.8
        assertThat(FeatureSelection.correlation(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}))
                .isCloseTo(0.8, within(1e-15));
        assertThat(FeatureSelection.correlation(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isZero();
    }

    @Test
    void lowIvGoesFirstThenTheLowerIvOfEachCorrelatedPair() {
        Random r = new Random(12);
        int n = 5000;
        double[] strong = new double[n];
        double[] twin = new double[n];
        double[] weak = new double[n];
        double[] noise = new double[n];
        boolean[] bad = new boolean[n];
        for (int i = 0; i < n; i++) {
            strong[i] = r.nextGaussian();
            twin[i] = strong[i] + r.nextGaussian() * 0.2;
            weak[i] = r.nextGaussian();
            noise[i] = r.nextGaussian();
            bad[i] = r.nextDouble() < LogisticRegression.sigmoid(-1.5 + 1.2 * strong[i] + 0.4 * weak[i]);
        }
        List<FeatureBinning> binnings = new ArrayList<>();
        double[][] columns = {strong, twin, weak, noise};
        String[] names = {"strong", "twin", "weak", "noise"};
        double[][] woe = new double[4][];
        for (int j = 0; j < 4; j++) {
            FeatureBinning b = Binning.numeric(names[j], columns[j], bad, Binning.Options.DEFAULT);
            binnings.add(b);
            woe[j] = new double[n];
            for (int i = 0; i < n; i++) {
                woe[j][i] = b.woe(b.binOf(columns[j][i]));
            }
        }
        List<FeatureDecision> decisions = FeatureSelection.byIvAndCorrelation(binnings, woe,
                FeatureSelection.Options.DEFAULT);
        Map<String, FeatureDecision> by = decisions.stream()
                .collect(Collectors.toMap(FeatureDecision::feature, Function.identity()));

        assertThat(decisions).extracting(FeatureDecision::iv).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(by.get("noise").reason()).isEqualTo(Reason.LOW_IV);
        assertThat(by.get("noise").detail()).contains("< 0.0200");
        assertThat(by.get("weak").reason()).isEqualTo(Reason.SELECTED);
        FeatureDecision kept = by.get("strong").iv() >= by.get("twin").iv() ? by.get("strong") : by.get("twin");
        FeatureDecision dropped = kept == by.get("strong") ? by.get("twin") : by.get("strong");
        assertThat(kept.reason()).isEqualTo(Reason.SELECTED);
        assertThat(dropped.reason()).isEqualTo(Reason.CORRELATED);
        assertThat(dropped.detail()).contains(kept.feature(), "ρ = 0.9");

        // the thresholds are configurable: a lax correlation limit keeps both twins; a high IV bar drops weak
        Map<String, Reason> lax = reasons(FeatureSelection.byIvAndCorrelation(binnings, woe,
                new FeatureSelection.Options(0.02, 0.999, true)));
        assertThat(lax.get("strong")).isEqualTo(Reason.SELECTED);
        assertThat(lax.get("twin")).isEqualTo(Reason.SELECTED);
        Map<String, Reason> strict = reasons(FeatureSelection.byIvAndCorrelation(binnings, woe,
                new FeatureSelection.Options(by.get("weak").iv() + 1e-9, 0.7, true)));
        assertThat(strict.get("weak")).isEqualTo(Reason.LOW_IV);
    }

    @Test
    void aCoefficientWithTheWrongSignIsDroppedAndTheModelRefit() {
        // logit P(bad) = 2·a − b with b ≈ a: alone, b looks risky (it follows a), but beside a more b means less
        // risk, so the coefficient on b's WoE comes out positive — the wrong sign for a scorecard.
        Random r = new Random(4);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            double a = r.nextGaussian();
            double b = a + r.nextGaussian() * 0.5;
            boolean bad = r.nextDouble() < LogisticRegression.sigmoid(-1 + 2 * a - 1 * b);
            rows.add(List.of(String.format(Locale.ROOT, "%.5f", a), String.format(Locale.ROOT, "%.5f", b),
                    bad ? "1" : "0"));
        }
        TrainingTable table = new TrainingTable(List.of("a", "b", "y"), rows);
        TrainingOptions options = TrainingOptions.DEFAULT.withSelection(new FeatureSelection.Options(0.02, 0.99,
                true));

        TrainedScorecard dropping = new ScorecardTrainer(options).train(table, new Target("y", null), "t");
        assertThat(reasons(dropping.decisions())).containsEntry("a", Reason.SELECTED)
                .containsEntry("b", Reason.WRONG_SIGN);
        assertThat(dropping.features()).containsExactly("a");
        assertThat(dropping.fit().coefficients().get(0)).isNegative();

        TrainedScorecard keeping = new ScorecardTrainer(options.withSelection(new FeatureSelection.Options(0.02,
                0.99, false))).train(table, new Target("y", null), "t");
        assertThat(keeping.features()).containsExactlyInAnyOrder("a", "b");
        assertThat(keeping.fit().coefficients().get(keeping.features().indexOf("b"))).isPositive();
    }

    private static Map<String, Reason> reasons(List<FeatureDecision> decisions) {
        return decisions.stream().collect(Collectors.toMap(FeatureDecision::feature, FeatureDecision::reason));
    }
}
