package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.deal.DealFixtures;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Clawback: an angel reward paid, the investor exits within the policy's 3 years, the paid amount becomes a
 * receivable in the ledger, visible to government and to the investor, and its recovery returns it to the budget.
 */
@SanrongTest
class SubsidyClawbackTest {

    private static final String PW = TestData.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRegistry registry;
    @Autowired
    Subsidies subsidies;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    private String eligibleEnterprise() throws InterruptedException {
        DealFixtures.Party party = new DealFixtures(port, registry).enterprise();
        String code = SubsidyFixtures.creditCodeOf(jdbc, party.organisationId());
        SubsidyFixtures.techSme(jdbc, code, LocalDate.parse("2020-06-01"), "START_UP");
        return code;
    }

    private HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, PW, body);
    }

    @Test
    void anEarlyExitTurnsThePaidRewardIntoAReceivable() throws Exception {
        SubsidyFixtures.Vc fund = SubsidyFixtures.vc(registry, "追回测试");
        UUID vc = fund.id();
        String username = fund.username();
        String enterprise = eligibleEnterprise();
        Entitlement e = subsidies.investmentRecorded(new InvestmentRecorded(UUID.randomUUID(), vc, enterprise,
                UUID.randomUUID(), 100_000_000L, new BigDecimal("10.00"), LocalDate.of(2022, 1, 10))).stream()
                .filter(x -> x.policyCode().equals("GZ-ANGEL-2021")).findFirst().orElseThrow();
        assertThat(e.amountFen()).as("1,000,000 × 1.5%").isEqualTo(1_500_000L);
        jdbc.sql("UPDATE subsidy.entitlement SET status = 'APPROVED', confirmed_by = 'x', noticed_by = 'gov', "
                + "approved_by = 'gov2', approved_at = now() WHERE id = ?").param(e.id().value()).update();
        String path = "/api/v1/subsidies/" + e.id().value();
        assertThat(api("POST", path + "/payment", "gov", null).statusCode()).isEqualTo(200);

        assertThat(api("POST", path + "/clawback", username, "{\"reason\": \"x\", \"brokenOn\": \"2024-05-01\"}")
                .statusCode()).as("officials only").isEqualTo(403);
        HttpResponse<String> late = api("POST", path + "/clawback", "gov",
                "{\"reason\": \"投资方已转让全部股权\", \"brokenOn\": \"2025-01-10\"}");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("已超过追回期限").contains("3 年");
        String book = Subsidies.book("GZ-ANGEL-2021", 2022);
        HttpResponse<String> clawed = api("POST", path + "/clawback", "gov",
                "{\"reason\": \"投资方已于2024-05-01转让全部股权\", \"brokenOn\": \"2024-05-01\"}");
        assertThat(clawed.statusCode()).as(clawed.body()).isEqualTo(201);
        JsonNode c = DealFixtures.json(clawed);
        assertThat(c.path("amountFen").asLong()).isEqualTo(1_500_000L);
        assertThat(c.path("status").asText()).isEqualTo("DUE");
        assertThat(ledger.balance(new AccountRef(book, "receivable"))).as("a receivable of 15,000.00")
                .isEqualTo(1_500_000L);
        assertThat(DealFixtures.json(api("GET", path, "gov", null)).path("status").asText()).isEqualTo("CLAWED_BACK");
        assertThat(api("POST", path + "/clawback", "gov", "{\"reason\": \"再次\", \"brokenOn\": \"2024-05-01\"}")
                .statusCode()).as("once").isEqualTo(409);
        assertThat(DealFixtures.json(api("GET", "/api/v1/subsidies/clawbacks", username, null)).valueStream()
                .anyMatch(n -> n.path("entitlementId").asText().equals(e.id().value().toString())))
                .as("the investor sees it").isTrue();
        assertThat(DealFixtures.json(api("GET", "/api/v1/subsidies/clawbacks", "investor", null)).valueStream()
                .noneMatch(n -> n.path("entitlementId").asText().equals(e.id().value().toString())))
                .as("another investor does not").isTrue();
        WebClient web = new WebClient(port);
        web.login(username, PW);
        assertThat(web.get("/subsidies").body()).contains("补贴追回").contains("15000.00 元").contains("待退回");

        long budget = ledger.balance(new AccountRef(book, "budget"));
        HttpResponse<String> back = api("POST", "/api/v1/subsidies/clawbacks/" + c.path("id").asText()
                + "/recovery", "gov", null);
        assertThat(DealFixtures.json(back).path("status").asText()).isEqualTo("RECOVERED");
        assertThat(ledger.balance(new AccountRef(book, "receivable"))).isZero();
        assertThat(ledger.balance(new AccountRef(book, "budget"))).isEqualTo(budget + 1_500_000L);
        long[] totals = ledger.totals(book);
        assertThat(totals[0]).isEqualTo(totals[1]);
    }
}
