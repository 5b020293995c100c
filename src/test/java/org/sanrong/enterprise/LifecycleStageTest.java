package org.sanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The documented stage rule, and the directory's SQL version of it held to the Java one. */
@SanrongTest
class LifecycleStageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final long WAN = 1_000_000L;

    @Autowired
    JdbcClient jdbc;

    @Test
    void followsTheDocumentedRule() {
        assertThat(LifecycleStage.derive(TODAY.minusMonths(6), null, false, TODAY)).isEqualTo(LifecycleStage.SEED);
        assertThat(LifecycleStage.derive(TODAY.minusMonths(6), null, true, TODAY))
                .as("funded start-ups have left the seed stage").isEqualTo(LifecycleStage.START_UP);
        assertThat(LifecycleStage.derive(TODAY.minusYears(3), 1_999 * WAN, false, TODAY))
                .isEqualTo(LifecycleStage.START_UP);
        assertThat(LifecycleStage.derive(TODAY.minusYears(3), 2_000 * WAN, false, TODAY))
                .isEqualTo(LifecycleStage.GROWTH);
        assertThat(LifecycleStage.derive(TODAY.minusYears(12), 500 * WAN, false, TODAY))
                .isEqualTo(LifecycleStage.GROWTH);
        assertThat(LifecycleStage.derive(TODAY.minusYears(1), 20_000 * WAN, false, TODAY))
                .isEqualTo(LifecycleStage.EXPANSION);
        assertThat(LifecycleStage.derive(null, null, false, TODAY)).isEqualTo(LifecycleStage.GROWTH);
    }

    /** Property: on random ages (leap days included) and revenues, SQL and Java agree. */
    @Test
    void directorySqlAgreesWithTheJavaRule() {
        Random random = new Random(42);
        List<Long> revenues = List.of(0L, 1L, 1_999 * WAN, 2_000 * WAN - 1, 2_000 * WAN, 19_999 * WAN,
                20_000 * WAN, 50_000 * WAN);
        String sql = "SELECT " + EnterpriseBook.STAGE_SQL.replace("e.stage_override", "CAST(NULL AS varchar)")
                .replace("l.revenue_fen", "CAST(:revenue AS bigint)").replace("e.registered_on", "CAST(:registered AS date)")
                .replace("e.equity_funded", "CAST(:funded AS boolean)");
        for (int i = 0; i < 400; i++) {
            LocalDate today = LocalDate.of(2024, 2, 29).plusDays(random.nextInt(1200));
            LocalDate registered = i % 10 == 0 ? null : today.minusDays(random.nextInt(8 * 366));
            Long revenue = i % 7 == 0 ? null : revenues.get(random.nextInt(revenues.size()));
            boolean funded = random.nextBoolean();
            String fromSql = jdbc.sql(sql).param("today", Date.valueOf(today))
                    .param("registered", registered == null ? null : Date.valueOf(registered))
                    .param("revenue", revenue).param("funded", funded).query(String.class).single();
            assertThat(LifecycleStage.valueOf(fromSql)).as("registered %s, today %s, revenue %s, funded %s",
                    registered, today, revenue, funded)
                    .isEqualTo(LifecycleStage.derive(registered, revenue, funded, today));
        }
    }
}
