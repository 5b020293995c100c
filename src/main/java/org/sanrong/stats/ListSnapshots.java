package org.sanrong.stats;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.sanrong.enterprise.EnterpriseSnapshot;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.sanrong.enterprise.Qualifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (and at start when this month has none yet) keeps the lists (名单) as they stand today for the current
 * month, so each month ends with the list of its last day, and re-reads every borrower's attributes so that an
 * enterprise that joined or left a list, moved or changed industry is counted in its new cells from this month on.
 */
@Component
class ListSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ListSnapshots.class);

    private final JdbcClient jdbc;
    private final Qualifications qualifications;
    private final StatsProperties properties;
    private final LoanBook book;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EnterpriseSnapshots enterprises;

    ListSnapshots(JdbcClient jdbc, Qualifications qualifications, StatsProperties properties, LoanBook book,
            TransactionTemplate tx, Clock clock, EnterpriseSnapshots enterprises) {
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.qualifications = qualifications;
        this.properties = properties;
        this.book = book;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        YearMonth month = YearMonth.now(clock);
        long kept = jdbc.sql("SELECT count(*) FROM stats.list_refresh WHERE month = ?").param(LoanBook.month(month))
                .query(Long.class).single();
        if (kept == 0) {
            refresh();
        }
    }

    @Scheduled(cron = "${sanrong.stats.refresh-cron:0 40 0 * * *}", zone = "Asia/Shanghai")
    void daily() {
        refresh();
    }

    /** Keeps today's lists for the current month and re-reads the borrowers; answers how many listed enterprises. */
    int refresh() {
        YearMonth month = YearMonth.now(clock);
        int listed = 0;
        for (StatsProperties.Category c : properties.categories()) {
            if (c.sizeRule()) {
                continue;
            }
            TreeSet<String> codes = new TreeSet<>();
            for (String kind : c.kinds()) {
                qualifications.forEachOnWhitelist(kind, q -> codes.add(q.creditCode()));
            }
            listed += codes.size();
            tx.executeWithoutResult(status -> {
                Date m = LoanBook.month(month);
                jdbc.sql("DELETE FROM stats.list_member WHERE month = ? AND category = ?").params(m, c.code()).update();
                List<String> batch = new ArrayList<>(codes);
                for (int from = 0; from < batch.size(); from += 1000) {
                    List<String> part = batch.subList(from, Math.min(batch.size(), from + 1000));
                    java.util.Map<String, EnterpriseSnapshot> known = new java.util.HashMap<>();
                    enterprises.of(part).forEach(e -> known.put(e.creditCode(), e));
                    String[] towns = part.stream().map(code -> known.containsKey(code) ? known.get(code).townCode()
                            : null).toArray(String[]::new);
                    String[] industries = part.stream().map(code -> known.containsKey(code)
                            ? known.get(code).industryCode() : null).toArray(String[]::new);
                    jdbc.sql("INSERT INTO stats.list_member (month, category, credit_code, town_code, industry_code) "
                            + "SELECT ?, ?, * FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), "
                            + "CAST(? AS varchar[]))").params(m, c.code(), part.toArray(String[]::new), towns,
                                    industries).update();
                }
                jdbc.sql("INSERT INTO stats.list_refresh (month, category, refreshed_at, members) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (month, category) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, "
                        + "members = EXCLUDED.members")
                        .params(m, c.code(), Timestamp.from(clock.instant()), codes.size()).update();
            });
        }
        List<String> borrowers = jdbc.sql("SELECT DISTINCT credit_code FROM stats.borrower_segment").query(String.class)
                .list();
        for (String code : borrowers) {
            book.refreshBorrower(code);
        }
        log.info("Statistics lists kept for {}: {} listed enterprises, {} borrowers re-read", month, listed,
                borrowers.size());
        return listed;
    }
}
