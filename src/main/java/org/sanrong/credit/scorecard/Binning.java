package org.sanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.sanrong.credit.scorecard.FeatureBinning.Kind;
import org.sanrong.credit.scorecard.FeatureBinning.Trend;

/**
 * Bins a feature against the good/bad target and computes WoE and IV.
 *
 * <p>WoE of a bin = ln(%good / %bad), where %good = goods in the bin / all goods (so a positive WoE means safer than
 * average). A bin with no goods or no bads would give ±∞; such a bin gets 0.5 added to both its counts (and only
 * such a bin, so ordinary bins keep the textbook value). IV = Σ (%good − %bad) · WoE over the bins, with the same
 * smoothed shares.
 *
 * <p>Numeric features: fine bins at quantiles (default 20), bins under the minimum share (default 5% of rows) merged
 * into the neighbour with the closer bad rate, then adjacent bins merged until WoE is strictly monotonic — once
 * ascending, once descending, keeping the direction with the higher IV. Missing values keep a bin of their own.
 * Categorical features: a bin per category, those under the minimum share pooled in "其他"; missing values apart.
 */
public final class Binning {

    public static final String MISSING_LABEL = "缺失";
    public static final String OTHER_LABEL = "其他";
    public static final double SMOOTHING = 0.5;

    public record Options(int fineBins, double minBinShare) {
        public static final Options DEFAULT = new Options(20, 0.05);

        public Options {
            if (fineBins < 1) {
                throw new IllegalArgumentException("fineBins must be at least 1: " + fineBins);
            }
            if (!(minBinShare >= 0 && minBinShare < 1)) {
                throw new IllegalArgumentException("minBinShare must be in [0, 1): " + minBinShare);
            }
        }
    }

    private Binning() {
    }

    /** WoE of a bin with the smoothing rule above. */
    public static double woe(int goods, int bads, int totalGoods, int totalBads) {
        double[] s = shares(goods, bads, totalGoods, totalBads);
        return Math.log(s[0] / s[1]);
    }

    /** The bin's term of the IV sum, (%good − %bad) · WoE. */
    public static double ivTerm(int goods, int bads, int totalGoods, int totalBads) {
        double[] s = shares(goods, bads, totalGoods, totalBads);
        return (s[0] - s[1]) * Math.log(s[0] / s[1]);
    }

    private static double[] shares(int goods, int bads, int totalGoods, int totalBads) {
        double g = goods;
        double b = bads;
        if (goods == 0 || bads == 0) {
            g += SMOOTHING;
            b += SMOOTHING;
        }
        return new double[] {g / totalGoods, b / totalBads};
    }

    /** Bins a numeric feature; NaN marks a missing value. */
    public static FeatureBinning numeric(String feature, double[] values, boolean[] bad, Options options) {
        checkLengths(values.length, bad.length);
        Totals t = totals(bad);
        int missingGoods = 0;
        int missingBads = 0;
        int present = 0;
        for (double v : values) {
            present += Double.isNaN(v) ? 0 : 1;
        }
        double[] goodValues = new double[present];
        double[] badValues = new double[present];
        int ng = 0;
        int nb = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                if (bad[i]) {
                    missingBads++;
                } else {
                    missingGoods++;
                }
            } else if (bad[i]) {
                badValues[nb++] = values[i];
            } else {
                goodValues[ng++] = values[i];
            }
        }
        goodValues = Arrays.copyOf(goodValues, ng);
        badValues = Arrays.copyOf(badValues, nb);
        Arrays.sort(goodValues);
        Arrays.sort(badValues);
        Distinct d = Distinct.of(goodValues, badValues);

        List<Run> runs = fineRuns(d, present, options.fineBins());
        mergeSmall(runs, options.minBinShare() * values.length);
        List<Run> ascending = monotone(new ArrayList<>(runs), 1, t);
        List<Run> descending = monotone(new ArrayList<>(runs), -1, t);
        double ivUp = iv(ascending, t);
        double ivDown = iv(descending, t);
        List<Run> chosen = ivDown > ivUp ? descending : ascending;
        Trend trend = chosen.size() <= 1 ? Trend.FLAT : chosen == descending ? Trend.DESCENDING : Trend.ASCENDING;

        List<Double> cuts = new ArrayList<>();
        List<Bin> bins = new ArrayList<>();
        for (int r = 0; r < chosen.size(); r++) {
            Run run = chosen.get(r);
            double lower = r == 0 ? Double.NEGATIVE_INFINITY : d.values[run.from];
            double upper = r == chosen.size() - 1 ? Double.POSITIVE_INFINITY : d.values[chosen.get(r + 1).from];
            if (r > 0) {
                cuts.add(lower);
            }
            bins.add(bin(interval(lower, upper), lower, upper, List.of(), false, run.goods, run.bads, t));
        }
        int missingBin = FeatureBinning.NO_BIN;
        if (missingGoods + missingBads > 0) {
            missingBin = bins.size();
            bins.add(bin(MISSING_LABEL, Double.NaN, Double.NaN, List.of(), true, missingGoods, missingBads, t));
        }
        return new FeatureBinning(feature, Kind.NUMERIC, cuts, bins, Map.of(), missingBin, FeatureBinning.NO_BIN,
                trend, bins.stream().mapToDouble(Bin::iv).sum());
    }

    /** Bins a categorical feature; null marks a missing value. */
    public static FeatureBinning categorical(String feature, @Nullable String[] values, boolean[] bad,
            Options options) {
        checkLengths(values.length, bad.length);
        Totals t = totals(bad);
        Map<String, int[]> counts = new TreeMap<>(); // sorted, so the result does not depend on row order
        int missingGoods = 0;
        int missingBads = 0;
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                if (bad[i]) {
                    missingBads++;
                } else {
                    missingGoods++;
                }
                continue;
            }
            counts.computeIfAbsent(v, k -> new int[2])[bad[i] ? 1 : 0]++;
        }
        double minCount = options.minBinShare() * values.length;
        List<String> otherCategories = new ArrayList<>();
        int[] other = new int[2];
        record Group(String label, List<String> categories, int goods, int bads) {
        }
        List<Group> groups = new ArrayList<>();
        counts.forEach((category, c) -> {
            if (c[0] + c[1] < minCount || category.equals(OTHER_LABEL)) {
                otherCategories.add(category);
                other[0] += c[0];
                other[1] += c[1];
            } else {
                groups.add(new Group(category, List.of(category), c[0], c[1]));
            }
        });
        if (!otherCategories.isEmpty()) {
            groups.add(new Group(OTHER_LABEL, otherCategories, other[0], other[1]));
        }
        groups.sort(Comparator.comparingDouble((Group g) -> woe(g.goods, g.bads, t.goods, t.bads))
                .thenComparing(Group::label));
        List<Bin> bins = new ArrayList<>();
        Map<String, Integer> categoryBins = new HashMap<>();
        int otherBin = FeatureBinning.NO_BIN;
        for (Group g : groups) {
            for (String c : g.categories) {
                categoryBins.put(c, bins.size());
            }
            if (g.label.equals(OTHER_LABEL)) {
                otherBin = bins.size();
            }
            bins.add(bin(g.label, Double.NaN, Double.NaN, g.categories, false, g.goods, g.bads, t));
        }
        int missingBin = FeatureBinning.NO_BIN;
        if (missingGoods + missingBads > 0) {
            missingBin = bins.size();
            bins.add(bin(MISSING_LABEL, Double.NaN, Double.NaN, List.of(), true, missingGoods, missingBads, t));
        }
        return new FeatureBinning(feature, Kind.CATEGORICAL, List.of(), bins, categoryBins, missingBin, otherBin,
                Trend.UNORDERED, bins.stream().mapToDouble(Bin::iv).sum());
    }

    private static Bin bin(String label, double lower, double upper, List<String> categories, boolean missing,
            int goods, int bads, Totals t) {
        return new Bin(label, lower, upper, categories, missing, goods, bads, woe(goods, bads, t.goods, t.bads),
                ivTerm(goods, bads, t.goods, t.bads));
    }

    static String interval(double lower, double upper) {
        if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
            return "全部";
        }
        if (lower == Double.NEGATIVE_INFINITY) {
            return "< " + number(upper);
        }
        if (upper == Double.POSITIVE_INFINITY) {
            return ">= " + number(lower);
        }
        return "[" + number(lower) + ", " + number(upper) + ")";
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private record Totals(int goods, int bads) {
    }

    private static Totals totals(boolean[] bad) {
        int bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        int goods = bad.length - bads;
        if (goods == 0 || bads == 0) {
            throw new IllegalArgumentException("WoE needs both goods and bads; got " + goods + " goods and " + bads
                    + " bads");
        }
        return new Totals(goods, bads);
    }

    private static void checkLengths(int values, int targets) {
        if (values != targets) {
            throw new IllegalArgumentException(values + " values but " + targets + " targets");
        }
    }

    /** Distinct sorted values with their good and bad counts. */
    private record Distinct(double[] values, int[] goods, int[] bads) {
        static Distinct of(double[] sortedGoods, double[] sortedBads) {
            int n = sortedGoods.length + sortedBads.length;
            double[] values = new double[n];
            int[] goods = new int[n];
            int[] bads = new int[n];
            int d = -1;
            int i = 0;
            int j = 0;
            while (i < sortedGoods.length || j < sortedBads.length) {
                boolean takeGood = j == sortedBads.length
                        || (i < sortedGoods.length && sortedGoods[i] <= sortedBads[j]);
                double v = takeGood ? sortedGoods[i] : sortedBads[j];
                if (d < 0 || values[d] != v) {
                    values[++d] = v;
                }
                if (takeGood) {
                    goods[d]++;
                    i++;
                } else {
                    bads[d]++;
                    j++;
                }
            }
            int size = d + 1;
            return new Distinct(Arrays.copyOf(values, size), Arrays.copyOf(goods, size), Arrays.copyOf(bads, size));
        }
    }

    /** Consecutive distinct values {@code from..to} (inclusive) taken as one bin. */
    private record Run(int from, int to, int goods, int bads) {
        int count() {
            return goods + bads;
        }

        double badRate() {
            return bads / (double) count();
        }

        Run merge(Run next) {
            return new Run(from, next.to, goods + next.goods, bads + next.bads);
        }
    }

    /** Cuts at the q-quantiles, moved to the next distinct value so equal values never straddle two bins. */
    private static List<Run> fineRuns(Distinct d, int present, int q) {
        List<Run> runs = new ArrayList<>();
        int from = 0;
        int goods = 0;
        int bads = 0;
        long cumulative = 0;
        int k = 1;
        for (int i = 0; i < d.values.length; i++) {
            goods += d.goods[i];
            bads += d.bads[i];
            cumulative += d.goods[i] + d.bads[i];
            if (cumulative * (long) q >= (long) k * present || i == d.values.length - 1) {
                runs.add(new Run(from, i, goods, bads));
                from = i + 1;
                goods = 0;
                bads = 0;
                while ((long) k * present <= cumulative * (long) q) {
                    k++;
                }
            }
        }
        return runs;
    }

    /** Merges the smallest bin into a neighbour until every bin holds at least {@code minCount} rows. */
    private static void mergeSmall(List<Run> runs, double minCount) {
        while (runs.size() > 1) {
            int smallest = 0;
            for (int i = 1; i < runs.size(); i++) {
                if (runs.get(i).count() < runs.get(smallest).count()) {
                    smallest = i;
                }
            }
            Run s = runs.get(smallest);
            if (s.count() >= minCount) {
                return;
            }
            int with;
            if (smallest == 0) {
                with = 1;
            } else if (smallest == runs.size() - 1) {
                with = smallest - 1;
            } else {
                Run left = runs.get(smallest - 1);
                Run right = runs.get(smallest + 1);
                double dl = Math.abs(left.badRate() - s.badRate());
                double dr = Math.abs(right.badRate() - s.badRate());
                with = dl < dr || (dl == dr && left.count() <= right.count()) ? smallest - 1 : smallest + 1;
            }
            int first = Math.min(smallest, with);
            runs.set(first, runs.get(first).merge(runs.get(first + 1)));
            runs.remove(first + 1);
        }
    }

    /**
     * Merges adjacent bins until WoE strictly rises ({@code direction} 1) or falls (-1) from bin to bin. Merging a
     * violating pair and stepping back one bin is the pool-adjacent-violators scheme.
     */
    private static List<Run> monotone(List<Run> runs, int direction, Totals t) {
        int i = 0;
        while (i < runs.size() - 1) {
            double step = woe(runs.get(i + 1).goods, runs.get(i + 1).bads, t.goods, t.bads)
                    - woe(runs.get(i).goods, runs.get(i).bads, t.goods, t.bads);
            if (step * direction > 0) {
                i++;
            } else {
                runs.set(i, runs.get(i).merge(runs.get(i + 1)));
                runs.remove(i + 1);
                i = Math.max(i - 1, 0);
            }
        }
        return runs;
    }

    private static double iv(List<Run> runs, Totals t) {
        double iv = 0;
        for (Run r : runs) {
            iv += ivTerm(r.goods, r.bads, t.goods, t.bads);
        }
        return iv;
    }
}
