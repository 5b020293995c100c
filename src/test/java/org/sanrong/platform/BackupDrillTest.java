package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Backup and restore drill (issue 12, item 11): the platform's database, demo data and all tests' data included, is
 * backed up and restored into a fresh database migrated to the same schema; every table's row count and checksum
 * match, and a damaged backup changes nothing.
 */
@SanrongTest
class BackupDrillTest {

    @Autowired
    Backups backups;

    @Autowired
    DataSource dataSource;

    @Test
    void everyTableComesBackWithTheSameRowsAndChecksums() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<Backups.TableCopy> saved = backups.backup(file);
        assertThat(saved).extracting(Backups.TableCopy::table).contains("audit.audit_entry", "deal.deal",
                "enterprise.enterprise");
        assertThat(saved.stream().mapToLong(Backups.TableCopy::rows).sum()).as("the demo population at least")
                .isGreaterThan(5_000);

        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        String user = dataSource.unwrap(HikariDataSource.class).getUsername();
        String name = "drill_" + System.nanoTime();
        try (var c = dataSource.getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        String drillUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        DriverManagerDataSource drill = new DriverManagerDataSource(drillUrl, user, "");
        try {
            Flyway.configure().dataSource(drill).locations("classpath:db/migration").outOfOrder(true).load()
                    .migrate();
            Backups target = new Backups(drill);
            Set<String> modulithOwn = Set.of("public.event_publication", "public.event_publication_archive");
            List<Backups.TableCopy> restored = target.restore(new ByteArrayInputStream(file.toByteArray()),
                    modulithOwn);
            assertThat(restored).as("all but the event registry Spring Modulith creates at start")
                    .hasSize((int) saved.stream().filter(t -> !modulithOwn.contains(t.table())).count());
            assertThat(restored).containsExactlyInAnyOrderElementsOf(
                    saved.stream().filter(t -> !modulithOwn.contains(t.table())).toList());

            byte[] damaged = file.toByteArray().clone();
            damaged[damaged.length / 2] ^= 0x55;
            long before = new org.springframework.jdbc.core.JdbcTemplate(drill)
                    .queryForObject("SELECT count(*) FROM deal.deal", Long.class);
            assertThatThrownBy(() -> target.restore(new ByteArrayInputStream(damaged), modulithOwn))
                    .isInstanceOf(RuntimeException.class);
            assertThat(new org.springframework.jdbc.core.JdbcTemplate(drill)
                    .queryForObject("SELECT count(*) FROM deal.deal", Long.class)).as("nothing changed").isEqualTo(before);
        } finally {
            try (var c = dataSource.getConnection()) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
