package org.sanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.List;
import org.sanrong.credit.scorecard.LogisticFit.Status;

/**
 * Logistic regression by maximum likelihood with Newton–Raphson (the same iteration as IRLS): β ← β + (X'WX)⁻¹
 * X'(y − p), with W = diag(p(1 − p)). Exact to the tolerance, no learning rate. The Newton system is solved by
 * Cholesky; a singular Hessian gets a tiny ridge (from 1e-10 of its largest diagonal entry, ×10 until it factors)
 * and the fit says so. A step that lowers the log-likelihood is halved, so the iteration never diverges.
 */
public final class LogisticRegression {

    /** |η| beyond this means P is within 1e-13 of 0 or 1: taken as a sign of separation. */
    static final double SATURATED_LOGIT = 30;
    private static final double STATIONARY_LIKELIHOOD = 1e-15;
    private static final int MAX_HALVINGS = 40;
    /** Iterations in a row with saturated rows after which separation is taken as established. */
    private static final int SATURATED_ITERATIONS = 10;

    public record Options(int maxIterations, double tolerance) {
        public static final Options DEFAULT = new Options(100, 1e-10);

        public Options {
            if (maxIterations < 1 || !(tolerance > 0)) {
                throw new IllegalArgumentException("maxIterations >= 1 and tolerance > 0 please");
            }
        }
    }

    private LogisticRegression() {
    }

    /** Fits y (true = bad) on the columns of x (n rows × p features; the intercept is added here). */
    public static LogisticFit fit(double[][] x, boolean[] y, Options options) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException(n + " rows but " + y.length + " targets");
        }
        int p = n == 0 ? 0 : x[0].length;
        int k = p + 1;
        int bads = 0;
        for (boolean b : y) {
            bads += b ? 1 : 0;
        }
        double[] beta = new double[k];
        if (bads > 0 && bads < n) {
            beta[0] = Math.log(bads / (double) (n - bads)); // the intercept-only MLE: a good start
        }
        double ll = logLikelihood(x, y, beta);
        int iterations = 0;
        int stationary = 0;
        int saturatedInARow = 0;
        boolean met = false;
        boolean stalled = false;
        double ridge = 0;
        double[] gradient = new double[k];
        double[][] hessian = new double[k][k];
        while (iterations < options.maxIterations()) {
            iterations++;
            saturatedInARow = information(x, y, beta, gradient, hessian) > 0 ? saturatedInARow + 1 : 0;
            if (saturatedInARow > SATURATED_ITERATIONS) {
                break; // the coefficients are running off to infinity: no point in more steps
            }
            double[] step = new double[k];
            ridge = solveWithRidge(hessian, gradient, step);
            double t = 1;
            double[] candidate = new double[k];
            double llNew = Double.NaN;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                for (int j = 0; j < k; j++) {
                    candidate[j] = beta[j] + t * step[j];
                }
                llNew = logLikelihood(x, y, candidate);
                if (llNew >= ll - 1e-12 * Math.abs(ll)) {
                    break;
                }
                t /= 2;
            }
            if (!(llNew >= ll - 1e-12 * Math.abs(ll))) {
                stalled = true; // no ascent along the Newton direction, even after halving
                break;
            }
            double change = 0;
            for (int j = 0; j < k; j++) {
                change = Math.max(change, Math.abs(candidate[j] - beta[j]));
            }
            double llChange = Math.abs(llNew - ll);
            System.arraycopy(candidate, 0, beta, 0, k);
            ll = llNew;
            if (change < options.tolerance()) {
                met = true;
                break;
            }
            stationary = llChange <= STATIONARY_LIKELIHOOD * Math.abs(ll) ? stationary + 1 : 0;
            if (stationary >= 2) { // Δβ stuck above the tolerance by rounding, yet the likelihood no longer moves
                met = true;
                break;
            }
        }

        int saturated = information(x, y, beta, gradient, hessian);
        double[] se = new double[k];
        Cholesky information = saturated > 0 ? null : Cholesky.of(hessian);
        if (information == null) { // singular, or meaningless under separation
            java.util.Arrays.fill(se, Double.NaN);
        } else {
            double[][] covariance = information.inverse();
            for (int j = 0; j < k; j++) {
                se[j] = Math.sqrt(covariance[j][j]);
            }
        }
        Status status;
        String message;
        if (saturated > 0) {
            status = Status.SEPARATION;
            message = String.format(java.util.Locale.ROOT, "not converged: %d of %d rows have fitted probabilities "
                    + "numerically 0 or 1 (|logit| > %.0f) after %d iterations; the classes are (quasi-)completely "
                    + "separated, the maximum-likelihood estimate does not exist and the coefficients grow without "
                    + "bound", saturated, n, SATURATED_LOGIT, iterations);
        } else if (met) {
            status = Status.CONVERGED;
            message = "converged in " + iterations + " iterations" + (ridge > 0 ? " (ridge " + ridge + " added)" : "");
        } else if (stalled) {
            status = Status.ITERATION_LIMIT;
            message = "not converged: no Newton step raised the log-likelihood after " + iterations + " iterations";
        } else {
            status = Status.ITERATION_LIMIT;
            message = "not converged: stopped at the iteration cap (" + options.maxIterations() + ")";
        }
        List<Double> coefficients = new ArrayList<>(p);
        List<Double> errors = new ArrayList<>(p);
        for (int j = 1; j < k; j++) {
            coefficients.add(beta[j]);
            errors.add(se[j]);
        }
        return new LogisticFit(beta[0], se[0], coefficients, errors, ll, iterations, status, ridge, saturated,
                message);
    }

    /** Solves H·step = g, adding a growing ridge to H's diagonal if it does not factor; returns the ridge used. */
    private static double solveWithRidge(double[][] h, double[] g, double[] step) {
        Cholesky c = Cholesky.of(h);
        double ridge = 0;
        if (c == null) {
            double scale = 0;
            for (int j = 0; j < h.length; j++) {
                scale = Math.max(scale, h[j][j]);
            }
            ridge = 1e-10 * Math.max(scale, 1e-300);
            double[][] a = new double[h.length][];
            while (c == null && ridge < Double.MAX_VALUE) {
                for (int j = 0; j < h.length; j++) {
                    a[j] = h[j].clone();
                    a[j][j] += ridge;
                }
                c = Cholesky.of(a);
                if (c == null) {
                    ridge *= 10;
                }
            }
            if (c == null) {
                java.util.Arrays.fill(step, 0);
                return ridge;
            }
        }
        System.arraycopy(c.solve(g), 0, step, 0, step.length);
        return ridge;
    }

    /**
     * Gradient X'(y − p) and Hessian X'WX (the observed information) at beta; returns the number of rows whose
     * fitted probability is numerically 0 or 1.
     */
    private static int information(double[][] x, boolean[] y, double[] beta, double[] g, double[][] h) {
        int k = beta.length;
        java.util.Arrays.fill(g, 0);
        for (double[] row : h) {
            java.util.Arrays.fill(row, 0);
        }
        int saturated = 0;
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double e = eta(row, beta);
            saturated += Math.abs(e) > SATURATED_LOGIT ? 1 : 0;
            double r = y[i] ? sigmoid(-e) : -sigmoid(e); // y − p without cancellation
            double a = Math.exp(-Math.abs(e));
            double w = a / ((1 + a) * (1 + a)); // p(1 − p), also exact in the tails
            g[0] += r;
            h[0][0] += w;
            for (int j = 1; j < k; j++) {
                double xj = row[j - 1];
                g[j] += r * xj;
                double wx = w * xj;
                h[j][0] += wx;
                for (int l = 1; l <= j; l++) {
                    h[j][l] += wx * row[l - 1];
                }
            }
        }
        for (int j = 0; j < k; j++) {
            for (int l = j + 1; l < k; l++) {
                h[j][l] = h[l][j];
            }
        }
        return saturated;
    }

    public static double logLikelihood(double[][] x, boolean[] y, double[] beta) {
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double e = eta(x[i], beta);
            ll -= y[i] ? softplus(-e) : softplus(e); // ln p = −ln(1 + e^−η), ln(1 − p) = −ln(1 + e^η)
        }
        return ll;
    }

    private static double eta(double[] row, double[] beta) {
        double e = beta[0];
        for (int j = 1; j < beta.length; j++) {
            e += beta[j] * row[j - 1];
        }
        return e;
    }

    /** ln(1 + e^z) without overflow. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** 1 / (1 + e^−z) without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
