package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.deal.DealFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Crash drill (issue 12 item 11c): the application runs as a child JVM on its own data folder; a payout batch is
 * started over HTTP and the application process is killed with SIGKILL mid-batch, leaving its embedded database
 * running; restarted on the same folder, the platform stops the leftover server, starts its own and resumes the
 * batch by itself: every item paid exactly once, nothing lost.
 */
class CrashDrillTest {

    private static final String PW = TestData.DEMO_PASSWORD;
    private static final int ITEMS = 150;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process start(Path dataDir, int port, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.sanrong.SanrongApplication", "--spring.profiles.active=test", "--server.port=" + port,
                "--sanrong.data-dir=" + dataDir, "--sanrong.embedded-database.shared=false",
                "--logging.file.name=" + dataDir.resolve("child.log"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WebClient web = new WebClient(port);
        for (int i = 0; i < 600; i++) {
            if (!p.isAlive()) {
                throw new AssertionError("child exited: " + Files.readString(log));
            }
            try {
                if (web.get("/actuator/health").statusCode() == 200 && web.api("GET", "/api/v1/subsidies/entitlements",
                        "gov2", PW, null).statusCode() == 200) {
                    return p;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("child did not start");
    }

    /**
     * SIGKILL the JVM, then its embedded PostgreSQL (the postmaster daemonises, so it is found by its pid file, with
     * its backends): a power cut of the whole box.
     */
    private static void kill(Process p, Path dataDir) throws Exception {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        p.destroyForcibly();
        p.waitFor();
        Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip())).ifPresent(pm -> {
                all.addAll(pm.descendants().toList());
                all.add(pm);
            });
        }
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            h.onExit().get();
        }
    }

    @Test
    void aBatchKilledMidPaymentResumesAndPaysEachItemOnce() throws Exception {
        Path dataDir = Path.of("target", "crash-drill", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(dataDir);
        int port = freePort();
        Process child = start(dataDir, port, dataDir.resolve("first.out"));
        try {
            WebClient web = new WebClient(port);
            // the demo enterprise's credit code (DemoData)
            String enterprise = "91441900MA4W7K3L0"
                    + org.sanrong.reference.UnifiedSocialCreditCode.checkCharacter("91441900MA4W7K3L0");
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                HttpResponse<String> r = web.api("POST", "/api/v1/subsidies/events", "gov", PW, """
                        {"type": "PREMIUM_PAID", "enterprise": "%s", "date": "%s", "amount": "10.00",
                         "item": "CRASH-%d"}""".formatted(enterprise, today, i));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                String id = DealFixtures.json(r).path("entitlements").valueStream()
                        .filter(n -> n.path("policy").asText().equals("TEST-CRASH")).findFirst().orElseThrow()
                        .path("id").asText();
                String path = "/api/v1/subsidies/" + id;
                assertThat(web.api("POST", path + "/confirmation", "enterprise", PW, null).statusCode()).isEqualTo(200);
                assertThat(web.api("POST", path + "/notice", "gov", PW, null).statusCode()).isEqualTo(200);
                assertThat(web.api("POST", path + "/approval", "gov2", PW, null).statusCode()).isEqualTo(200);
                ids.add(id);
            }
            int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            JsonNode batch = DealFixtures.json(web.api("POST", "/api/v1/subsidies/batches", "gov", PW,
                    "{\"policy\": \"TEST-CRASH\", \"year\": " + year + "}"));
            assertThat(batch.path("items")).hasSize(ITEMS);
            String path = "/api/v1/subsidies/batches/" + batch.path("id").asText();
            assertThat(DealFixtures.json(web.api("POST", path + "/check", "gov2", PW, null)).path("status").asText())
                    .isEqualTo("APPROVED");
            CompletableFuture.runAsync(() -> {
                try {
                    new WebClient(port).api("POST", path + "/payment", "gov", PW, null);
                } catch (RuntimeException killed) {
                    // the process dies under the request
                }
            });
            long paid = 0;
            for (int i = 0; i < 2000 && paid == 0; i++) {
                paid = DealFixtures.json(web.api("GET", path, "gov", PW, null)).path("items").valueStream()
                        .filter(n -> n.path("paid").asBoolean()).count();
            }
            // only the application's JVM is killed: its embedded PostgreSQL stays up on the folder, and the next
            // start must cope with that as well as with the interrupted batch
            child.destroyForcibly();
            child.waitFor();
            assertThat(paid).as("killed mid-batch").isBetween(1L, (long) ITEMS - 1);
            assertThat(dataDir.resolve("pg").resolve("postmaster.pid")).as("the database left running").exists();

            child = start(dataDir, port, dataDir.resolve("second.out"));
            JsonNode after = null;
            for (int i = 0; i < 200; i++) {
                after = DealFixtures.json(web.api("GET", path, "gov", PW, null));
                if (after.path("status").asText().equals("PAID")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(after.path("status").asText()).as("resumed at start").isEqualTo("PAID");
            assertThat(after.path("items").valueStream().allMatch(n -> n.path("paid").asBoolean())).isTrue();
            JsonNode use = DealFixtures.json(web.api("GET", "/api/v1/subsidies/budget?year=" + year, "gov", PW, null));
            assertThat(use.path("byPolicy").path("TEST-CRASH").decimalValue()).as("each item paid once")
                    .isEqualByComparingTo(String.valueOf(ITEMS) + ".00");
            for (String id : ids) {
                assertThat(DealFixtures.json(web.api("GET", "/api/v1/subsidies/" + id, "gov", PW, null))
                        .path("status").asText()).isEqualTo("PAID");
            }
        } finally {
            kill(child, dataDir);
        }
    }
}
