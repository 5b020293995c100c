package org.sanrong.subsidy;

/** Where an entitlement stands: computed from the record, confirmed by the beneficiary, publicly noticed (公示),
 * approved by a second official, paid through the ledger. */
public enum EntitlementStatus {
    COMPUTED, CONFIRMED, NOTICED, APPROVED, PAID
}
