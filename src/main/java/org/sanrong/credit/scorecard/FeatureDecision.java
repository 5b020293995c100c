package org.sanrong.credit.scorecard;

/** Whether a candidate feature entered the model, and why (the detail is for the report, in Chinese). */
public record FeatureDecision(String feature, double iv, Reason reason, String detail) {

    public enum Reason {
        SELECTED,
        /** Left out by the user (an id column, a column that must not be used). */
        EXCLUDED,
        /** IV under the threshold: too little to tell goods from bads. */
        LOW_IV,
        /** WoE too correlated with a feature of higher IV already kept. */
        CORRELATED,
        /** Coefficient came out with the wrong sign beside the other features (collinearity), so dropped and refit. */
        WRONG_SIGN
    }

    public boolean kept() {
        return reason == Reason.SELECTED;
    }
}
