package org.sanrong.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.catalog.ProductRef;
import org.sanrong.platform.InvalidRequestException;

/** The deal's state machine in domain words, without a database. */
class DealTest {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-11-28T16:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static Deal.Parties parties(FinancingKind kind) {
        return new Deal.Parties(UUID.randomUUID(), false, "91441900MA4UXXXX0X", "东莞测试科技有限公司", null,
                UUID.randomUUID(), UUID.randomUUID(), "测试银行", new ProductRef(UUID.randomUUID(), 1), "科创贷",
                "CREDIT_LOAN", kind);
    }

    static Deal application(FinancingKind kind) {
        return Deal.open(DealOrigin.APPLICATION, parties(kind), 5_000_000_00L, 12, "研发", "ent", NOW, DEADLINE);
    }

    static Deal offered(long amountFen) {
        Deal d = application(FinancingKind.DEBT);
        d.pickUp("bank", NOW, DEADLINE);
        d.approve(new Offer(amountFen, new BigDecimal("3.5"), 12, null, null, null), "bank", NOW);
        return d;
    }

    @Test
    void applicationWaitsForPickUpAndAPickUpStartsUnderReview() {
        Deal applied = application(FinancingKind.DEBT);
        assertThat(applied.status()).isEqualTo(DealStatus.AWAITING_PICKUP);
        assertThat(applied.deadline()).isEqualTo(DEADLINE);
        assertThat(applied.drainEvents()).singleElement().isInstanceOf(DealOpened.class);
        Deal picked = Deal.open(DealOrigin.PICK_UP, parties(FinancingKind.DEBT), 1_000_000_00L, null, null, "bank",
                NOW, DEADLINE);
        assertThat(picked.status()).isEqualTo(DealStatus.UNDER_REVIEW);
        assertThat(picked.pickedUpAt()).isEqualTo(NOW);
    }

    @Test
    void approvalPublishesTheDecisionAndStopsTheClock() {
        Deal d = offered(4_000_000_00L);
        assertThat(d.status()).isEqualTo(DealStatus.OFFERED);
        assertThat(d.deadline()).isNull();
        assertThat(d.drainEvents()).filteredOn(ApplicationDecided.class::isInstance).singleElement()
                .extracting(e -> ((ApplicationDecided) e).approved()).isEqualTo(true);
    }

    @Test
    void declineNeedsAStandardReasonAndOtherNeedsAText() {
        Deal d = application(FinancingKind.DEBT);
        assertThatThrownBy(() -> d.decline(DeclineReason.OTHER, " ", "bank", NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("其他");
        assertThat(d.status()).isEqualTo(DealStatus.AWAITING_PICKUP);
        d.decline(DeclineReason.HIGH_LEVERAGE, null, "bank", NOW);
        assertThat(d.status()).isEqualTo(DealStatus.DECLINED);
        assertThat(d.declineReason()).isEqualTo(DeclineReason.HIGH_LEVERAGE);
        assertThatThrownBy(() -> d.decline(DeclineReason.QUALIFICATION, null, "bank", NOW))
                .as("deciding twice").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void materialsPauseTheClockAndRestartIt() {
        Deal d = application(FinancingKind.DEBT);
        d.pickUp("bank", NOW, DEADLINE);
        d.requestMaterials("近三年财务报表", "bank", NOW);
        assertThat(d.deadline()).isNull();
        assertThatThrownBy(() -> d.markOverdue(NOW.plusSeconds(999_999))).isInstanceOf(IllegalStateException.class);
        Instant fresh = DEADLINE.plusSeconds(86_400);
        d.provideMaterials("已上传", "ent", NOW, fresh);
        assertThat(d.status()).isEqualTo(DealStatus.UNDER_REVIEW);
        assertThat(d.deadline()).isEqualTo(fresh);
    }

    @Test
    void overdueOnlyOnceTheDeadlineHasPassed() {
        Deal d = application(FinancingKind.DEBT);
        assertThatThrownBy(() -> d.markOverdue(DEADLINE)).as("at the deadline itself it is still in time")
                .isInstanceOf(IllegalStateException.class);
        d.drainEvents();
        d.markOverdue(DEADLINE.plusMillis(1));
        assertThat(d.status()).isEqualTo(DealStatus.OVERDUE);
        assertThat(d.drainEvents()).singleElement().isInstanceOf(DealOverdue.class);
    }

    @Test
    void disbursementNoMoreThanApprovedNotBeforeTheApprovalNotInTheFuture() {
        Deal d = offered(4_000_000_00L);
        assertThatThrownBy(() -> d.recordDisbursement(loan(4_000_000_00L, TODAY), "bank", NOW, TODAY, TODAY))
                .as("the enterprise has not accepted").isInstanceOf(IllegalStateException.class);
        d.acceptOffer("ent", NOW);
        assertThatThrownBy(() -> d.recordDisbursement(loan(4_000_000_01L, TODAY), "bank", NOW, TODAY, TODAY))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("超过批复金额");
        assertThatThrownBy(() -> d.recordDisbursement(loan(1_000_000_00L, TODAY.minusDays(1)), "bank", NOW, TODAY,
                TODAY)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("早于批复日期");
        assertThatThrownBy(() -> d.recordDisbursement(loan(1_000_000_00L, TODAY.plusDays(1)), "bank", NOW, TODAY,
                TODAY)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("晚于今天");
        assertThat(d.status()).isEqualTo(DealStatus.ACCEPTED);
        d.drainEvents();
        d.recordDisbursement(loan(4_000_000_00L, TODAY), "bank", NOW, TODAY, TODAY);
        assertThat(d.status()).isEqualTo(DealStatus.FUNDED);
        assertThat(d.outstandingFen()).isEqualTo(4_000_000_00L);
        LoanDisbursed event = (LoanDisbursed) d.drainEvents().getFirst();
        assertThat(event.amountFen()).isEqualTo(4_000_000_00L);
        assertThat(event.productType()).isEqualTo("CREDIT_LOAN");
        assertThatThrownBy(() -> d.withdraw(null, "ent", NOW)).as("after the money moved")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void equityIsRecordedAsAnInvestmentNotALoan() {
        Deal d = application(FinancingKind.EQUITY);
        d.pickUp("vc", NOW, DEADLINE);
        assertThatThrownBy(() -> d.approve(new Offer(3_000_000_00L, null, null, null, null, null), "vc", NOW))
                .as("equity needs a stake").isInstanceOf(InvalidRequestException.class);
        d.approve(new Offer(3_000_000_00L, null, null, new BigDecimal("8"), null, null), "vc", NOW);
        d.acceptOffer("ent", NOW);
        assertThatThrownBy(() -> d.recordDisbursement(loan(1, TODAY), "vc", NOW, TODAY, TODAY))
                .isInstanceOf(IllegalStateException.class);
        d.drainEvents();
        d.recordInvestment(new Investment(3_000_000_00L, new BigDecimal("8"), TODAY), "vc", NOW, TODAY, TODAY);
        assertThat(d.drainEvents()).singleElement().isInstanceOf(InvestmentRecorded.class);
    }

    @Test
    void repaymentStatusMovesForwardAndEndsWithRepaid() {
        Deal d = offered(1_000_000_00L);
        d.acceptOffer("ent", NOW);
        d.recordDisbursement(loan(1_000_000_00L, TODAY.minusDays(0)), "bank", NOW, TODAY, TODAY);
        assertThatThrownBy(() -> d.reportLoanStatus(LoanStatus.NORMAL, TODAY.minusDays(1), null, "bank", NOW, TODAY))
                .as("before the last report").isInstanceOf(InvalidRequestException.class);
        d.reportLoanStatus(LoanStatus.NON_PERFORMING, TODAY, 800_000_00L, "bank", NOW, TODAY);
        assertThat(d.loanStatus()).isEqualTo(LoanStatus.NON_PERFORMING);
        d.reportLoanStatus(LoanStatus.REPAID, TODAY, 123L, "bank", NOW, TODAY);
        assertThat(d.outstandingFen()).as("repaid means nothing outstanding").isZero();
        assertThatThrownBy(() -> d.reportLoanStatus(LoanStatus.NORMAL, TODAY, null, "bank", NOW, TODAY))
                .isInstanceOf(IllegalStateException.class);
    }

    static Disbursement loan(long amountFen, LocalDate on) {
        return new Disbursement("JJ-1", amountFen, on, new BigDecimal("3.5"), 12, on.plusMonths(12), null);
    }
}
