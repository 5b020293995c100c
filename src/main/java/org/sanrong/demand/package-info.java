/**
 * 融资需求: an enterprise's financing demands (amount, purpose, term, acceptable kinds, price and collateral limits,
 * who may see it), their lifecycle from draft to an outcome, and the versions kept once published. Institutions see
 * published demands meant for them with the enterprise's public card only; the enterprise edits its own.
 */
@NullMarked
package org.sanrong.demand;

import org.jspecify.annotations.NullMarked;
