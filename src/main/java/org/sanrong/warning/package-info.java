/**
 * 风险预警: signals per enterprise from the loan record (kept from the deal events) and its qualifications, rules
 * with weights and thresholds kept as data, a score and a level (红/橙/黄) with the signals that caused it, and a
 * queue where government staff assign, verify within the level's time limit and close a warning with the finding and
 * the measures taken, after which the enterprise is scored again.
 */
@NullMarked
package org.sanrong.warning;

import org.jspecify.annotations.NullMarked;
