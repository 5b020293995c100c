package org.sanrong.stats;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.ProductType;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.ResultPage;
import org.sanrong.platform.WorkingCalendar;
import org.sanrong.reference.Industry;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.Town;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics the cockpit, the API and the monthly report show, read from the roll-up and the loan read model.
 * Government sees everything; an institution sees its own figures (any selection is narrowed to it) and its rank.
 */
@Service
@EnableConfigurationProperties(StatsProperties.class)
public class Statistics {

    /** What a breakdown groups by. */
    public enum Dimension {
        TOWN("town_code"), INSTITUTION("institution_id"), SECTION("section_code"), DIVISION("division_code"),
        PRODUCT_TYPE("product_type"), CATEGORY(null);

        private final @Nullable String column;

        Dimension(@Nullable String column) {
            this.column = column;
        }
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final StatsProperties properties;
    private final ReferenceData reference;
    private final WorkingCalendar calendar;

    Statistics(JdbcClient jdbc, StatsProperties properties, ReferenceData reference, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.reference = reference;
        this.calendar = calendar;
    }

    public StatsProperties settings() {
        return properties;
    }

    /** The selection as the user may see it: an institution's is narrowed to itself; unknown filters refused. */
    public Selection scoped(Selection s, SignedInUser user) {
        if (s.category() != null && properties.bitOf(s.category()) < 0) {
            throw new InvalidRequestException("category", "没有这个企业类别：" + s.category());
        }
        if (s.productType() != null && java.util.Arrays.stream(ProductType.values())
                .noneMatch(t -> t.name().equals(s.productType()))) {
            throw new InvalidRequestException("productType", "没有这个产品类型：" + s.productType());
        }
        if (s.industry() != null && !(s.industry().matches("[A-T]") || s.industry().matches("[A-T][0-9]{2}"))) {
            throw new InvalidRequestException("industry", "行业请填写国民经济行业门类（一个字母）或大类（如 C39）");
        }
        if (official(user)) {
            return s;
        }
        if (user.hasRole(Role.INSTITUTION)) {
            return s.withInstitution(user.organisationId());
        }
        throw new AccessDeniedException("统计监测面向政府部门和金融机构");
    }

    // ---- loans -------------------------------------------------------------------------------------------------

    /** The headline figures of the selection. */
    @Transactional(readOnly = true)
    public Figures figures(Selection s) {
        Totals totals = totals(s, null).stream().findFirst().orElse(empty("", "合计"));
        LocalDate soy = s.startOfYear().atEndOfMonth();
        Map<String, Object> p = new HashMap<>();
        String where = where(s, p, "");
        p.put("m", Date.valueOf(s.month().atDay(1)));
        p.put("jan", Date.valueOf(LocalDate.of(s.month().getYear(), 1, 1)));
        p.put("end", Date.valueOf(s.reportingDate()));
        long[] invested = new long[3];
        jdbc.sql("SELECT COALESCE(sum(amount_fen) FILTER (WHERE invested_on >= :m), 0) AS month, "
                + "COALESCE(sum(amount_fen), 0) AS ytd, count(*) AS n FROM stats.investment" + where
                .replace("product_type = :ptype", "true") + " AND invested_on BETWEEN :jan AND :end")
                .params(p).query(rs -> {
                    invested[0] = rs.getLong("month");
                    invested[1] = rs.getLong("ytd");
                    invested[2] = rs.getLong("n");
                });
        Map<String, Object> dp = new HashMap<>(p);
        String demandWhere = where(s.withInstitution(null), dp, "").replace("product_type = :ptype", "true");
        long[] demands = new long[5];
        jdbc.sql("SELECT count(*) FILTER (WHERE published_on BETWEEN :m AND :end) AS month, "
                + "count(*) FILTER (WHERE published_on BETWEEN :jan AND :end) AS ytd, "
                + "COALESCE(sum(amount_fen) FILTER (WHERE published_on BETWEEN :jan AND :end), 0) AS ytd_fen, "
                + "count(*) FILTER (WHERE closed_on BETWEEN :jan AND :end AND outcome IN ('SATISFIED', "
                + "'PARTLY_SATISFIED')) AS met, count(*) FILTER (WHERE closed_on BETWEEN :jan AND :end) AS closed "
                + "FROM stats.demand" + demandWhere).params(dp).query(rs -> {
                    demands[0] = rs.getLong("month");
                    demands[1] = rs.getLong("ytd");
                    demands[2] = rs.getLong("ytd_fen");
                    demands[3] = rs.getLong("met");
                    demands[4] = rs.getLong("closed");
                });
        return new Figures(s, totals, borrowers(s, s.reportingDate()), borrowers(s.withMonth(s.startOfYear()), soy),
                invested[0], invested[1], invested[2], demands[0], demands[1], demands[2], demands[3], demands[4],
                medianResponse(s), accessRates(s));
    }

    /** The selection's loan totals alone (no borrower counts, lists or demands): what a bound indicator needs. */
    @Transactional(readOnly = true)
    public Totals totals(Selection s) {
        return totals(s, null).stream().findFirst().orElse(empty("", "合计"));
    }

    /** The selection's totals grouped by a dimension (or, with null, one row for all), biggest balance first. */
    @Transactional(readOnly = true)
    public List<Totals> breakdown(Selection s, Dimension by) {
        if (by == Dimension.CATEGORY) {
            List<Totals> rows = new ArrayList<>();
            rows.add(totals(s.withCategory(null), null).stream().findFirst().orElse(empty("ALL", "全部企业"))
                    .named("全部企业"));
            for (StatsProperties.Category c : properties.categories()) {
                rows.add(totals(s.withCategory(c.code()), null).stream().findFirst().orElse(empty(c.code(), c.label()))
                        .named(c.label()));
            }
            return rows;
        }
        List<Totals> rows = new ArrayList<>(totals(s, by));
        rows.sort(Comparator.comparingLong(Totals::balanceFen).reversed().thenComparing(Totals::key));
        return rows;
    }

    /** Month by month up to the selection's month: balance, amount issued, year-on-year growth. */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(Selection s, int months) {
        Map<String, Object> p = new HashMap<>();
        String where = where(s, p, "");
        p.put("m", Date.valueOf(s.month().atDay(1)));
        Map<YearMonth, long[]> byMonth = new LinkedHashMap<>();
        String[] range = useCube ? cubeRange(s, null) : null;
        if (range != null) {
            p.put("dim", range[0]);
            p.put("lo", range[1]);
            p.put("hi", range[2]);
        }
        String sql = range != null
                ? "SELECT month, sum(balance_delta) AS b, sum(issued_fen) AS i, sum(credit_balance_delta) AS c "
                        + "FROM stats.loan_cube WHERE category = :category AND dim = :dim AND dim_value >= :lo "
                        + "AND dim_value < :hi AND month <= :m GROUP BY month ORDER BY month"
                : "SELECT month, sum(balance_delta) AS b, sum(issued_fen) AS i, "
                        + "COALESCE(sum(balance_delta) FILTER (WHERE credit_loan), 0) AS c FROM stats.loan_flow" + where
                        + " AND month <= :m GROUP BY month ORDER BY month";
        p.put("category", s.category() == null ? LoanBook.ALL : s.category());
        jdbc.sql(sql).params(p).query(rs -> {
                    byMonth.put(YearMonth.from(rs.getDate("month").toLocalDate()),
                            new long[] {rs.getLong("b"), rs.getLong("i"), rs.getLong("c")});
                });
        YearMonth start = s.month().minusMonths(months - 1L);
        YearMonth firstData = byMonth.keySet().stream().findFirst().orElse(start);
        YearMonth from = firstData.isBefore(start.minusMonths(12)) ? firstData : start.minusMonths(12);
        Map<YearMonth, Long> balance = new HashMap<>();
        Map<YearMonth, Long> credit = new HashMap<>();
        long running = 0;
        long runningCredit = 0;
        for (YearMonth m = from; !m.isAfter(s.month()); m = m.plusMonths(1)) {
            long[] v = byMonth.get(m);
            if (v != null) {
                running += v[0];
                runningCredit += v[2];
            }
            balance.put(m, running);
            credit.put(m, runningCredit);
        }
        List<TrendPoint> out = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(s.month()); m = m.plusMonths(1)) {
            long[] v = byMonth.get(m);
            out.add(new TrendPoint(m, balance.getOrDefault(m, 0L), v == null ? 0 : v[1], credit.getOrDefault(m, 0L),
                    Ratios.growth(balance.getOrDefault(m, 0L), balance.getOrDefault(m.minusMonths(12), 0L))));
        }
        return out;
    }

    /** Tech-credit growth year on year: the city first, then each institution, fastest first. */
    @Transactional(readOnly = true)
    public List<GrowthRow> techCreditGrowth(Selection s) {
        Selection tech = s.withCategory(properties.techCategory());
        List<GrowthRow> rows = new ArrayList<>();
        Totals city = totals(tech.withInstitution(null), null).stream().findFirst().orElse(empty("", "全市"));
        rows.add(growth(null, "全市", city));
        List<GrowthRow> institutions = new ArrayList<>();
        for (Totals t : totals(tech.withInstitution(null), Dimension.INSTITUTION)) {
            institutions.add(growth(UUID.fromString(t.key()), t.name(), t));
        }
        institutions.sort(Comparator.comparing((GrowthRow g) -> g.growthPercent() == null ? BigDecimal.valueOf(
                Long.MIN_VALUE) : g.growthPercent()).reversed().thenComparing(GrowthRow::name));
        rows.addAll(institutions);
        return rows;
    }

    private GrowthRow growth(@Nullable UUID id, String name, Totals t) {
        BigDecimal rate = t.yearOnYearPercent();
        return new GrowthRow(id, name, t.balanceFen(), t.yearAgoFen(), rate, properties.growthTargetPercent(),
                Ratios.light(rate, properties.growthTargetPercent(), properties.growthAmberPoints()));
    }

    /** 普惠小微 "两增" for the selection's month (city-wide or the selection's institution). */
    @Transactional(readOnly = true)
    public TwoIncreases twoIncreases(Selection s) {
        Selection base = new Selection(s.month(), null, null, null, null, s.institution());
        Selection inclusive = base.withCategory(properties.inclusiveCategory());
        Totals all = totals(base, null).stream().findFirst().orElse(empty("", ""));
        Totals inc = totals(inclusive, null).stream().findFirst().orElse(empty("", ""));
        return new TwoIncreases(inc.balanceFen(), inc.startOfYearFen(), all.balanceFen(), all.startOfYearFen(),
                borrowers(inclusive, s.reportingDate()), borrowers(inclusive.withMonth(s.startOfYear()),
                        s.startOfYear().atEndOfMonth()));
    }

    /** An institution's place among all institutions by balance and by tech-credit growth (1 = first). */
    public record Rank(int byBalance, int byTechGrowth, int institutions) {
    }

    @Transactional(readOnly = true)
    public Rank rankOf(UUID institution, YearMonth month) {
        List<Totals> all = breakdown(Selection.of(month), Dimension.INSTITUTION);
        int byBalance = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key().equals(institution.toString())) {
                byBalance = i + 1;
            }
        }
        List<GrowthRow> growth = techCreditGrowth(Selection.of(month));
        int byGrowth = 0;
        for (int i = 1; i < growth.size(); i++) {
            if (institution.equals(growth.get(i).institutionId())) {
                byGrowth = i;
            }
        }
        return new Rank(byBalance, byGrowth, all.size());
    }

    /** The loans of the selection with a balance at the reporting date or issued in its year, biggest balance first. */
    @Transactional(readOnly = true)
    public ResultPage<LoanLine> loans(Selection s, int page, int size) {
        Map<String, Object> p = new HashMap<>();
        String where = where(s, p, "seg.").replace("seg.institution_id", "l.institution_id")
                .replace("seg.product_type", "l.product_type");
        p.put("end", Date.valueOf(s.reportingDate()));
        p.put("m", Date.valueOf(s.month().atDay(1)));
        p.put("jan", Date.valueOf(LocalDate.of(s.month().getYear(), 1, 1)));
        String filter = where + " AND (at.outstanding_fen > 0 OR l.disbursed_on BETWEEN :jan AND :end)";
        String joins = " FROM stats.loan l JOIN (" + AT + ") at ON at.deal_id = l.deal_id JOIN (" + SEG
                + ") seg ON seg.credit_code = l.credit_code";
        long total = jdbc.sql("SELECT count(*)" + joins + filter).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<LoanLine> items = jdbc.sql("SELECT l.*, at.outstanding_fen AS balance, seg.name, seg.town_code, "
                + "COALESCE(i.name, '') AS institution_name, (SELECT r.status FROM stats.loan_report r WHERE "
                + "r.deal_id = l.deal_id AND r.as_of <= :end ORDER BY r.as_of DESC, r.seq DESC LIMIT 1) AS at_status"
                + joins + " LEFT JOIN stats.institution i ON i.id = l.institution_id" + filter
                + " ORDER BY at.outstanding_fen DESC, l.disbursed_on DESC, l.deal_id LIMIT :limit OFFSET :offset")
                .params(p).query((rs, n) -> new LoanLine(rs.getObject("deal_id", UUID.class),
                        rs.getString("loan_number"), rs.getString("institution_name"), rs.getString("credit_code"),
                        rs.getString("name"), townName(rs.getString("town_code")),
                        productLabel(rs.getString("product_type")), rs.getLong("amount_fen"),
                        rs.getDate("disbursed_on").toLocalDate(), rs.getDate("maturity_on").toLocalDate(),
                        rs.getLong("balance"), rs.getString("at_status"), rs.getBoolean("first_loan"))).list();
        return new ResultPage<>(items, page, size, total);
    }

    /** The months that have loans, newest first (for the month picker); the current month at least. */
    @Transactional(readOnly = true)
    public List<YearMonth> months(YearMonth current) {
        List<YearMonth> months = new ArrayList<>(jdbc.sql("SELECT DISTINCT month FROM stats.loan_flow ORDER BY month "
                + "DESC").query((rs, n) -> YearMonth.from(rs.getDate("month").toLocalDate())).list());
        if (!months.contains(current)) {
            months.addFirst(current);
        }
        return months;
    }

    // ---- pieces ------------------------------------------------------------------------------------------------

    /** The latest amount each loan was reported at, as of :end. */
    private static final String AT = "SELECT DISTINCT ON (r.deal_id) r.deal_id, r.outstanding_fen FROM stats.loan_report r "
            + "WHERE r.as_of <= :end AND r.outstanding_fen IS NOT NULL ORDER BY r.deal_id, r.as_of DESC, r.seq DESC";

    /** Each borrower's segment in force in month :m. */
    private static final String SEG = "SELECT DISTINCT ON (s.credit_code) s.* FROM stats.borrower_segment s "
            + "WHERE s.from_month <= :m ORDER BY s.credit_code, s.from_month DESC";

    /** Distinct borrowers with a balance at {@code date} among the selection's loans. */
    private long borrowers(Selection s, LocalDate date) {
        Map<String, Object> p = new HashMap<>();
        String where = where(s, p, "seg.").replace("seg.institution_id", "l.institution_id")
                .replace("seg.product_type", "l.product_type");
        p.put("end", Date.valueOf(date));
        p.put("m", Date.valueOf(YearMonth.from(date).atDay(1)));
        return jdbc.sql("SELECT count(DISTINCT l.credit_code) FROM stats.loan l JOIN (" + AT + ") at ON at.deal_id = "
                + "l.deal_id JOIN (" + SEG + ") seg ON seg.credit_code = l.credit_code" + where
                + " AND at.outstanding_fen > 0").params(p).query(Long.class).single();
    }

    /**
     * 获贷率 of each kept list at the month's end: the list members (in the selected town and industry, as the list
     * kept them) with a loan outstanding at the reporting date (from the selected institution, when one is).
     */
    List<Figures.AccessRate> accessRates(Selection s) {
        YearMonth month = s.month();
        List<Figures.AccessRate> out = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        p.put("end", Date.valueOf(month.atEndOfMonth()));
        p.put("m", Date.valueOf(month.atDay(1)));
        p.put("town", s.town());
        p.put("industry", s.industry());
        p.put("inst", s.institution());
        for (StatsProperties.Category c : properties.categories()) {
            if (c.sizeRule()) {
                continue;
            }
            p.put("c", c.code());
            boolean kept = jdbc.sql("SELECT count(*) FROM stats.list_refresh WHERE month = :m AND category = :c")
                    .params(p).query(Long.class).single() > 0;
            long[] v = new long[2];
            jdbc.sql("SELECT count(*) AS listed, count(b.credit_code) AS with_loan FROM stats.list_member lm "
                    + "LEFT JOIN (SELECT DISTINCT l.credit_code FROM stats.loan l JOIN (" + AT + ") at ON at.deal_id = "
                    + "l.deal_id WHERE at.outstanding_fen > 0 AND (CAST(:inst AS uuid) IS NULL OR l.institution_id = "
                    + ":inst)) b ON b.credit_code = lm.credit_code WHERE lm.month = :m AND lm.category = :c "
                    + "AND (CAST(:town AS varchar) IS NULL OR lm.town_code = :town) "
                    + "AND (CAST(:industry AS varchar) IS NULL OR starts_with(lm.industry_code, :industry))")
                    .params(p).query(rs -> {
                        v[0] = rs.getLong("listed");
                        v[1] = rs.getLong("with_loan");
                    });
            out.add(new Figures.AccessRate(c.code(), c.label(), kept, v[0], v[1]));
        }
        return out;
    }

    /** 风险补偿: claims paid by the pools in the month and the year to date (the selected institution's, if one). */
    public record Compensation(long claimsMonth, long paidMonthFen, long claimsYtd, long paidYtdFen) {
    }

    @Transactional(readOnly = true)
    public Compensation compensation(Selection s) {
        long[] v = payouts("stats.compensation", "institution_id", s);
        return new Compensation(v[0], v[1], v[2], v[3]);
    }

    /**
     * 补贴拨付: subsidies and rewards paid from the policies' budgets in the month and the year to date (with an
     * institution selected, what it received itself, e.g. angel rewards).
     */
    public record SubsidiesPaid(long itemsMonth, long paidMonthFen, long itemsYtd, long paidYtdFen) {
    }

    @Transactional(readOnly = true)
    public SubsidiesPaid subsidiesPaid(Selection s) {
        long[] v = payouts("stats.subsidy_paid", "beneficiary_org", s);
        return new SubsidiesPaid(v[0], v[1], v[2], v[3]);
    }

    /** Count and sum of a payout table in the month and the year to date: {month count, fen, year count, fen}. */
    private long[] payouts(String table, String organisationColumn, Selection s) {
        Map<String, Object> p = new HashMap<>();
        p.put("monthFrom", Date.valueOf(s.month().atDay(1)));
        p.put("yearFrom", Date.valueOf(LocalDate.of(s.month().getYear(), 1, 1)));
        p.put("end", Date.valueOf(s.reportingDate()));
        p.put("inst", s.institution());
        return jdbc.sql("SELECT count(*) FILTER (WHERE paid_on >= :monthFrom) AS cm, "
                + "COALESCE(sum(amount_fen) FILTER (WHERE paid_on >= :monthFrom), 0) AS am, count(*) AS cy, "
                + "COALESCE(sum(amount_fen), 0) AS ay FROM " + table + " WHERE paid_on >= :yearFrom "
                + "AND paid_on <= :end AND (CAST(:inst AS uuid) IS NULL OR " + organisationColumn + " = :inst)")
                .params(p).query((rs, n) -> new long[] {rs.getLong("cm"), rs.getLong("am"), rs.getLong("cy"),
                        rs.getLong("ay")}).single();
    }

    /** Median working days from a deal reaching an institution to its decision, for decisions this year. */
    private @Nullable Double medianResponse(Selection s) {
        List<Integer> days = new ArrayList<>();
        jdbc.sql("SELECT opened_at, decided_at FROM stats.deal_case WHERE decided_at IS NOT NULL AND decided_at >= :from "
                + "AND decided_at < :to AND (CAST(:inst AS uuid) IS NULL OR institution_id = :inst)")
                .param("from", java.sql.Timestamp.from(LocalDate.of(s.month().getYear(), 1, 1).atStartOfDay(CHINA)
                        .toInstant()))
                .param("to", java.sql.Timestamp.from(s.reportingDate().plusDays(1).atStartOfDay(CHINA).toInstant()))
                .param("inst", s.institution())
                .query(rs -> {
                    LocalDate opened = rs.getTimestamp("opened_at").toInstant().atZone(CHINA).toLocalDate();
                    LocalDate decided = rs.getTimestamp("decided_at").toInstant().atZone(CHINA).toLocalDate();
                    days.add(Math.max(0, calendar.workingDaysBetween(opened, decided)));
                });
        return median(days);
    }

    static @Nullable Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Whether the selection is city-wide apart from its category, so the cube answers it. */
    static boolean cubeAnswers(Selection s) {
        return filters(s).size() <= 1;
    }

    /** The selection's filters other than the category, as cube dimension name → value. */
    static Map<String, String> filters(Selection s) {
        Map<String, String> f = new LinkedHashMap<>();
        if (s.town() != null) {
            f.put("TOWN", s.town());
        }
        if (s.institution() != null) {
            f.put("INSTITUTION", s.institution().toString());
        }
        if (s.industry() != null) {
            f.put(s.industry().length() == 1 ? "SECTION" : "DIVISION", s.industry());
        }
        if (s.productType() != null) {
            f.put("PRODUCT_TYPE", s.productType());
        }
        return f;
    }

    /**
     * The cube dimension and the range of its values that answer the selection grouped by {@code by}, or null when
     * the cells must: [dim, low (inclusive), high (exclusive), prefix to strip from a value].
     */
    static String @Nullable [] cubeRange(Selection s, @Nullable Dimension by) {
        Map<String, String> f = filters(s);
        String group = by == null ? null : by.name();
        if (f.isEmpty()) {
            return group == null ? new String[] {"TOTAL", "", "\uffff", ""} : new String[] {group, "", "\uffff", ""};
        }
        if (f.size() > 1) {
            return null;
        }
        var only = f.entrySet().iterator().next();
        if (group == null || group.equals(only.getKey())) {
            return new String[] {only.getKey(), only.getValue(), only.getValue() + "\u0001", ""};
        }
        String dim = only.getKey() + ">" + group;
        if (CubeDimensions.ALL.stream().noneMatch(d -> d.name().equals(dim))) {
            return null;
        }
        return new String[] {dim, only.getValue() + "|", only.getValue() + "}", only.getValue() + "|"};
    }

    private List<Totals> totals(Selection s, @Nullable Dimension by) {
        String[] range = useCube ? cubeRange(s, by) : null;
        return range != null ? cubeTotals(s, by, range) : flowTotals(s, by);
    }

    private volatile boolean useCube = true;

    /** Off only in tests that compare the cube with the roll-up it summarises. */
    void useCube(boolean use) {
        this.useCube = use;
    }

    private List<Totals> cubeTotals(Selection s, @Nullable Dimension by, String[] range) {
        Map<String, Object> p = new HashMap<>();
        p.put("category", s.category() == null ? LoanBook.ALL : s.category());
        p.put("dim", range[0]);
        p.put("lo", range[1]);
        p.put("hi", range[2]);
        p.put("m", Date.valueOf(s.month().atDay(1)));
        p.put("soy", Date.valueOf(s.startOfYear().atDay(1)));
        p.put("ya", Date.valueOf(s.month().minusMonths(12).atDay(1)));
        p.put("jan", Date.valueOf(LocalDate.of(s.month().getYear(), 1, 1)));
        String key = by == null ? "''" : "substr(dim_value, " + (range[3].length() + 1) + ")";
        List<Totals> rows = jdbc.sql("SELECT " + key + " AS k, "
                + "COALESCE(sum(balance_delta), 0) AS bal, "
                + "COALESCE(sum(balance_delta) FILTER (WHERE month <= :soy), 0) AS soy, "
                + "COALESCE(sum(balance_delta) FILTER (WHERE month <= :ya), 0) AS ya, "
                + "COALESCE(sum(issued_fen) FILTER (WHERE month = :m), 0) AS im, "
                + "COALESCE(sum(issued_count) FILTER (WHERE month = :m), 0) AS imn, "
                + "COALESCE(sum(issued_fen) FILTER (WHERE month >= :jan), 0) AS iy, "
                + "COALESCE(sum(issued_count) FILTER (WHERE month >= :jan), 0) AS iyn, "
                + "COALESCE(sum(credit_balance_delta), 0) AS cb, "
                + "COALESCE(sum(credit_issued_fen) FILTER (WHERE month >= :jan), 0) AS ciy, "
                + "COALESCE(sum(loans_delta), 0) AS loans, COALESCE(sum(overdue_delta), 0) AS od, "
                + "COALESCE(sum(npl_delta), 0) AS npl, "
                + "COALESCE(sum(first_borrowers) FILTER (WHERE month = :m), 0) AS fm, "
                + "COALESCE(sum(first_borrowers) FILTER (WHERE month >= :jan), 0) AS fy "
                + "FROM stats.loan_cube WHERE category = :category AND dim = :dim AND dim_value >= :lo "
                + "AND dim_value < :hi AND month <= :m" + (by == null ? "" : " GROUP BY dim_value"))
                .params(p).query((rs, n) -> totalsOf(rs, by)).list();
        if (by == null && rows.isEmpty()) {
            return List.of();
        }
        return named(rows, by);
    }

    private List<Totals> flowTotals(Selection s, @Nullable Dimension by) {
        Map<String, Object> p = new HashMap<>();
        String where = where(s, p, "");
        p.put("m", Date.valueOf(s.month().atDay(1)));
        p.put("soy", Date.valueOf(s.startOfYear().atDay(1)));
        p.put("ya", Date.valueOf(s.month().minusMonths(12).atDay(1)));
        p.put("jan", Date.valueOf(LocalDate.of(s.month().getYear(), 1, 1)));
        String group = by == null ? "''" : "CAST(" + by.column + " AS text)";
        List<Totals> rows = jdbc.sql("SELECT " + group + " AS k, "
                + "COALESCE(sum(balance_delta), 0) AS bal, "
                + "COALESCE(sum(balance_delta) FILTER (WHERE month <= :soy), 0) AS soy, "
                + "COALESCE(sum(balance_delta) FILTER (WHERE month <= :ya), 0) AS ya, "
                + "COALESCE(sum(issued_fen) FILTER (WHERE month = :m), 0) AS im, "
                + "COALESCE(sum(issued_count) FILTER (WHERE month = :m), 0) AS imn, "
                + "COALESCE(sum(issued_fen) FILTER (WHERE month >= :jan), 0) AS iy, "
                + "COALESCE(sum(issued_count) FILTER (WHERE month >= :jan), 0) AS iyn, "
                + "COALESCE(sum(balance_delta) FILTER (WHERE credit_loan), 0) AS cb, "
                + "COALESCE(sum(issued_fen) FILTER (WHERE credit_loan AND month >= :jan), 0) AS ciy, "
                + "COALESCE(sum(loans_delta), 0) AS loans, COALESCE(sum(overdue_delta), 0) AS od, "
                + "COALESCE(sum(npl_delta), 0) AS npl, "
                + "COALESCE(sum(first_borrowers) FILTER (WHERE month = :m), 0) AS fm, "
                + "COALESCE(sum(first_borrowers) FILTER (WHERE month >= :jan), 0) AS fy "
                + "FROM stats.loan_flow" + where + " AND month <= :m" + (by == null ? "" : " GROUP BY " + by.column))
                .params(p).query((rs, n) -> totalsOf(rs, by)).list();
        return named(rows, by);
    }

    private List<Totals> named(List<Totals> rows, @Nullable Dimension by) {
        if (by == Dimension.INSTITUTION && !rows.isEmpty()) {
            Map<String, String> names = new HashMap<>();
            jdbc.sql("SELECT id, name FROM stats.institution").query(rs -> {
                names.put(rs.getString("id"), rs.getString("name"));
            });
            rows = rows.stream().map(t -> t.named(names.getOrDefault(t.key(), t.key()))).toList();
        }
        return rows;
    }

    private Totals totalsOf(ResultSet rs, @Nullable Dimension by) throws SQLException {
        String key = by == null ? "" : rs.getString("k");
        return new Totals(key, by == null ? "合计" : name(by, key), rs.getLong("bal"), rs.getLong("soy"),
                rs.getLong("ya"), rs.getLong("im"), rs.getLong("imn"), rs.getLong("iy"), rs.getLong("iyn"),
                rs.getLong("cb"), rs.getLong("ciy"), rs.getLong("loans"), rs.getLong("od"), rs.getLong("npl"),
                rs.getLong("fm"), rs.getLong("fy"));
    }

    private String name(Dimension by, String key) {
        if ("-".equals(key)) {
            return "未知";
        }
        return switch (by) {
            case TOWN -> townName(key);
            case SECTION, DIVISION -> reference.industry(key).map(Industry::name).orElse(key);
            case PRODUCT_TYPE -> productLabel(key);
            default -> key;
        };
    }

    /** A town's name as the tables show it; "-" (loans of enterprises with no town on record) is 未知. */
    public String townName(String code) {
        return "-".equals(code) ? "未知" : reference.town(code).map(Town::name).orElse(code);
    }

    static String productLabel(String type) {
        try {
            return ProductType.valueOf(type).label();
        } catch (IllegalArgumentException e) {
            return type;
        }
    }

    private static Totals empty(String key, String name) {
        return new Totals(key, name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The WHERE clause of a selection over columns with {@code prefix}, its parameters added to {@code p}. */
    private String where(Selection s, Map<String, Object> p, String prefix) {
        StringBuilder w = new StringBuilder(" WHERE true");
        if (s.category() != null) {
            w.append(" AND (").append(prefix).append("categories & :bit) <> 0");
            p.put("bit", properties.bitOf(s.category()));
        }
        if (s.productType() != null) {
            w.append(" AND ").append(prefix).append("product_type = :ptype");
            p.put("ptype", s.productType());
        }
        if (s.industry() != null) {
            w.append(" AND ").append(prefix).append(s.industry().length() == 1 ? "section_code" : "division_code")
                    .append(" = :industry");
            p.put("industry", s.industry());
        }
        if (s.town() != null) {
            w.append(" AND ").append(prefix).append("town_code = :town");
            p.put("town", s.town());
        }
        if (s.institution() != null) {
            w.append(" AND ").append(prefix).append("institution_id = :inst");
            p.put("inst", s.institution());
        }
        return w.toString();
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }
}
