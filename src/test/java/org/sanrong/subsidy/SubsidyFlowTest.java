package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * Entitlements from the record: computed once per event with the yearly cap across investments, a real investment
 * through the deal API producing an angel reward, the way through confirmation, public notice and approval by a
 * second official, payment through the ledger (balanced, once) and the refusal of a payment beyond the budget.
 */
@SanrongTest
class SubsidyFlowTest {

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

    private SubsidyFixtures.Vc vc(String namePrefix) {
        return SubsidyFixtures.vc(registry, namePrefix);
    }

    /** A registered enterprise made eligible for the angel reward: start-up, 3 years old, a verified 科技型中小企业. */
    private String eligibleEnterprise(DealFixtures.Party party) throws InterruptedException {
        String code = SubsidyFixtures.creditCodeOf(jdbc, party.organisationId());
        SubsidyFixtures.techSme(jdbc, code, LocalDate.parse("2023-06-01"), "START_UP");
        return code;
    }

    private HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, PW, body);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return DealFixtures.json(r);
    }

    private static List<Entitlement> angel(List<Entitlement> created) {
        return created.stream().filter(e -> e.policyCode().equals("GZ-ANGEL-2021")).toList();
    }

    private InvestmentRecorded investment(SubsidyFixtures.Vc vc, String enterprise, long fen, LocalDate on) {
        return new InvestmentRecorded(UUID.randomUUID(), vc.id(), enterprise, UUID.randomUUID(), fen,
                new BigDecimal("10.00"), on);
    }

    @Test
    void angelRewardIsCappedAcrossTheInvestorsYearAndComputedOncePerEvent() throws Exception {
        DealFixtures fixtures = new DealFixtures(port, registry);
        String enterprise = eligibleEnterprise(fixtures.enterprise());
        SubsidyFixtures.Vc vc = vc("天使测试");

        InvestmentRecorded first = investment(vc, enterprise, 30_000_000_000L, LocalDate.of(2025, 3, 1));
        List<Entitlement> one = angel(subsidies.investmentRecorded(first));
        assertThat(one).extracting(Entitlement::policyCode, Entitlement::amountFen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GZ-ANGEL-2021", 450_000_000L));
        assertThat(subsidies.investmentRecorded(first)).as("the same event again").isEmpty();

        List<Entitlement> two = angel(subsidies.investmentRecorded(
                investment(vc, enterprise, 10_000_000_000L, LocalDate.of(2025, 6, 1))));
        assertThat(two).singleElement().satisfies(e -> {
            assertThat(e.amountFen()).as("150万元 computed, 50万元 left under the cap").isEqualTo(50_000_000L);
            assertThat(e.calculation().formulaFen()).isEqualTo(150_000_000L);
            assertThat(e.calculation().grantedBeforeFen()).isEqualTo(450_000_000L);
            assertThat(e.calculation().capApplied()).isTrue();
        });
        assertThat(angel(subsidies.investmentRecorded(investment(vc, enterprise, 100_000_000L,
                LocalDate.of(2025, 9, 1))))).as("the year's cap is used up: kept, with why").singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(EntitlementStatus.NOT_ELIGIBLE);
                    assertThat(e.amountFen()).isZero();
                    assertThat(e.calculation().capApplied()).isTrue();
                });
        assertThat(angel(subsidies.investmentRecorded(investment(vc, enterprise, 100_000_000L,
                LocalDate.of(2026, 1, 5))))).as("a new year, a new cap").extracting(Entitlement::amountFen)
                .containsExactly(1_500_000L);
        InvestmentRecorded controlling = new InvestmentRecorded(UUID.randomUUID(), vc.id(), enterprise,
                UUID.randomUUID(), 100_000_000L, new BigDecimal("60.00"), LocalDate.of(2026, 2, 1));
        assertThat(angel(subsidies.investmentRecorded(controlling))).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(EntitlementStatus.NOT_ELIGIBLE);
            assertThat(e.calculation().rules()).filteredOn(r -> !r.passed()).extracting(Calculation.RuleCheck::name)
                    .containsExactly("投资方持股不超过50%");
        });

        HttpResponse<String> mine = api("GET", "/api/v1/subsidies/entitlements", vc.username(), null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).valueStream().filter(n -> n.path("policy").asText().equals("GZ-ANGEL-2021")
                && !n.path("status").asText().equals("NOT_ELIGIBLE")).count()).isEqualTo(3);
        assertThat(json(mine).valueStream().filter(n -> n.path("status").asText().equals("NOT_ELIGIBLE")
                && n.path("policy").asText().equals("GZ-ANGEL-2021")).count()).as("why not, shown").isEqualTo(2);
        JsonNode capped = json(mine).valueStream().filter(n -> n.path("amount").asText().equals("500000.00"))
                .findFirst().orElseThrow();
        assertThat(capped.path("calculation").path("formulaAmount").asText()).isEqualTo("1500000.00");
        assertThat(capped.path("calculation").path("capApplied").asBoolean()).isTrue();
        assertThat(capped.path("status").asText()).isEqualTo("COMPUTED");
        assertThat(json(api("GET", "/api/v1/subsidies/entitlements", "investor", null)).valueStream()
                .noneMatch(n -> n.path("id").asText().equals(capped.path("id").asText())))
                .as("another investor does not see it").isTrue();
    }

    @Test
    void concurrentInvestmentsNeverGrantMoreThanTheCap() throws Exception {
        DealFixtures fixtures = new DealFixtures(port, registry);
        String enterprise = eligibleEnterprise(fixtures.enterprise());
        SubsidyFixtures.Vc vc = vc("天使并发");
        // eight investments of 1亿元 at once: each computes 150万元, the cap of 500万元 allows 3 full and 1 of 50万元
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<Entitlement>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LocalDate day = LocalDate.of(2024, 3, 1 + i);
                futures.add(pool.submit(() -> subsidies.investmentRecorded(
                        investment(vc, enterprise, 10_000_000_000L, day))));
            }
            long total = 0;
            int count = 0;
            for (var f : futures) {
                for (Entitlement e : angel(f.get())) {
                    if (e.amountFen() == 0) {
                        continue;
                    }
                    total += e.amountFen();
                    count++;
                }
            }
            assertThat(total).isEqualTo(500_000_000L);
            assertThat(count).isEqualTo(4);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRealInvestmentThroughTheDealApiProducesAnAngelReward() throws Exception {
        DealFixtures fixtures = new DealFixtures(port, registry);
        DealFixtures.Party party = fixtures.enterprise();
        eligibleEnterprise(party);
        SubsidyFixtures.Vc vc = vc("天使对接");
        HttpResponse<String> product = api("POST", "/api/v1/products", vc.username(), """
                {"type": "EQUITY_INVESTMENT", "name": "%s天使基金", "description": "投资种子期和初创期科技企业",
                 "terms": {"minAmountFen": 10000000, "maxAmountFen": 10000000000, "minStake": 1, "maxStake": 30},
                 "criteria": {}, "collateralNeeds": "无", "materials": "商业计划书",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31",
                 "contactName": "李经理", "contactPhone": "020-22000001"}""".formatted(vc.username()));
        assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
        String productId = json(product).path("id").asText();
        assertThat(api("POST", "/api/v1/products/" + productId + "/submission", vc.username(), null).statusCode())
                .isEqualTo(200);
        assertThat(api("POST", "/api/v1/products/" + productId + "/approval", "gov", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> deal = api("POST", "/api/v1/deals", party.username(),
                "{\"productId\": \"" + productId + "\", \"amountFen\": 200000000, \"shareData\": false}");
        assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
        String dealId = json(deal).path("id").asText();
        assertThat(api("POST", "/api/v1/deals/" + dealId + "/pickup", vc.username(), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> approved = api("POST", "/api/v1/deals/" + dealId + "/decision", vc.username(),
                "{\"decision\": \"APPROVE\", \"offer\": {\"amountFen\": 200000000, \"stakePercent\": 10}}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(api("POST", "/api/v1/deals/" + dealId + "/offer/acceptance", party.username(), null).statusCode())
                .isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> invested = api("POST", "/api/v1/deals/" + dealId + "/investment", vc.username(),
                "{\"amountFen\": 200000000, \"stakePercent\": 10, \"investedOn\": \"" + today + "\"}");
        assertThat(invested.statusCode()).as(invested.body()).isBetween(200, 201);

        List<Entitlement> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            found = angel(subsidies.ofEvent("INVESTMENT:" + dealId));
            if (found.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("2,000,000.00 元 × 1.5% = 30,000.00 元").extracting(Entitlement::policyCode,
                Entitlement::amountFen, Entitlement::beneficiaryOrg)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GZ-ANGEL-2021", 3_000_000L, vc.id()));
    }

    @Test
    void confirmedNoticedApprovedByASecondOfficialAndPaidOnceThroughTheLedger() throws Exception {
        DealFixtures fixtures = new DealFixtures(port, registry);
        String enterprise = eligibleEnterprise(fixtures.enterprise());
        SubsidyFixtures.Vc vc = vc("天使流程");
        Entitlement e = angel(subsidies.investmentRecorded(investment(vc, enterprise, 100_000_000L,
                LocalDate.of(2026, 2, 2)))).getFirst();
        String path = "/api/v1/subsidies/" + e.id().value();

        assertThat(api("POST", path + "/notice", "gov", null).statusCode()).as("not confirmed yet").isEqualTo(409);
        assertThat(api("POST", path + "/confirmation", "investor", null).statusCode()).as("not theirs")
                .isEqualTo(404);
        assertThat(api("POST", path + "/confirmation", vc.username(), null).statusCode()).isEqualTo(200);
        assertThat(api("POST", path + "/approval", vc.username(), null).statusCode()).isEqualTo(403);
        HttpResponse<String> noticed = api("POST", path + "/notice", "gov", null);
        assertThat(noticed.statusCode()).isEqualTo(200);
        assertThat(json(noticed).path("status").asText()).isEqualTo("NOTICED");
        assertThat(json(noticed).path("noticeUntil").asText()).isNotBlank();

        HttpResponse<String> sameOfficial = api("POST", path + "/approval", "gov", null);
        assertThat(sameOfficial.statusCode()).as("maker ≠ checker").isEqualTo(409);
        assertThat(sameOfficial.body()).contains("经办与复核");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'SUBSIDY_APPROVE' AND target = ? "
                + "AND outcome = 'FAILURE'").param("subsidy:" + e.id().value()).query(Long.class).single())
                .isEqualTo(1);
        HttpResponse<String> tooEarly = api("POST", path + "/approval", "gov2", null);
        assertThat(tooEarly.statusCode()).as("the notice period runs").isEqualTo(409);
        assertThat(tooEarly.body()).contains("公示期");
        // the notice period has passed
        jdbc.sql("UPDATE subsidy.entitlement SET notice_until = CURRENT_DATE - 1 WHERE id = ?").param(e.id().value())
                .update();
        assertThat(api("POST", path + "/approval", "gov2", null).statusCode()).isEqualTo(200);

        String book = Subsidies.book("GZ-ANGEL-2021", 2026);
        long budgetBefore = subsidies.fundBudget("GZ-ANGEL-2021", 2026);
        long paidBefore = ledger.balance(new AccountRef(book, "paid"));
        HttpResponse<String> paid = api("POST", path + "/payment", "gov", null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(json(paid).path("status").asText()).isEqualTo("PAID");
        assertThat(api("POST", path + "/payment", "gov2", null).statusCode()).as("a retried payment").isEqualTo(200);
        assertThat(ledger.balance(new AccountRef(book, "budget"))).isEqualTo(budgetBefore - 1_500_000L);
        assertThat(ledger.balance(new AccountRef(book, "paid"))).isEqualTo(paidBefore + 1_500_000L);
        long[] totals = ledger.totals(book);
        assertThat(totals[0]).as("Σ debits = Σ credits").isEqualTo(totals[1]);
        assertThat(ledger.posted("subsidy:pay:" + e.id().value())).isTrue();
        // the cockpit counts the payment once, retry or not (SubsidyPaid, kept after the commit)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*), COALESCE(sum(amount_fen), 0) FROM stats.subsidy_paid WHERE entitlement_id = ?")
                        .param(e.id().value()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .isEqualTo(List.of(1L, 1_500_000L)));
    }

    @Test
    void aPaymentBeyondTheBudgetIsRefusedWithNothingChanged() throws Exception {
        SubsidyFixtures.Vc vc = vc("预算测试");
        DealFixtures fixtures = new DealFixtures(port, registry);
        String enterprise = eligibleEnterprise(fixtures.enterprise());
        int year = 2027;
        Entitlement e = subsidies.investmentRecorded(investment(vc, enterprise, 200_000L, LocalDate.of(year, 1, 4)))
                .stream().filter(x -> x.policyCode().equals("TEST-TINY-BUDGET")).findFirst().orElseThrow();
        String path = "/api/v1/subsidies/" + e.id().value();
        assertThat(api("POST", path + "/confirmation", vc.username(), null).statusCode()).isEqualTo(200);
        assertThat(api("POST", path + "/notice", "gov", null).statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE subsidy.entitlement SET notice_until = CURRENT_DATE - 1 WHERE id = ?").param(e.id().value())
                .update();
        assertThat(api("POST", path + "/approval", "gov2", null).statusCode()).isEqualTo(200);

        String book = Subsidies.book("TEST-TINY-BUDGET", year);
        long budget = subsidies.fundBudget("TEST-TINY-BUDGET", year);
        HttpResponse<String> refused = api("POST", path + "/payment", "gov", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("预算余额").contains("2000.00");
        assertThat(ledger.balance(new AccountRef(book, "budget"))).isEqualTo(budget);
        assertThat(ledger.posted("subsidy:pay:" + e.id().value())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM stats.subsidy_paid WHERE entitlement_id = ?").param(e.id().value())
                .query(Long.class).single()).as("nothing paid, nothing counted").isZero();
        assertThat(json(api("GET", path, "gov", null)).path("status").asText()).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'SUBSIDY_PAY' AND target = ? "
                + "AND outcome = 'FAILURE' AND actor = 'gov'").param("subsidy:" + e.id().value()).query(Long.class)
                .single()).as("the refused attempt is audited").isEqualTo(1);
    }
}
