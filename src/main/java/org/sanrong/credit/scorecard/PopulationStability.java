package org.sanrong.credit.scorecard;

import java.util.Arrays;

/**
 * Population stability index between an expected (e.g. training) and an actual (e.g. this month's) score
 * distribution over the same bands: PSI = Σ (%actual − %expected) · ln(%actual / %expected). A band empty on either
 * side gets 0.5 added to both counts, as in WoE. Reading: below 0.1 stable, 0.1–0.25 worth watching, above 0.25 the
 * population has shifted.
 */
public final class PopulationStability {

    private PopulationStability() {
    }

    public static double psi(int[] expected, int[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("bands differ: " + expected.length + " vs " + actual.length);
        }
        long e = Arrays.stream(expected).asLongStream().sum();
        long a = Arrays.stream(actual).asLongStream().sum();
        if (e == 0 || a == 0) {
            throw new IllegalArgumentException("an empty distribution has no PSI");
        }
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double ei = expected[i];
            double ai = actual[i];
            if (ei == 0 && ai == 0) {
                continue;
            }
            if (ei == 0 || ai == 0) {
                ei += Binning.SMOOTHING;
                ai += Binning.SMOOTHING;
            }
            double pe = ei / e;
            double pa = ai / a;
            psi += (pa - pe) * Math.log(pa / pe);
        }
        return psi;
    }

    /** PSI over the bands the cut points make (band i holds scores with i cuts ≤ score). */
    public static double psi(double[] expectedScores, double[] actualScores, double[] cuts) {
        return psi(count(expectedScores, cuts), count(actualScores, cuts));
    }

    /** Counts per band of the sorted cut points. */
    public static int[] count(double[] scores, double[] cuts) {
        int[] counts = new int[cuts.length + 1];
        for (double s : scores) {
            int band = 0;
            while (band < cuts.length && cuts[band] <= s) {
                band++;
            }
            counts[band]++;
        }
        return counts;
    }

    /**
     * Cut points that split the scores into {@code bands} bands of about equal size (fewer when ties make bands
     * coincide): the usual deciles for a PSI baseline.
     */
    public static double[] quantileCuts(double[] scores, int bands) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[bands - 1];
        int n = 0;
        for (int k = 1; k < bands; k++) {
            int index = (int) Math.ceil(k * (double) sorted.length / bands);
            if (index <= 0 || index >= sorted.length) {
                continue;
            }
            double c = sorted[index];
            if (c > sorted[0] && (n == 0 || c > cuts[n - 1])) {
                cuts[n++] = c;
            }
        }
        return Arrays.copyOf(cuts, n);
    }
}
