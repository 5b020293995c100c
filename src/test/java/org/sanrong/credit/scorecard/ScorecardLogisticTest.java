package org.sanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanrong.credit.scorecard.LogisticFit.Status;

class ScorecardLogisticTest {

    @Test
    void choleskySolvesAndInvertsAndRefusesASingularMatrix() {
        double[][] a = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}}; // L = [[2,0,0],[6,1,0],[-8,5,3]]
        Cholesky c = Cholesky.of(a);
        assertThat(c).isNotNull();
        double[] x = c.solve(new double[] {1, 2, 3});
        for (int i = 0; i < 3; i++) {
            double ax = a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2];
            assertThat(ax).isCloseTo(i + 1.0, within(1e-9));
        }
        double[][] inv = c.inverse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double p = 0;
                for (int k = 0; k < 3; k++) {
                    p += a[i][k] * inv[k][j];
                }
                assertThat(p).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
        assertThat(Cholesky.of(new double[][] {{1, 2}, {2, 4}})).isNull();
        assertThat(Cholesky.of(new double[][] {{1, 2}, {2, 1}})).isNull();
    }

    @Test
    void theScoreEquationsHoldAtTheOptimumAndEveryPerturbationLowersTheLikelihood() {
        Random r = new Random(11);
        int n = 3000;
        int p = 6;
        double[] truth = {-1.2, 0.8, -0.5, 0.3, 0, 1.1, -0.7};
        double[][] x = new double[n][p];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double shared = r.nextGaussian();
            double eta = truth[0];
            for (int j = 0; j < p; j++) {
                x[i][j] = 0.6 * shared + r.nextGaussian(); // correlated columns, as WoE features are
                eta += truth[j + 1] * x[i][j];
            }
            y[i] = r.nextDouble() < LogisticRegression.sigmoid(eta);
        }
        LogisticFit fit = LogisticRegression.fit(x, y, LogisticRegression.Options.DEFAULT);

        assertThat(fit.converged()).as(fit.message()).isTrue();
        assertThat(fit.iterations()).isLessThan(15);
        double[] beta = beta(fit);
        double[] score = new double[p + 1];
        for (int i = 0; i < n; i++) {
            double residual = (y[i] ? 1 : 0) - fit.probability(x[i]);
            score[0] += residual;
            for (int j = 0; j < p; j++) {
                score[j + 1] += residual * x[i][j];
            }
        }
        for (double s : score) {
            assertThat(s).isCloseTo(0, within(1e-8));
        }
        assertThat(LogisticRegression.logLikelihood(x, y, beta)).isCloseTo(fit.logLikelihood(), within(1e-9));
        for (int j = 0; j <= p; j++) {
            for (double d : new double[] {-1e-3, 1e-3}) {
                double[] b = beta.clone();
                b[j] += d;
                assertThat(LogisticRegression.logLikelihood(x, y, b)).isLessThan(fit.logLikelihood());
            }
        }
        for (int k = 0; k < 50; k++) {
            double[] b = beta.clone();
            for (int j = 0; j <= p; j++) {
                b[j] += r.nextGaussian() * 0.01;
            }
            assertThat(LogisticRegression.logLikelihood(x, y, b)).isLessThan(fit.logLikelihood());
        }
        for (int j = 0; j <= p; j++) { // the estimate lands near the truth, within a few standard errors
            double se = j == 0 ? fit.interceptStandardError() : fit.standardErrors().get(j - 1);
            assertThat(Math.abs(beta[j] - truth[j])).isLessThan(4 * se);
        }
    }

    @Test
    void aSingleBinaryPredictorHasTheClosedFormOfLogOddsAndLogOddsRatio() {
        // x = 0: 90 good, 10 bad; x = 1: 60 good, 40 bad.
        int good0 = 90;
        int bad0 = 10;
        int good1 = 60;
        int bad1 = 40;
        int n = good0 + bad0 + good1 + bad1;
        double[][] x = new double[n][1];
        boolean[] y = new boolean[n];
        int i = 0;
        for (int k = 0; k < good0; k++, i++) {
            x[i][0] = 0;
        }
        for (int k = 0; k < bad0; k++, i++) {
            x[i][0] = 0;
            y[i] = true;
        }
        for (int k = 0; k < good1; k++, i++) {
            x[i][0] = 1;
        }
        for (int k = 0; k < bad1; k++, i++) {
            x[i][0] = 1;
            y[i] = true;
        }
        LogisticFit fit = LogisticRegression.fit(x, y, LogisticRegression.Options.DEFAULT);

        assertThat(fit.converged()).isTrue();
        assertThat(fit.intercept()).isCloseTo(Math.log(10.0 / 90), within(1e-12));
        assertThat(fit.coefficients().get(0)).isCloseTo(Math.log((40.0 / 60) / (10.0 / 90)), within(1e-12));
        // and the inverse information gives Woolf's standard errors exactly
        assertThat(fit.interceptStandardError()).isCloseTo(Math.sqrt(1.0 / bad0 + 1.0 / good0), within(1e-10));
        assertThat(fit.standardErrors().get(0))
                .isCloseTo(Math.sqrt(1.0 / bad0 + 1.0 / good0 + 1.0 / bad1 + 1.0 / good1), within(1e-10));
        double ll = bad0 * Math.log(0.1) + good0 * Math.log(0.9) + bad1 * Math.log(0.4) + good1 * Math.log(0.6);
        assertThat(fit.logLikelihood()).isCloseTo(ll, within(1e-10));
    }

    @Test
    void perfectSeparationStopsAndSaysSoInsteadOfLoopingOrReturningNaN() {
        double[][] x = {{-3}, {-2}, {-1}, {-0.5}, {0.5}, {1}, {2}, {3}};
        boolean[] y = {false, false, false, false, true, true, true, true};
        LogisticFit fit = LogisticRegression.fit(x, y, LogisticRegression.Options.DEFAULT);

        assertThat(fit.status()).isEqualTo(Status.SEPARATION);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.message()).contains("not converged", "separated");
        assertThat(fit.iterations()).isLessThanOrEqualTo(LogisticRegression.Options.DEFAULT.maxIterations());
        assertThat(Double.isFinite(fit.intercept())).isTrue();
        assertThat(Double.isFinite(fit.coefficients().get(0))).isTrue();
        assertThat(fit.coefficients().get(0)).isGreaterThan(10); // heading off to +∞, as it must
        assertThat(Double.isNaN(fit.logLikelihood())).isFalse();
    }

    @Test
    void quasiCompleteSeparationIsReportedToo() {
        // x = 1 rows are all bad; x = 0 rows are mixed: the slope's MLE is +∞.
        double[][] x = {{0}, {0}, {0}, {0}, {1}, {1}, {1}};
        boolean[] y = {false, true, false, true, true, true, true};
        LogisticFit fit = LogisticRegression.fit(x, y, LogisticRegression.Options.DEFAULT);

        assertThat(fit.status()).isEqualTo(Status.SEPARATION);
        assertThat(fit.saturated()).isEqualTo(3);
        assertThat(fit.intercept()).isCloseTo(0, within(1e-6)); // the x = 0 part is still fitted: odds 1
    }

    @Test
    void theIterationCapIsReported() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}};
        boolean[] y = {false, true, false, false, true, true};
        LogisticFit fit = LogisticRegression.fit(x, y, new LogisticRegression.Options(1, 1e-10));

        assertThat(fit.status()).isEqualTo(Status.ITERATION_LIMIT);
        assertThat(fit.iterations()).isEqualTo(1);
        assertThat(fit.message()).contains("iteration cap");
    }

    @Test
    void aDuplicatedColumnIsFittedWithATinyRidgeAndTheSameProbabilities() {
        Random r = new Random(5);
        int n = 400;
        double[][] once = new double[n][1];
        double[][] twice = new double[n][2];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double v = r.nextGaussian();
            once[i][0] = v;
            twice[i][0] = v;
            twice[i][1] = v;
            y[i] = r.nextDouble() < LogisticRegression.sigmoid(0.5 + v);
        }
        LogisticFit single = LogisticRegression.fit(once, y, LogisticRegression.Options.DEFAULT);
        LogisticFit doubled = LogisticRegression.fit(twice, y, LogisticRegression.Options.DEFAULT);

        assertThat(doubled.ridge()).isPositive();
        assertThat(doubled.message()).contains("ridge");
        assertThat(doubled.coefficients().get(0) + doubled.coefficients().get(1))
                .isCloseTo(single.coefficients().get(0), within(1e-6));
        assertThat(doubled.logLikelihood()).isCloseTo(single.logLikelihood(), within(1e-8));
        assertThat(doubled.standardErrors()).allSatisfy(se -> assertThat(se).isNaN()); // singular information
    }

    private static double[] beta(LogisticFit fit) {
        double[] b = new double[fit.coefficients().size() + 1];
        b[0] = fit.intercept();
        for (int j = 1; j < b.length; j++) {
            b[j] = fit.coefficients().get(j - 1);
        }
        return b;
    }
}
