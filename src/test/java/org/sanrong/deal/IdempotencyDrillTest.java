package org.sanrong.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Money-safety drill (issue 12, item 11): 50 identical POSTs with one Idempotency-Key at the same moment create
 * exactly one record, and every caller gets that record's answer.
 */
@SanrongTest
class IdempotencyDrillTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyConcurrentRetriesCreateExactlyOneDeal() throws Exception {
        DealFixtures fx = new DealFixtures(port, registry);
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        String body = "{\"productId\": \"" + lender.productId() + "\", \"demandId\": \"" + demand + "\"}";
        String key = "drill-" + UUID.randomUUID();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/deals"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (enterprise.username() + ":" + DealFixtures.PW).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            int replayed = 0;
            for (var f : answers) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                ids.add(DealFixtures.json(r).path("id").asText());
                replayed += r.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
            }
            assertThat(ids).as("every caller sees the one deal").containsOnly(ids.getFirst());
            assertThat(replayed).isEqualTo(49);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM deal.deal WHERE enterprise_org_id = ?")
                .param(enterprise.organisationId()).query(Long.class).single()).isEqualTo(1);
    }
}
