package org.sanrong.subsidy;

/**
 * Where an entitlement stands: computed from the record, confirmed by the beneficiary, publicly noticed (公示),
 * approved by a second official, paid through the ledger. NOT_ELIGIBLE keeps an event that did not qualify (a rule
 * failed, or the year's cap was used up) with its calculation, so the beneficiary sees why; it never moves.
 */
public enum EntitlementStatus {
    COMPUTED, CONFIRMED, NOTICED, APPROVED, PAID, NOT_ELIGIBLE,
    /** An objection raised during the public notice was upheld: not paid. */
    REJECTED,
    /** Paid, then its condition broke: the amount is a receivable until returned (see {@link Clawback}). */
    CLAWED_BACK
}
