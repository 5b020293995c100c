/**
 * 融资对接: every case from an enterprise's application or an institution's pick-up (接单) to a decision with a reason,
 * the offer, and the disbursement or investment, with working-day deadlines, automatic re-routing of overdue cases to
 * the next-best institutions, repayment status per loan, and the funnel and league tables drawn from it all.
 */
@NullMarked
package org.sanrong.deal;

import org.jspecify.annotations.NullMarked;
