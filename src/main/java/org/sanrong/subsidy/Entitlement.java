package org.sanrong.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * What one beneficiary is owed under one policy for one recorded event, with its calculation. Moves only forward:
 * COMPUTED → CONFIRMED (the beneficiary) → NOTICED (an official publishes it for the notice period) → APPROVED (a
 * second official, after the notice period) → PAID (through the ledger).
 */
public record Entitlement(Id id, String policyCode, int policyVersion, String eventKey, String beneficiaryKey,
        @Nullable UUID beneficiaryOrg, String beneficiaryName, String enterpriseCode, LocalDate eventDate, int year,
        long amountFen, Calculation calculation, EntitlementStatus status, Instant computedAt,
        @Nullable String confirmedBy, @Nullable String noticedBy, @Nullable LocalDate noticeUntil,
        @Nullable String approvedBy, @Nullable String paidBy, @Nullable Instant paidAt) {

    public record Id(UUID value) {
        public static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public String amountYuan() {
        return Calculation.yuan(amountFen);
    }

    Entitlement confirm(String by) {
        require(EntitlementStatus.COMPUTED, "只有待确认的补贴可以确认");
        return with(EntitlementStatus.CONFIRMED, by, noticedBy, noticeUntil, approvedBy, paidBy, paidAt);
    }

    Entitlement notice(String by, LocalDate until) {
        require(EntitlementStatus.CONFIRMED, "只有受益方已确认的补贴可以公示");
        return with(EntitlementStatus.NOTICED, confirmedBy, by, until, approvedBy, paidBy, paidAt);
    }

    Entitlement approve(String by, LocalDate today) {
        require(EntitlementStatus.NOTICED, "只有公示中的补贴可以审核通过");
        if (by.equals(noticedBy)) {
            throw InvalidRequestException.conflict("approver", "发起公示的人不能审核同一笔补贴（经办与复核须为不同人员）");
        }
        if (noticeUntil != null && today.isBefore(noticeUntil)) {
            throw InvalidRequestException.conflict("noticeUntil", "公示期至 " + noticeUntil + " 结束，公示期满后才能审核");
        }
        return with(EntitlementStatus.APPROVED, confirmedBy, noticedBy, noticeUntil, by, paidBy, paidAt);
    }

    /** An upheld objection ends it. */
    Entitlement reject() {
        require(EntitlementStatus.NOTICED, "只有公示中的补贴可以因异议成立而不予拨付");
        return with(EntitlementStatus.REJECTED, confirmedBy, noticedBy, noticeUntil, approvedBy, paidBy, paidAt);
    }

    Entitlement clawBack() {
        require(EntitlementStatus.PAID, "只有已拨付的补贴可以追回");
        return with(EntitlementStatus.CLAWED_BACK, confirmedBy, noticedBy, noticeUntil, approvedBy, paidBy, paidAt);
    }

    Entitlement pay(String by, Instant at) {
        require(EntitlementStatus.APPROVED, "只有审核通过的补贴可以拨付");
        return with(EntitlementStatus.PAID, confirmedBy, noticedBy, noticeUntil, approvedBy, by, at);
    }

    private void require(EntitlementStatus expected, String message) {
        if (status != expected) {
            throw InvalidRequestException.conflict("status", message + "（当前状态：" + status + "）");
        }
    }

    private Entitlement with(EntitlementStatus s, @Nullable String confirmed, @Nullable String noticed,
            @Nullable LocalDate until, @Nullable String approved, @Nullable String paid, @Nullable Instant paidOn) {
        return new Entitlement(id, policyCode, policyVersion, eventKey, beneficiaryKey, beneficiaryOrg,
                beneficiaryName, enterpriseCode, eventDate, year, amountFen, calculation, s, computedAt, confirmed,
                noticed, until, approved, paid, paidOn);
    }
}
