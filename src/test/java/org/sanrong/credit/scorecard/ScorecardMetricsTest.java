package org.sanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScorecardMetricsTest {

    @Test
    void aucIsThePairwiseShareOfGoodsOutscoringBadsWithTiesCountingHalf() {
        for (long seed = 1; seed <= 30; seed++) {
            Random r = new Random(seed);
            int n = 2 + r.nextInt(400);
            int range = 1 + r.nextInt(30); // few distinct scores: many ties
            double[] score = new double[n];
            boolean[] bad = new boolean[n];
            for (int i = 0; i < n; i++) {
                bad[i] = r.nextDouble() < 0.3;
                score[i] = r.nextInt(range) + (bad[i] ? 0 : r.nextInt(3));
            }
            bad[0] = true;
            bad[1] = false;
            double pairs = 0;
            double wins = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (!bad[i] && bad[j]) {
                        pairs++;
                        wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                    }
                }
            }
            double auc = Discrimination.auc(score, bad);
            assertThat(auc).as("seed %d", seed).isCloseTo(wins / pairs, within(1e-12));
            assertThat(Discrimination.of(score, bad).gini()).isCloseTo(2 * auc - 1, within(1e-15));
        }
    }

    @Test
    void ksIsTheLargestGapBetweenTheCumulativeDistributionsAtAnyThreshold() {
        for (long seed = 1; seed <= 30; seed++) {
            Random r = new Random(seed);
            int n = 2 + r.nextInt(300);
            double[] score = new double[n];
            boolean[] bad = new boolean[n];
            for (int i = 0; i < n; i++) {
                bad[i] = r.nextDouble() < 0.4;
                score[i] = seed % 2 == 0 ? r.nextInt(20) : r.nextGaussian() + (bad[i] ? -0.5 : 0);
            }
            bad[0] = true;
            bad[1] = false;
            double brute = 0;
            for (double t : score) {
                int goodsBelow = 0;
                int badsBelow = 0;
                int goods = 0;
                int bads = 0;
                for (int i = 0; i < n; i++) {
                    if (bad[i]) {
                        bads++;
                        badsBelow += score[i] <= t ? 1 : 0;
                    } else {
                        goods++;
                        goodsBelow += score[i] <= t ? 1 : 0;
                    }
                }
                brute = Math.max(brute, Math.abs(badsBelow / (double) bads - goodsBelow / (double) goods));
            }
            assertThat(Discrimination.ks(score, bad)).as("seed %d", seed).isCloseTo(brute, within(1e-12));
        }
    }

    @Test
    void perfectReversedAndHandCountedCases() {
        double[] score = {1, 2, 3, 4};
        assertThat(Discrimination.auc(score, new boolean[] {true, true, false, false})).isEqualTo(1.0);
        assertThat(Discrimination.ks(score, new boolean[] {true, true, false, false})).isEqualTo(1.0);
        assertThat(Discrimination.auc(score, new boolean[] {false, false, true, true})).isEqualTo(0.0);
        // goods {2, 4}, bads {1, 2}: pairs (2>1), (2=2 half), (4>1), (4>2) → 3.5 of 4
        assertThat(Discrimination.auc(new double[] {2, 4, 1, 2}, new boolean[] {false, false, true, true}))
                .isEqualTo(3.5 / 4);
        assertThat(Discrimination.auc(score, new boolean[] {false, false, false, false})).isNaN();
    }

    @Test
    void psiIsZeroForTheSameDistributionAndMatchesAHandComputation() {
        assertThat(PopulationStability.psi(new int[] {10, 20, 30}, new int[] {20, 40, 60})).isZero();
        double expected = (0.3 - 0.5) * Math.log(0.3 / 0.5) + (0.7 - 0.5) * Math.log(0.7 / 0.5);
        assertThat(PopulationStability.psi(new int[] {50, 50}, new int[] {30, 70})).isCloseTo(expected, within(1e-12));
        // an empty band gets 0.5 on both sides instead of an infinite term
        double smoothed = (0.5 / 100 - 50.5 / 100) * Math.log((0.5 / 100) / (50.5 / 100))
                + (1.0 - 0.5) * Math.log(1.0 / 0.5);
        assertThat(PopulationStability.psi(new int[] {50, 50}, new int[] {0, 100})).isCloseTo(smoothed,
                within(1e-12));
        double[] before = {500, 510, 520, 530, 540, 550, 560, 570, 580, 590};
        double[] cuts = PopulationStability.quantileCuts(before, 5);
        assertThat(cuts).containsExactly(520, 540, 560, 580);
        assertThat(PopulationStability.count(before, cuts)).containsExactly(2, 2, 2, 2, 2);
        assertThat(PopulationStability.psi(before, before, cuts)).isZero();
    }

    @Test
    void gradesFollowTheDocumentedCutOffs() {
        GradeScale g = GradeScale.DEFAULT;
        assertThat(g.grade(900)).isEqualTo(Grade.AAA);
        assertThat(g.grade(700)).isEqualTo(Grade.AAA);
        assertThat(g.grade(699)).isEqualTo(Grade.AA);
        assertThat(g.grade(640)).isEqualTo(Grade.A);
        assertThat(g.grade(610)).isEqualTo(Grade.BBB);
        assertThat(g.grade(600)).isEqualTo(Grade.BB);
        assertThat(g.grade(550)).isEqualTo(Grade.B);
        assertThat(g.grade(520)).isEqualTo(Grade.CCC);
        assertThat(g.grade(500)).isEqualTo(Grade.CC);
        assertThat(g.grade(499)).isEqualTo(Grade.C);
        assertThat(g.band(Grade.AAA)).isEqualTo(">= 700");
        assertThat(g.band(Grade.A)).isEqualTo("[640, 670)");
        assertThat(g.band(Grade.C)).isEqualTo("< 500");
        // A at 640 is odds 200:1 on the default scale
        assertThat(PointsScale.DEFAULT.oddsAt(640)).isCloseTo(200, within(1e-9));
    }

    @Test
    void aGradeScaleMustListAaaToCcWithFallingMinimums() {
        List<GradeScale.Cut> cuts = new java.util.ArrayList<>(GradeScale.DEFAULT.cuts());
        cuts.set(3, new GradeScale.Cut(Grade.BBB, 680));
        assertThatThrownBy(() -> new GradeScale(cuts)).hasMessageContaining("fall");
        assertThatThrownBy(() -> new GradeScale(GradeScale.DEFAULT.cuts().subList(0, 5)))
                .hasMessageContaining("AAA to CC");
        List<GradeScale.Cut> custom = List.of(new GradeScale.Cut(Grade.AAA, 800), new GradeScale.Cut(Grade.AA, 750),
                new GradeScale.Cut(Grade.A, 700), new GradeScale.Cut(Grade.BBB, 650), new GradeScale.Cut(Grade.BB, 600),
                new GradeScale.Cut(Grade.B, 550), new GradeScale.Cut(Grade.CCC, 500), new GradeScale.Cut(Grade.CC, 450));
        assertThat(new GradeScale(custom).grade(720)).isEqualTo(Grade.A);
    }

    @Test
    void theHoldoutIsStratifiedAndSeeded() {
        Random r = new Random(9);
        boolean[] bad = new boolean[1000];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = r.nextDouble() < 0.2;
        }
        int bads = count(bad, null, true);
        boolean[] a = DataSplit.holdout(bad, 0.3, 42);
        boolean[] b = DataSplit.holdout(bad, 0.3, 42);
        boolean[] c = DataSplit.holdout(bad, 0.3, 43);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(count(bad, a, true)).isEqualTo((int) Math.round(0.3 * bads));
        assertThat(count(bad, a, false)).isEqualTo((int) Math.round(0.3 * (1000 - bads)));

        int[] folds = DataSplit.folds(bad, 5, 42);
        for (int f = 0; f < 5; f++) {
            int inFold = 0;
            int badsInFold = 0;
            for (int i = 0; i < bad.length; i++) {
                if (folds[i] == f) {
                    inFold++;
                    badsInFold += bad[i] ? 1 : 0;
                }
            }
            assertThat(inFold).isBetween(199, 201);
            assertThat(badsInFold).isBetween(bads / 5, bads / 5 + 1);
        }
    }

    private static int count(boolean[] bad, boolean[] where, boolean cls) {
        int n = 0;
        for (int i = 0; i < bad.length; i++) {
            n += (where == null || where[i]) && bad[i] == cls ? 1 : 0;
        }
        return n;
    }
}
