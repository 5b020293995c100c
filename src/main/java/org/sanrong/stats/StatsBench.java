package org.sanrong.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.sanrong.reference.Industry;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.Town;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The statistics benchmark ({@code ./sanrong bench stats}): N synthetic loans (default 20,000,000) over 2021-2025,
 * 60 institutions, the city's towns, 40 GB/T 4754 divisions, 8 product types and the enterprise categories, written
 * to a raw table and rolled up into the read model ({@code stats.loan_flow} and its cube) by set-based SQL equivalent
 * to what {@link LoanLedger} books per loan. Then, in the same run: the dashboard's roll-ups through
 * {@link Statistics} (what the page calls), the same figures by GROUP BY straight over the raw rows in PostgreSQL, and
 * a check that both give the same numbers. Prints p50/p95/p99 and exits.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "sanrong.bench", havingValue = "stats")
class StatsBench implements ApplicationRunner {

    private static final String[] PRODUCT_TYPES = {"CREDIT_LOAN", "MORTGAGE_LOAN", "IP_PLEDGE_LOAN", "RECEIVABLES",
        "EQUITY_PLEDGE", "INVESTMENT_LINKED_LOAN", "LEASING", "BOND"};

    private final DataSource dataSource;
    private final Statistics statistics;
    private final LoanBook book;
    private final ReferenceData reference;
    private final StatsProperties properties;
    private final ConfigurableApplicationContext context;
    private final long loans;
    private final int queries;
    private final int rawQueries;

    StatsBench(DataSource dataSource, Statistics statistics, LoanBook book, ReferenceData reference,
            StatsProperties properties, ConfigurableApplicationContext context,
            @Value("${sanrong.bench.loans:20000000}") long loans,
            @Value("${sanrong.bench.queries:300}") int queries,
            @Value("${sanrong.bench.raw-queries:20}") int rawQueries) {
        this.dataSource = dataSource;
        this.statistics = statistics;
        this.book = book;
        this.reference = reference;
        this.properties = properties;
        this.context = context;
        this.loans = loans;
        this.queries = queries;
        this.rawQueries = rawQueries;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> towns = reference.towns().stream().map(Town::code).toList();
        List<String> divisions = reference.industries(null).stream()
                .flatMap(section -> reference.children(section.code()).stream())
                .filter(i -> i.level() == Industry.Level.DIVISION).map(Industry::code)
                .filter(c -> c.startsWith("C") || c.startsWith("I") || c.startsWith("M")).limit(40).toList();
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET work_mem = '256MB'");
            st.execute("SET maintenance_work_mem = '512MB'");
            st.execute("DROP SCHEMA IF EXISTS stats_bench CASCADE");
            st.execute("CREATE SCHEMA stats_bench");
            st.execute("CREATE TABLE stats_bench.institution AS SELECT n, gen_random_uuid() AS id FROM "
                    + "generate_series(0, 59) n");
            st.execute("INSERT INTO stats.institution (id, name) SELECT id, '基准银行' || n FROM stats_bench.institution");
            st.execute("SELECT setseed(0.61)");
            // one row a loan: a random cell, an amount of 0.1-10 million yuan, disbursed in 2021-2025, 70% repaid
            // after 12 months, the rest still outstanding (extended or long-term)
            st.execute("CREATE UNLOGGED TABLE stats_bench.loan AS SELECT g AS id, "
                    + "floor(random() * 60)::int AS institution, "
                    + "(ARRAY[" + quoted(towns) + "])[1 + (random() * " + (towns.size() - 1) + ")::int] AS town_code, "
                    + "(ARRAY[" + quoted(divisions) + "])[1 + (random() * " + (divisions.size() - 1) + ")::int] "
                    + "AS division_code, "
                    + "(ARRAY[" + quoted(Arrays.asList(PRODUCT_TYPES)) + "])[1 + (random() * 7)::int] AS product_type, "
                    + "(CASE WHEN random() < 0.35 THEN 1 | (CASE WHEN random() < 0.6 THEN 2 ELSE 4 END) ELSE 0 END) "
                    + "| (CASE WHEN random() < 0.5 THEN 16 ELSE 0 END) AS categories, "
                    + "10000000 + (random() * 990000000)::bigint AS amount_fen, "
                    + "DATE '2021-01-01' + (random() * 1825)::int AS disbursed_on, random() < 0.7 AS repaid "
                    + "FROM generate_series(1, " + loans + ") g");
            st.execute("ALTER TABLE stats_bench.loan ADD COLUMN repaid_on date");
            st.execute("UPDATE stats_bench.loan SET repaid_on = disbursed_on + 365 WHERE repaid");
            say("generated %,d loans in %.1f s", loans, secs(t0));
            long t1 = System.nanoTime();
            // the read model: +amount in the disbursement month, -amount in the repayment month (LoanLedger's rule)
            st.execute("INSERT INTO stats.loan_flow (month, institution_id, town_code, section_code, division_code, "
                    + "product_type, credit_loan, categories, balance_delta, loans_delta, issued_fen, issued_count) "
                    + "SELECT m, i.id, town_code, left(division_code, 1), division_code, product_type, "
                    + "product_type = 'CREDIT_LOAN', categories, sum(b), sum(x.n), sum(iss), sum(cnt) FROM ("
                    + "SELECT date_trunc('month', disbursed_on)::date AS m, institution, town_code, division_code, "
                    + "product_type, categories, amount_fen AS b, 1 AS n, amount_fen AS iss, 1 AS cnt "
                    + "FROM stats_bench.loan UNION ALL "
                    + "SELECT date_trunc('month', repaid_on)::date, institution, town_code, division_code, product_type, "
                    + "categories, -amount_fen, -1, 0, 0 FROM stats_bench.loan WHERE repaid_on IS NOT NULL) x "
                    + "JOIN stats_bench.institution i ON i.n = x.institution "
                    + "GROUP BY m, i.id, town_code, division_code, product_type, categories");
            st.execute("ANALYZE stats.loan_flow");
            long cells = count(st, "SELECT count(*) FROM stats.loan_flow");
            say("read model: %,d cell-months in stats.loan_flow, built in %.1f s", cells, secs(t1));
            long t2 = System.nanoTime();
            int cubeRows = book.rebuildCube();
            st.execute("ANALYZE stats.loan_cube");
            say("cube: %,d rows in stats.loan_cube, built in %.1f s", cubeRows, secs(t2));
            st.execute("ANALYZE stats_bench.loan");
            st.execute("CREATE INDEX ON stats_bench.loan (disbursed_on)");
        }

        SplittableRandom random = new SplittableRandom(61);
        List<String> categories = new ArrayList<>();
        categories.add(null);
        properties.categories().forEach(c -> categories.add(c.code()));
        Statistics.Dimension[] dims = {Statistics.Dimension.TOWN, Statistics.Dimension.INSTITUTION,
            Statistics.Dimension.SECTION, Statistics.Dimension.PRODUCT_TYPE};

        // correctness: the read model and the raw rows give the same balances by town
        YearMonth checkMonth = YearMonth.of(2024, 6);
        Map<String, Long> modelByTown = new HashMap<>();
        statistics.breakdown(Selection.of(checkMonth).withCategory("TECH"), Statistics.Dimension.TOWN)
                .forEach(t -> modelByTown.put(t.key(), t.balanceFen()));
        Map<String, Long> rawByTown = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_BY_TOWN)) {
            ps.setObject(1, checkMonth.atEndOfMonth());
            ps.setObject(2, checkMonth.atEndOfMonth());
            ps.setInt(3, properties.bitOf("TECH"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rawByTown.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        rawByTown.entrySet().removeIf(e -> e.getValue() == 0);
        modelByTown.entrySet().removeIf(e -> e.getValue() == 0);
        if (!modelByTown.equals(rawByTown)) {
            rawByTown.forEach((k, v) -> {
                if (!v.equals(modelByTown.get(k))) {
                    say("  town %s: raw %,d, read model %s", k, v, modelByTown.get(k));
                }
            });
            statistics.useCube(false);
            Map<String, Long> cells = new HashMap<>();
            statistics.breakdown(Selection.of(checkMonth).withCategory("TECH"), Statistics.Dimension.TOWN)
                    .forEach(t -> cells.put(t.key(), t.balanceFen()));
            statistics.useCube(true);
            cells.entrySet().removeIf(e -> e.getValue() == 0);
            say("  cells %s raw", cells.equals(rawByTown) ? "==" : "!=");
            say("  read model %,d fen in %d towns", modelByTown.values().stream().mapToLong(Long::longValue).sum(),
                    modelByTown.size());
        }
        say("check, tech-credit balance by town at the end of %s: read model %s raw GROUP BY (%d towns, %,d fen)",
                checkMonth, modelByTown.equals(rawByTown) ? "==" : "!=", rawByTown.size(),
                rawByTown.values().stream().mapToLong(Long::longValue).sum());

        // warm up, then the dashboard's city-wide roll-ups through Statistics (the page's calls)
        for (int i = 0; i < 30; i++) {
            statistics.breakdown(Selection.of(month(random)), dims[i % dims.length]);
        }
        long[] cityWide = new long[queries];
        for (int i = 0; i < queries; i++) {
            Selection s = Selection.of(month(random)).withCategory(categories.get(random.nextInt(categories.size())));
            long q0 = System.nanoTime();
            switch (i % 6) {
                case 4 -> statistics.trend(s, 13);
                case 5 -> statistics.techCreditGrowth(s);
                default -> statistics.breakdown(s, dims[i % 4]);
            }
            cityWide[i] = System.nanoTime() - q0;
        }
        report("read model, city-wide roll-ups (by town / institution / section / product type, 13-month trend, "
                + "tech-credit growth by institution; random month and category)", cityWide);

        long[] filtered = new long[Math.max(10, queries / 5)];
        for (int i = 0; i < filtered.length; i++) {
            Selection s = Selection.of(month(random)).withTown(towns.get(random.nextInt(towns.size())));
            long q0 = System.nanoTime();
            statistics.breakdown(s, Statistics.Dimension.INSTITUTION);
            filtered[i] = System.nanoTime() - q0;
        }
        report("read model, one town by institution (drill-down: the TOWN>INSTITUTION cube)", filtered);

        long[] twoFilters = new long[Math.max(10, queries / 5)];
        List<String> institutionIds = statistics.breakdown(Selection.of(YearMonth.of(2025, 12)),
                Statistics.Dimension.INSTITUTION).stream().map(Totals::key).toList();
        for (int i = 0; i < twoFilters.length; i++) {
            Selection s = Selection.of(month(random)).withTown(towns.get(random.nextInt(towns.size())))
                    .withInstitution(java.util.UUID.fromString(institutionIds.get(random.nextInt(
                            institutionIds.size()))));
            long q0 = System.nanoTime();
            statistics.breakdown(s, Statistics.Dimension.PRODUCT_TYPE);
            twoFilters[i] = System.nanoTime() - q0;
        }
        report("read model, one town and one institution by product type (two filters: the cells, by index)",
                twoFilters);

        long[] raw = new long[rawQueries];
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_BY_TOWN)) {
            for (int i = 0; i < rawQueries; i++) {
                YearMonth m = month(random);
                ps.setObject(1, m.atEndOfMonth());
                ps.setObject(2, m.atEndOfMonth());
                ps.setInt(3, properties.bitOf("TECH"));
                long q0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(2);
                    }
                }
                raw[i] = System.nanoTime() - q0;
            }
        }
        report("PostgreSQL GROUP BY over the raw loans (tech-credit balance by town at a month's end)", raw);
        say("total run %.1f s", secs(t0));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private static final String RAW_BY_TOWN = "SELECT town_code, sum(amount_fen) FROM stats_bench.loan "
            + "WHERE disbursed_on <= ? AND (repaid_on IS NULL OR repaid_on > ?) AND (categories & ?) <> 0 "
            + "GROUP BY town_code";

    private static YearMonth month(SplittableRandom random) {
        return YearMonth.of(2021, 1).plusMonths(random.nextInt(60));
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        say("%s: n=%d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", what, sorted.length, ms(sorted, 0.50),
                ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quoted(List<String> values) {
        return String.join(",", values.stream().map(v -> "'" + v.replace("'", "") + "'").toList());
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench stats] " + String.format(Locale.ROOT, format, args));
    }
}
