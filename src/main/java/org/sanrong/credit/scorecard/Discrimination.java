package org.sanrong.credit.scorecard;

import java.util.Arrays;

/**
 * How well a score separates goods from bads. Convention: a higher score means lower risk. AUC is the Mann–Whitney
 * statistic — the probability that a random good outscores a random bad, ties counting one half — computed from
 * mid-ranks in O(n log n). KS is the largest gap between the cumulative score distributions of bads and goods.
 * Gini = 2·AUC − 1.
 */
public final class Discrimination {

    public record Summary(int count, int bads, double auc, double ks, double gini) {
    }

    private Discrimination() {
    }

    public static Summary of(double[] score, boolean[] bad) {
        double auc = auc(score, bad);
        int bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        return new Summary(score.length, bads, auc, ks(score, bad), gini(auc));
    }

    public static double gini(double auc) {
        return 2 * auc - 1;
    }

    public static double auc(double[] score, boolean[] bad) {
        Sorted s = Sorted.of(score, bad);
        long goods = s.goods.length;
        long bads = s.bads.length;
        if (goods == 0 || bads == 0) {
            return Double.NaN;
        }
        // Walk the distinct values in ascending order; each tie group shares the mid-rank of its positions.
        double goodRankSum = 0;
        long below = 0;
        int i = 0;
        int j = 0;
        while (i < s.goods.length || j < s.bads.length) {
            double v = next(s, i, j);
            int g = 0;
            while (i < s.goods.length && s.goods[i] == v) {
                g++;
                i++;
            }
            int b = 0;
            while (j < s.bads.length && s.bads[j] == v) {
                b++;
                j++;
            }
            int tie = g + b;
            double midRank = below + (tie + 1) / 2.0;
            goodRankSum += g * midRank;
            below += tie;
        }
        double u = goodRankSum - goods * (goods + 1) / 2.0;
        return u / (goods * (double) bads);
    }

    public static double ks(double[] score, boolean[] bad) {
        Sorted s = Sorted.of(score, bad);
        if (s.goods.length == 0 || s.bads.length == 0) {
            return Double.NaN;
        }
        double ks = 0;
        int i = 0;
        int j = 0;
        while (i < s.goods.length || j < s.bads.length) {
            double v = next(s, i, j);
            while (i < s.goods.length && s.goods[i] == v) {
                i++;
            }
            while (j < s.bads.length && s.bads[j] == v) {
                j++;
            }
            ks = Math.max(ks, Math.abs(j / (double) s.bads.length - i / (double) s.goods.length));
        }
        return ks;
    }

    private static double next(Sorted s, int i, int j) {
        if (i == s.goods.length) {
            return s.bads[j];
        }
        if (j == s.bads.length) {
            return s.goods[i];
        }
        return Math.min(s.goods[i], s.bads[j]);
    }

    private record Sorted(double[] goods, double[] bads) {
        static Sorted of(double[] score, boolean[] bad) {
            if (score.length != bad.length) {
                throw new IllegalArgumentException(score.length + " scores but " + bad.length + " targets");
            }
            int nb = 0;
            for (boolean b : bad) {
                nb += b ? 1 : 0;
            }
            double[] goods = new double[score.length - nb];
            double[] bads = new double[nb];
            int g = 0;
            int b = 0;
            for (int k = 0; k < score.length; k++) {
                if (Double.isNaN(score[k])) {
                    throw new IllegalArgumentException("NaN score at " + k);
                }
                if (bad[k]) {
                    bads[b++] = score[k];
                } else {
                    goods[g++] = score[k];
                }
            }
            Arrays.sort(goods);
            Arrays.sort(bads);
            return new Sorted(goods, bads);
        }
    }
}
