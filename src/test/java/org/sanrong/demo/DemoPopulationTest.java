package org.sanrong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.enterprise.EnterpriseRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo start seeds the synthetic Dongguan once, with figures and verified qualifications. */
@SanrongTest
class DemoPopulationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoPopulation population;

    @Test
    void seedsFiveThousandDemoEnterprisesOnceWithFiguresAndQualifications() {
        assertThat(count("SELECT count(*) FROM enterprise.enterprise WHERE source = 'DEMO'")).isEqualTo(5_000);
        population.seedIfEmpty();
        assertThat(count("SELECT count(*) FROM enterprise.enterprise WHERE source = 'DEMO'")).isEqualTo(5_000);

        PopulationGenerator generator = new PopulationGenerator(PopulationGenerator.DEFAULT_SEED);
        EnterpriseRecord first = generator.enterprise(0);
        Map<String, Object> row = jdbc.sql("""
                SELECT e.name, e.town_code, e.industry_code, f.revenue_fen FROM enterprise.enterprise e
                JOIN enterprise.yearly_figures f ON f.enterprise_id = e.id AND f.year = 2025
                WHERE e.credit_code = ?""").param(first.creditCode()).query().singleRow();
        assertThat(row).containsEntry("name", first.name()).containsEntry("town_code", first.townCode())
                .containsEntry("industry_code", first.industryCode()).containsEntry("revenue_fen", first.revenueFen());

        long highTech = count("""
                SELECT count(*) FROM enterprise.qualification q JOIN enterprise.enterprise e ON e.id = q.enterprise_id
                WHERE e.source = 'DEMO' AND q.kind = 'HIGH_TECH' AND q.status = 'VERIFIED' AND q.source = 'DEMO'
                AND q.issuer = '科技部门'""");
        assertThat(highTech).isBetween(350L, 550L);
        assertThat(count("""
                SELECT count(*) FROM enterprise.enterprise WHERE source = 'DEMO'
                AND 'C3982' = industry_code AND NOT ('1' = ANY (emerging_industries))""")).isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
