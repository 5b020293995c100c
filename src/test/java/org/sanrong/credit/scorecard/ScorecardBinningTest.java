package org.sanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanrong.credit.scorecard.FeatureBinning.Kind;
import org.sanrong.credit.scorecard.FeatureBinning.Trend;

class ScorecardBinningTest {

    @Test
    void woeAndIvAreTheTextbookFormulasOnHandCountedBins() {
        // A: 40 good 10 bad; B: 30 good 20 bad; C: 30 good 70 bad — 100 goods and 100 bads in all.
        Labelled data = new Labelled();
        data.add("A", 40, 10).add("B", 30, 20).add("C", 30, 70);
        FeatureBinning b = Binning.categorical("grade", data.values(), data.bad(), Binning.Options.DEFAULT);

        assertThat(b.kind()).isEqualTo(Kind.CATEGORICAL);
        assertThat(b.bins()).extracting(Bin::label).containsExactly("C", "B", "A"); // by WoE, riskiest first
        assertThat(b.woe(b.binOf("A"))).isCloseTo(Math.log(0.40 / 0.10), within(1e-12));
        assertThat(b.woe(b.binOf("B"))).isCloseTo(Math.log(0.30 / 0.20), within(1e-12));
        assertThat(b.woe(b.binOf("C"))).isCloseTo(Math.log(0.30 / 0.70), within(1e-12));
        double iv = (0.40 - 0.10) * Math.log(4) + (0.30 - 0.20) * Math.log(1.5) + (0.30 - 0.70) * Math.log(3 / 7.0);
        assertThat(b.iv()).isCloseTo(iv, within(1e-12));
        assertThat(b.bins().get(2).badRate()).isEqualTo(0.2);
    }

    @Test
    void aBinWithNoBadsGetsHalfAddedToBothCountsAndOnlyThatBin() {
        Labelled data = new Labelled();
        data.add("clean", 20, 0).add("mixed", 80, 50);
        FeatureBinning b = Binning.categorical("f", data.values(), data.bad(), Binning.Options.DEFAULT);

        assertThat(b.woe(b.binOf("clean"))).isCloseTo(Math.log((20.5 / 100) / (0.5 / 50)), within(1e-12));
        assertThat(b.woe(b.binOf("mixed"))).isCloseTo(Math.log((80.0 / 100) / (50.0 / 50)), within(1e-12));
        assertThat(Double.isFinite(b.iv())).isTrue();
        assertThat(Binning.woe(0, 7, 100, 50)).isCloseTo(Math.log((0.5 / 100) / (7.5 / 50)), within(1e-12));
    }

    @Test
    void smallCategoriesArePooledInOtherAndMissingValuesKeepTheirOwnBin() {
        Labelled data = new Labelled();
        data.add("big1", 300, 100).add("big2", 300, 200).add("rare1", 10, 5).add("rare2", 20, 2).add(null, 30, 33);
        FeatureBinning b = Binning.categorical("f", data.values(), data.bad(), new Binning.Options(20, 0.05));

        assertThat(b.bins()).extracting(Bin::label).contains("big1", "big2", Binning.OTHER_LABEL, Binning.MISSING_LABEL);
        Bin other = b.bins().get(b.otherBin());
        assertThat(other.categories()).containsExactly("rare1", "rare2");
        assertThat(other.goods()).isEqualTo(30);
        assertThat(other.bads()).isEqualTo(7);
        assertThat(b.binOf("never seen")).isEqualTo(b.otherBin());
        assertThat(b.missingBin()).isEqualTo(b.bins().size() - 1);
        assertThat(b.binOf((String) null)).isEqualTo(b.missingBin());
        assertThat(b.bins().get(b.missingBin()).count()).isEqualTo(63);
    }

    @Test
    void withoutOtherOrMissingBinsAnUnseenValueIsNeutral() {
        Labelled data = new Labelled();
        data.add("x", 50, 50).add("y", 70, 30);
        FeatureBinning b = Binning.categorical("f", data.values(), data.bad(), Binning.Options.DEFAULT);

        assertThat(b.binOf("z")).isEqualTo(FeatureBinning.NO_BIN);
        assertThat(b.binOf((String) null)).isEqualTo(FeatureBinning.NO_BIN);
        assertThat(b.woe(FeatureBinning.NO_BIN)).isZero();
    }

    @Test
    void fineBinsSitAtTheQuantilesWhenTheyAreAlreadyMonotone() {
        // 1000 distinct values, 20 quantile bins of 50 rows; bin k has k + 1 bads, so the bad rate rises strictly.
        int n = 1000;
        double[] v = new double[n];
        boolean[] bad = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
            bad[i] = i % 50 <= i / 50;
        }
        FeatureBinning b = Binning.numeric("x", v, bad, new Binning.Options(20, 0));

        assertThat(b.cuts()).hasSize(19);
        for (int k = 1; k < 20; k++) {
            assertThat(b.cuts().get(k - 1)).isEqualTo(50.0 * k);
        }
        assertThat(b.bins()).allSatisfy(bin -> assertThat(bin.count()).isEqualTo(50));
        assertThat(b.trend()).isEqualTo(Trend.DESCENDING);
        assertThat(b.missingBin()).isEqualTo(FeatureBinning.NO_BIN);
    }

    @Test
    void numericBinsAreStrictlyMonotoneLargeEnoughAndCoverEveryRow() {
        for (long seed = 1; seed <= 40; seed++) {
            Random r = new Random(seed);
            int n = 500 + r.nextInt(3000);
            double slope = (r.nextDouble() - 0.5) * 3;
            boolean uShape = seed % 5 == 0;
            double[] v = new double[n];
            boolean[] bad = new boolean[n];
            int missing = 0;
            for (int i = 0; i < n; i++) {
                double x = r.nextGaussian();
                boolean isMissing = r.nextInt(20) == 0;
                v[i] = isMissing ? Double.NaN : seed % 3 == 0 ? Math.round(x * 3) : x; // some with heavy ties
                missing += isMissing ? 1 : 0;
                double eta = -1 + (uShape ? x * x : slope * x) + (isMissing ? 0.8 : 0);
                bad[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta));
            }
            Binning.Options options = new Binning.Options(20, 0.05);
            FeatureBinning b = Binning.numeric("x", v, bad, options);

            String context = "seed " + seed;
            List<Bin> valueBins = b.bins().subList(0, b.valueBins());
            assertThat(valueBins).as(context).hasSize(b.cuts().size() + 1);
            for (int k = 1; k < valueBins.size(); k++) {
                double step = valueBins.get(k).woe() - valueBins.get(k - 1).woe();
                assertThat(b.trend() == Trend.ASCENDING ? step : -step).as(context).isPositive();
                assertThat(b.cuts().get(k - 1)).as(context).isEqualTo(valueBins.get(k).lower());
                assertThat(valueBins.get(k - 1).upper()).as(context).isEqualTo(valueBins.get(k).lower());
            }
            if (valueBins.size() > 1) {
                assertThat(valueBins).as(context).allSatisfy(bin -> assertThat(bin.count())
                        .isGreaterThanOrEqualTo((int) Math.ceil(options.minBinShare() * n)));
            }
            assertThat(b.bins().stream().mapToInt(Bin::count).sum()).as(context).isEqualTo(n);
            if (missing > 0) {
                assertThat(b.bins().get(b.missingBin()).count()).as(context).isEqualTo(missing);
                assertThat(b.bins().get(b.missingBin()).missing()).isTrue();
            }
            double iv = 0;
            int[] counted = new int[b.bins().size()];
            for (int i = 0; i < n; i++) {
                int bin = b.binOf(v[i]);
                counted[bin]++;
                if (!Double.isNaN(v[i])) {
                    assertThat(v[i]).as(context).isGreaterThanOrEqualTo(b.bins().get(bin).lower())
                            .isLessThan(b.bins().get(bin).upper());
                }
            }
            for (int k = 0; k < counted.length; k++) {
                assertThat(counted[k]).as(context).isEqualTo(b.bins().get(k).count());
                iv += b.bins().get(k).iv();
            }
            assertThat(b.iv()).as(context).isCloseTo(iv, within(1e-12)).isNotNegative();
        }
    }

    @Test
    void theDirectionFollowsTheData() {
        Random r = new Random(7);
        int n = 4000;
        double[] v = new double[n];
        boolean[] riskRises = new boolean[n];
        boolean[] riskFalls = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() * 100;
            riskRises[i] = r.nextDouble() < v[i] / 120;
            riskFalls[i] = r.nextDouble() < (100 - v[i]) / 120;
        }
        // More bads at higher values means lower WoE (WoE = ln(%good/%bad)) at higher values, and vice versa.
        assertThat(Binning.numeric("x", v, riskRises, Binning.Options.DEFAULT).trend()).isEqualTo(Trend.DESCENDING);
        assertThat(Binning.numeric("x", v, riskFalls, Binning.Options.DEFAULT).trend()).isEqualTo(Trend.ASCENDING);
    }

    @Test
    void equalValuesNeverStraddleTwoBins() {
        Random r = new Random(3);
        int n = 3000;
        double[] v = new double[n];
        boolean[] bad = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(4); // only four distinct values, each a quarter of the rows
            bad[i] = r.nextDouble() < 0.1 + 0.1 * v[i];
        }
        FeatureBinning b = Binning.numeric("x", v, bad, Binning.Options.DEFAULT);

        assertThat(b.cuts()).containsExactly(1.0, 2.0, 3.0);
        assertThat(b.bins()).extracting(Bin::label).containsExactly("< 1", "[1, 2)", "[2, 3)", ">= 3");
    }

    @Test
    void aFeatureWithOneValueIsOneFlatBin() {
        double[] v = {5, 5, 5, 5, Double.NaN};
        boolean[] bad = {true, false, false, true, false};
        FeatureBinning b = Binning.numeric("x", v, bad, Binning.Options.DEFAULT);

        assertThat(b.trend()).isEqualTo(Trend.FLAT);
        assertThat(b.cuts()).isEmpty();
        assertThat(b.bins()).hasSize(2);
        assertThat(b.binOf(1e9)).isZero();
    }

    @Test
    void aFeatureTrainingSawOnlyMissingGivesOtherValuesNoBin() {
        FeatureBinning b = Binning.numeric("x", new double[] {Double.NaN, Double.NaN, Double.NaN},
                new boolean[] {true, false, false}, Binning.Options.DEFAULT);

        assertThat(b.valueBins()).isZero();
        assertThat(b.binOf(Double.NaN)).isEqualTo(b.missingBin()).isZero();
        assertThat(b.binOf(3.0)).isEqualTo(FeatureBinning.NO_BIN);
        assertThat(b.iv()).isZero();
    }

    @Test
    void oneClassOnlyIsRefused() {
        assertThatThrownBy(() -> Binning.numeric("x", new double[] {1, 2}, new boolean[] {false, false},
                Binning.Options.DEFAULT)).hasMessageContaining("both goods and bads");
    }

    /** Builds a categorical column from (category, goods, bads) counts. */
    static final class Labelled {
        private final List<String> values = new ArrayList<>();
        private final List<Boolean> bad = new ArrayList<>();

        Labelled add(String category, int goods, int bads) {
            for (int i = 0; i < goods; i++) {
                values.add(category);
                bad.add(false);
            }
            for (int i = 0; i < bads; i++) {
                values.add(category);
                bad.add(true);
            }
            return this;
        }

        String[] values() {
            return values.toArray(String[]::new);
        }

        boolean[] bad() {
            boolean[] b = new boolean[bad.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = bad.get(i);
            }
            return b;
        }
    }
}
