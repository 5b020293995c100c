/**
 * 统计监测: read models of loans, investments, demands and deals kept from the other modules' events, the
 * indicators drawn from them (balance, increase since the start of the year, amount issued, borrowers, first-time
 * borrowers, credit-loan share, loan-access rate, tech-credit growth against its target, 普惠小微 两增), the plan
 * indicators of the five-year plan, the government cockpit and the monthly report.
 */
@NullMarked
package org.sanrong.stats;

import org.jspecify.annotations.NullMarked;
