package org.sanrong.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.LoanStatus;

/**
 * What one loan contributes to the roll-up ({@code stats.loan_flow}), month by month and cell by cell, computed
 * from its whole history: its status reports and its borrower's attribute segments. The read model is kept as the
 * difference between a loan's bookings before and after each event, so a repeated event, a report that arrives
 * late or a borrower who moves into another category all come out right without replaying anything else.
 *
 * <p>A month's contribution is the loan's state at the end of the month: the outstanding amount of the latest report
 * up to then that gave one (REPAID means zero), in the cell of the borrower's segment in force that month. The roll-up
 * stores changes, so a cell's balance at the end of month M is the sum of its changes up to M.
 */
final class LoanLedger {

    private LoanLedger() {
    }

    record Loan(UUID institutionId, String productType, boolean creditLoan, long amountFen, LocalDate disbursedOn,
            boolean firstLoan) {
    }

    record Report(LocalDate asOf, long seq, LoanStatus status, @Nullable Long outstandingFen) {
    }

    /** A borrower's attributes from a month on. */
    record Segment(YearMonth from, String town, String section, String division, int categories) {
    }

    /** A roll-up cell without its month. */
    record Key(UUID institutionId, String town, String section, String division, String productType,
            boolean creditLoan, int categories) {
    }

    record Cell(YearMonth month, Key key) {
    }

    /** Changes of balances (balance, loans with a balance, overdue and non-performing balance) and the flows. */
    record Measures(long balance, long loans, long overdue, long npl, long issuedFen, long issuedCount,
            long firstBorrowers) {

        static final Measures ZERO = new Measures(0, 0, 0, 0, 0, 0, 0);

        Measures plus(Measures o) {
            return new Measures(balance + o.balance, loans + o.loans, overdue + o.overdue, npl + o.npl,
                    issuedFen + o.issuedFen, issuedCount + o.issuedCount, firstBorrowers + o.firstBorrowers);
        }

        Measures negate() {
            return new Measures(-balance, -loans, -overdue, -npl, -issuedFen, -issuedCount, -firstBorrowers);
        }

        boolean zero() {
            return equals(ZERO);
        }
    }

    /** The loan's bookings: every (month, cell) it changes, with the change. */
    static Map<Cell, Measures> bookings(Loan loan, List<Report> reports, List<Segment> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a borrower has at least one segment");
        }
        List<Report> sorted = reports.stream()
                .sorted(Comparator.comparing(Report::asOf).thenComparingLong(Report::seq)).toList();
        List<Segment> segs = segments.stream().sorted(Comparator.comparing(Segment::from)).toList();
        YearMonth first = YearMonth.from(loan.disbursedOn());
        YearMonth last = first;
        for (Report r : sorted) {
            last = max(last, YearMonth.from(r.asOf()));
        }
        for (Segment s : segs) {
            last = max(last, s.from());
        }
        Map<Cell, Measures> out = new LinkedHashMap<>();
        long balance = 0;
        LoanStatus status = LoanStatus.NORMAL;
        int next = 0;
        Key previousKey = null;
        Measures previous = Measures.ZERO;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            while (next < sorted.size() && !YearMonth.from(sorted.get(next).asOf()).isAfter(m)) {
                Report r = sorted.get(next++);
                status = r.status();
                if (r.status() == LoanStatus.REPAID) {
                    balance = 0;
                } else if (r.outstandingFen() != null) {
                    balance = r.outstandingFen();
                }
            }
            Measures state = new Measures(balance, balance > 0 ? 1 : 0, status == LoanStatus.OVERDUE ? balance : 0,
                    status == LoanStatus.NON_PERFORMING ? balance : 0, 0, 0, 0);
            Key key = key(loan, segmentAt(segs, m));
            if (key.equals(previousKey)) {
                add(out, new Cell(m, key), new Measures(state.balance - previous.balance, state.loans - previous.loans,
                        state.overdue - previous.overdue, state.npl - previous.npl, 0, 0, 0));
            } else {
                if (previousKey != null) {
                    add(out, new Cell(m, previousKey), previous.negate());
                }
                add(out, new Cell(m, key), state);
            }
            previousKey = key;
            previous = state;
        }
        add(out, new Cell(first, key(loan, segmentAt(segs, first))),
                new Measures(0, 0, 0, 0, loan.amountFen(), 1, loan.firstLoan() ? 1 : 0));
        out.values().removeIf(Measures::zero);
        return out;
    }

    /** What to add to the roll-up to go from one set of bookings to another. */
    static Map<Cell, Measures> difference(Map<Cell, Measures> before, Map<Cell, Measures> after) {
        Map<Cell, Measures> out = new HashMap<>(after);
        before.forEach((cell, m) -> out.merge(cell, m.negate(), Measures::plus));
        out.values().removeIf(Measures::zero);
        return out;
    }

    static Segment segmentAt(List<Segment> sortedSegments, YearMonth month) {
        Segment in = sortedSegments.getFirst();
        for (Segment s : sortedSegments) {
            if (!s.from().isAfter(month)) {
                in = s;
            }
        }
        return in;
    }

    private static Key key(Loan loan, Segment s) {
        return new Key(loan.institutionId(), s.town(), s.section(), s.division(), loan.productType(),
                loan.creditLoan(), s.categories());
    }

    private static void add(Map<Cell, Measures> out, Cell cell, Measures m) {
        out.merge(cell, m, Measures::plus);
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
