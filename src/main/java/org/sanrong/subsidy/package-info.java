/**
 * 补贴与奖励: subsidy policies as versioned data with CEL rules, entitlements computed from the recorded investments
 * and loans without applications, confirmed, publicly noticed, approved (maker ≠ checker) and paid through the
 * {@code ledger} from a budget per policy and year.
 */
@NullMarked
package org.sanrong.subsidy;

import org.jspecify.annotations.NullMarked;
