/**
 * 风险分担: risk-compensation schemes as versioned configuration, filing (备案) of qualifying loans, claims with
 * their computed entitlement and review, payment and recoveries through the {@code ledger}, and the split of a
 * guaranteed loan's loss between bank, national fund, re-guarantor, guarantor and local government.
 */
@NullMarked
package org.sanrong.riskshare;

import org.jspecify.annotations.NullMarked;
