package org.sanrong.stats;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.ApplicationDecided;
import org.sanrong.deal.DealOpened;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.deal.LoanStatus;
import org.sanrong.deal.LoanStatusReported;
import org.sanrong.demand.DemandClosed;
import org.sanrong.demand.DemandPublished;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the statistics read model from events. Every change to a borrower's loans is made under a lock on the
 * borrower and booked into the roll-up as the difference of the borrower's loan bookings ({@link LoanLedger}) before
 * and after it, so repeated and late events are harmless.
 */
@Component("statisticsLoanBook") // riskshare has a LoanBook bean of its own
class LoanBook {

    /** The product type whose loans are credit loans (信用贷): no collateral and no guarantee. */
    static final String CREDIT_LOAN = "CREDIT_LOAN";

    private final JdbcClient jdbc;
    private final BorrowerProfiles profiles;
    private final OrganisationRegistry organisations;
    private final StatsProperties properties;
    private final Clock clock;

    LoanBook(JdbcClient jdbc, BorrowerProfiles profiles, OrganisationRegistry organisations, StatsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.organisations = organisations;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void disbursed(LoanDisbursed e) {
        String code = e.enterpriseCreditCode();
        lock(code);
        if (jdbc.sql("SELECT count(*) FROM stats.loan WHERE deal_id = ?").param(e.dealId()).query(Long.class)
                .single() > 0) {
            return;
        }
        institution(e.institutionId());
        Map<LoanLedger.Cell, LoanLedger.Measures> before = bookingsOf(code);
        jdbc.sql("""
                INSERT INTO stats.loan (deal_id, loan_number, institution_id, credit_code, product_id, product_type,
                    credit_loan, amount_fen, annual_rate, term_months, disbursed_on, maturity_on, guarantee, first_loan,
                    status, status_on, outstanding_fen)
                VALUES (:deal, :number, :inst, :code, :product, :type, :credit, :amount, :rate, :term, :on, :maturity,
                    :guarantee, false, 'NORMAL', :on, :amount)""")
                .param("deal", e.dealId()).param("number", e.loanNumber()).param("inst", e.institutionId())
                .param("code", code).param("product", e.productId()).param("type", e.productType())
                .param("credit", CREDIT_LOAN.equals(e.productType())).param("amount", e.amountFen())
                .param("rate", e.annualRatePercent()).param("term", e.termMonths())
                .param("on", Date.valueOf(e.disbursedOn())).param("maturity", Date.valueOf(e.maturityOn()))
                .param("guarantee", e.guarantee()).update();
        report(e.dealId(), e.disbursedOn(), LoanStatus.NORMAL, e.amountFen());
        settle(code, YearMonth.from(e.disbursedOn()));
        book(LoanLedger.difference(before, bookingsOf(code)));
    }

    @Transactional
    public void statusReported(LoanStatusReported e) {
        String code = e.enterpriseCreditCode();
        lock(code);
        Map<LoanLedger.Cell, LoanLedger.Measures> before = bookingsOf(code);
        if (!report(e.dealId(), e.asOf(), e.status(), e.status() == LoanStatus.REPAID ? Long.valueOf(0)
                : e.outstandingFen())) {
            return;
        }
        if (jdbc.sql("SELECT count(*) FROM stats.loan WHERE deal_id = ?").param(e.dealId()).query(Long.class)
                .single() == 0) {
            return; // kept until the loan itself arrives
        }
        settle(code, YearMonth.from(e.asOf()));
        book(LoanLedger.difference(before, bookingsOf(code)));
    }

    /** Re-reads a borrower's attributes; when they changed, a new segment starts this month. */
    @Transactional
    public void refreshBorrower(String code) {
        lock(code);
        Map<LoanLedger.Cell, LoanLedger.Measures> before = bookingsOf(code);
        if (before.isEmpty() && segments(code).isEmpty()) {
            return;
        }
        settle(code, YearMonth.now(clock));
        book(LoanLedger.difference(before, bookingsOf(code)));
    }

    @Transactional
    public void invested(InvestmentRecorded e) {
        institution(e.institutionId());
        BorrowerProfiles.Profile p = profiles.current(e.enterpriseCreditCode(), platformCredit(e.enterpriseCreditCode()));
        jdbc.sql("""
                INSERT INTO stats.investment (deal_id, institution_id, credit_code, amount_fen, invested_on, town_code,
                    section_code, division_code, categories) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (deal_id) DO NOTHING""")
                .params(e.dealId(), e.institutionId(), e.enterpriseCreditCode(), e.amountFen(),
                        Date.valueOf(e.investedOn()), p.town(), p.section(), p.division(), p.categories()).update();
    }

    @Transactional
    public void demandPublished(DemandPublished e) {
        BorrowerProfiles.Profile p = profiles.current(e.enterpriseCreditCode(), platformCredit(e.enterpriseCreditCode()));
        jdbc.sql("""
                INSERT INTO stats.demand (demand_id, credit_code, amount_fen, version, published_on, town_code,
                    section_code, division_code, categories) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (demand_id) DO UPDATE SET amount_fen = EXCLUDED.amount_fen, version = EXCLUDED.version
                WHERE stats.demand.version < EXCLUDED.version""")
                .params(e.demandId(), e.enterpriseCreditCode(), e.amountFen(), e.version(),
                        Date.valueOf(LocalDate.now(clock)), p.town(), p.section(), p.division(), p.categories())
                .update();
    }

    @Transactional
    public void demandClosed(DemandClosed e) {
        jdbc.sql("UPDATE stats.demand SET outcome = ?, closed_on = COALESCE(closed_on, ?), raised_fen = ? "
                + "WHERE demand_id = ?")
                .params(e.outcome().name(), Date.valueOf(LocalDate.now(clock)), e.raisedFen(), e.demandId()).update();
    }

    @Transactional
    public void dealOpened(DealOpened e) {
        jdbc.sql("INSERT INTO stats.deal_case (deal_id, institution_id, opened_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (deal_id) DO UPDATE SET opened_at = EXCLUDED.opened_at")
                .params(e.dealId(), e.institutionId(), Timestamp.from(e.openedAt())).update();
    }

    @Transactional
    public void decided(ApplicationDecided e) {
        jdbc.sql("""
                INSERT INTO stats.deal_case (deal_id, institution_id, opened_at, decided_at, approved)
                VALUES (:deal, :inst, :at, :at, :approved)
                ON CONFLICT (deal_id) DO UPDATE SET decided_at = EXCLUDED.decided_at, approved = EXCLUDED.approved""")
                .param("deal", e.dealId()).param("inst", e.institutionId()).param("at", Timestamp.from(e.decidedAt()))
                .param("approved", e.approved()).update();
    }

    // ---- the borrower's loans ---------------------------------------------------------------------------------

    /**
     * Brings the borrower's derived state up to date after a change: each loan's current status, which loan was the
     * first, the earliest segment reaching back to the first loan, and a new segment this month when the borrower's
     * attributes changed.
     */
    private void settle(String code, YearMonth eventMonth) {
        List<LoanRow> loans = loans(code);
        Map<UUID, List<LoanLedger.Report>> reports = reports(code);
        for (LoanRow loan : loans) {
            updateCurrent(loan.dealId(), reports.getOrDefault(loan.dealId(), List.of()));
        }
        LoanRow first = loans.stream().min(Comparator.comparing(LoanRow::disbursedOn)
                .thenComparing(l -> l.dealId().toString())).orElse(null);
        jdbc.sql("UPDATE stats.loan SET first_loan = (deal_id = :first) WHERE credit_code = :code "
                + "AND first_loan <> (deal_id = :first)")
                .param("first", first == null ? null : first.dealId()).param("code", code).update();
        YearMonth earliestLoan = first == null ? eventMonth : YearMonth.from(first.disbursedOn());
        BorrowerProfiles.Profile now = profiles.current(code, platformCredit(code));
        List<LoanLedger.Segment> segments = segments(code);
        YearMonth thisMonth = YearMonth.now(clock);
        if (segments.isEmpty()) {
            insertSegment(code, earliestLoan, now);
            return;
        }
        if (earliestLoan.isBefore(segments.getFirst().from())) {
            jdbc.sql("UPDATE stats.borrower_segment SET from_month = ? WHERE credit_code = ? AND from_month = ?")
                    .params(month(earliestLoan), code, month(segments.getFirst().from())).update();
            segments = segments(code);
        }
        LoanLedger.Segment current = LoanLedger.segmentAt(segments, thisMonth);
        LoanLedger.Segment wanted = now.from(current.from());
        if (!current.equals(wanted)) {
            if (!current.from().isBefore(thisMonth)) {
                jdbc.sql("UPDATE stats.borrower_segment SET town_code = ?, section_code = ?, division_code = ?, "
                        + "categories = ?, name = ? WHERE credit_code = ? AND from_month = ?")
                        .params(now.town(), now.section(), now.division(), now.categories(), now.name(), code,
                                month(current.from())).update();
            } else {
                insertSegment(code, thisMonth, now);
            }
        }
    }

    private void insertSegment(String code, YearMonth from, BorrowerProfiles.Profile p) {
        jdbc.sql("INSERT INTO stats.borrower_segment (credit_code, from_month, name, town_code, section_code, "
                + "division_code, categories) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(code, month(from), p.name(), p.town(), p.section(), p.division(), p.categories()).update();
    }

    /** The loan's current status, amount and overdue start, from its reports in order. */
    private void updateCurrent(UUID dealId, List<LoanLedger.Report> reports) {
        if (reports.isEmpty()) {
            return;
        }
        long outstanding = 0;
        LoanStatus status = LoanStatus.NORMAL;
        LocalDate on = null;
        LocalDate overdueSince = null;
        for (LoanLedger.Report r : reports.stream().sorted(Comparator.comparing(LoanLedger.Report::asOf)
                .thenComparingLong(LoanLedger.Report::seq)).toList()) {
            status = r.status();
            on = r.asOf();
            if (r.outstandingFen() != null) {
                outstanding = r.outstandingFen();
            }
            boolean late = status == LoanStatus.OVERDUE || status == LoanStatus.NON_PERFORMING;
            overdueSince = late ? (overdueSince == null ? r.asOf() : overdueSince) : null;
        }
        jdbc.sql("UPDATE stats.loan SET status = ?, status_on = ?, outstanding_fen = ?, overdue_since = ? "
                + "WHERE deal_id = ?")
                .params(status.name(), Date.valueOf(on), outstanding, overdueSince == null ? null
                        : Date.valueOf(overdueSince), dealId).update();
    }

    /** Appends a report; false when the same report is already there. */
    private boolean report(UUID dealId, LocalDate asOf, LoanStatus status, @Nullable Long outstanding) {
        return jdbc.sql("INSERT INTO stats.loan_report (deal_id, as_of, status, outstanding_fen) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(dealId, Date.valueOf(asOf), status.name(), outstanding).update() == 1;
    }

    private record LoanRow(UUID dealId, UUID institutionId, String productType, boolean creditLoan, long amountFen,
            LocalDate disbursedOn, boolean firstLoan) {
        LoanLedger.Loan ledger() {
            return new LoanLedger.Loan(institutionId, productType, creditLoan, amountFen, disbursedOn, firstLoan);
        }
    }

    private List<LoanRow> loans(String code) {
        return jdbc.sql("SELECT * FROM stats.loan WHERE credit_code = ?").param(code)
                .query((rs, n) -> new LoanRow(rs.getObject("deal_id", UUID.class),
                        rs.getObject("institution_id", UUID.class), rs.getString("product_type"),
                        rs.getBoolean("credit_loan"), rs.getLong("amount_fen"),
                        rs.getDate("disbursed_on").toLocalDate(), rs.getBoolean("first_loan"))).list();
    }

    private Map<UUID, List<LoanLedger.Report>> reports(String code) {
        Map<UUID, List<LoanLedger.Report>> out = new HashMap<>();
        jdbc.sql("SELECT r.* FROM stats.loan_report r JOIN stats.loan l ON l.deal_id = r.deal_id "
                + "WHERE l.credit_code = ?").param(code).query(rs -> {
                    out.computeIfAbsent(rs.getObject("deal_id", UUID.class), k -> new ArrayList<>())
                            .add(new LoanLedger.Report(rs.getDate("as_of").toLocalDate(), rs.getLong("seq"),
                                    LoanStatus.valueOf(rs.getString("status")),
                                    rs.getObject("outstanding_fen", Long.class)));
                });
        return out;
    }

    private List<LoanLedger.Segment> segments(String code) {
        return jdbc.sql("SELECT * FROM stats.borrower_segment WHERE credit_code = ? ORDER BY from_month").param(code)
                .query((rs, n) -> new LoanLedger.Segment(YearMonth.from(rs.getDate("from_month").toLocalDate()),
                        rs.getString("town_code"), rs.getString("section_code"), rs.getString("division_code"),
                        rs.getInt("categories"))).list();
    }

    /** Everything the borrower's loans book into the roll-up, as the tables say now. */
    Map<LoanLedger.Cell, LoanLedger.Measures> bookingsOf(String code) {
        List<LoanRow> loans = loans(code);
        if (loans.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<LoanLedger.Report>> reports = reports(code);
        List<LoanLedger.Segment> segments = segments(code);
        Map<LoanLedger.Cell, LoanLedger.Measures> all = new HashMap<>();
        for (LoanRow loan : loans) {
            LoanLedger.bookings(loan.ledger(), reports.getOrDefault(loan.dealId(), List.of()), segments)
                    .forEach((cell, m) -> all.merge(cell, m, LoanLedger.Measures::plus));
        }
        return all;
    }

    /** Adds the changes to the roll-up and its cube, rows in a fixed order so that concurrent bookings cannot deadlock. */
    private void book(Map<LoanLedger.Cell, LoanLedger.Measures> changes) {
        changes.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator
                .comparing((LoanLedger.Cell c) -> c.month())
                .thenComparing(c -> c.key().toString()))).forEach(entry -> {
                    LoanLedger.Cell c = entry.getKey();
                    LoanLedger.Measures m = entry.getValue();
                    jdbc.sql("""
                            INSERT INTO stats.loan_flow (month, institution_id, town_code, section_code, division_code,
                                product_type, credit_loan, categories, balance_delta, loans_delta, overdue_delta,
                                npl_delta, issued_fen, issued_count, first_borrowers)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (month, institution_id, town_code, division_code, product_type, credit_loan,
                                categories) DO UPDATE SET
                                balance_delta = stats.loan_flow.balance_delta + EXCLUDED.balance_delta,
                                loans_delta = stats.loan_flow.loans_delta + EXCLUDED.loans_delta,
                                overdue_delta = stats.loan_flow.overdue_delta + EXCLUDED.overdue_delta,
                                npl_delta = stats.loan_flow.npl_delta + EXCLUDED.npl_delta,
                                issued_fen = stats.loan_flow.issued_fen + EXCLUDED.issued_fen,
                                issued_count = stats.loan_flow.issued_count + EXCLUDED.issued_count,
                                first_borrowers = stats.loan_flow.first_borrowers + EXCLUDED.first_borrowers""")
                            .params(month(c.month()), c.key().institutionId(), c.key().town(), c.key().section(),
                                    c.key().division(), c.key().productType(), c.key().creditLoan(),
                                    c.key().categories(), m.balance(), m.loans(), m.overdue(), m.npl(), m.issuedFen(),
                                    m.issuedCount(), m.firstBorrowers())
                            .update();
                });
        Map<CubeKey, long[]> cube = new HashMap<>();
        changes.forEach((c, m) -> {
            LoanLedger.Key k = c.key();
            long[] v = {m.balance(), k.creditLoan() ? m.balance() : 0, m.loans(), m.overdue(), m.npl(), m.issuedFen(),
                    m.issuedCount(), k.creditLoan() ? m.issuedFen() : 0, m.firstBorrowers()};
            List<String> categories = new ArrayList<>(List.of(ALL));
            for (int i = 0; i < properties.categories().size(); i++) {
                if ((k.categories() & (1 << i)) != 0) {
                    categories.add(properties.categories().get(i).code());
                }
            }
            Map<String, String> values = Map.of("TOWN", k.town(), "INSTITUTION", k.institutionId().toString(),
                    "SECTION", k.section(), "DIVISION", k.division(), "PRODUCT_TYPE", k.productType());
            for (String category : categories) {
                for (CubeDimensions.Dim d : CubeDimensions.ALL) {
                    long[] sum = cube.computeIfAbsent(new CubeKey(category, d.name(), c.month(),
                            CubeDimensions.value(d, values)), x -> new long[9]);
                    for (int j = 0; j < 9; j++) {
                        sum[j] += v[j];
                    }
                }
            }
        });
        cube.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(CubeKey::toString)))
                .forEach(e -> {
                    CubeKey k = e.getKey();
                    long[] v = e.getValue();
                    jdbc.sql("""
                            INSERT INTO stats.loan_cube (category, dim, month, dim_value, balance_delta,
                                credit_balance_delta, loans_delta, overdue_delta, npl_delta, issued_fen, issued_count,
                                credit_issued_fen, first_borrowers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (category, dim, month, dim_value) DO UPDATE SET
                                balance_delta = stats.loan_cube.balance_delta + EXCLUDED.balance_delta,
                                credit_balance_delta = stats.loan_cube.credit_balance_delta + EXCLUDED.credit_balance_delta,
                                loans_delta = stats.loan_cube.loans_delta + EXCLUDED.loans_delta,
                                overdue_delta = stats.loan_cube.overdue_delta + EXCLUDED.overdue_delta,
                                npl_delta = stats.loan_cube.npl_delta + EXCLUDED.npl_delta,
                                issued_fen = stats.loan_cube.issued_fen + EXCLUDED.issued_fen,
                                issued_count = stats.loan_cube.issued_count + EXCLUDED.issued_count,
                                credit_issued_fen = stats.loan_cube.credit_issued_fen + EXCLUDED.credit_issued_fen,
                                first_borrowers = stats.loan_cube.first_borrowers + EXCLUDED.first_borrowers""")
                            .params(k.category(), k.dim(), month(k.month()), k.value(), v[0], v[1], v[2], v[3], v[4],
                                    v[5], v[6], v[7], v[8]).update();
                });
    }

    /** The cube's "all" value: all enterprises, or the total over a dimension. */
    static final String ALL = "*";

    private record CubeKey(String category, String dim, YearMonth month, String value) {
    }

    /**
     * Rebuilds the cube from the roll-up (after the categories' configuration changed, or after a bulk load): one
     * statement, one pass over the cells with GROUPING SETS, each grouping written under every dimension it serves.
     * Answers the rows written.
     */
    @Transactional
    public int rebuildCube() {
        jdbc.sql("TRUNCATE stats.loan_cube").update();
        StringBuilder categories = new StringBuilder("SELECT '*' AS category, 0 AS bit");
        for (int i = 0; i < properties.categories().size(); i++) {
            categories.append(" UNION ALL SELECT '").append(properties.categories().get(i).code().replace("'", ""))
                    .append("', ").append(1 << i);
        }
        List<String> singles = CubeDimensions.SINGLE;
        List<List<String>> sets = new ArrayList<>();
        StringBuilder dims = new StringBuilder();
        for (CubeDimensions.Dim d : CubeDimensions.ALL) {
            List<String> set = d.columns().stream().sorted().toList();
            if (!sets.contains(set)) {
                sets.add(set);
            }
            int mask = 0; // GROUPING() has a bit set for each column not grouped, first argument highest
            for (int i = 0; i < singles.size(); i++) {
                if (!d.columns().contains(singles.get(i))) {
                    mask |= 1 << (singles.size() - 1 - i);
                }
            }
            dims.append(dims.isEmpty() ? "" : " UNION ALL ").append("SELECT ").append(mask).append(" AS mask, '")
                    .append(d.name()).append("' AS dim");
        }
        String groupingSets = String.join(", ", sets.stream().map(set -> "(" + String.join(", ",
                set.stream().map(CubeDimensions::column).toList()) + ")").toList());
        String grouped = String.join(", ", singles.stream().map(c -> CubeDimensions.column(c) + " AS "
                + c.toLowerCase()).toList());
        // group the cells by their category mask first (few masks), and expand to categories after: the big pass
        // reads each cell once, hashing every grouping set at once when memory allows
        String agg = "SELECT c.category, x.month, " + String.join(", ", singles.stream().map(c -> "x." + c.toLowerCase())
                .toList()) + ", x.mask, sum(x.b) AS b, sum(x.cb) AS cb, sum(x.l) AS l, sum(x.o) AS o, sum(x.n) AS n, "
                + "sum(x.i) AS i, sum(x.ic) AS ic, sum(x.ci) AS ci, sum(x.fb) AS fb FROM ("
                + "SELECT f.month, f.categories, " + grouped + ", GROUPING(" + String.join(", ", singles.stream()
                        .map(CubeDimensions::column).toList()) + ") AS mask, "
                + "sum(f.balance_delta) AS b, COALESCE(sum(f.balance_delta) FILTER (WHERE f.credit_loan), 0) AS cb, "
                + "sum(f.loans_delta) AS l, sum(f.overdue_delta) AS o, sum(f.npl_delta) AS n, sum(f.issued_fen) AS i, "
                + "sum(f.issued_count) AS ic, COALESCE(sum(f.issued_fen) FILTER (WHERE f.credit_loan), 0) AS ci, "
                + "sum(f.first_borrowers) AS fb FROM stats.loan_flow f GROUP BY f.month, f.categories, GROUPING SETS ("
                + groupingSets + ")) x "
                + "JOIN (" + categories + ") c ON c.bit = 0 OR (x.categories & c.bit) <> 0 "
                + "GROUP BY c.category, x.month, " + String.join(", ", singles.stream().map(c -> "x." + c.toLowerCase())
                        .toList()) + ", x.mask";
        jdbc.sql("SET LOCAL work_mem = '1GB'").update();
        jdbc.sql("SET LOCAL maintenance_work_mem = '1GB'").update();
        jdbc.sql("ALTER TABLE stats.loan_cube DROP CONSTRAINT loan_cube_pkey").update(); // built again after, by sort
        StringBuilder value = new StringBuilder("CASE d.dim");
        for (CubeDimensions.Dim d : CubeDimensions.ALL) {
            value.append(" WHEN '").append(d.name()).append("' THEN ").append(d.columns().isEmpty() ? "'*'"
                    : String.join(" || '|' || ", d.columns().stream().map(c -> "g." + c.toLowerCase()).toList()));
        }
        value.append(" END");
        int written = jdbc.sql("INSERT INTO stats.loan_cube (category, dim, dim_value, month, balance_delta, "
                + "credit_balance_delta, loans_delta, overdue_delta, npl_delta, issued_fen, issued_count, "
                + "credit_issued_fen, first_borrowers) SELECT g.category, d.dim, " + value + ", g.month, g.b, g.cb, "
                + "g.l, g.o, g.n, g.i, g.ic, g.ci, g.fb FROM (" + agg + ") g JOIN (" + dims + ") d ON d.mask = g.mask")
                .update();
        jdbc.sql("ALTER TABLE stats.loan_cube ADD CONSTRAINT loan_cube_pkey PRIMARY KEY (category, dim, dim_value, "
                + "month)").update();
        return written;
    }

    private long platformCredit(String code) {
        return jdbc.sql("SELECT COALESCE(sum(amount_fen), 0) FROM stats.loan WHERE credit_code = ? "
                + "AND outstanding_fen > 0").param(code).query(Long.class).single();
    }

    private void institution(UUID id) {
        String name = organisations.find(id).map(OrganisationView::name).orElse(id.toString());
        jdbc.sql("INSERT INTO stats.institution (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = "
                + "EXCLUDED.name").params(id, name).update();
    }

    private void lock(String code) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 61))) l").param(code)
                .query(Integer.class).single();
    }

    static Date month(YearMonth m) {
        return Date.valueOf(m.atDay(1));
    }
}
