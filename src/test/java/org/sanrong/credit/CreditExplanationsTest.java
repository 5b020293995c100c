package org.sanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanrong.credit.scorecard.Bin;
import org.sanrong.credit.scorecard.FeatureBinning;
import org.sanrong.credit.scorecard.ScorecardTrainer;
import org.sanrong.credit.scorecard.Target;
import org.sanrong.credit.scorecard.TrainedScorecard;
import org.sanrong.credit.scorecard.TrainingOptions;
import org.sanrong.credit.scorecard.TrainingTable;

/**
 * Reasons and hints say exactly what the points table does: a hint's points are the score's change when that one
 * feature moves to the hint's target, and no better bin lies nearer; a reason's lost points are the gap to the
 * feature's best bin. A stored model scores exactly like the trained one.
 */
class CreditExplanationsTest {

    static TrainedScorecard card;

    /** A labelled table over catalogue features, risk rising with penalties and falling with growth and R&D. */
    static TrainingTable table(int n, long seed) {
        Random r = new Random(seed);
        List<String> columns = List.of("tax_growth_yoy_pct", "penalties_24m", "rd_intensity_pct", "high_tech",
                "social_trend_12m_pct", "years_in_operation", "bad");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double growth = 40 * r.nextGaussian();
            int penalties = r.nextDouble() < 0.8 ? 0 : 1 + r.nextInt(4);
            double rd = Math.max(0, 3 + 3 * r.nextGaussian());
            int highTech = r.nextDouble() < 0.2 ? 1 : 0;
            Double trend = r.nextDouble() < 0.1 ? null : 20 * r.nextGaussian();
            double years = 0.5 + 15 * r.nextDouble();
            double logit = -3 - 0.03 * growth + 0.7 * penalties - 0.15 * rd - 0.8 * highTech
                    - (trend == null ? -0.3 : 0.03 * trend) - 0.05 * years;
            boolean bad = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            rows.add(List.of(fmt(growth), Integer.toString(penalties), fmt(rd), Integer.toString(highTech),
                    trend == null ? "" : fmt(trend), fmt(years), bad ? "1" : "0"));
        }
        return new TrainingTable(columns, rows);
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    @BeforeAll
    static void train() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        card = new ScorecardTrainer(TrainingOptions.DEFAULT.withVersion("t"), clock).train(table(8_000, 11),
                new Target("bad", null), "test");
        assertThat(card.features()).contains("tax_growth_yoy_pct", "penalties_24m", "rd_intensity_pct");
    }

    /** Catalogue-ordered values for a random enterprise; some missing. */
    static double[] randomFeatures(Random r) {
        double[] v = new double[CreditFeature.values().length];
        Arrays.fill(v, Double.NaN);
        v[CreditFeature.TAX_GROWTH_YOY_PCT.ordinal()] = 60 * r.nextGaussian();
        v[CreditFeature.PENALTIES_24M.ordinal()] = r.nextInt(6);
        v[CreditFeature.RD_INTENSITY_PCT.ordinal()] = r.nextDouble() < 0.1 ? Double.NaN : 10 * r.nextDouble();
        v[CreditFeature.HIGH_TECH.ordinal()] = r.nextInt(2);
        v[CreditFeature.SOCIAL_TREND_12M_PCT.ordinal()] = r.nextDouble() < 0.2 ? Double.NaN : 30 * r.nextGaussian();
        v[CreditFeature.YEARS_IN_OPERATION.ordinal()] = 20 * r.nextDouble();
        return v;
    }

    static int score(TrainedScorecard c, double[] features) {
        return c.points().score(Explanations.row(c, features));
    }

    @Test
    void everyHintRaisesTheScoreByExactlyItsPointsAndIsTheNearestBetterBin() {
        Random r = new Random(5);
        int hints = 0;
        for (int i = 0; i < 2_000; i++) {
            double[] v = randomFeatures(r);
            int score = score(card, v);
            for (Hint h : Explanations.hints(card, v, score)) {
                hints++;
                CreditFeature f = CreditFeature.byCode(h.code()).orElseThrow();
                assertThat(f.actionable()).as(h.code()).isTrue();
                assertThat(h.points()).isPositive();
                double[] moved = v.clone();
                moved[f.ordinal()] = h.target();
                assertThat(score(card, moved)).as("%s to %s", h.code(), h.target()).isEqualTo(score + h.points());
                assertThat(h.newScore()).isEqualTo(score + h.points());
                assertThat(h.newGrade()).isEqualTo(card.grade(score + h.points()).name());
                // no value bin nearer to the current one scores more than now
                int j = card.features().indexOf(h.code());
                FeatureBinning b = card.model().get(j);
                int current = b.binOf(v[f.ordinal()]);
                int target = b.binOf(h.target());
                int now = card.points().points(j, v[f.ordinal()]);
                if (current != FeatureBinning.NO_BIN && current != b.missingBin()) {
                    for (int k = 0; k < b.valueBins(); k++) {
                        if (Math.abs(k - current) < Math.abs(target - current)) {
                            assertThat(card.points().points(j, Explanations.inside(b.bins().get(k))))
                                    .as("bin %d is nearer than %d", k, target).isLessThanOrEqualTo(now);
                        }
                    }
                }
            }
        }
        assertThat(hints).as("hints were given").isGreaterThan(1_000);
    }

    @Test
    void reasonsAreTheGapsToEachFeaturesBestBinLargestFirst() {
        Random r = new Random(6);
        for (int i = 0; i < 1_000; i++) {
            double[] v = randomFeatures(r);
            List<Reason> reasons = Explanations.reasons(card, v);
            assertThat(reasons).hasSizeLessThanOrEqualTo(Explanations.REASONS);
            for (int k = 1; k < reasons.size(); k++) {
                assertThat(reasons.get(k).lost()).isLessThanOrEqualTo(reasons.get(k - 1).lost());
            }
            for (Reason reason : reasons) {
                int j = card.features().indexOf(reason.code());
                FeatureBinning b = card.model().get(j);
                int best = Integer.MIN_VALUE;
                for (Bin bin : b.bins()) {
                    best = Math.max(best, card.points().points(j, Explanations.inside(bin)));
                }
                double value = v[CreditFeature.byCode(reason.code()).orElseThrow().ordinal()];
                assertThat(reason.points()).isEqualTo(card.points().points(j, value));
                assertThat(reason.bestPoints()).isEqualTo(best);
                assertThat(reason.lost()).isPositive();
                // moving the feature into the best bin recovers exactly the lost points
                double[] moved = v.clone();
                Bin bestBin = b.bins().stream().filter(x -> Explanations.label(x).equals(reason.bestBin())).findFirst()
                        .orElseThrow();
                moved[CreditFeature.byCode(reason.code()).orElseThrow().ordinal()] = Explanations.inside(bestBin);
                assertThat(score(card, moved)).isEqualTo(score(card, v) + reason.lost());
            }
        }
    }

    @Test
    void binsReadRoundedSoThatWhatTheySayStaysTrue() {
        assertThat(Explanations.label(new Bin("x", 80.24691358, 100.80321285, List.of(), false, 1, 1, 0, 0)))
                .isEqualTo("[80.25, 100.8)");
        assertThat(Explanations.label(new Bin("x", 100.80321285, Double.POSITIVE_INFINITY, List.of(), false, 1, 1, 0,
                0))).as("a lower bound alone rounds up").isEqualTo("≥ 100.81");
        assertThat(Explanations.label(new Bin("x", Double.NEGATIVE_INFINITY, 2.574664, List.of(), false, 1, 1, 0, 0)))
                .as("an upper bound alone rounds down").isEqualTo("< 2.57");
        assertThat(Explanations.label(new Bin("x", 164, Double.POSITIVE_INFINITY, List.of(), false, 1, 1, 0, 0)))
                .isEqualTo("≥ 164");
        assertThat(Explanations.label(new Bin("缺失", Double.NaN, Double.NaN, List.of(), true, 1, 1, 0, 0)))
                .isEqualTo("缺失");
    }

    @Test
    void aStoredModelScoresExactlyLikeTheTrainedOne() {
        TrainedScorecard back = Models.card(Models.json(card));
        assertThat(back.features()).isEqualTo(card.features());
        assertThat(back.points().entries()).isEqualTo(card.points().entries());
        assertThat(back.validation()).isEqualTo(card.validation());
        Random r = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            double[] v = randomFeatures(r);
            assertThat(score(back, v)).isEqualTo(score(card, v));
        }
    }
}
