package org.sanrong.datahub;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.sanrong.identity.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the hub. {@link #view} is what people see — the enterprise its own data, staff any, an institution only
 * under a live consent grant, audited as VIEW_HUB_DATA. {@link #of} is for the platform's own processing (credit
 * features), which shows nobody anything by itself. {@link #quality} is the operator's report.
 */
@Service
public class HubData {

    public static final String VIEW_ACTION = "VIEW_HUB_DATA";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HubStore store;
    private final DataAccess access;
    private final EnterpriseSnapshots enterprises;
    private final JdbcClient jdbc;
    private final Clock clock;

    HubData(HubStore store, DataAccess access, EnterpriseSnapshots enterprises, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.access = access;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One enterprise's data as the reader may see it; throws AccessDeniedException otherwise (audited both ways). */
    @Transactional
    public EnterpriseHubData view(String creditCode, SignedInUser user) {
        access.require(creditCode, user, VIEW_ACTION);
        return of(creditCode);
    }

    @Transactional(readOnly = true)
    public EnterpriseHubData of(String creditCode) {
        return of(List.of(creditCode)).getOrDefault(creditCode, EnterpriseHubData.empty(creditCode));
    }

    /** The data of several enterprises, two statements whatever their number; absent ones have none. */
    @Transactional(readOnly = true)
    public Map<String, EnterpriseHubData> of(Collection<String> creditCodes) {
        if (creditCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, List<SeriesPoint>> series = store.series(creditCodes);
        Map<String, List<HubRecord>> records = store.records(creditCodes);
        Map<String, EnterpriseHubData> out = new HashMap<>();
        for (String code : creditCodes) {
            out.put(code, new EnterpriseHubData(code, series.getOrDefault(code, List.of()),
                    records.getOrDefault(code, List.of())));
        }
        return out;
    }

    /** The last complete month, China time: what reports and features are as of. */
    public YearMonth lastCompleteMonth() {
        return YearMonth.now(clock.withZone(CHINA)).minusMonths(1);
    }

    @Transactional(readOnly = true)
    public HubQuality quality() {
        YearMonth asOf = lastCompleteMonth();
        long total = Math.max(1, enterprises.count());
        Map<HubSource, Long> outlierCounts = new EnumMap<>(HubSource.class);
        List<HubQuality.Outlier> outliers = outliers(outlierCounts);
        List<HubQuality.SourceQuality> sources = new ArrayList<>();
        LocalDate staleBefore = asOf.minusMonths(HubQuality.STALE_MONTHS - 1L).atDay(1);
        for (HubSource source : HubSource.values()) {
            LocalDate lastImport = jdbc.sql("SELECT max(finished_at) FROM datahub.batch WHERE source = ? "
                    + "AND status = 'DONE'").param(source.name()).query(java.sql.Timestamp.class).optional()
                    .map(t -> t.toInstant().atZone(CHINA).toLocalDate()).orElse(null);
            if (source.periodic()) {
                var row = jdbc.sql("""
                        SELECT count(*) AS n, count(DISTINCT credit_code) AS covered,
                               max(period_start + make_interval(months => months - 1)) AS latest
                        FROM datahub.series WHERE source = ?""").param(source.name())
                        .query((rs, i) -> new Object[] {rs.getLong("n"), rs.getLong("covered"),
                            rs.getDate("latest")}).single();
                long stale = jdbc.sql("""
                        SELECT count(*) FROM (SELECT credit_code,
                            max(period_start + make_interval(months => months - 1)) AS last
                            FROM datahub.series WHERE source = ? GROUP BY credit_code) t WHERE t.last < ?""")
                        .params(source.name(), Date.valueOf(staleBefore)).query(Long.class).single();
                long covered = (Long) row[1];
                sources.add(new HubQuality.SourceQuality(source, covered, 100.0 * covered / total, (Long) row[0],
                        row[2] == null ? null : ((Date) row[2]).toLocalDate(), stale,
                        outlierCounts.getOrDefault(source, 0L), lastImport));
            } else {
                var row = jdbc.sql("SELECT count(*) AS n, count(DISTINCT credit_code) AS covered, "
                        + "max(occurred_on) AS latest FROM datahub.record WHERE source = ?").param(source.name())
                        .query((rs, i) -> new Object[] {rs.getLong("n"), rs.getLong("covered"),
                            rs.getDate("latest")}).single();
                long covered = (Long) row[1];
                sources.add(new HubQuality.SourceQuality(source, covered, 100.0 * covered / total, (Long) row[0],
                        row[2] == null ? null : ((Date) row[2]).toLocalDate(), 0, 0, lastImport));
            }
        }
        return new HubQuality(asOf, total, sources, outliers);
    }

    /**
     * Each enterprise's latest monthly figure of each measure against the median of its previous twelve months:
     * at least {@link HubQuality#OUTLIER_RATIO} times it, or at most its reciprocal share (a drop to zero counts).
     * The 200 furthest out are listed; all are counted per source.
     */
    private List<HubQuality.Outlier> outliers(Map<HubSource, Long> counts) {
        List<HubQuality.Outlier> all = new ArrayList<>();
        List<SeriesPoint> group = new ArrayList<>();
        try (var rows = jdbc.sql("SELECT * FROM datahub.series WHERE months = 1 "
                + "ORDER BY credit_code, source, period_start").withFetchSize(5_000)
                .query((rs, i) -> HubStore.point(rs)).stream()) {
            rows.forEach(p -> {
                if (!group.isEmpty() && (!group.getFirst().creditCode().equals(p.creditCode())
                        || group.getFirst().source() != p.source())) {
                    judge(group, all, counts);
                    group.clear();
                }
                group.add(p);
            });
        }
        judge(group, all, counts);
        all.sort(Comparator.comparingDouble((HubQuality.Outlier o) -> -Math.abs(Math.log(Math.max(o.ratio(),
                1e-9)))));
        return all.size() > 200 ? List.copyOf(all.subList(0, 200)) : all;
    }

    static void judge(List<SeriesPoint> group, List<HubQuality.Outlier> out, Map<HubSource, Long> counts) {
        if (group.size() < 4) {
            return;
        }
        SeriesPoint last = group.getLast();
        for (Measure m : last.source().measures()) {
            if (m == Measure.TAX_GRADE) {
                continue;
            }
            Long value = m.of(last);
            if (value == null) {
                continue;
            }
            List<Long> history = new ArrayList<>();
            for (int i = Math.max(0, group.size() - 13); i < group.size() - 1; i++) {
                Long v = m.of(group.get(i));
                if (v != null && !group.get(i).period().isBefore(last.period().minusMonths(12))) {
                    history.add(v);
                }
            }
            if (history.size() < 3) {
                continue;
            }
            double median = median(history);
            if (median <= 0) {
                continue;
            }
            double ratio = value / median;
            if (ratio >= HubQuality.OUTLIER_RATIO || ratio <= 1 / HubQuality.OUTLIER_RATIO) {
                out.add(new HubQuality.Outlier(last.creditCode(), m, last.key(), value, median));
                counts.merge(last.source(), 1L, Long::sum);
            }
        }
    }

    static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** The template file of a source: its header and one example row. */
    public static String template(HubSource source) {
        return HubSheet.template(source);
    }
}
