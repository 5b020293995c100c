package org.sanrong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data of issue 13 is there on first start: the library with one interest, advisers, a rated visit. */
@SanrongTest
class DemoAchievementsAndAdvisersTest {

    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theLibraryHasTheDemoEnterprisesAndUniversitiesAchievementsAndOneInterest() {
        assertThat(count("SELECT count(*) FROM achievement.achievement WHERE created_by = 'enterprise'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM achievement.achievement WHERE created_by = 'gov' "
                + "AND owner_name LIKE '%（演示）'")).as("other tests record as gov too, never 演示 owners").isEqualTo(8);
        assertThat(count("SELECT count(*) FROM achievement.achievement WHERE owner_type = 'UNIVERSITY' "
                + "AND owner_name LIKE '%（演示）'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM achievement.interest WHERE username = 'enterprise'")).isEqualTo(1);
    }

    @Test
    void theDemoEnterpriseHasAnAdviserWithARatedVisitAndAnOpenRequest() {
        assertThat(count("SELECT count(*) FROM advisory.adviser WHERE username IN ('bank', 'investor')")).isEqualTo(2);
        assertThat(count("""
                SELECT count(*) FROM advisory.service s JOIN advisory.assignment a ON a.id = s.assignment_id
                JOIN advisory.adviser d ON d.id = a.adviser_id
                WHERE d.username = 'bank' AND s.rated_by = 'enterprise' AND s.rating = 5""")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM advisory.request WHERE requested_by = 'enterprise' AND status = 'OPEN'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT town_code) FROM advisory.assignment WHERE first_service_on IS NOT NULL"))
                .as("the board's chart has several towns").isGreaterThanOrEqualTo(3);
    }
}
