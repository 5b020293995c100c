package org.sanrong.credit;

/**
 * 提升建议 ("what would raise it"): for an actionable feature, the nearest bin that scores more — moving the value to
 * {@code target} (a value inside that bin) adds exactly {@code points} to the score, everything else unchanged,
 * giving {@code newScore} and {@code newGrade}.
 */
public record Hint(String code, String feature, String value, String fromBin, String toBin, double target,
        String action, int points, int newScore, String newGrade) {
}
