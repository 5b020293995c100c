package org.sanrong.credit.scorecard;

import java.util.List;

/**
 * Score → grade: the lowest score of each grade from AAA down to CC; everything below CC's minimum is C. The
 * default cut-offs on the 600-at-50:1, PDO-20 scale, with the good:bad odds and P(bad) at each cut-off:
 *
 * <pre>
 * AAA ≥ 700   odds ≥ 1600:1   P(bad) ≤ 0.06%
 * AA  ≥ 670   odds ≥  566:1   P(bad) ≤ 0.18%
 * A   ≥ 640   odds ≥  200:1   P(bad) ≤ 0.50%
 * BBB ≥ 610   odds ≥ 70.7:1   P(bad) ≤ 1.39%
 * BB  ≥ 580   odds ≥   25:1   P(bad) ≤ 3.85%
 * B   ≥ 550   odds ≥ 8.84:1   P(bad) ≤ 10.2%
 * CCC ≥ 520   odds ≥ 3.13:1   P(bad) ≤ 24.2%
 * CC  ≥ 500   odds ≥ 1.56:1   P(bad) ≤ 39.0%
 * C   &lt; 500
 * </pre>
 */
public record GradeScale(List<Cut> cuts) {

    public record Cut(Grade grade, int minScore) {
    }

    public static final GradeScale DEFAULT = new GradeScale(List.of(new Cut(Grade.AAA, 700), new Cut(Grade.AA, 670),
            new Cut(Grade.A, 640), new Cut(Grade.BBB, 610), new Cut(Grade.BB, 580), new Cut(Grade.B, 550),
            new Cut(Grade.CCC, 520), new Cut(Grade.CC, 500)));

    public GradeScale {
        cuts = List.copyOf(cuts);
        Grade[] grades = Grade.values();
        if (cuts.size() != grades.length - 1) {
            throw new IllegalArgumentException("one minimum score per grade from AAA to CC please, got " + cuts);
        }
        for (int i = 0; i < cuts.size(); i++) {
            if (cuts.get(i).grade() != grades[i]) {
                throw new IllegalArgumentException("cut " + i + " must be for " + grades[i] + ": " + cuts);
            }
            if (i > 0 && cuts.get(i).minScore() >= cuts.get(i - 1).minScore()) {
                throw new IllegalArgumentException("minimum scores must fall from AAA to CC: " + cuts);
            }
        }
    }

    public Grade grade(int score) {
        for (Cut c : cuts) {
            if (score >= c.minScore()) {
                return c.grade();
            }
        }
        return Grade.C;
    }

    /** The scores a grade covers, e.g. "[640, 670)". */
    public String band(Grade grade) {
        int i = grade.ordinal();
        if (grade == Grade.C) {
            return "< " + cuts.get(cuts.size() - 1).minScore();
        }
        if (i == 0) {
            return ">= " + cuts.get(0).minScore();
        }
        return "[" + cuts.get(i).minScore() + ", " + cuts.get(i - 1).minScore() + ")";
    }
}
