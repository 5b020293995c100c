package org.sanrong.credit.scorecard;

import java.util.List;

/**
 * A logistic regression of P(bad) fitted by maximum likelihood: logit P(bad) = intercept + Σ coefficient·x.
 * Standard errors come from the inverse of the observed information (X'WX) at the estimate; they are NaN under
 * separation or when that matrix is singular. {@code ridge} is the diagonal that had to be added to the Hessian in the last Newton step
 * (0 when none was needed).
 */
public record LogisticFit(double intercept, double interceptStandardError, List<Double> coefficients,
        List<Double> standardErrors, double logLikelihood, int iterations, Status status, double ridge,
        int saturated, String message) {

    public enum Status {
        /** max |Δβ| fell under the tolerance (or the log-likelihood stopped moving) at an interior optimum. */
        CONVERGED,
        /** The iteration cap came first. */
        ITERATION_LIMIT,
        /** Some fitted probabilities are numerically 0 or 1: the classes are separated and the MLE does not exist. */
        SEPARATION
    }

    public LogisticFit {
        coefficients = List.copyOf(coefficients);
        standardErrors = List.copyOf(standardErrors);
    }

    public boolean converged() {
        return status == Status.CONVERGED;
    }

    public double linearPredictor(double[] x) {
        double eta = intercept;
        for (int j = 0; j < coefficients.size(); j++) {
            eta += coefficients.get(j) * x[j];
        }
        return eta;
    }

    /** P(bad | x). */
    public double probability(double[] x) {
        return LogisticRegression.sigmoid(linearPredictor(x));
    }
}
