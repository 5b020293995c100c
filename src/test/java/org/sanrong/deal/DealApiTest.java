package org.sanrong.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6 over real HTTP: a demand goes from pick-up to a recorded loan with its repayment status; retries with an
 * Idempotency-Key change nothing; every refused move (someone else's deal, deciding twice, more than approved, a
 * date before the approval, a move the state machine does not allow) answers 4xx, changes nothing and is audited.
 */
@SanrongTest
class DealApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    DealFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new DealFixtures(port, registry);
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private String status(UUID deal, String user) {
        HttpResponse<String> r = fx.api("GET", "/api/v1/deals/" + deal, user, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("deal").path("status").asText();
    }

    private long audited(String action, AuditEntry.Outcome outcome, UUID deal) {
        return audit.search(new AuditQuery(null, action, "deal:" + deal, null, null, null), 0, 500).items().stream()
                .filter(e -> e.outcome() == outcome).count();
    }

    @Test
    void demandGoesFromPickUpToARecordedLoanWithItsRepaymentStatus() {
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);

        HttpResponse<String> picked = fx.api("POST", "/api/v1/deals/pickups", lender.username(),
                "{\"demandId\": \"" + demand + "\"}");
        assertThat(picked.statusCode()).as(picked.body()).isEqualTo(201);
        JsonNode deal = json(picked);
        UUID id = UUID.fromString(deal.path("id").asText());
        assertThat(deal.path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(deal.path("origin").asText()).isEqualTo("PICK_UP");
        assertThat(deal.path("productId").asText()).as("the lender's matching product").isEqualTo(
                lender.productId().toString());
        assertThat(deal.path("deadline").isNull()).as("a decision deadline runs").isFalse();
        assertThat(json(fx.api("GET", "/api/v1/demands/" + demand, enterprise.username(), null)).path("status")
                .asText()).isEqualTo("IN_PROGRESS");

        HttpResponse<String> approved = fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 400000000, "annualRatePercent": 3.65,
                 "termMonths": 12, "guarantee": "无", "conditions": "按月付息"}}""");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).path("status").asText()).isEqualTo("OFFERED");

        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", enterprise.username(), null)
                .statusCode()).isEqualTo(200);

        String disbursement = """
                {"loanNumber": "JJ-2026-0001", "amountFen": 400000000, "disbursedOn": "%s", "annualRatePercent": 3.65,
                 "termMonths": 12, "maturityOn": "%s", "guarantee": "信用"}"""
                .formatted(today(), LocalDate.parse(today()).plusMonths(12));
        HttpResponse<String> paid = idempotent("/api/v1/deals/" + id + "/disbursement", lender.username(),
                "key-" + id, disbursement);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(json(paid).path("status").asText()).isEqualTo("FUNDED");
        HttpResponse<String> retry = idempotent("/api/v1/deals/" + id + "/disbursement", lender.username(),
                "key-" + id, disbursement);
        assertThat(retry.statusCode()).as("a retry gets the first answer").isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(retry).path("id").asText()).isEqualTo(id.toString());
        assertThat(audited("DISBURSE_LOAN", AuditEntry.Outcome.SUCCESS, id)).as("recorded once").isEqualTo(1);
        HttpResponse<String> reused = idempotent("/api/v1/deals/" + id + "/disbursement", lender.username(),
                "key-" + id, disbursement.replace("JJ-2026-0001", "JJ-2026-0002"));
        assertThat(reused.statusCode()).as("the same key for another request").isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");

        assertThat(json(fx.api("GET", "/api/v1/demands/" + demand, enterprise.username(), null)).path("status")
                .asText()).as("400 of 500万元 raised").isEqualTo("PARTLY_SATISFIED");

        HttpResponse<String> overdue = fx.api("POST", "/api/v1/deals/" + id + "/loan-status", lender.username(),
                "{\"status\": \"OVERDUE\", \"asOf\": \"" + today() + "\", \"outstandingFen\": 350000000}");
        assertThat(overdue.statusCode()).as(overdue.body()).isEqualTo(201);
        HttpResponse<String> tooMuch = fx.api("POST", "/api/v1/deals/" + id + "/loan-status", lender.username(),
                "{\"status\": \"NORMAL\", \"asOf\": \"" + today() + "\", \"outstandingFen\": 500000000}");
        assertThat(tooMuch.statusCode()).as("more outstanding than was lent").isEqualTo(400);
        HttpResponse<String> repaid = fx.api("POST", "/api/v1/deals/" + id + "/loan-status", lender.username(),
                "{\"status\": \"REPAID\", \"asOf\": \"" + today() + "\"}");
        assertThat(repaid.statusCode()).isEqualTo(201);
        HttpResponse<String> afterRepaid = fx.api("POST", "/api/v1/deals/" + id + "/loan-status", lender.username(),
                "{\"status\": \"NORMAL\", \"asOf\": \"" + today() + "\"}");
        assertThat(afterRepaid.statusCode()).as("nothing after 已结清").isEqualTo(409);

        JsonNode details = json(fx.api("GET", "/api/v1/deals/" + id, enterprise.username(), null));
        assertThat(details.path("deal").path("loanStatus").asText()).isEqualTo("REPAID");
        assertThat(details.path("deal").path("outstandingFen").asLong()).isZero();
        assertThat(details.path("statusReports").size()).as("at disbursement, overdue, repaid").isEqualTo(3);
        assertThat(details.path("timeline").findValuesAsString("kind")).containsSubsequence("PICK_UP", "APPROVED",
                "OFFER_ACCEPTED", "DISBURSED", "LOAN_STATUS", "LOAN_STATUS");

        HttpResponse<String> mine = fx.api("GET", "/api/v1/deals?status=FUNDED", lender.username(), null);
        assertThat(json(mine).path("items").findValuesAsString("id")).containsExactly(id.toString());
    }

    private HttpResponse<String> idempotent(String path, String user, String key, String body) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user + ":" + DealFixtures.PW).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusedMovesAnswer4xxChangeNothingAndAreAudited() {
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        var stranger = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        UUID id = fx.apply(enterprise, lender, demand);
        assertThat(status(id, enterprise.username())).isEqualTo("AWAITING_PICKUP");

        HttpResponse<String> foreign = fx.api("POST", "/api/v1/deals/" + id + "/decision", stranger.username(),
                "{\"decision\": \"DECLINE\", \"reason\": \"QUALIFICATION\"}");
        assertThat(foreign.statusCode()).as("someone else's deal does not exist for them").isEqualTo(404);
        assertThat(fx.api("GET", "/api/v1/deals/" + id, stranger.username(), null).statusCode()).isEqualTo(404);
        assertThat(audited("DECLINE_DEAL", AuditEntry.Outcome.DENIED, id)).isEqualTo(1);

        HttpResponse<String> early = fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 100000000, "annualRatePercent": 4, "termMonths": 12}}""");
        assertThat(early.statusCode()).as("approving before picking up").isEqualTo(409);
        assertThat(audited("APPROVE_DEAL", AuditEntry.Outcome.FAILURE, id)).isEqualTo(1);

        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/pickup", lender.username(), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> noRate = fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(),
                "{\"decision\": \"APPROVE\", \"offer\": {\"amountFen\": 100000000}}");
        assertThat(noRate.statusCode()).isEqualTo(400);
        assertThat(json(noRate).path("errors").has("annualRatePercent")).isTrue();
        assertThat(json(noRate).path("errors").has("termMonths")).isTrue();
        HttpResponse<String> other = fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(),
                "{\"decision\": \"DECLINE\", \"reason\": \"OTHER\"}");
        assertThat(other.statusCode()).as("其他 needs a text").isEqualTo(400);
        assertThat(status(id, enterprise.username())).isEqualTo("UNDER_REVIEW");

        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 100000000, "annualRatePercent": 4, "termMonths": 12}}""")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> twice = fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(),
                "{\"decision\": \"DECLINE\", \"reason\": \"QUOTA_EXHAUSTED\"}");
        assertThat(twice.statusCode()).as("deciding twice").isEqualTo(409);
        assertThat(status(id, enterprise.username())).isEqualTo("OFFERED");

        HttpResponse<String> beforeAccept = fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(),
                disbursement(100000000, today()));
        assertThat(beforeAccept.statusCode()).as("no money before the enterprise accepts").isEqualTo(409);
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", lender.username(), null).statusCode())
                .as("only the enterprise accepts").isEqualTo(403);
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", enterprise.username(), null)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> more = fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(),
                disbursement(100000001, today()));
        assertThat(more.statusCode()).as("more than approved").isEqualTo(400);
        assertThat(json(more).path("errors").path("amountFen").asText()).contains("超过批复金额");
        HttpResponse<String> early2 = fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(),
                disbursement(100000000, LocalDate.parse(today()).minusDays(1).toString()));
        assertThat(early2.statusCode()).as("a date before the approval").isEqualTo(400);
        assertThat(json(early2).path("errors").has("disbursedOn")).isTrue();
        HttpResponse<String> missing = fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(),
                "{\"loanNumber\": \"X\", \"amountFen\": 100000000}");
        assertThat(missing.statusCode()).as("missing dates are named, not a 500").isEqualTo(400);
        assertThat(status(id, enterprise.username())).as("nothing changed").isEqualTo("ACCEPTED");
        assertThat(audited("DISBURSE_LOAN", AuditEntry.Outcome.FAILURE, id)).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM deal.loan_status_report WHERE deal_id = ?").param(id)
                .query(Long.class).single()).isZero();

        HttpResponse<String> withdrawn = fx.api("POST", "/api/v1/deals/" + id + "/withdrawal", enterprise.username(),
                "{\"note\": \"另一家银行利率更低\"}");
        assertThat(withdrawn.statusCode()).as("no lock-in, even after accepting").isEqualTo(200);
        assertThat(json(withdrawn).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/withdrawal", enterprise.username(), null).statusCode())
                .isEqualTo(409);
    }

    private static String disbursement(long amountFen, String on) {
        return """
                {"loanNumber": "JJ-1", "amountFen": %d, "disbursedOn": "%s", "annualRatePercent": 4,
                 "termMonths": 12, "maturityOn": "%s"}""".formatted(amountFen, on,
                LocalDate.parse(on).plusMonths(12));
    }

    @Test
    void theInstitutionApiIsInTheOpenApiDocumentWithItsIdempotencyKey() {
        String doc = fx.api("GET", "/v3/api-docs", null, null).body();
        assertThat(doc).contains("/api/v1/deals/pickups").contains("/api/v1/deals/{id}/decision")
                .contains("/api/v1/deals/{id}/disbursement").contains("/api/v1/deals/{id}/loan-status")
                .contains("Idempotency-Key");
    }

    @Test
    void enterpriseCannotApplyToAProductItDoesNotQualifyFor() {
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        HttpResponse<String> equity = fx.api("POST", "/api/v1/deals", enterprise.username(), """
                {"productId": "%s", "demandId": "%s", "amountFen": 1000}""".formatted(lender.productId(), demand));
        assertThat(equity.statusCode()).as("below the product's minimum").isEqualTo(400);
        assertThat(json(equity).path("errors").path("amountFen").asText()).as(equity.body()).contains("起贷");
        HttpResponse<String> twice1 = fx.api("POST", "/api/v1/deals", enterprise.username(),
                "{\"productId\": \"" + lender.productId() + "\", \"demandId\": \"" + demand + "\"}");
        HttpResponse<String> twice2 = fx.api("POST", "/api/v1/deals", enterprise.username(),
                "{\"productId\": \"" + lender.productId() + "\", \"demandId\": \"" + demand + "\"}");
        assertThat(twice1.statusCode()).isEqualTo(201);
        assertThat(twice2.statusCode()).as("one open application per product").isEqualTo(409);
        assertThat(fx.api("POST", "/api/v1/deals", lender.username(),
                "{\"productId\": \"" + lender.productId() + "\"}").statusCode()).as("institutions do not apply")
                .isEqualTo(403);
    }
}
