package org.sanrong.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A payment batch of one policy and year: approved entitlements chosen by the policy's allocation mode within what
 * the budget has left, prepared by one official, checked by another, approved by a third when the total is above the
 * configured amount, then paid item by item through the ledger. Fen throughout.
 */
public record Batch(UUID id, String policyCode, int year, Policy.Allocation allocation, Status status,
        long availableFen, long totalFen, String madeBy, Instant madeAt, @Nullable String checkedBy,
        @Nullable String secondBy, @Nullable Instant paidAt, List<Item> items) {

    public enum Status {
        /** Prepared (for ranked selection: officials choose the items); waiting for the check. */
        PREPARED,
        /** Checked; the total is above the configured amount and waits for a second approval. */
        CHECKED,
        /** Ready to pay. */
        APPROVED,
        /** Payment started; items are paid one by one (a restart resumes). */
        PAYING,
        PAID
    }

    /** One entitlement in the batch: what it claims, what the allocation gives it, whether it is paid. */
    public record Item(UUID entitlementId, int rank, String beneficiaryName, String enterpriseCode, LocalDate eventDate,
            long claimedFen, long allocatedFen, boolean selected, @Nullable Instant paidAt) {

        public String claimedYuan() {
            return Calculation.yuan(claimedFen);
        }

        public String allocatedYuan() {
            return Calculation.yuan(allocatedFen);
        }
    }

    public String totalYuan() {
        return Calculation.yuan(totalFen);
    }

    public String availableYuan() {
        return Calculation.yuan(availableFen);
    }
}
