package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.deal.DealFixtures;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.listing.ListingBoard;
import org.sanrong.listing.ListingMilestoneReached;
import org.sanrong.listing.Milestone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Cost events reported on the platform: the bank's interest on its loan produces the interest subsidy by itself, one
 * loan's interest under one policy only, every bad input refused naming the field with nothing stored and the attempt
 * audited, who may report what, and listing rewards from the listing reserve's milestones completed by the proceeds.
 */
@SanrongTest
class SubsidyReportTest {

    private static final String PW = TestData.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRegistry registry;
    @Autowired
    Subsidies subsidies;
    @Autowired
    JdbcClient jdbc;

    private record Org(String username, UUID id) {
    }

    private Org bank() {
        String username = TestData.username("sb");
        UUID id = registry.register(new Registration("补贴测试" + username + "银行", TestData.creditCode(),
                InstitutionType.BANK, "周经理", TestData.mobile(), username, "周经理", PW));
        registry.approve(id, "test");
        return new Org(username, id);
    }

    /** A registered enterprise in a Dongguan town, manufacturing (C3911), registered 2020-01-01. */
    private Org enterprise(String[] code) throws InterruptedException {
        DealFixtures.Party party = new DealFixtures(port, registry).enterprise();
        String c = SubsidyFixtures.creditCodeOf(jdbc, party.organisationId());
        jdbc.sql("UPDATE enterprise.enterprise SET registered_on = DATE '2020-01-01', industry_code = 'C3911', "
                + "town_code = '441900003' WHERE credit_code = ?").param(c).update();
        code[0] = c;
        return new Org(party.username(), party.organisationId());
    }

    private String loan(Org bank, String enterprise, String productType, LocalDate on) {
        UUID deal = UUID.randomUUID();
        subsidies.loanDisbursed(new LoanDisbursed(deal, "L001", bank.id(), enterprise, UUID.randomUUID(), productType,
                100_000_000L, new BigDecimal("3.85"), 12, on, on.plusMonths(12), null));
        return Subsidies.loanRef(deal, "L001");
    }

    private HttpResponse<String> report(String username, String body) {
        return new WebClient(port).api("POST", "/api/v1/subsidies/events", username, PW, body);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return DealFixtures.json(r);
    }

    private static JsonNode of(JsonNode created, String policy) {
        return created.path("entitlements").valueStream().filter(n -> n.path("policy").asText().equals(policy))
                .findFirst().orElseThrow(() -> new AssertionError(policy + " not in " + created));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theBanksInterestReportProducesTheInterestSubsidyByItself() throws Exception {
        Org bank = bank();
        String[] code = new String[1];
        enterprise(code);
        String loanRef = loan(bank, code[0], "CREDIT_LOAN", LocalDate.of(2026, 1, 15));
        HttpResponse<String> r = report(bank.username(), """
                {"type": "INTEREST_PAID", "enterprise": "%s", "date": "2026-03-21", "amount": "12075.00",
                 "loanRef": "%s", "ref": "Q1"}""".formatted(code[0], loanRef));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode gd = of(json(r), "GD-INTEREST-2025");
        assertThat(gd.path("amount").asText()).as("12,075.00 × 35% = 4,226.25").isEqualTo("4226.25");
        assertThat(gd.path("status").asText()).isEqualTo("COMPUTED");
        assertThat(gd.path("calculation").path("inputs").path("event.loanDate").asText())
                .as("the loan's date from the platform's record").isEqualTo("2026-01-15");
        assertThat(of(json(r), "DG-IP-PLEDGE-2022").path("status").asText()).as("not an IP-pledge loan")
                .isEqualTo("NOT_ELIGIBLE");
        assertThat(json(new WebClient(port).api("GET", "/api/v1/subsidies/events", bank.username(), PW, null))
                .valueStream().anyMatch(n -> n.path("ref").asText().equals("Q1"))).isTrue();
    }

    @Test
    void oneLoansInterestIsSubsidisedByOnePolicyOnly() throws Exception {
        Org bank = bank();
        String[] code = new String[1];
        enterprise(code);
        String loanRef = loan(bank, code[0], "IP_PLEDGE_LOAN", LocalDate.of(2026, 1, 15));
        HttpResponse<String> first = report(bank.username(), """
                {"type": "INTEREST_PAID", "enterprise": "%s", "date": "2026-03-21", "amount": "10000.00",
                 "loanRef": "%s"}""".formatted(code[0], loanRef));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(of(json(first), "DG-IP-PLEDGE-2022").path("amount").asText()).as("10,000.00 × 50%")
                .isEqualTo("5000.00");
        JsonNode gd = of(json(first), "GD-INTEREST-2025");
        assertThat(gd.path("status").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(gd.path("amount").asText()).isEqualTo("0.00");
        assertThat(gd.path("calculation").path("rules").valueStream().filter(n -> !n.path("passed").asBoolean())
                .map(n -> n.path("name").asText()).toList()).containsExactly("同一费用只享受一项政策：已由 DG-IP-PLEDGE-2022 补贴");
        HttpResponse<String> fee = report(bank.username(), """
                {"type": "GUARANTEE_FEE_PAID", "enterprise": "%s", "date": "2026-03-22", "amount": "800000.00",
                 "loanRef": "%s"}""".formatted(code[0], loanRef));
        assertThat(of(json(fee), "DG-IP-PLEDGE-2022").path("amount").asText())
                .as("800,000 × 50% = 400,000 → the 300,000 guarantee-fee cap; fees are not in the interest group")
                .isEqualTo("300000.00");
    }

    @Test
    void badReportsAreRefusedNamingTheProblemWithNothingStoredAndAudited() throws Exception {
        Org bank = bank();
        String[] code = new String[1];
        Org ent = enterprise(code);
        String[] other = new String[1];
        enterprise(other);
        String othersLoan = loan(bank, other[0], "CREDIT_LOAN", LocalDate.of(2026, 1, 15));
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        long events = count("SELECT count(*) FROM subsidy.cost_event");
        long failures = count("SELECT count(*) FROM audit.audit_entry WHERE action = 'SUBSIDY_REPORT' "
                + "AND outcome = 'FAILURE' AND actor = ?", bank.username());
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("""
                {"type": "PREMIUM_PAID", "enterprise": "91440101MA9UNKNOWN", "date": "2026-03-01", "amount": "1.00"}""",
                "企业库中没有");
        cases.put("""
                {"type": "PREMIUM_PAID", "enterprise": "%s", "date": "%s", "amount": "1.00"}""".formatted(code[0],
                tomorrow), "不能晚于今天");
        cases.put("""
                {"type": "PREMIUM_PAID", "enterprise": "%s", "date": "2019-12-31", "amount": "1.00"}"""
                .formatted(code[0]), "早于企业成立日期");
        cases.put("""
                {"type": "INTEREST_PAID", "enterprise": "%s", "date": "2026-03-01", "amount": "1.00"}"""
                .formatted(code[0]), "请填写贷款编号");
        cases.put("""
                {"type": "INTEREST_PAID", "enterprise": "%s", "date": "2026-03-01", "amount": "1.00", "loanRef": "%s"}"""
                .formatted(code[0], othersLoan), "不是该企业的贷款");
        cases.put("""
                {"type": "VALUATION_FEE_PAID", "enterprise": "%s", "date": "2026-03-01", "amount": "1.00"}"""
                .formatted(code[0]), "知识产权项目");
        cases.put("""
                {"type": "LOAN_DISBURSED", "enterprise": "%s", "date": "2026-03-01", "amount": "1.00"}"""
                .formatted(code[0]), "自动取得");
        cases.put("""
                {"type": "PREMIUM_PAID", "enterprise": "%s", "date": "2026-03-01", "amount": "0.00"}"""
                .formatted(code[0]), "金额须大于零");
        cases.put("""
                {"type": "PREMIUM_PAID", "enterprise": "%s", "date": "2026-03-01", "amount": "1.005"}"""
                .formatted(code[0]), "两位小数");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = report(bank.username(), c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(r.body()).as(c.getKey()).contains(c.getValue());
        }
        assertThat(report(ent.username(), """
                {"type": "PREMIUM_PAID", "enterprise": "%s", "date": "2026-03-01", "amount": "100.00", "ref": "P1"}"""
                .formatted(code[0])).statusCode()).isEqualTo(201);
        HttpResponse<String> again = report(ent.username(), """
                {"type": "PREMIUM_PAID", "enterprise": "%s", "date": "2026-03-02", "amount": "100.00", "ref": "P1"}"""
                .formatted(code[0]));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("ref").contains("重复");
        assertThat(report(ent.username(), """
                {"type": "PREMIUM_PAID", "enterprise": "%s", "date": "2026-03-01", "amount": "100.00"}"""
                .formatted(other[0])).statusCode()).as("another enterprise's costs").isEqualTo(403);
        assertThat(report(bank.username(), """
                {"type": "CAPITAL_CONTRIBUTED", "enterprise": "%s", "date": "2026-03-01", "amount": "100.00"}"""
                .formatted(code[0])).statusCode()).as("capital is reported by officials").isEqualTo(403);
        assertThat(count("SELECT count(*) FROM subsidy.cost_event")).as("only the one good report")
                .isEqualTo(events + 1);
        assertThat(count("SELECT count(*) FROM audit.audit_entry WHERE action = 'SUBSIDY_REPORT' "
                + "AND outcome = 'FAILURE' AND actor = ?", bank.username())).isEqualTo(failures + cases.size());
        assertThat(count("SELECT count(*) FROM audit.audit_entry WHERE action = 'SUBSIDY_REPORT' "
                + "AND outcome = 'DENIED' AND actor = ?", bank.username())).isEqualTo(1);
    }

    @Test
    void listingMilestonesFromTheReserveProduceRewardsAndTheProceedsCompleteTheCitys() throws Exception {
        String[] code = new String[1];
        enterprise(code);
        subsidies.listingMilestone(new ListingMilestoneReached(UUID.randomUUID(), code[0], "测试", ListingBoard.MAIN,
                Milestone.TUTORING_FILED, LocalDate.of(2026, 2, 1), UUID.randomUUID(), "gov", Instant.now()));
        List<Entitlement> listed = subsidies.listingMilestone(new ListingMilestoneReached(UUID.randomUUID(), code[0],
                "测试", ListingBoard.MAIN, Milestone.LISTED, LocalDate.of(2026, 9, 1), UUID.randomUUID(), "gov",
                Instant.now()));
        assertThat(listed).extracting(Entitlement::policyCode, Entitlement::status, Entitlement::amountFen)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("GZ-LISTING-2023", EntitlementStatus.NOT_ELIGIBLE, 0L),
                        org.assertj.core.groups.Tuple.tuple("ZC-LISTING-STAGE-2023", EntitlementStatus.COMPUTED,
                                300_000_000L));
        assertThat(subsidies.ofEvent(Subsidies.listingKey(code[0], "辅导备案"))).extracting(Entitlement::policyCode,
                Entitlement::amountFen).containsExactly(org.assertj.core.groups.Tuple.tuple("GZ-LISTING-2023", 0L),
                        org.assertj.core.groups.Tuple.tuple("ZC-LISTING-STAGE-2023", 100_000_000L));
        HttpResponse<String> proceeds = report("gov", """
                {"type": "LISTING_MILESTONE", "enterprise": "%s", "date": "2026-09-01", "amount": "0",
                 "milestone": "上市", "board": "主板", "proceeds": "1000000000.00"}""".formatted(code[0]));
        assertThat(proceeds.statusCode()).as(proceeds.body()).isEqualTo(201);
        assertThat(subsidies.ofEvent(Subsidies.listingKey(code[0], "上市"))).extracting(Entitlement::policyCode,
                Entitlement::status, Entitlement::amountFen).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GZ-LISTING-2023", EntitlementStatus.COMPUTED,
                                400_000_000L),
                        org.assertj.core.groups.Tuple.tuple("ZC-LISTING-STAGE-2023", EntitlementStatus.COMPUTED,
                                300_000_000L));
    }

    @Test
    void theReportPageShowsTheFormAndItsErrors() {
        WebClient web = new WebClient(port);
        web.login("enterprise", PW);
        assertThat(web.get("/subsidies/report").body()).contains("登记费用与事件").contains("支付保费");
        HttpResponse<String> bad = web.postForm("/subsidies/report", Map.of("type", "PREMIUM_PAID", "enterprise",
                "91440101MA9UNKNOWN", "date", "2026-03-01", "amount", "abc"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("is-invalid").contains("两位小数");
        HttpResponse<String> unknown = web.postForm("/subsidies/report", Map.of("type", "PREMIUM_PAID", "enterprise",
                "91440101MA9UNKNOWN", "date", "2026-03-01", "amount", "10.00"));
        assertThat(unknown.body()).contains("is-invalid").contains("企业库中没有");
    }
}
