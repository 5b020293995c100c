package org.sanrong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The load run's driver itself, briefly (5 users for 10 s; the 200-user, 5-minute run is {@code ./sanrong bench
 * load}): every journey step is exercised and answers as expected (0 errors), and the journeys really happened.
 */
@SanrongTest
class LoadDriverSmokeTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveUsersForTenSecondsMakeNoErrors() throws Exception {
        LoadDriver.Figures f = new LoadDriver(port, registry, tokens, authentication).run(5, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(50), 2, 2,
                "gov", TestData.DEMO_PASSWORD);
        assertThat(f.errors()).as(LoadDriver.report(f)).isZero();
        assertThat(f.journeys()).isPositive();
        assertThat(f.steps()).hasSize(LoadDriver.STEPS.size()).allMatch(s -> s.requests() > 0);
        assertThat(f.p99Ms()).isGreaterThanOrEqualTo(f.p50Ms()).isPositive();
        // the journeys left their trace: declined deals of the bench's enterprises
        assertThat(jdbc.sql("SELECT count(*) FROM deal.deal WHERE status = 'DECLINED' AND enterprise_name LIKE '东莞压测%'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(f.journeys());
    }
}
