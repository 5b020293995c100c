package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Database outage drill (issue 12, item 11): the database goes away mid-run (its connections dropped, new ones
 * refused); requests get 503 problem JSON, health turns DOWN; when it returns, the application recovers by itself,
 * without a restart. Runs on its own embedded server, not the suite's shared one. (Killing and restarting the server
 * process is not possible here: PostgreSQL refuses to start as root, which the test machine is.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sanrong.data-dir=target/outage-data", "sanrong.embedded-database.shared=false", "sanrong.demo=false"})
@ActiveProfiles("test")
class DatabaseOutageDrillTest {

    static {
        // its own server's folder, fresh each run (a run stopped half way must not leave the database closed)
        org.springframework.util.FileSystemUtils.deleteRecursively(Path.of("target/outage-data").toFile());
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void outageAnswers503AndTheApplicationRecoversByItself() throws Exception {
        WebClient web = new WebClient(port);
        assertThat(web.get("/actuator/health").body()).contains("UP");
        String registration = """
                {"organisationName": "东莞停库演练科技有限公司", "creditCode": "%s", "contactName": "陈十二",
                 "contactMobile": "%s", "username": "%s", "displayName": "陈十二", "password": "%s"}""";

        // the database goes away: every connection of the application dropped, new ones refused (done from a
        // superuser connection to another database of the same server, as an operator or a failover would)
        String url = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl()
                .replaceFirst("/postgres(\\?|$)", "/template1$1");
        try (var admin = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            admin.createStatement().execute("ALTER DATABASE postgres WITH ALLOW_CONNECTIONS false");
            admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = 'postgres' AND pid <> pg_backend_pid()");
        }

        HttpResponse<String> down = web.api("POST", "/api/v1/registrations", null, null, registration.formatted(
                TestData.creditCode(), TestData.mobile(), TestData.username("out"), TestData.DEMO_PASSWORD));
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.body()).contains("数据库暂时不可用");
        HttpResponse<String> authenticated = web.api("GET", "/api/v1/deals", "enterprise", TestData.DEMO_PASSWORD,
                null);
        assertThat(authenticated.statusCode()).as("not a 401: the account could not be read").isEqualTo(503);
        HttpResponse<String> page = web.get("/products");
        assertThat(page.statusCode()).as("a page fails the same way, not as a 500").isEqualTo(503);
        assertThat(page.body()).contains("服务暂时不可用").doesNotContain("Exception").doesNotContain("at org.");
        HttpResponse<String> health = web.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");

        try (var admin = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            admin.createStatement().execute("ALTER DATABASE postgres WITH ALLOW_CONNECTIONS true");
        }
        String status = "";
        for (int i = 0; i < 60 && !status.contains("UP"); i++) {
            Thread.sleep(500);
            status = web.get("/actuator/health").body();
        }
        assertThat(status).as("health returns by itself").contains("UP");
        HttpResponse<String> again = web.api("POST", "/api/v1/registrations", null, null, registration.formatted(
                TestData.creditCode(), TestData.mobile(), TestData.username("out"), TestData.DEMO_PASSWORD));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    }
}
