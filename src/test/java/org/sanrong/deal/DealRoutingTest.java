package org.sanrong.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.InboxQuery;
import org.sanrong.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's other paths: the working-day deadline, overdue and automatic re-routing to the next-best institutions,
 * a decline that shows the reason and alternatives at once, the exclusive pick-up race, and the league table drawn
 * from the deals.
 */
@SanrongTest
class DealRoutingTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    DealFlow flow;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    org.springframework.security.authentication.AuthenticationProvider authentication;

    DealFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new DealFixtures(port, registry);
    }

    private JsonNode deal(UUID id, String user) {
        HttpResponse<String> r = fx.api("GET", "/api/v1/deals/" + id, user, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("deal");
    }

    @Test
    void lateInstitutionIsMarkedOverdueAndTheDemandGoesToTheNextBest() {
        var enterprise = fx.enterprise();
        var late = fx.lender();
        fx.lender();
        fx.lender();
        UUID demand = fx.demand(enterprise, false);
        UUID id = fx.apply(enterprise, late, demand);
        JsonNode opened = deal(id, enterprise.username());
        Instant openedAt = Instant.parse(opened.path("openedAt").asText());
        Instant deadline = Instant.parse(opened.path("deadline").asText());
        assertThat(deadline).as("3 working days, China holidays and 调休 included")
                .isEqualTo(calendar.deadline(openedAt, 3));

        assertThat(flow.sweep(deadline.minusSeconds(1))).as("not late yet").isZero();
        assertThat(deal(id, enterprise.username()).path("status").asText()).isEqualTo("AWAITING_PICKUP");

        // the clock has run out for this deal only (others in the shared database keep theirs)
        jdbc.sql("UPDATE deal.deal SET deadline = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(clock.instant().minusSeconds(1)), id).update();
        assertThat(flow.sweep(clock.instant())).isGreaterThanOrEqualTo(1);
        assertThat(deal(id, enterprise.username()).path("status").asText()).isEqualTo("OVERDUE");

        List<Map<String, Object>> referrals = jdbc.sql("SELECT institution_id, status, deadline, origin FROM "
                + "deal.deal WHERE demand_id = ? AND origin = 'REFERRAL'").param(demand).query().listOfRows();
        assertThat(referrals).as("sent on to the next-best institutions").hasSizeBetween(1, 3);
        assertThat(referrals).allSatisfy(r -> {
            assertThat(r.get("institution_id")).isNotEqualTo(late.organisationId());
            assertThat(r.get("status")).isEqualTo("AWAITING_PICKUP");
            assertThat(((java.sql.Timestamp) r.get("deadline")).toInstant()).isAfter(clock.instant());
        });
        assertThat(referrals.stream().map(r -> r.get("institution_id")).distinct()).hasSize(referrals.size());

        HttpResponse<String> lateDecision = fx.api("POST", "/api/v1/deals/" + id + "/pickup", late.username(), null);
        assertThat(lateDecision.statusCode()).as("too late to pick up").isEqualTo(409);

        var messages = new WebClient(port).api("GET", "/api/v1/inbox", enterprise.username(), DealFixtures.PW, null);
        assertThat(messages.body()).as("the enterprise is told").contains("机构超时未处理").contains("已自动转给");
        var lateInbox = new WebClient(port).api("GET", "/api/v1/inbox", late.username(), DealFixtures.PW, null);
        assertThat(lateInbox.body()).contains("对接超时");

        // a second sweep re-routes nothing again
        int before = referrals.size();
        flow.sweep(clock.instant());
        assertThat(jdbc.sql("SELECT count(*) FROM deal.deal WHERE demand_id = ? AND origin = 'REFERRAL'")
                .param(demand).query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void declineShowsTheReasonAndTheNextBestAlternativesAtOnce() {
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        var other = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        UUID id = fx.apply(enterprise, lender, demand);
        HttpResponse<String> declined = fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(),
                "{\"decision\": \"DECLINE\", \"reason\": \"INSUFFICIENT_DATA\", \"note\": \"近两年纳税记录缺失\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);

        WebClient web = new WebClient(port);
        web.login(enterprise.username(), DealFixtures.PW);
        String page = web.get("/deals/" + id).body();
        assertThat(page).contains("id=\"decline-reason\"").contains("经营数据不足").contains("近两年纳税记录缺失");
        assertThat(page).contains("id=\"alternatives\"").contains("&amp;demand=" + demand)
                .as("the declining institution is not proposed again")
                .doesNotContain("deals/apply?product=" + lender.productId());
        // the page shows the best five; among all of them is the other lender's product, and never the decliner's
        var firm = (org.sanrong.identity.SignedInUser) authentication.authenticate(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(
                        enterprise.username(), DealFixtures.PW)).getPrincipal();
        var all = flow.alternatives(new Deal.Id(id), firm, 10_000);
        assertThat(all).allSatisfy(m -> {
            assertThat(m.eligible()).isTrue();
            assertThat(m.institutionId()).isNotEqualTo(lender.organisationId());
        });
        assertThat(all).anySatisfy(m -> assertThat(m.product().productId()).isEqualTo(other.productId()));
        var inbox = new WebClient(port).api("GET", "/api/v1/inbox/unread-count", enterprise.username(),
                DealFixtures.PW, null);
        assertThat(json(inbox).path("unread").asLong()).as("told of the decline in the inbox").isPositive();
    }

    @Test
    void twoInstitutionsPickingUpAOneLenderDemandAtOnceEndWithExactlyOneWinner() throws Exception {
        var a = fx.lender();
        var b = fx.lender();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                var enterprise = fx.enterprise();
                UUID demand = fx.demand(enterprise, true);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (var lender : List.of(a, b)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return fx.api("POST", "/api/v1/deals/pickups", lender.username(),
                                "{\"demandId\": \"" + demand + "\"}");
                    }));
                }
                List<Integer> codes = new ArrayList<>();
                String loserBody = "";
                for (var f : answers) {
                    HttpResponse<String> r = f.get();
                    codes.add(r.statusCode());
                    if (r.statusCode() != 201) {
                        loserBody = r.body();
                    }
                }
                assertThat(codes).as("round " + round).containsExactlyInAnyOrder(201, 409);
                assertThat(loserBody).contains("已由其他机构接单");
                assertThat(jdbc.sql("SELECT count(*) FROM deal.deal WHERE demand_id = ?").param(demand)
                        .query(Long.class).single()).as("the loser left nothing behind").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }

        // once the winner declines, the other may pick it up
        var enterprise = fx.enterprise();
        UUID demand = fx.demand(enterprise, true);
        HttpResponse<String> first = fx.api("POST", "/api/v1/deals/pickups", a.username(),
                "{\"demandId\": \"" + demand + "\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(fx.api("POST", "/api/v1/deals/pickups", b.username(), "{\"demandId\": \"" + demand + "\"}")
                .statusCode()).isEqualTo(409);
        String firstId = json(first).path("id").asText();
        assertThat(fx.api("POST", "/api/v1/deals/" + firstId + "/decision", a.username(),
                "{\"decision\": \"DECLINE\", \"reason\": \"QUOTA_EXHAUSTED\"}").statusCode()).isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/deals/pickups", b.username(), "{\"demandId\": \"" + demand + "\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void leagueTableShowsRealFiguresOnlyOncePublished() {
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        HttpResponse<String> picked = fx.api("POST", "/api/v1/deals/pickups", lender.username(),
                "{\"demandId\": \"" + demand + "\"}");
        String id = json(picked).path("id").asText();
        fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 123400000, "annualRatePercent": 3.5, "termMonths": 12}}""");
        fx.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", enterprise.username(), null);
        String today = java.time.LocalDate.now(clock).toString();
        HttpResponse<String> paid = fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(), """
                {"loanNumber": "L-1", "amountFen": 123400000, "disbursedOn": "%s", "annualRatePercent": 3.5,
                 "termMonths": 12, "maturityOn": "%s"}""".formatted(today,
                java.time.LocalDate.parse(today).plusMonths(12)));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);

        WebClient gov = new WebClient(port);
        gov.login("gov", DealFixtures.PW);
        String statistics = gov.get("/deals/statistics").body();
        int at = statistics.indexOf(lender.name());
        assertThat(at).as("the lender is on government's table").isPositive();
        String row = statistics.substring(at, statistics.indexOf("</tr>", at));
        assertThat(row).contains("123.40万元").contains("100%");
        assertThat(statistics).contains("id=\"chart-funnel\"");

        gov.postForm("/deals/statistics/publication", Map.of("published", "false"));
        String hidden = new WebClient(port).get("/league").body();
        assertThat(hidden).contains("id=\"league-empty\"").doesNotContain(lender.name());
        gov.get("/deals/statistics");
        gov.postForm("/deals/statistics/publication?metrics=FUNDED_AMOUNT&metrics=APPROVAL_RATE",
                Map.of("published", "true"));
        String shown = new WebClient(port).get("/league").body();
        assertThat(shown).as("anyone may read what government published").contains(lender.name())
                .contains("123.40万元").doesNotContain(">" + "接单用时");
        assertThat(fx.api("GET", "/api/v1/deals/" + id, "investor", null).statusCode()).isEqualTo(404);
    }
}
