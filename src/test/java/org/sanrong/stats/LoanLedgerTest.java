package org.sanrong.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.deal.LoanStatus;
import org.sanrong.stats.LoanLedger.Cell;
import org.sanrong.stats.LoanLedger.Key;
import org.sanrong.stats.LoanLedger.Measures;
import org.sanrong.stats.LoanLedger.Report;
import org.sanrong.stats.LoanLedger.Segment;

/** A loan's bookings into the roll-up, by hand: balances as changes per month, flows in the month they happen. */
class LoanLedgerTest {

    static final UUID BANK = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final LoanLedger.Loan LOAN = new LoanLedger.Loan(BANK, "CREDIT_LOAN", true, 1_000_000,
            LocalDate.of(2025, 3, 10), true);
    static final Segment PLAIN = new Segment(YearMonth.of(2025, 3), "T01", "C", "C39", 0);
    static final Key PLAIN_KEY = new Key(BANK, "T01", "C", "C39", "CREDIT_LOAN", true, 0);

    static Report r(int seq, String asOf, LoanStatus s, Long amount) {
        return new Report(LocalDate.parse(asOf), seq, s, amount);
    }

    static Cell at(int year, int month, Key key) {
        return new Cell(YearMonth.of(year, month), key);
    }

    @Test
    void disbursementBooksTheBalanceAndTheFlowsInItsMonth() {
        var b = LoanLedger.bookings(LOAN, List.of(r(1, "2025-03-10", LoanStatus.NORMAL, 1_000_000L)), List.of(PLAIN));
        assertThat(b).containsExactly(Map.entry(at(2025, 3, PLAIN_KEY),
                new Measures(1_000_000, 1, 0, 0, 1_000_000, 1, 1)));
    }

    @Test
    void reportsChangeTheBalanceInTheMonthOfTheirDateAndRepaymentEndsIt() {
        var b = LoanLedger.bookings(LOAN, List.of(r(1, "2025-03-10", LoanStatus.NORMAL, 1_000_000L),
                r(2, "2025-05-20", LoanStatus.OVERDUE, 600_000L), r(3, "2025-08-01", LoanStatus.REPAID, null)),
                List.of(PLAIN));
        assertThat(b).hasSize(3)
                .containsEntry(at(2025, 3, PLAIN_KEY), new Measures(1_000_000, 1, 0, 0, 1_000_000, 1, 1))
                .containsEntry(at(2025, 5, PLAIN_KEY), new Measures(-400_000, 0, 600_000, 0, 0, 0, 0))
                .containsEntry(at(2025, 8, PLAIN_KEY), new Measures(-600_000, -1, -600_000, 0, 0, 0, 0));
    }

    @Test
    void aReportWithoutAnAmountKeepsTheLastOneAndTwoReportsInAMonthCountAtItsEnd() {
        var b = LoanLedger.bookings(LOAN, List.of(r(1, "2025-03-10", LoanStatus.NORMAL, 1_000_000L),
                r(2, "2025-04-02", LoanStatus.NORMAL, 900_000L), r(3, "2025-04-28", LoanStatus.NON_PERFORMING, null)),
                List.of(PLAIN));
        assertThat(b).containsEntry(at(2025, 4, PLAIN_KEY), new Measures(-100_000, 0, 0, 900_000, 0, 0, 0));
    }

    @Test
    void aBorrowerWhoJoinsAListMovesItsBalanceFromThatMonthOnAndThePastStays() {
        Segment listed = new Segment(YearMonth.of(2025, 6), "T01", "C", "C39", 0b10);
        Key listedKey = new Key(BANK, "T01", "C", "C39", "CREDIT_LOAN", true, 0b10);
        var b = LoanLedger.bookings(LOAN, List.of(r(1, "2025-03-10", LoanStatus.NORMAL, 1_000_000L),
                r(2, "2025-05-20", LoanStatus.OVERDUE, 600_000L), r(3, "2025-08-01", LoanStatus.REPAID, null)),
                List.of(listed, PLAIN));
        assertThat(b).hasSize(5)
                .containsEntry(at(2025, 3, PLAIN_KEY), new Measures(1_000_000, 1, 0, 0, 1_000_000, 1, 1))
                .containsEntry(at(2025, 5, PLAIN_KEY), new Measures(-400_000, 0, 600_000, 0, 0, 0, 0))
                .containsEntry(at(2025, 6, PLAIN_KEY), new Measures(-600_000, -1, -600_000, 0, 0, 0, 0))
                .containsEntry(at(2025, 6, listedKey), new Measures(600_000, 1, 600_000, 0, 0, 0, 0))
                .containsEntry(at(2025, 8, listedKey), new Measures(-600_000, -1, -600_000, 0, 0, 0, 0));
    }

    @Test
    void aRepeatedReportChangesNothingAndALateOneMovesOnlyWhatItChanges() {
        List<Report> reports = new ArrayList<>(List.of(r(1, "2025-03-10", LoanStatus.NORMAL, 1_000_000L),
                r(2, "2025-07-01", LoanStatus.NORMAL, 500_000L)));
        var before = LoanLedger.bookings(LOAN, reports, List.of(PLAIN));
        assertThat(LoanLedger.difference(before, LoanLedger.bookings(LOAN, reports, List.of(PLAIN)))).isEmpty();
        reports.add(r(3, "2025-05-15", LoanStatus.NORMAL, 800_000L)); // arrives after the July report
        var diff = LoanLedger.difference(before, LoanLedger.bookings(LOAN, reports, List.of(PLAIN)));
        assertThat(diff).hasSize(2)
                .containsEntry(at(2025, 5, PLAIN_KEY), new Measures(-200_000, 0, 0, 0, 0, 0, 0))
                .containsEntry(at(2025, 7, PLAIN_KEY), new Measures(200_000, 0, 0, 0, 0, 0, 0));
    }

    /** Property: summing the bookings up to any month gives the loan's state at that month's end (a simple replay). */
    @Test
    void cumulativeBookingsEqualAReplayOfTheReportsAtEveryMonthEnd() {
        Random random = new Random(61);
        LoanStatus[] statuses = LoanStatus.values();
        for (int trial = 0; trial < 300; trial++) {
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(400));
            long amount = 1 + random.nextInt(5_000_000);
            var loan = new LoanLedger.Loan(BANK, "CREDIT_LOAN", true, amount, start, false);
            List<Report> reports = new ArrayList<>(List.of(new Report(start, 0, LoanStatus.NORMAL, amount)));
            LocalDate day = start;
            for (int i = 1; i <= random.nextInt(6); i++) {
                day = day.plusDays(random.nextInt(90));
                LoanStatus s = statuses[random.nextInt(statuses.length)];
                reports.add(new Report(day, i, s, random.nextBoolean() ? null : (long) random.nextInt((int) amount + 1)));
            }
            List<Segment> segments = new ArrayList<>(List.of(new Segment(YearMonth.from(start), "A", "C", "C39", 1)));
            if (random.nextBoolean()) {
                segments.add(new Segment(YearMonth.from(start).plusMonths(random.nextInt(12)), "B", "C", "C39", 3));
            }
            Map<Cell, Measures> b = LoanLedger.bookings(loan, reports, segments);
            for (YearMonth m = YearMonth.from(start); m.isBefore(YearMonth.from(start).plusMonths(30));
                    m = m.plusMonths(1)) {
                Map<String, Long> cumulative = new HashMap<>();
                for (var e : b.entrySet()) {
                    if (!e.getKey().month().isAfter(m)) {
                        cumulative.merge(e.getKey().key().town(), e.getValue().balance(), Long::sum);
                    }
                }
                long replay = 0;
                for (Report rep : reports) {
                    if (!YearMonth.from(rep.asOf()).isAfter(m)) {
                        replay = rep.status() == LoanStatus.REPAID ? 0 : rep.outstandingFen() != null
                                ? rep.outstandingFen() : replay;
                    }
                }
                String town = LoanLedger.segmentAt(segments.stream().sorted(java.util.Comparator.comparing(
                        Segment::from)).toList(), m).town();
                assertThat(cumulative.getOrDefault(town, 0L)).as("trial %d, %s", trial, m).isEqualTo(replay);
                assertThat(cumulative.entrySet().stream().filter(e -> !e.getKey().equals(town))
                        .mapToLong(Map.Entry::getValue).sum()).as("other cells are empty").isZero();
            }
        }
    }
}
