package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
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
 * {@code POST /api/v1/subsidies/quotes} (试算): the issue's request shape answered with hand-computed amounts; given
 * attributes win over the registry, the registry fills the rest, unknown codes work with attributes; caps count the
 * record and the quote's earlier events; bad input is refused naming the field; nothing is saved.
 */
@SanrongTest
class SubsidyQuoteTest {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRegistry registry;
    @Autowired
    Subsidies subsidies;
    @Autowired
    JdbcClient jdbc;

    private SubsidyFixtures.Vc vc() {
        return SubsidyFixtures.vc(registry, "试算");
    }

    /** A registered enterprise, 3 years old, a verified 科技型中小企业, whose registry stage is 成长期. */
    private String growthStageTechSme() throws InterruptedException {
        DealFixtures.Party party = new DealFixtures(port, registry).enterprise();
        String code = SubsidyFixtures.creditCodeOf(jdbc, party.organisationId());
        SubsidyFixtures.techSme(jdbc, code, LocalDate.parse("2023-06-01"), "GROWTH");
        return code;
    }

    private HttpResponse<String> quote(String body) {
        return new WebClient(port).api("POST", "/api/v1/subsidies/quotes", "enterprise", TestData.DEMO_PASSWORD,
                body);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return DealFixtures.json(r);
    }

    private long entitlements() {
        return jdbc.sql("SELECT count(*) FROM subsidy.entitlement").query(Long.class).single();
    }

    @Test
    void theIssuesRequestGivesTheHandComputedReward() throws Exception {
        SubsidyFixtures.Vc vc = vc();
        String investee = growthStageTechSme();
        long before = entitlements();
        // the registry says 成长期; the quote says 初创期 and is computed as given: 1亿元 × 1.5% = 150万元
        HttpResponse<String> r = quote("""
                {"policy": "GZ-ANGEL-2021", "year": 2026, "beneficiary": "%s",
                 "events": [{"ref": "I1", "type": "INVESTMENT_RECEIVED", "date": "2026-03-01",
                             "amount": "100000000.00", "investee": "%s", "investeeStage": "初创期"}]}"""
                .formatted(vc.creditCode(), investee));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = json(r);
        assertThat(j.path("events")).hasSize(1);
        JsonNode e = j.path("events").get(0);
        assertThat(e.path("ref").asText()).isEqualTo("I1");
        assertThat(e.path("amount").asText()).isEqualTo("1500000.00");
        assertThat(e.path("capRemaining").asText()).as("5,000,000 − 1,500,000").isEqualTo("3500000.00");
        assertThat(e.path("rule").asText()).contains("1.5%");
        assertThat(j.path("total").asText()).isEqualTo("1500000.00");

        // without the stage given, the registry's 成长期 counts and the rule that failed is named
        HttpResponse<String> registryStage = quote("""
                {"policy": "GZ-ANGEL-2021", "year": 2026, "beneficiary": "%s",
                 "events": [{"ref": "I1", "type": "INVESTMENT_RECEIVED", "date": "2026-03-01",
                             "amount": "100000000.00", "investee": "%s"}]}""".formatted(vc.creditCode(), investee));
        assertThat(json(registryStage).path("events").get(0).path("amount").asText()).isEqualTo("0.00");
        assertThat(json(registryStage).path("events").get(0).path("rule").asText()).contains("种子期或初创期");
        assertThat(entitlements()).as("a quote saves nothing").isEqualTo(before);
    }

    @Test
    void capsCountTheRecordAndTheQuotesEarlierEvents() throws Exception {
        SubsidyFixtures.Vc vc = vc();
        String investee = growthStageTechSme();
        jdbc.sql("UPDATE enterprise.enterprise SET stage_override = 'START_UP' WHERE credit_code = ?")
                .param(investee).update();
        // recorded: 2亿元 in 2026 → 300万元 granted; 200万元 of the 500万元 cap remain
        subsidies.investmentRecorded(new InvestmentRecorded(UUID.randomUUID(), vc.id(), investee, UUID.randomUUID(),
                20_000_000_000L, new BigDecimal("10.00"), LocalDate.of(2026, 1, 10)));
        HttpResponse<String> r = quote("""
                {"policy": "GZ-ANGEL-2021", "year": 2026, "beneficiary": "%1$s", "events": [
                  {"ref": "A", "type": "INVESTMENT_RECEIVED", "date": "2026-04-01", "amount": "100000000.00", "investee": "%2$s"},
                  {"ref": "B", "type": "INVESTMENT_RECEIVED", "date": "2026-05-01", "amount": "100000000.00", "investee": "%2$s"},
                  {"ref": "C", "type": "INVESTMENT_RECEIVED", "date": "2026-06-01", "amount": "12345.67", "investee": "%2$s"}]}"""
                .formatted(vc.creditCode(), investee));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode ev = json(r).path("events");
        assertThat(ev.get(0).path("amount").asText()).as("150万元, under the cap").isEqualTo("1500000.00");
        assertThat(ev.get(0).path("capRemaining").asText()).isEqualTo("500000.00");
        assertThat(ev.get(1).path("amount").asText()).as("150万元 computed, 50万元 left").isEqualTo("500000.00");
        assertThat(ev.get(1).path("rule").asText()).contains("上限");
        assertThat(ev.get(1).path("capRemaining").asText()).isEqualTo("0.00");
        assertThat(ev.get(2).path("amount").asText()).isEqualTo("0.00");
        assertThat(json(r).path("total").asText()).isEqualTo("2000000.00");
    }

    @Test
    void unknownCodesAreFineWhenTheAttributesAreGiven() {
        String unknownInvestor = TestData.creditCode();
        String unknownInvestee = TestData.creditCode();
        HttpResponse<String> r = quote("""
                {"policy": "GZ-ANGEL-2021", "beneficiary": "%s", "events": [
                  {"ref": "X", "type": "INVESTMENT_RECEIVED", "date": "2026-03-01", "amount": "1000000.00",
                   "investee": "%s", "investeeStage": "种子期", "investeeQualifications": ["TECH_SME"],
                   "investeeAgeYears": 1, "investorType": "VC_PE_FUND", "stake": "10"}]}"""
                .formatted(unknownInvestor, unknownInvestee));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("events").get(0).path("amount").asText()).as("1,000,000.00 × 1.5%")
                .isEqualTo("15000.00");
        HttpResponse<String> bare = quote("""
                {"policy": "GZ-ANGEL-2021", "beneficiary": "%s", "events": [
                  {"type": "INVESTMENT_RECEIVED", "date": "2026-03-01", "amount": "1000000.00", "investee": "%s"}]}"""
                .formatted(unknownInvestor, unknownInvestee));
        JsonNode line = json(bare).path("events").get(0);
        assertThat(line.path("ref").asText()).isEqualTo("E1");
        assertThat(line.path("amount").asText()).isEqualTo("0.00");
        assertThat(line.path("rule").asText()).contains("被投企业在本市企业库登记").contains("投资方为创业投资/私募股权机构");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long before = entitlements();
        HttpResponse<String> bad = quote("""
                {"policy": "GZ-ANGEL-2021", "year": 2026, "events": [
                  {"type": "INVESTMENT_RECEIVED", "date": "2025-03-01", "amount": "100.00", "investee": "X",
                   "colour": "red"},
                  {"type": "GIFT", "date": "someday", "amount": "100.001"}]}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("events[0].colour")
                .contains("events[0].date").contains("2026").contains("events[1].type").contains("GIFT")
                .contains("events[1].date").contains("events[1].amount").contains("两位小数");
        HttpResponse<String> noPolicy = quote("{\"policy\": \"NOPE\", \"events\": []}");
        assertThat(noPolicy.statusCode()).isEqualTo(400);
        assertThat(noPolicy.body()).contains("没有这项政策").contains("events");
        assertThat(entitlements()).isEqualTo(before);
        assertThat(new WebClient(port).api("POST", "/api/v1/subsidies/trial", "enterprise", TestData.DEMO_PASSWORD,
                "{}").statusCode()).as("one way to do a thing: trial is gone").isIn(404, 405);
        assertThat(new WebClient(port).get("/v3/api-docs").body()).contains("/api/v1/subsidies/quotes")
                .doesNotContain("/api/v1/subsidies/trial");
    }

    /** Posts a quote for a hypothetical enterprise (an unknown code, its attributes given) and answers its lines. */
    private JsonNode quoteFor(String policy, String events) {
        HttpResponse<String> r = quote("""
                {"policy": "%s", "year": 2026, "beneficiary": "%s", "events": [%s]}"""
                .formatted(policy, TestData.creditCode(), events));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static List<String> amounts(JsonNode quote) {
        return quote.path("events").valueStream().map(n -> n.path("amount").asText()).toList();
    }

    @Test
    void everyShippedPolicyQuotesItsHandComputedAmounts() {
        // 东莞知识产权质押: 50% of interest (cap 500,000/yr), of the guarantee fee (cap 300,000/yr), of the valuation
        // fee (cap 300,000 per IP item); the enterprise must be in Dongguan (town 4419…)
        JsonNode ip = quoteFor("DG-IP-PLEDGE-2022", """
                {"ref": "I", "type": "INTEREST_PAID", "date": "2026-06-30", "amount": "123456.78", "ipPledge": true,
                 "loanRef": "L1", "town": "441900003"},
                {"ref": "G", "type": "GUARANTEE_FEE_PAID", "date": "2026-06-30", "amount": "700000.00",
                 "ipPledge": true, "town": "441900003"},
                {"ref": "V", "type": "VALUATION_FEE_PAID", "date": "2026-06-30", "amount": "80000.00",
                 "item": "ZL202210000001.1", "town": "441900003"}""");
        assertThat(amounts(ip)).as("61,728.39 (half up); 350,000 → cap 300,000; 40,000")
                .containsExactly("61728.39", "300000.00", "40000.00");
        assertThat(ip.path("total").asText()).isEqualTo("401728.39");
        assertThat(quoteFor("DG-IP-PLEDGE-2022", """
                {"type": "INTEREST_PAID", "date": "2026-06-30", "amount": "1000.00", "ipPledge": true,
                 "loanRef": "L2", "town": "440100001"}""").path("total").asText())
                .as("outside Dongguan: nothing").isEqualTo("0.00");

        // 广东制造业和高新技术企业贴息: 35% of interest paid in the loan's first year, manufacturing (C) or 高新
        assertThat(amounts(quoteFor("GD-INTEREST-2025", """
                {"type": "INTEREST_PAID", "date": "2026-06-30", "amount": "200000.00", "loanRef": "G1",
                 "loanDate": "2026-01-10", "industry": "C3911"},
                {"type": "INTEREST_PAID", "date": "2026-06-30", "amount": "200000.00", "loanRef": "G2",
                 "loanDate": "2025-05-10", "industry": "C3911"},
                {"type": "INTEREST_PAID", "date": "2026-06-30", "amount": "200000.00", "loanRef": "G3",
                 "loanDate": "2026-01-10", "industry": "I6513"}""")))
                .as("70,000; 13 months after the loan: nothing; software, not 高新: nothing")
                .containsExactly("70000.00", "0.00", "0.00");

        // 广州上市奖励 by proceeds: ≥ 15亿 5,000,000 (the boundary included); 8亿–15亿 4,000,000; < 8亿 3,000,000;
        // 新三板 1,000,000
        assertThat(amounts(quoteFor("GZ-LISTING-2023", """
                {"type": "LISTING_MILESTONE", "date": "2026-05-01", "amount": "0.00", "milestone": "上市",
                 "board": "科创板", "proceeds": "1500000000.00", "industry": "C3911"}""")))
                .containsExactly("5000000.00");
        assertThat(amounts(quoteFor("GZ-LISTING-2023", """
                {"type": "LISTING_MILESTONE", "date": "2026-05-01", "amount": "0.00", "milestone": "上市",
                 "board": "创业板", "proceeds": "800000000.00", "industry": "C3911"}""")))
                .containsExactly("4000000.00");
        assertThat(amounts(quoteFor("GZ-LISTING-2023", """
                {"type": "LISTING_MILESTONE", "date": "2026-05-01", "amount": "0.00", "milestone": "上市",
                 "board": "主板", "proceeds": "799999999.99", "industry": "C3911"}""")))
                .containsExactly("3000000.00");
        assertThat(amounts(quoteFor("GZ-LISTING-2023", """
                {"type": "LISTING_MILESTONE", "date": "2026-05-01", "amount": "0.00", "milestone": "上市",
                 "board": "新三板", "industry": "C3911"}""")))
                .containsExactly("1000000.00");

        // the district's stages stack up to 6,000,000 in all
        JsonNode stages = quoteFor("ZC-LISTING-STAGE-2023", """
                {"type": "LISTING_MILESTONE", "date": "2026-01-05", "amount": "0.00", "milestone": "辅导备案",
                 "industry": "C3911"},
                {"type": "LISTING_MILESTONE", "date": "2026-03-01", "amount": "0.00", "milestone": "申报受理",
                 "industry": "C3911"},
                {"type": "LISTING_MILESTONE", "date": "2026-05-01", "amount": "0.00", "milestone": "上市",
                 "industry": "C3911"}""");
        assertThat(amounts(stages)).containsExactly("1000000.00", "2000000.00", "3000000.00");
        assertThat(stages.path("total").asText()).isEqualTo("6000000.00");
        assertThat(stages.path("events").get(2).path("capRemaining").asText()).isEqualTo("0.00");

        // examples for the office to set: insurance 30% (科技型中小企业 or 高新), bond costs by issue size, guarantor
        // capital 40% of the district's new contribution up to 20,000,000 a year
        assertThat(amounts(quoteFor("DG-SCI-INSURANCE-EXAMPLE", """
                {"type": "PREMIUM_PAID", "date": "2026-04-01", "amount": "100000.00",
                 "qualifications": ["TECH_SME"]}""")))
                .containsExactly("30000.00");
        assertThat(amounts(quoteFor("HP-BOND-2023-EXAMPLE", """
                {"type": "BOND_ISSUED", "date": "2026-04-01", "amount": "1000000.00", "principal": "300000000.00",
                 "industry": "C3911"}""")))
                .as("3亿 is in the 1亿–5亿 band: 8%").containsExactly("80000.00");
        JsonNode capital = quoteFor("GZ-GUARANTOR-CAPITAL-2021", """
                {"type": "CAPITAL_CONTRIBUTED", "date": "2026-02-01", "amount": "30000000.00", "industry": "J6930"},
                {"type": "CAPITAL_CONTRIBUTED", "date": "2026-08-01", "amount": "30000000.00", "industry": "J6930"}""");
        assertThat(amounts(capital)).as("12,000,000, then the 20,000,000 yearly cap leaves 8,000,000")
                .containsExactly("12000000.00", "8000000.00");
    }
}
