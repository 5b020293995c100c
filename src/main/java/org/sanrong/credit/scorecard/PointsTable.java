package org.sanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sanrong.credit.scorecard.FeatureBinning.Kind;

/**
 * The points table (评分卡) and the scoring kernel. With logit P(bad) = α + Σ βⱼ·WoEⱼ and WoE = ln(good/bad), the
 * score offset + factor · ln(good:bad) splits into one term per feature: points = −(βⱼ·WoEᵢⱼ + α/n)·factor +
 * offset/n for bin i of feature j (n features). Each is rounded to an integer; the score is their sum.
 *
 * <p>Scoring reads flat arrays only: per feature, the bin is the number of cut points ≤ the value (branch-free count
 * for the usual handful of cuts, binary search beyond), or the category code's bin, and its points are added. No
 * allocation. A value is given as a double: numbers as themselves, categories as their code in
 * {@link #categories(int)}, NaN for missing; an unknown category code scores as the "其他" bin, or neutrally (WoE 0)
 * when the feature has none — so does a missing value on a feature that had no missing values in training.
 */
public final class PointsTable {

    /** One row of the printed table. */
    public record Entry(String feature, String bin, double woe, double coefficient, double exactPoints, int points) {
    }

    private static final int LINEAR_CUTS = 16;
    /** Numeric features with at most this many cuts are scored column-wise by a branch-free binary search. */
    private static final int SEARCH_CUTS = 15;

    private final String[] features;
    private final boolean[] categorical;
    private final int[] cutStart;
    private final double[] cuts;
    private final int[] slotStart;
    private final int[] valueBins;
    private final int[] points;
    private final double[] exactPoints;
    /** Per numeric feature of at most {@link #SEARCH_CUTS} cuts: its cuts padded with NaN to 8 or 16; else null. */
    private final double[][] searchCuts;
    /** For those features: the points of bins 0 … 7 (or 15) and last the missing slot's, a copy of {@link #points}. */
    private final int[][] searchPoints;
    private final int[] categoryStart;
    private final int[] categoryBin;
    private final String[][] categories;
    private final int baseline;
    private final double exactBaseline;
    private final List<Entry> entries;

    private PointsTable(List<FeatureBinning> model, LogisticFit fit, PointsScale scale) {
        int n = model.size();
        if (fit.coefficients().size() != n) {
            throw new IllegalArgumentException(n + " features but " + fit.coefficients().size() + " coefficients");
        }
        features = new String[n];
        categorical = new boolean[n];
        cutStart = new int[n + 1];
        slotStart = new int[n + 1];
        valueBins = new int[n];
        categoryStart = new int[n + 1];
        categories = new String[n][];
        for (int f = 0; f < n; f++) {
            FeatureBinning b = model.get(f);
            features[f] = b.feature();
            categorical[f] = b.kind() == Kind.CATEGORICAL;
            valueBins[f] = b.valueBins();
            cutStart[f + 1] = cutStart[f] + b.cuts().size();
            slotStart[f + 1] = slotStart[f] + valueBins[f] + 2; // value bins, missing, unseen
            categories[f] = categorical[f]
                    ? b.categoryBins().keySet().stream().sorted().toArray(String[]::new)
                    : new String[0];
            categoryStart[f + 1] = categoryStart[f] + categories[f].length;
        }
        cuts = new double[cutStart[n]];
        points = new int[slotStart[n]];
        exactPoints = new double[slotStart[n]];
        categoryBin = new int[categoryStart[n]];
        double factor = scale.factor();
        double offset = scale.offset();
        double alpha = fit.intercept();
        entries = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            FeatureBinning b = model.get(f);
            double beta = fit.coefficients().get(f);
            for (int c = 0; c < b.cuts().size(); c++) {
                cuts[cutStart[f] + c] = b.cuts().get(c);
            }
            for (int c = 0; c < categories[f].length; c++) {
                categoryBin[categoryStart[f] + c] = b.categoryBins().get(categories[f][c]);
            }
            int missingSlot = valueBins[f];
            for (int slot = 0; slot < valueBins[f] + 2; slot++) {
                int bin = slot < valueBins[f] ? slot
                        : slot == missingSlot ? b.missingBin()
                        : b.otherBin();
                double woe = b.woe(bin);
                double exact = -(beta * woe + alpha / n) * factor + offset / n;
                exactPoints[slotStart[f] + slot] = exact;
                points[slotStart[f] + slot] = (int) Math.round(exact);
                if (slot < valueBins[f] || (slot == missingSlot && bin != FeatureBinning.NO_BIN)) {
                    entries.add(new Entry(b.feature(), b.bins().get(bin).label(), woe, beta, exact,
                            (int) Math.round(exact)));
                } else if (slot == missingSlot) {
                    entries.add(new Entry(b.feature(), Binning.MISSING_LABEL + "（训练中未出现，按中性 WoE 0）", 0, beta,
                            exact, (int) Math.round(exact)));
                } else if (categorical[f] && bin == FeatureBinning.NO_BIN) {
                    entries.add(new Entry(b.feature(), "训练中未出现的类别（按中性 WoE 0）", 0, beta, exact,
                            (int) Math.round(exact)));
                }
            }
        }
        searchCuts = new double[n][];
        searchPoints = new int[n][];
        for (int f = 0; f < n; f++) {
            int size = cutStart[f + 1] - cutStart[f];
            if (!categorical[f] && size <= SEARCH_CUTS) {
                double[] k = new double[size <= 7 ? 8 : 16];
                java.util.Arrays.fill(k, Double.NaN);
                System.arraycopy(cuts, cutStart[f], k, 0, size);
                searchCuts[f] = k;
                int[] p = new int[k.length + 1];
                System.arraycopy(points, slotStart[f], p, 0, size + 1); // bins 0 … size (size + 1 of them)
                p[k.length] = points[slotStart[f] + valueBins[f]];
                searchPoints[f] = p;
            }
        }
                exactBaseline = n == 0 ? scale.scoreAtLogit(alpha) : 0;
        baseline = (int) Math.round(exactBaseline);
    }

    public static PointsTable of(List<FeatureBinning> model, LogisticFit fit, PointsScale scale) {
        return new PointsTable(model, fit, scale);
    }

    public int features() {
        return features.length;
    }

    public String feature(int f) {
        return features[f];
    }

    public boolean isCategorical(int f) {
        return categorical[f];
    }

    /** The categories a categorical feature knows, in code order (sorted). */
    public List<String> categories(int f) {
        return List.of(categories[f]);
    }

    /** Points with no feature behind them: 0 unless the model has no features, then the intercept's score. */
    public int baseline() {
        return baseline;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The score of one enterprise; {@code row[f]} is feature f's value as described above. */
    public int score(double[] row) {
        int score = baseline;
        for (int f = 0; f < features.length; f++) {
            score += points[slotStart[f] + slot(f, row[f])];
        }
        return score;
    }

    /** Scores {@code count} enterprises laid out row after row in {@code rows} (features values each). */
    public void scoreAll(double[] rows, int count, int[] scores) {
        int width = features.length;
        for (int e = 0; e < count; e++) {
            int score = baseline;
            int base = e * width;
            for (int f = 0; f < width; f++) {
                score += points[slotStart[f] + slot(f, rows[base + f])];
            }
            scores[e] = score;
        }
    }

    /**
     * Scores {@code count} enterprises given column by column ({@code columns[f][e]} is enterprise e's value of
     * feature f), adding one feature's points to every score before moving to the next feature, so one feature's
     * cut points stay hot; numeric features of up to 15 cuts go through a branch-free binary search (about twice
     * the speed of counting the cuts one by one; {@code ./sanrong bench scoring}, docs/performance.md).
     */
    public void scoreColumns(double[][] columns, int count, int[] scores) {
        java.util.Arrays.fill(scores, 0, count, baseline);
        for (int f = 0; f < features.length; f++) {
            double[] column = columns[f];
            int lo = cutStart[f];
            int hi = cutStart[f + 1];
            if (searchCuts[f] != null) {
                scoreColumnBySearch(f, column, count, scores);
                continue;
            }
            if (categorical[f] || hi - lo > LINEAR_CUTS) {
                for (int e = 0; e < count; e++) {
                    scores[e] += points[slotStart[f] + slot(f, column[e])];
                }
                continue;
            }
            int base = slotStart[f];
            int missing = base + valueBins[f];
            for (int e = 0; e < count; e++) {
                double v = column[e];
                int bin = base;
                for (int c = lo; c < hi; c++) {
                    bin += cuts[c] <= v ? 1 : 0;
                }
                scores[e] += points[v != v ? missing : bin];
            }
        }
    }

    /**
     * One numeric feature of at most 15 cuts over a column, by a branch-free binary search: the cuts padded with NaN
     * to 8 or 16 (NaN is never at or below a value, so "cut ≤ value" stays true-then-false along the array and the
     * padding is never counted), so the bin — the number of cuts at or below the value — takes three or four
     * comparisons that compile to conditional moves: no loop, no unpredictable branch. A missing value (NaN)
     * compares false everywhere and takes the missing slot.
     */
    private void scoreColumnBySearch(int f, double[] column, int count, int[] scores) {
        double[] k = searchCuts[f];
        int[] p = searchPoints[f];
        int missing = p.length - 1;
        if (k.length == 8) {
            for (int e = 0; e < count; e++) {
                double v = column[e];
                int b = k[3] <= v ? 4 : 0;
                b += k[b + 1] <= v ? 2 : 0;
                b += k[b] <= v ? 1 : 0;
                scores[e] += p[v != v ? missing : b];
            }
        } else {
            for (int e = 0; e < count; e++) {
                double v = column[e];
                int b = k[7] <= v ? 8 : 0;
                b += k[b + 3] <= v ? 4 : 0;
                b += k[b + 1] <= v ? 2 : 0;
                b += k[b] <= v ? 1 : 0;
                scores[e] += p[v != v ? missing : b];
            }
        }
    }

    /** The score before rounding each feature's points. */
    public double exactScore(double[] row) {
        double score = exactBaseline;
        for (int f = 0; f < features.length; f++) {
            score += exactPoints[slotStart[f] + slot(f, row[f])];
        }
        return score;
    }

    /** Feature f's points for a value, as the score adds them. */
    public int points(int f, double value) {
        return points[slotStart[f] + slot(f, value)];
    }

    private int slot(int f, double v) {
        if (v != v) { // NaN: missing
            return valueBins[f];
        }
        if (categorical[f]) {
            int from = categoryStart[f];
            int size = categoryStart[f + 1] - from;
            int code = (int) v;
            return code >= 0 && code < size && code == v ? categoryBin[from + code] : valueBins[f] + 1;
        }
        int lo = cutStart[f];
        int hi = cutStart[f + 1];
        if (hi - lo <= LINEAR_CUTS) {
            int bin = 0;
            for (int c = lo; c < hi; c++) {
                bin += cuts[c] <= v ? 1 : 0;
            }
            return bin;
        }
        int from = lo;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - from;
    }

    /**
     * Feature values from text, e.g. a CSV row: numbers parsed (missing tokens as NaN), categories as their code
     * (-1 when unknown). A feature absent from the map is missing.
     */
    public double[] encode(Map<String, String> raw) {
        double[] row = new double[features.length];
        for (int f = 0; f < features.length; f++) {
            row[f] = encode(f, raw.get(features[f]));
        }
        return row;
    }

    public double encode(int f, @org.jspecify.annotations.Nullable String raw) {
        if (raw == null || TrainingTable.isMissing(raw)) {
            return Double.NaN;
        }
        String v = raw.strip();
        if (categorical[f]) {
            int code = java.util.Arrays.binarySearch(categories[f], v);
            return code >= 0 ? code : -1;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(features[f] + ": not a number: " + raw, e);
        }
    }
}
