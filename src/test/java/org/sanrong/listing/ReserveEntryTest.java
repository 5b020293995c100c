package org.sanrong.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.platform.InvalidRequestException;

/** The reserve entry's rules: enrolment needs a reason, milestones come in order, dated, never in the future. */
class ReserveEntryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final Instant NOW = Instant.parse("2026-06-30T04:00:00Z");

    static ReserveEntry entry(ListingBoard board) {
        return ReserveEntry.enrol(new ReserveEntry.Enterprise("91441900MA4UL2Q81X", "测试科技", "441900401", "C3911",
                null), ReserveGrade.D, board, false, "重点培育", null, null, null, "gov", UUID.randomUUID(), NOW);
    }

    static void record(ReserveEntry e, Milestone m, LocalDate on) {
        e.recordMilestone(m, on, UUID.randomUUID(), m.label() + ".pdf", null, "gov", NOW, TODAY);
    }

    private static String field(Throwable t) {
        return ((InvalidRequestException) t).fieldErrors().keySet().iterator().next();
    }

    @Test
    void handEnrolmentNeedsAReason() {
        assertThatThrownBy(() -> ReserveEntry.enrol(new ReserveEntry.Enterprise("91441900MA4UL2Q81X", "测试", null,
                null, null), ReserveGrade.D, ListingBoard.STAR, false, "  ", null, null, null, "gov",
                UUID.randomUUID(), NOW)).isInstanceOf(InvalidRequestException.class)
                .satisfies(t -> assertThat(field(t)).isEqualTo("reason"))
                .hasMessageContaining("理由");
    }

    @Test
    void milestonesInOrderRaiseTheGradeAndPublishEachOnce() {
        ReserveEntry e = entry(ListingBoard.CHINEXT);
        record(e, Milestone.RESTRUCTURED, LocalDate.of(2025, 3, 1));
        assertThat(e.grade()).isEqualTo(ReserveGrade.C);
        record(e, Milestone.TUTORING_FILED, LocalDate.of(2025, 3, 1));
        assertThat(e.grade()).as("same day as the one before is in order").isEqualTo(ReserveGrade.B);
        record(e, Milestone.APPLICATION_ACCEPTED, LocalDate.of(2025, 12, 1));
        assertThat(e.grade()).isEqualTo(ReserveGrade.A);
        assertThat(e.next()).isEqualTo(Milestone.INQUIRY);
        assertThat(e.drainEvents()).hasSize(3).allSatisfy(ev -> assertThat(ev)
                .isInstanceOf(ListingMilestoneReached.class))
                .extracting(ev -> ((ListingMilestoneReached) ev).milestone())
                .containsExactly(Milestone.RESTRUCTURED, Milestone.TUTORING_FILED, Milestone.APPLICATION_ACCEPTED);
    }

    @Test
    void refusesAMilestoneBeforeTheLatestOne() {
        ReserveEntry e = entry(ListingBoard.CHINEXT);
        record(e, Milestone.RESTRUCTURED, LocalDate.of(2025, 3, 1));
        record(e, Milestone.TUTORING_FILED, LocalDate.of(2025, 4, 1));
        assertThatThrownBy(() -> record(e, Milestone.RESTRUCTURED, LocalDate.of(2025, 5, 1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("已于 2025-03-01 登记");
    }

    @Test
    void refusesSkippingAStepOfTheBoard() {
        ReserveEntry e = entry(ListingBoard.STAR);
        assertThatThrownBy(() -> record(e, Milestone.TUTORING_FILED, LocalDate.of(2025, 4, 1)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(t -> assertThat(field(t)).isEqualTo("milestone"))
                .hasMessageContaining("下一步应为「股改完成」");
        assertThat(e.milestones()).isEmpty();
        assertThat(e.grade()).isEqualTo(ReserveGrade.D);
    }

    @Test
    void refusesADateBeforeThePreviousMilestonesAndOneInTheFuture() {
        ReserveEntry e = entry(ListingBoard.MAIN);
        record(e, Milestone.RESTRUCTURED, LocalDate.of(2025, 6, 1));
        assertThatThrownBy(() -> record(e, Milestone.TUTORING_FILED, LocalDate.of(2025, 5, 31)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(t -> assertThat(field(t)).isEqualTo("reachedOn"))
                .hasMessageContaining("不能早于上一里程碑「股改完成」的日期 2025-06-01");
        assertThatThrownBy(() -> record(e, Milestone.TUTORING_FILED, TODAY.plusDays(1)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(t -> assertThat(field(t)).isEqualTo("reachedOn"))
                .hasMessageContaining("不能晚于今天");
        record(e, Milestone.TUTORING_FILED, TODAY);
        assertThat(e.milestones()).hasSize(2);
    }

    @Test
    void neeqHasNoTutoringAndOverseasNoRestructuring() {
        ReserveEntry neeq = entry(ListingBoard.NEEQ);
        record(neeq, Milestone.RESTRUCTURED, LocalDate.of(2025, 1, 1));
        assertThat(neeq.next()).isEqualTo(Milestone.APPLICATION_ACCEPTED);
        assertThatThrownBy(() -> record(neeq, Milestone.TUTORING_FILED, LocalDate.of(2025, 2, 1)))
                .hasMessageContaining("不适用于目标板块新三板");
        ReserveEntry overseas = entry(ListingBoard.OVERSEAS);
        assertThat(overseas.next()).isEqualTo(Milestone.APPLICATION_ACCEPTED);
    }

    @Test
    void listingEndsTheEntryAndNothingChangesAfterwards() {
        ReserveEntry e = entry(ListingBoard.BSE);
        LocalDate on = LocalDate.of(2025, 1, 1);
        for (Milestone m : Milestone.values()) {
            record(e, m, on);
            on = on.plusMonths(1);
        }
        assertThat(e.status()).isEqualTo(ReserveEntry.Status.LISTED);
        assertThat(e.next()).isNull();
        assertThatThrownBy(() -> e.regrade(ReserveGrade.B, "test", "gov", NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("已上市");
    }

    @Test
    void regradeAndRemoveNeedReasons() {
        ReserveEntry e = entry(ListingBoard.STAR);
        assertThatThrownBy(() -> e.regrade(ReserveGrade.C, "", "gov", NOW)).isInstanceOf(InvalidRequestException.class);
        e.regrade(ReserveGrade.C, "已完成股改，待补登证明", "gov", NOW);
        assertThat(e.grade()).isEqualTo(ReserveGrade.C);
        record(e, Milestone.RESTRUCTURED, LocalDate.of(2025, 1, 1));
        assertThat(e.grade()).as("a milestone never lowers the grade").isEqualTo(ReserveGrade.C);
        assertThatThrownBy(() -> e.remove(null, "gov", NOW)).isInstanceOf(InvalidRequestException.class);
        e.remove("企业主动放弃上市计划", "gov", NOW);
        assertThat(e.status()).isEqualTo(ReserveEntry.Status.REMOVED);
    }

    @Test
    void marketValueIsAPositiveEstimateNotDatedAhead() {
        ReserveEntry e = entry(ListingBoard.STAR);
        assertThatThrownBy(() -> e.estimateMarketValue(0, TODAY, "ent", NOW, TODAY))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> e.estimateMarketValue(1_000_000_000_00L, TODAY.plusDays(1), "ent", NOW, TODAY))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("不能晚于今天");
        e.estimateMarketValue(1_500_000_000_00L, TODAY, "ent", NOW, TODAY);
        assertThat(e.marketValueFen()).isEqualTo(1_500_000_000_00L);
    }
}
