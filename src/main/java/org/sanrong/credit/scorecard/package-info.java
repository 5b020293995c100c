/**
 * The scorecard engine (评分卡), plain Java and no Spring: WoE binning, selection by IV and correlation, logistic
 * regression by Newton–Raphson, points by PDO, validation metrics, grades, and the trainer that strings them
 * together. The maths and its conventions are written down in {@code docs/credit-scorecard.md}.
 */
@NullMarked
package org.sanrong.credit.scorecard;

import org.jspecify.annotations.NullMarked;
