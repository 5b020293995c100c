package org.sanrong.credit.scorecard;

/** Credit grade (信用等级), best first. */
public enum Grade {
    AAA, AA, A, BBB, BB, B, CCC, CC, C
}
