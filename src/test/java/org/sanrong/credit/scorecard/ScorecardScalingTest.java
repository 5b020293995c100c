package org.sanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScorecardScalingTest {

    @Test
    void factorAndOffsetOfTheDefaultScale() {
        PointsScale s = PointsScale.DEFAULT;
        assertThat(s.factor()).isCloseTo(20 / Math.log(2), within(1e-12)).isCloseTo(28.8539, within(1e-4));
        assertThat(s.offset()).isCloseTo(600 - 20 / Math.log(2) * Math.log(50), within(1e-12))
                .isCloseTo(487.1229, within(1e-4));
        assertThat(s.scoreAtOdds(50)).isCloseTo(600, within(1e-9));
        assertThat(s.scoreAtOdds(100)).isCloseTo(620, within(1e-9));
        assertThat(s.scoreAtOdds(25)).isCloseTo(580, within(1e-9));
        assertThat(s.scoreAtProbability(1 / 51.0)).isCloseTo(600, within(1e-9));
        assertThat(s.oddsAt(640)).isCloseTo(200, within(1e-9));
    }

    @Test
    void doublingTheOddsAddsExactlyThePdoAnywhereOnTheScale() {
        Random r = new Random(1);
        for (PointsScale s : List.of(PointsScale.DEFAULT, new PointsScale(500, 20, 50), new PointsScale(0, 1, 10))) {
            for (int k = 0; k < 100; k++) {
                double odds = Math.exp(r.nextGaussian() * 4);
                assertThat(s.scoreAtOdds(2 * odds) - s.scoreAtOdds(odds)).isCloseTo(s.pdo(), within(1e-9));
                assertThat(s.scoreAtLogit(-Math.log(odds))).isCloseTo(s.scoreAtOdds(odds), within(1e-9));
            }
        }
    }

    @Test
    void theScoreFromThePointsTableIsTheModelsLogOddsOnTheScale() {
        Fixture f = Fixture.random(21, 4000);
        PointsScale scale = PointsScale.DEFAULT;
        PointsTable table = PointsTable.of(f.binnings, f.fit, scale);
        Random r = new Random(2);
        for (int k = 0; k < 2000; k++) {
            double[] row = f.randomRow(r, table);
            double[] woe = f.woe(table, row);
            double p = f.fit.probability(woe);
            double expected = scale.offset() + scale.factor() * Math.log((1 - p) / p);
            assertThat(table.exactScore(row)).isCloseTo(expected, within(1e-9));
            // each feature's points are rounded once, so the integer score is within n/2 of the exact one
            assertThat((double) table.score(row)).isCloseTo(expected, within(table.features() / 2.0));
        }
    }

    @Test
    void doublingAnEnterprisesOddsThroughTheModelAddsThePdo() {
        Fixture f = Fixture.random(8, 3000);
        PointsTable table = PointsTable.of(f.binnings, f.fit, PointsScale.DEFAULT);
        Random r = new Random(4);
        double[] row = f.randomRow(r, table);
        double p = f.fit.probability(f.woe(table, row));
        // shift the intercept by −ln 2: logit P(bad) drops by ln 2, i.e. the good:bad odds double
        LogisticFit shifted = new LogisticFit(f.fit.intercept() - Math.log(2), 0, f.fit.coefficients(),
                f.fit.standardErrors(), 0, 0, LogisticFit.Status.CONVERGED, 0, 0, "");
        PointsTable better = PointsTable.of(f.binnings, shifted, PointsScale.DEFAULT);
        assertThat(better.exactScore(row) - table.exactScore(row)).isCloseTo(20, within(1e-9));
        double p2 = shifted.probability(f.woe(table, row));
        assertThat(((1 - p2) / p2) / ((1 - p) / p)).isCloseTo(2, within(1e-9));
    }

    @Test
    void theKernelAddsTheRoundedPointsOfEachFeaturesBin() {
        Fixture f = Fixture.random(33, 5000);
        PointsScale scale = PointsScale.DEFAULT;
        PointsTable table = PointsTable.of(f.binnings, f.fit, scale);
        Random r = new Random(6);
        int rows = 500;
        double[] flat = new double[rows * table.features()];
        int[] expected = new int[rows];
        for (int e = 0; e < rows; e++) {
            double[] row = f.randomRow(r, table);
            System.arraycopy(row, 0, flat, e * row.length, row.length);
            int sum = 0;
            for (int j = 0; j < table.features(); j++) { // reference: the binning's own lookup and the formula
                FeatureBinning b = f.binnings.get(j);
                int bin = b.kind() == FeatureBinning.Kind.NUMERIC ? b.binOf(row[j])
                        : Double.isNaN(row[j]) ? b.binOf((String) null)
                        : row[j] < 0 ? b.binOf("never seen") : b.binOf(table.categories(j).get((int) row[j]));
                double exact = -(f.fit.coefficients().get(j) * b.woe(bin) + f.fit.intercept() / table.features())
                        * scale.factor() + scale.offset() / table.features();
                sum += (int) Math.round(exact);
                assertThat(table.points(j, row[j])).isEqualTo((int) Math.round(exact));
            }
            expected[e] = sum;
            assertThat(table.score(row)).isEqualTo(sum);
        }
        int[] scores = new int[rows];
        table.scoreAll(flat, rows, scores);
        assertThat(scores).containsExactly(expected);
        double[][] columns = new double[table.features()][rows];
        for (int e = 0; e < rows; e++) {
            for (int j = 0; j < table.features(); j++) {
                columns[j][e] = flat[e * table.features() + j];
            }
        }
        int[] byColumn = new int[rows];
        table.scoreColumns(columns, rows, byColumn);
        assertThat(byColumn).containsExactly(expected);
    }

    @Test
    void textValuesAreEncodedForTheKernel() {
        Fixture f = Fixture.random(2, 2000);
        PointsTable table = PointsTable.of(f.binnings, f.fit, PointsScale.DEFAULT);
        int cat = table.features() - 1;
        assertThat(table.isCategorical(cat)).isTrue();
        String known = table.categories(cat).get(1);
        double[] row = table.encode(Map.of("n0", "1.5", "n1", "NA", table.feature(cat), known));
        assertThat(row[0]).isEqualTo(1.5);
        assertThat(row[1]).isNaN();
        assertThat(row[cat]).isEqualTo(1);
        assertThat(table.encode(cat, "no such category")).isEqualTo(-1);
        assertThat(table.encode(cat, "")).isNaN();
    }

    @Test
    void aModelWithoutFeaturesScoresItsIntercept() {
        LogisticFit fit = new LogisticFit(Math.log(1 / 50.0), 0, List.of(), List.of(), 0, 1,
                LogisticFit.Status.CONVERGED, 0, 0, "");
        PointsTable table = PointsTable.of(List.of(), fit, PointsScale.DEFAULT);
        assertThat(table.score(new double[0])).isEqualTo(600);
        assertThat(table.baseline()).isEqualTo(600);
    }

    /**
     * Binnings of a few random features — numeric with missing values, a hand-made one with 30 cuts (so the kernel's
     * binary search beyond 16 cuts runs), one categorical — and a fit on their WoE.
     */
    record Fixture(List<FeatureBinning> binnings, LogisticFit fit) {

        static Fixture random(long seed, int n) {
            Random r = new Random(seed);
            int numeric = 3;
            double[][] v = new double[numeric + 1][n];
            String[] cat = new String[n];
            boolean[] bad = new boolean[n];
            String[] categories = {"a", "b", "c", "d", "e", "rare"};
            FeatureBinning many = manyCuts();
            for (int i = 0; i < n; i++) {
                double eta = -1.5;
                for (int j = 0; j < numeric; j++) {
                    v[j][i] = r.nextInt(25) == 0 && j == 1 ? Double.NaN : r.nextGaussian();
                    eta += Double.isNaN(v[j][i]) ? 0.5 : (j % 2 == 0 ? 0.9 : -0.6) * v[j][i];
                }
                v[numeric][i] = r.nextDouble() * 32 - 1;
                eta -= 0.5 * many.woe(many.binOf(v[numeric][i]));
                int c = r.nextInt(100) < 2 ? 5 : r.nextInt(5);
                cat[i] = r.nextInt(30) == 0 ? null : categories[c];
                eta += c * 0.3;
                bad[i] = r.nextDouble() < LogisticRegression.sigmoid(eta);
            }
            List<FeatureBinning> binnings = new ArrayList<>();
            for (int j = 0; j < numeric; j++) {
                binnings.add(Binning.numeric("n" + j, v[j], bad, Binning.Options.DEFAULT));
            }
            binnings.add(many);
            binnings.add(Binning.categorical("c", cat, bad, Binning.Options.DEFAULT));
            double[][] x = new double[n][binnings.size()];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= numeric; j++) {
                    x[i][j] = binnings.get(j).woe(binnings.get(j).binOf(v[j][i]));
                }
                x[i][numeric + 1] = binnings.get(numeric + 1).woe(binnings.get(numeric + 1).binOf(cat[i]));
            }
            return new Fixture(binnings, LogisticRegression.fit(x, bad, LogisticRegression.Options.DEFAULT));
        }

        /** Cuts at 1, 2, ..., 30; WoE (k − 15) / 10 in bin k. */
        static FeatureBinning manyCuts() {
            List<Double> cuts = new ArrayList<>();
            List<Bin> bins = new ArrayList<>();
            for (int k = 0; k <= 30; k++) {
                if (k > 0) {
                    cuts.add((double) k);
                }
                double lower = k == 0 ? Double.NEGATIVE_INFINITY : k;
                double upper = k == 30 ? Double.POSITIVE_INFINITY : k + 1;
                bins.add(new Bin(Binning.interval(lower, upper), lower, upper, List.of(), false, 10, 10,
                        (k - 15) / 10.0, 0));
            }
            return new FeatureBinning("many", FeatureBinning.Kind.NUMERIC, cuts, bins, Map.of(),
                    FeatureBinning.NO_BIN, FeatureBinning.NO_BIN, FeatureBinning.Trend.ASCENDING, 0);
        }

        double[] randomRow(Random r, PointsTable table) {
            double[] row = new double[binnings.size()];
            for (int j = 0; j < row.length; j++) {
                if (table.isCategorical(j)) {
                    int k = r.nextInt(table.categories(j).size() + 2);
                    row[j] = k == table.categories(j).size() ? Double.NaN
                            : k == table.categories(j).size() + 1 ? -1 : k;
                } else {
                    List<Double> cuts = binnings.get(j).cuts();
                    int kind = r.nextInt(20);
                    row[j] = kind == 0 ? Double.NaN
                            : kind == 1 && !cuts.isEmpty() ? cuts.get(r.nextInt(cuts.size())) // exactly on a cut
                            : binnings.get(j).feature().equals("many") ? r.nextDouble() * 34 - 2
                            : r.nextGaussian() * 1.5;
                }
            }
            return row;
        }

        double[] woe(PointsTable table, double[] row) {
            double[] woe = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                FeatureBinning b = binnings.get(j);
                int bin = b.kind() == FeatureBinning.Kind.NUMERIC ? b.binOf(row[j])
                        : Double.isNaN(row[j]) ? b.binOf((String) null)
                        : row[j] < 0 ? b.binOf("never seen") : b.binOf(table.categories(j).get((int) row[j]));
                woe[j] = b.woe(bin);
            }
            return woe;
        }
    }
}
