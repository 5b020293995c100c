package org.sanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The column kernel's branch-free binary search (up to 15 cuts) against the plain per-row score, on tables of 0 to
 * 20 cuts per feature (the search for 8 and 16 padded cuts, the older loops beyond) and on the values that hurt:
 * exactly a cut, one ulp either side, missing, ±∞.
 */
class ScorecardKernelTest {

    static FeatureBinning feature(String name, int cuts, boolean missingBin, SplittableRandom r) {
        List<Double> c = new ArrayList<>();
        double x = -5;
        for (int k = 0; k < cuts; k++) {
            x += 0.1 + r.nextDouble();
            c.add(Math.rint(x * 4) / 4);
        }
        c = c.stream().distinct().sorted().toList();
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b <= c.size(); b++) {
            bins.add(new Bin("b" + b, b == 0 ? Double.NEGATIVE_INFINITY : c.get(b - 1),
                    b == c.size() ? Double.POSITIVE_INFINITY : c.get(b), List.of(), false, 50, 5,
                    r.nextGaussian(), 0.01));
        }
        if (missingBin) {
            bins.add(new Bin("缺失", Double.NaN, Double.NaN, List.of(), true, 5, 1, r.nextGaussian(), 0.001));
        }
        return new FeatureBinning(name, FeatureBinning.Kind.NUMERIC, c, bins, Map.of(),
                missingBin ? c.size() + 1 : FeatureBinning.NO_BIN, FeatureBinning.NO_BIN,
                FeatureBinning.Trend.UNORDERED, 0.1);
    }

    @Test
    void columnsScoreExactlyLikeRowsWhateverTheNumberOfCuts() {
        SplittableRandom r = new SplittableRandom(17);
        for (int round = 0; round < 20; round++) {
            List<FeatureBinning> features = new ArrayList<>();
            List<Double> coefficients = new ArrayList<>();
            for (int cuts = 0; cuts <= 20; cuts++) {
                features.add(feature("f" + cuts, cuts, r.nextBoolean(), r));
                coefficients.add(-0.2 - r.nextDouble());
            }
            LogisticFit fit = new LogisticFit(-2, 0.1, coefficients, coefficients.stream().map(x -> 0.1).toList(),
                    -1, 5, LogisticFit.Status.CONVERGED, 0, 0, "test");
            PointsTable table = PointsTable.of(features, fit, PointsScale.DEFAULT);
            int n = 3_000;
            double[][] columns = new double[features.size()][n];
            for (int f = 0; f < features.size(); f++) {
                List<Double> cuts = features.get(f).cuts();
                for (int e = 0; e < n; e++) {
                    int kind = r.nextInt(8);
                    double cut = cuts.isEmpty() ? 0 : cuts.get(r.nextInt(cuts.size()));
                    columns[f][e] = switch (kind) {
                        case 0 -> cut;
                        case 1 -> Math.nextUp(cut);
                        case 2 -> Math.nextDown(cut);
                        case 3 -> Double.NaN;
                        case 4 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                        default -> -8 + 20 * r.nextDouble();
                    };
                }
            }
            int[] scores = new int[n];
            table.scoreColumns(columns, n, scores);
            double[] row = new double[features.size()];
            for (int e = 0; e < n; e++) {
                for (int f = 0; f < row.length; f++) {
                    row[f] = columns[f][e];
                }
                assertThat(scores[e]).as("enterprise %d of round %d", e, round).isEqualTo(table.score(row));
            }
        }
    }
}
