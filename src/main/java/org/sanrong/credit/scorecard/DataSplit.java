package org.sanrong.credit.scorecard;

import java.util.SplittableRandom;

/**
 * Seeded, stratified splits: goods and bads are shuffled apart so that each part keeps the bad rate of the whole
 * (to within one row), and the same seed gives the same split.
 */
public final class DataSplit {

    private DataSplit() {
    }

    /** true for the rows held out: round(fraction × goods) goods and round(fraction × bads) bads. */
    public static boolean[] holdout(boolean[] bad, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be in [0, 1): " + fraction);
        }
        boolean[] out = new boolean[bad.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (boolean cls : new boolean[] {false, true}) {
            int[] rows = rowsOf(bad, cls);
            shuffle(rows, random);
            int take = (int) Math.round(fraction * rows.length);
            for (int i = 0; i < take; i++) {
                out[rows[i]] = true;
            }
        }
        return out;
    }

    /** Fold number 0..k-1 of every row; each class is dealt round the folds after a shuffle. */
    public static int[] folds(boolean[] bad, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2: " + k);
        }
        int[] fold = new int[bad.length];
        SplittableRandom random = new SplittableRandom(seed);
        int next = 0;
        for (boolean cls : new boolean[] {false, true}) {
            int[] rows = rowsOf(bad, cls);
            shuffle(rows, random);
            for (int row : rows) {
                fold[row] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    private static int[] rowsOf(boolean[] bad, boolean cls) {
        int count = 0;
        for (boolean b : bad) {
            count += b == cls ? 1 : 0;
        }
        int[] rows = new int[count];
        int n = 0;
        for (int i = 0; i < bad.length; i++) {
            if (bad[i] == cls) {
                rows[n++] = i;
            }
        }
        return rows;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
