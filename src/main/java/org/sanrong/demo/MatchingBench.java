package org.sanrong.demo;

import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.sanrong.enterprise.EnterpriseRecord;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.matching.EnterpriseFilter;
import org.sanrong.matching.EnterpriseIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The eligibility-index benchmark ({@code ./sanrong bench matching}): builds the index over N synthetic
 * enterprises (default 10,000,000), then times 5-attribute filters (town set, industry prefix, stage, a
 * qualification, a revenue range) against two references measured in the same run: a plain AND of the same five
 * bitmaps precomputed (the ceiling) and the equivalent PostgreSQL query over the same rows. Prints p50/p99, the
 * ratios and the index's bytes per enterprise, then exits.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "sanrong.bench", havingValue = "matching")
class MatchingBench implements ApplicationRunner {

    private static final String[] PREFIXES = {"C39", "C38", "C34", "C35", "C29", "C33", "I65", "C3", "C391", "M73"};
    private static final String[] QUALIFICATIONS = {"HIGH_TECH", "TECH_SME", "SRDI_SME", "GAZELLE"};

    private final DataSource dataSource;
    private final ConfigurableApplicationContext context;
    private final int enterprises;
    private final int queries;
    private final boolean postgres;

    MatchingBench(DataSource dataSource, ConfigurableApplicationContext context,
            @Value("${sanrong.bench.enterprises:10000000}") int enterprises,
            @Value("${sanrong.bench.queries:200}") int queries,
            @Value("${sanrong.bench.postgres:true}") boolean postgres) {
        this.dataSource = dataSource;
        this.context = context;
        this.enterprises = enterprises;
        this.queries = queries;
        this.postgres = postgres;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 25);
        PopulationGenerator generator = new PopulationGenerator(PopulationGenerator.DEFAULT_SEED);
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        EnterpriseIndex.Builder builder = EnterpriseIndex.builder(enterprises);
        generator.generate(enterprises, r -> builder.add(facts(r, today)));
        EnterpriseIndex index = builder.build();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heapAfter = usedHeap();
        say("enterprises: %,d; built in %.1f s (generation included)", index.size(), buildSeconds);
        say("index memory: %,d bytes = %.1f bytes per enterprise (heap grew %.1f bytes per enterprise)",
                index.memoryBytes(), index.memoryBytes() / (double) index.size(),
                (heapAfter - heapBefore) / (double) index.size());

        SplittableRandom random = new SplittableRandom(7);
        List<EnterpriseFilter> filters = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            filters.add(filter(random));
        }
        for (int warm = 0; warm < 3; warm++) {
            filters.forEach(f -> index.filter(f, today));
        }
        long[] indexNanos = new long[queries];
        long[] andNanos = new long[queries];
        long matched = 0;
        for (int i = 0; i < queries; i++) {
            EnterpriseFilter f = filters.get(i);
            long s = System.nanoTime();
            RoaringBitmap result = index.filter(f, today);
            indexNanos[i] = System.nanoTime() - s;
            matched += result.getLongCardinality();
            // the ceiling: the same five bitmaps, computed beforehand, only ANDed
            RoaringBitmap[] parts = parts(index, f, today);
            for (int warm = 0; warm < 3; warm++) {
                FastAggregation.naive_and(parts);
            }
            s = System.nanoTime();
            RoaringBitmap and = FastAggregation.naive_and(parts);
            andNanos[i] = System.nanoTime() - s;
            if (!and.equals(result)) {
                throw new IllegalStateException("index and plain AND disagree on " + f);
            }
        }
        Arrays.sort(indexNanos);
        Arrays.sort(andNanos);
        say("5-attribute filter over %,d queries (mean %,d matches): index p50 %.3f ms, p99 %.3f ms",
                queries, matched / queries, ms(indexNanos[queries / 2]), ms(indexNanos[queries * 99 / 100]));
        say("ceiling, plain AND of the five precomputed bitmaps: p50 %.3f ms, p99 %.3f ms -> index/AND = %.1f x",
                ms(andNanos[queries / 2]), ms(andNanos[queries * 99 / 100]),
                indexNanos[queries / 2] / (double) Math.max(1, andNanos[queries / 2]));
        rankingBench(generator, today);
        if (postgres) {
            postgresComparison(generator, filters, today, indexNanos[queries / 2]);
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private void postgresComparison(PopulationGenerator generator, List<EnterpriseFilter> filters, LocalDate today,
            long indexP50) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_enterprise");
            st.execute("CREATE UNLOGGED TABLE bench_enterprise (town varchar(12), industry varchar(5), "
                    + "stage varchar(10), qualifications varchar(20)[], registered_on date, revenue_fen bigint)");
            long s = System.nanoTime();
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            int batch = 200_000;
            for (int from = 0; from < enterprises; from += batch) {
                StringBuilder csv = new StringBuilder(batch * 80);
                generator.generate(from, Math.min(enterprises, from + batch), r -> {
                    EnterpriseFacts f = facts(r, today);
                    csv.append(nz(f.townCode())).append(',').append(nz(f.industryCode())).append(',')
                            .append(f.stage()).append(",\"{").append(String.join(",", f.qualifications()))
                            .append("}\",").append(f.registeredOn() == null ? "" : f.registeredOn()).append(',')
                            .append(f.revenueFen() == null ? "" : f.revenueFen()).append('\n');
                });
                try (Reader in = new StringReader(csv.toString())) {
                    copy.copyIn("COPY bench_enterprise FROM STDIN (FORMAT csv)", in);
                }
            }
            say("PostgreSQL: %,d rows copied in %.1f s", enterprises, (System.nanoTime() - s) / 1e9);
            s = System.nanoTime();
            st.execute("CREATE INDEX ON bench_enterprise (town)");
            st.execute("CREATE INDEX ON bench_enterprise (industry varchar_pattern_ops)");
            st.execute("CREATE INDEX ON bench_enterprise (stage)");
            st.execute("CREATE INDEX ON bench_enterprise USING gin (qualifications)");
            st.execute("CREATE INDEX ON bench_enterprise (revenue_fen)");
            st.execute("ANALYZE bench_enterprise");
            say("PostgreSQL: indexes built in %.1f s", (System.nanoTime() - s) / 1e9);
            int n = Math.min(20, filters.size());
            long[] nanos = new long[n];
            String sql = "SELECT count(*) FROM bench_enterprise WHERE town = ANY(?) AND industry LIKE ? AND stage = ? "
                    + "AND qualifications @> ARRAY[?]::varchar[] AND revenue_fen BETWEEN ? AND ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < n; i++) {
                    EnterpriseFilter f = filters.get(i);
                    ps.setArray(1, c.createArrayOf("varchar", f.towns().toArray()));
                    ps.setString(2, f.industryIncludes().iterator().next() + "%");
                    ps.setString(3, f.stages().iterator().next().name());
                    ps.setString(4, f.allQualifications().iterator().next());
                    ps.setLong(5, f.minRevenueFen());
                    ps.setLong(6, f.maxRevenueFen());
                    ps.executeQuery().close(); // warm
                    long q = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                    nanos[i] = System.nanoTime() - q;
                }
            }
            Arrays.sort(nanos);
            say("PostgreSQL, same filters as COUNT(*) with b-tree and GIN indexes: p50 %.1f ms over %d queries "
                    + "-> PostgreSQL/index = %.0f x", ms(nanos[n / 2]), n, nanos[n / 2] / (double) indexP50);
            st.execute("DROP TABLE bench_enterprise");
        }
    }

    /**
     * Ranking 5,000 products with full explanations for one demand on one thread, against the same criteria
     * decided without labels or scores (the ceiling: what deciding eligibility alone costs).
     */
    private void rankingBench(PopulationGenerator generator, LocalDate today) {
        SplittableRandom r = new SplittableRandom(11);
        List<org.sanrong.catalog.ProductVersionView> products = new ArrayList<>();
        org.sanrong.catalog.ProductType[] types = org.sanrong.catalog.ProductType.values();
        for (int i = 0; i < 5_000; i++) {
            var criteria = new org.sanrong.catalog.EligibilityCriteria(
                    r.nextBoolean() ? List.of() : List.of("4419001" + String.format("%02d", 1 + r.nextInt(29))),
                    r.nextBoolean() ? List.of() : List.of(PREFIXES[r.nextInt(PREFIXES.length)]), List.of(),
                    r.nextBoolean() ? List.of() : List.of(LifecycleStage.values()[r.nextInt(4)]),
                    r.nextInt(3) == 0 ? List.of(QUALIFICATIONS[r.nextInt(4)]) : List.of(), List.of(),
                    r.nextBoolean() ? 1 + r.nextInt(5) : null, r.nextBoolean() ? 1_000_000_000L : null, null, null, null,
                    null, null, List.of());
            long max = (1 + r.nextInt(50)) * 100L * 1_000_000L;
            var terms = new org.sanrong.catalog.Terms(10_000_000L, max, 6, 36, new java.math.BigDecimal("3.5"),
                    new java.math.BigDecimal("6.0"), null, null, null, null, null);
            var content = new org.sanrong.catalog.ProductContent(types[r.nextInt(types.length)], "产品" + i, null, terms,
                    criteria, null, null, null, null, null, null);
            products.add(new org.sanrong.catalog.ProductVersionView(new org.sanrong.catalog.ProductRef(
                    java.util.UUID.randomUUID(), 1), java.util.UUID.randomUUID(), "机构" + (i % 40),
                    org.sanrong.identity.InstitutionType.BANK, content, List.of(), java.time.Instant.now(), "bench"));
        }
        var demand = new org.sanrong.demand.DemandTerms(3_000L * 1_000_000L, "扩大生产",
                org.sanrong.demand.PurposeCategory.values()[0], 36, java.util.EnumSet.of(
                org.sanrong.catalog.FinancingKind.DEBT, org.sanrong.catalog.FinancingKind.EQUITY), new java.math.BigDecimal("20"),
                new java.math.BigDecimal("6"), java.util.EnumSet.of(org.sanrong.catalog.Collateral.IP), today.plusMonths(2),
                org.sanrong.demand.Visibility.ALL, List.of());
        EnterpriseFacts facts = facts(generator.enterprise(42), today);
        var judge = new org.sanrong.matching.ProductJudge(org.sanrong.catalog.EligibilityCriteria.Names.CODES);
        var catalogFacts = new org.sanrong.catalog.EnterpriseFacts(facts.townCode(), facts.industryCode(),
                facts.stage(), facts.qualifications(), facts.registeredOn(), facts.revenueFen(), facts.headcount(),
                null, null, java.util.EnumSet.of(org.sanrong.catalog.Collateral.IP));
        int rounds = 300;
        long[] rank = new long[rounds];
        long[] ceiling = new long[rounds];
        long eligible = 0;
        for (int round = 0; round < rounds + 50; round++) {
            long s = System.nanoTime();
            List<org.sanrong.matching.ProductMatch> ranked = new ArrayList<>(products.size());
            for (var p : products) {
                ranked.add(judge.judge(p, facts, demand, today));
            }
            ranked.sort(java.util.Comparator.comparingInt(org.sanrong.matching.ProductMatch::score).reversed());
            long t = System.nanoTime() - s;
            s = System.nanoTime();
            int passing = 0;
            for (var p : products) {
                if (p.content().criteria().failing(catalogFacts, today).isEmpty()) {
                    passing++;
                }
            }
            long c = System.nanoTime() - s;
            if (round >= 50) {
                rank[round - 50] = t;
                ceiling[round - 50] = c;
                eligible = ranked.stream().filter(org.sanrong.matching.ProductMatch::eligible).count() + passing * 0L;
            }
        }
        Arrays.sort(rank);
        Arrays.sort(ceiling);
        say("rank 5,000 products with explanations for one demand (%d eligible): p50 %.3f ms, p99 %.3f ms",
                eligible, ms(rank[rounds / 2]), ms(rank[rounds * 99 / 100]));
        say("ceiling, the same criteria decided alone (no labels, no scores): p50 %.3f ms -> ranking/ceiling = %.1f x",
                ms(ceiling[rounds / 2]), rank[rounds / 2] / (double) Math.max(1, ceiling[rounds / 2]));
    }

    /** The five precomputed bitmaps of a filter, for the plain-AND ceiling. */
    private static RoaringBitmap[] parts(EnterpriseIndex index, EnterpriseFilter f, LocalDate today) {
        EnterpriseFilter none = EnterpriseFilter.any();
        return new RoaringBitmap[] {
            index.filter(with(none, f.towns(), Set.of(), Set.of(), Set.of(), null, null), today),
            index.filter(with(none, Set.of(), f.industryIncludes(), Set.of(), Set.of(), null, null), today),
            index.filter(with(none, Set.of(), Set.of(), f.stages(), Set.of(), null, null), today),
            index.filter(with(none, Set.of(), Set.of(), Set.of(), f.allQualifications(), null, null), today),
            index.filter(with(none, Set.of(), Set.of(), Set.of(), Set.of(), f.minRevenueFen(), f.maxRevenueFen()),
                    today)};
    }

    private static EnterpriseFilter with(EnterpriseFilter base, Set<String> towns, Set<String> industries,
            Set<LifecycleStage> stages, Set<String> qualifications, Long minRevenue, Long maxRevenue) {
        return new EnterpriseFilter(towns, industries, Set.of(), stages, qualifications, Set.of(), null, minRevenue,
                maxRevenue, null, null);
    }

    private static EnterpriseFilter filter(SplittableRandom r) {
        Set<String> towns = new HashSet<>();
        while (towns.size() < 3) {
            towns.add("4419001" + String.format("%02d", 1 + r.nextInt(29)));
        }
        long low = (long) (r.nextInt(50) + 1) * 1_000_000L * 100; // 100万元 .. 5000万元
        long high = low + (long) (r.nextInt(200) + 50) * 1_000_000L * 100;
        return new EnterpriseFilter(towns, Set.of(PREFIXES[r.nextInt(PREFIXES.length)]), Set.of(),
                Set.of(LifecycleStage.values()[1 + r.nextInt(3)]), Set.of(QUALIFICATIONS[r.nextInt(4)]), Set.of(),
                null, low, high, null, null);
    }

    static EnterpriseFacts facts(EnterpriseRecord r, LocalDate today) {
        return new EnterpriseFacts(r.creditCode(), r.townCode(), r.industryCode(),
                LifecycleStage.derive(r.registeredOn(), r.revenueFen(), r.equityFunded(), today),
                new HashSet<>(r.qualifications()), r.registeredOn(), r.revenueFen(), r.headcount());
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench matching] " + String.format(Locale.ROOT, format, args));
    }
}
