package org.sanrong.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A paid amount to be returned because the policy's condition broke later (e.g. the firm left within 5 tax years):
 * a receivable in the policy's ledger book until it is recovered. Shown to government and to the beneficiary.
 */
public record Clawback(UUID id, UUID entitlementId, String policyCode, String beneficiaryKey, String beneficiaryName,
        long amountFen, String reason, LocalDate brokenOn, Status status, String createdBy, Instant createdAt,
        @Nullable String recoveredBy) {

    public enum Status {
        /** The receivable is open. */
        DUE,
        /** The money came back into the budget. */
        RECOVERED
    }

    public String amountYuan() {
        return Calculation.yuan(amountFen);
    }
}
