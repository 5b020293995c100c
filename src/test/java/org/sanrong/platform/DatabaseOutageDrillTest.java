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
 * Database outage drill (issue 12, item 11): the database server goes away mid-run; requests get 503 problem JSON,
 * health turns DOWN; when the server returns, the application recovers by itself, without a restart. Runs on its own
 * embedded server (not the suite's shared one), stopped and started behind the application's back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sanrong.data-dir=target/outage-data", "sanrong.embedded-database.shared=false", "sanrong.demo=false"})
@ActiveProfiles("test")
class DatabaseOutageDrillTest {

    @LocalServerPort
    int port;

    @Test
    void outageAnswers503AndTheApplicationRecoversByItself() throws Exception {
        WebClient web = new WebClient(port);
        assertThat(web.get("/actuator/health").body()).contains("UP");
        String registration = """
                {"organisationName": "东莞停库演练科技有限公司", "creditCode": "%s", "contactName": "陈十二",
                 "contactMobile": "%s", "username": "%s", "displayName": "陈十二", "password": "%s"}""";

        Path dir = Path.of("target/outage-data/pg").toAbsolutePath();
        List<String> postmaster = Files.readAllLines(dir.resolve("postmaster.pid"));
        long pid = Long.parseLong(postmaster.getFirst().strip());
        Path binary = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe"));
        List<String> command = new ArrayList<>();
        for (String arg : new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                .split("\0")) {
            command.add(arg);
        }
        command.set(0, binary.toString());

        // SIGINT: PostgreSQL's fast shutdown, dropping the application's connections as an outage would
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());

        HttpResponse<String> down = web.api("POST", "/api/v1/registrations", null, null, registration.formatted(
                TestData.creditCode(), TestData.mobile(), TestData.username("out"), TestData.DEMO_PASSWORD));
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.body()).contains("数据库暂时不可用");
        HttpResponse<String> authenticated = web.api("GET", "/api/v1/deals", "enterprise", TestData.DEMO_PASSWORD,
                null);
        assertThat(authenticated.statusCode()).as("not a 401: the account could not be read").isEqualTo(503);
        HttpResponse<String> health = web.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");

        Process restarted = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("../restart.log").toFile())).start();
        String status = "";
        for (int i = 0; i < 60 && !status.contains("UP"); i++) {
            Thread.sleep(500);
            status = web.get("/actuator/health").body();
        }
        assertThat(status).as("health returns by itself").contains("UP");
        HttpResponse<String> again = web.api("POST", "/api/v1/registrations", null, null, registration.formatted(
                TestData.creditCode(), TestData.mobile(), TestData.username("out"), TestData.DEMO_PASSWORD));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(restarted.isAlive()).isTrue();
    }
}
