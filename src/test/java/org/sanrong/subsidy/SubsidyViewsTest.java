package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.deal.DealFixtures;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Views: budget use by policy, town, industry and month with the forecast from the pipeline (hand-computed), the
 * entitlements API (own; all for government), and "why not" naming the failed rule and what would change it.
 */
@SanrongTest
class SubsidyViewsTest {

    private static final String PW = TestData.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRegistry registry;
    @Autowired
    Subsidies subsidies;
    @Autowired
    JdbcClient jdbc;

    private String[] enterprise(String industry) throws InterruptedException {
        DealFixtures.Party party = new DealFixtures(port, registry).enterprise();
        String code = SubsidyFixtures.creditCodeOf(jdbc, party.organisationId());
        jdbc.sql("UPDATE enterprise.enterprise SET registered_on = DATE '2020-01-01', industry_code = ?, "
                + "town_code = '441900005' WHERE credit_code = ?").params(industry, code).update();
        return new String[] {code, party.username()};
    }

    private HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, PW, body);
    }

    @Test
    void budgetUseByPolicyTownIndustryAndMonthWithTheForecast() throws Exception {
        SubsidyFixtures.Vc fund = SubsidyFixtures.vc(registry, "预算测试");
        UUID vc = fund.id();
        String username = fund.username();
        String investee = enterprise("C3911")[0];
        int year = 2032;
        Entitlement paid = subsidies.investmentRecorded(new InvestmentRecorded(UUID.randomUUID(), vc, investee,
                UUID.randomUUID(), 40_000L, new BigDecimal("10.00"), LocalDate.of(year, 3, 1))).stream()
                .filter(e -> e.policyCode().equals("TEST-TINY-BUDGET")).findFirst().orElseThrow();
        subsidies.investmentRecorded(new InvestmentRecorded(UUID.randomUUID(), vc, investee, UUID.randomUUID(),
                30_000L, new BigDecimal("10.00"), LocalDate.of(year, 4, 1)));
        jdbc.sql("UPDATE subsidy.entitlement SET status = 'APPROVED', confirmed_by = 'x', noticed_by = 'gov', "
                + "approved_by = 'gov2', approved_at = now() WHERE id = ?").param(paid.id().value()).update();
        assertThat(api("POST", "/api/v1/subsidies/" + paid.id().value() + "/payment", "gov", null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> r = api("GET", "/api/v1/subsidies/budget?year=" + year, "gov", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode use = DealFixtures.json(r);
        assertThat(use.path("byPolicy").path("TEST-TINY-BUDGET").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(use.path("byTown").path("万江街道").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(use.path("byIndustry").propertyNames()).singleElement().asString().startsWith("C");
        String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        assertThat(use.path("byMonth").path(month).decimalValue()).as("paid this month").isEqualByComparingTo("400.00");
        JsonNode forecast = use.path("forecast").valueStream()
                .filter(f -> f.path("policyCode").asText().equals("TEST-TINY-BUDGET")).findFirst().orElseThrow();
        assertThat(forecast.path("paidFen").asLong()).isEqualTo(40_000L);
        assertThat(forecast.path("pipelineFen").asLong()).as("the 300 still computed").isEqualTo(30_000L);
        assertThat(forecast.path("budgetFen").asLong()).isEqualTo(100_000L);
        assertThat(api("GET", "/api/v1/subsidies/budget?year=" + year, "enterprise", null).statusCode())
                .isEqualTo(403);
        WebClient gov = new WebClient(port);
        gov.login("gov", PW);
        assertThat(gov.get("/subsidies/budget?year=" + year).body()).contains("chart-town").contains("chart-month")
                .contains("TEST-TINY-BUDGET").contains("700.00");

        assertThat(DealFixtures.json(api("GET", "/api/v1/subsidies/entitlements", "gov", null)).valueStream()
                .anyMatch(n -> n.path("id").asText().equals(paid.id().value().toString())))
                .as("government sees all").isTrue();
        JsonNode own = DealFixtures.json(api("GET", "/api/v1/subsidies/entitlements", username, null));
        assertThat(own.valueStream().filter(n -> !n.path("status").asText().equals("NOT_ELIGIBLE")).count())
                .isEqualTo(2);
        assertThat(own.get(0).has("calculation")).isTrue();
        assertThat(DealFixtures.json(api("GET", "/api/v1/subsidies/entitlements", "investor", null)).valueStream()
                .noneMatch(n -> n.path("id").asText().equals(paid.id().value().toString()))).isTrue();
    }

    @Test
    void anEnterpriseSeesWhyNotAndWhatWouldChangeIt() throws Exception {
        String[] e = enterprise("I6510");
        HttpResponse<String> r = api("GET", "/api/v1/subsidies/why-not", e[1], null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode all = DealFixtures.json(r);
        JsonNode interest = all.valueStream().filter(n -> n.path("policyCode").asText().equals("GD-INTEREST-2025"))
                .findFirst().orElseThrow();
        assertThat(interest.path("reasons").get(0).path("rule").asText())
                .isEqualTo("制造业（国民经济行业门类C）或高新技术企业");
        assertThat(interest.path("reasons").get(0).path("values").path("enterprise.industryCode").asText())
                .isEqualTo("I6510");
        assertThat(interest.path("reasons").get(0).path("change").asText()).contains("高新技术企业认定");
        JsonNode angel = all.valueStream().filter(n -> n.path("policyCode").asText().equals("GZ-ANGEL-2021"))
                .findFirst().orElseThrow();
        assertThat(angel.path("forInvestors").asBoolean()).isTrue();
        assertThat(angel.path("reasons").valueStream().map(n -> n.path("rule").asText()).toList())
                .contains("被投企业为科技型中小企业");
        assertThat(all.valueStream().noneMatch(n -> n.path("policyCode").asText().equals("DG-IP-PLEDGE-2022")))
                .as("registered in a Dongguan town: the IP-pledge policy's registry rule holds").isTrue();
        WebClient web = new WebClient(port);
        web.login(e[1], PW);
        assertThat(web.get("/subsidies").body()).contains("暂不符合的政策及原因").contains("高新技术企业认定");
    }
}
