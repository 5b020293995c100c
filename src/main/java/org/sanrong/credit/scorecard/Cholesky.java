package org.sanrong.credit.scorecard;

import org.jspecify.annotations.Nullable;

/**
 * A = L·Lᵀ for a symmetric positive definite matrix, the solve it gives, and the inverse. Small dense matrices only
 * (the scorecard's Hessian is at most about 60 × 60).
 */
public final class Cholesky {

    /** Pivots below this fraction of the largest diagonal entry count as zero: the matrix is (near) singular. */
    static final double PIVOT_TOLERANCE = 1e-13;

    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /** The factorisation, or null when the matrix is not (numerically) positive definite. */
    public static @Nullable Cholesky of(double[][] a) {
        int n = a.length;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > PIVOT_TOLERANCE * scale)) { // also refuses NaN
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
            }
        }
        return new Cholesky(l);
    }

    /** x with A·x = b. */
    public double[] solve(double[] b) {
        int n = lower.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) { // L·y = b
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= lower[i][k] * y[k];
            }
            y[i] = s / lower[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) { // Lᵀ·x = y
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k][i] * x[k];
            }
            x[i] = s / lower[i][i];
        }
        return x;
    }

    public double[][] inverse() {
        int n = lower.length;
        double[][] inv = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            inv[j] = solve(e); // column j; the inverse is symmetric, so it is row j too
        }
        return inv;
    }
}
