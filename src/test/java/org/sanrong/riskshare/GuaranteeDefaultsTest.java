package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Guaranteed loans' defaults through the ledger, by hand: the chain and scheme recorded, the loss and later
 * recoveries split by NFGF-TECH-2024 and 4321 with each party's part, payable and receivable posted, settlements
 * between parties, the page, and every bad input refused with the rule named, nothing changed, audited.
 */
@SanrongTest
class GuaranteeDefaultsTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> api(String method, String path, String user, String body) {
        return new WebClient(port).api(method, path, user, "Sanrong#2026", body);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static String number() {
        return "GT-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    private UUID record(String scheme, String category, String principal, String loanNumber) {
        HttpResponse<String> r = api("POST", "/api/v1/riskshare/guaranteed-loans", "bank", """
                {"scheme": "%s", "loanNumber": "%s", "enterpriseName": "测试科技有限公司", "enterpriseCategory": "%s",
                 "principal": "%s", "guaranteedOn": "2026-01-15", "bankName": "示范银行广州分行",
                 "cityGuarantorName": "广州市融资担保中心", "provincialName": "广东省融资再担保有限公司"}"""
                .formatted(scheme, loanNumber, category, principal));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r).path("loan").path("id").asText());
    }

    private long balance(UUID loan, String code) {
        return ledger.balance(new AccountRef(GuaranteeDefaults.book(loan), code));
    }

    private static Map<String, Long> net(JsonNode view) {
        Map<String, Long> out = new HashMap<>();
        view.path("parties").forEach(p -> out.put(p.path("party").asText(), p.path("netFen").asLong()));
        return out;
    }

    private static long outstanding(JsonNode view, String payer, String payee) {
        for (JsonNode d : view.path("debts")) {
            if (d.path("payer").asText().equals(payer) && d.path("payee").asText().equals(payee)) {
                return d.path("owedFen").asLong() - d.path("settledFen").asLong();
            }
        }
        return 0;
    }

    private long audits(String action, UUID loan, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = ? AND target = ? AND outcome = ?")
                .params(action, "guarantee:" + loan, outcome).query(Long.class).single();
    }

    @Test
    void nfgfSpecialisedFirmLossAndRecoverySplitIntoPayablesAndReceivables() {
        UUID id = record("NFGF-TECH-2024", "专精特新", "20000000.00", number());
        HttpResponse<String> d = api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/default", "bank",
                "{\"amount\": \"15000000.00\", \"on\": \"2026-06-30\"}");
        assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
        JsonNode v = json(d);
        // by hand: bank 20% 3,000,000; national fund 40% (专精特新) 6,000,000; provincial 20% 3,000,000;
        // city guarantor the remaining 20% 3,000,000
        assertThat(net(v)).containsAllEntriesOf(Map.of("BANK", 300_000_000L, "NATIONAL_FUND", 600_000_000L,
                "PROVINCIAL_REGUARANTOR", 300_000_000L, "CITY_GUARANTOR", 300_000_000L));
        // the guarantor owes the bank its compensation beyond the bank's own 20%: 12,000,000; the fund and the
        // re-guarantor owe the guarantor their parts
        assertThat(outstanding(v, "CITY_GUARANTOR", "BANK")).isEqualTo(1_200_000_000L);
        assertThat(outstanding(v, "NATIONAL_FUND", "CITY_GUARANTOR")).isEqualTo(600_000_000L);
        assertThat(outstanding(v, "PROVINCIAL_REGUARANTOR", "CITY_GUARANTOR")).isEqualTo(300_000_000L);
        assertThat(balance(id, "BANK:loss")).isEqualTo(300_000_000L);
        assertThat(balance(id, "NATIONAL_FUND:loss")).isEqualTo(600_000_000L);
        assertThat(balance(id, "CITY_GUARANTOR:receivable:NATIONAL_FUND")).isEqualTo(600_000_000L);
        assertThat(balance(id, "BANK:receivable:CITY_GUARANTOR")).isEqualTo(1_200_000_000L);
        // the fee: 0.5% of the fund's 40% of 20,000,000 = 40,000 a year
        assertThat(v.path("fees").get(0).path("yearlyFen").asLong()).isEqualTo(4_000_000L);

        // 5,000,000 recovered: bank 1,000,000, fund 2,000,000, provincial 1,000,000, guarantor 1,000,000; the
        // guarantor received it and owes each its part
        JsonNode r = json(api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/recoveries", "bank",
                "{\"amount\": \"5000000.00\"}"));
        assertThat(net(r)).containsAllEntriesOf(Map.of("BANK", 200_000_000L, "NATIONAL_FUND", 400_000_000L,
                "PROVINCIAL_REGUARANTOR", 200_000_000L, "CITY_GUARANTOR", 200_000_000L));
        assertThat(outstanding(r, "CITY_GUARANTOR", "BANK")).isEqualTo(1_300_000_000L);
        assertThat(outstanding(r, "CITY_GUARANTOR", "NATIONAL_FUND")).isEqualTo(200_000_000L);
        assertThat(outstanding(r, "CITY_GUARANTOR", "PROVINCIAL_REGUARANTOR")).isEqualTo(100_000_000L);
        assertThat(balance(id, "CITY_GUARANTOR:recovered-cash")).isEqualTo(500_000_000L);
        assertThat(balance(id, "BANK:loss")).isEqualTo(200_000_000L);

        // the fund pays the guarantor 5,000,000, then tries one fen more than the 1,000,000 left (refused), then pays
        // the rest: nothing more owed that way, and a further payment is refused as not owed
        String settle = "/api/v1/riskshare/guaranteed-loans/" + id + "/settlements";
        JsonNode s1 = json(api("POST", settle, "bank",
                "{\"payer\": \"NATIONAL_FUND\", \"payee\": \"CITY_GUARANTOR\", \"amount\": \"5000000.00\"}"));
        assertThat(outstanding(s1, "NATIONAL_FUND", "CITY_GUARANTOR")).isEqualTo(100_000_000L);
        HttpResponse<String> over = api("POST", settle, "bank",
                "{\"payer\": \"NATIONAL_FUND\", \"payee\": \"CITY_GUARANTOR\", \"amount\": \"1000000.01\"}");
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(json(over).path("errors").path("amount").asText()).contains("超过").contains("国家融资担保基金");
        assertThat(balance(id, "NATIONAL_FUND:payable:CITY_GUARANTOR")).isEqualTo(100_000_000L);
        JsonNode s2 = json(api("POST", settle, "bank",
                "{\"payer\": \"NATIONAL_FUND\", \"payee\": \"CITY_GUARANTOR\", \"amount\": \"1000000.00\"}"));
        assertThat(outstanding(s2, "NATIONAL_FUND", "CITY_GUARANTOR")).isZero();
        assertThat(balance(id, "CITY_GUARANTOR:receivable:NATIONAL_FUND")).isZero();
        HttpResponse<String> notOwed = api("POST", settle, "bank",
                "{\"payer\": \"NATIONAL_FUND\", \"payee\": \"CITY_GUARANTOR\", \"amount\": \"0.01\"}");
        assertThat(json(notOwed).path("errors").path("payer").asText()).contains("目前不欠");
        assertThat(audits("SETTLE_GUARANTEE", id, "FAILURE")).isEqualTo(2);

        long[] totals = ledger.totals(GuaranteeDefaults.book(id));
        assertThat(totals[0]).as("Σ debits = Σ credits").isEqualTo(totals[1]);
        assertThat(audits("RECORD_GUARANTEE_DEFAULT", id, "SUCCESS")).isEqualTo(1);
        assertThat(audits("RECORD_GUARANTEE_RECOVERY", id, "SUCCESS")).isEqualTo(1);

        // government sees it; the page shows who owes whom
        assertThat(api("GET", "/api/v1/riskshare/guaranteed-loans/" + id, "gov", null).statusCode()).isEqualTo(200);
        WebClient browser = new WebClient(port);
        browser.login("bank", "Sanrong#2026");
        HttpResponse<String> page = browser.get("/riskshare/guarantees/" + id);
        assertThat(page.body()).contains("谁欠谁").contains("广州市融资担保中心").contains("1,300.00");
    }

    @Test
    void nfgfHighTechRoundsToTheFenAndTheGuarantorTakesWhatIsLeft() {
        UUID id = record("NFGF-TECH-2024", "高新技术企业", "4000000.00", number());
        JsonNode v = json(api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/default", "bank",
                "{\"amount\": \"3333333.33\"}"));
        // bank 20% = 666,666.666 → 666,666.67; fund 35% = 1,166,666.6655 → 1,166,666.67; provincial 666,666.67;
        // guarantor 3,333,333.33 − 2,500,000.01 = 833,333.32
        assertThat(net(v)).containsAllEntriesOf(Map.of("BANK", 66_666_667L, "NATIONAL_FUND", 116_666_667L,
                "PROVINCIAL_REGUARANTOR", 66_666_667L, "CITY_GUARANTOR", 83_333_332L));
        // principal ≤ 5,000,000: the reduced 0.3% of the fund's 35% of 4,000,000 (1,400,000) = 4,200 a year
        assertThat(v.path("fees").get(0).path("yearlyFen").asLong()).isEqualTo(420_000L);
        assertThat(outstanding(v, "CITY_GUARANTOR", "BANK")).isEqualTo(333_333_333L - 66_666_667L);
        // recoveries in two parts add up exactly to the split of their sum
        api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/recoveries", "bank", "{\"amount\": \"0.01\"}");
        JsonNode r = json(api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/recoveries", "bank",
                "{\"amount\": \"3333333.32\"}"));
        assertThat(net(r).values()).allMatch(x -> x == 0L);
        long[] totals = ledger.totals(GuaranteeDefaults.book(id));
        assertThat(totals[0]).isEqualTo(totals[1]);
    }

    @Test
    void anhui4321SplitsFortyThirtyTwentyTen() {
        UUID id = record("AH-4321", "科技型中小企业", "10000000.00", number());
        JsonNode v = json(api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/default", "bank",
                "{\"amount\": \"8000000.00\"}"));
        assertThat(net(v)).containsAllEntriesOf(Map.of("CITY_GUARANTOR", 320_000_000L, "PROVINCIAL_REGUARANTOR",
                240_000_000L, "BANK", 160_000_000L, "LOCAL_GOVERNMENT", 80_000_000L));
        assertThat(outstanding(v, "CITY_GUARANTOR", "BANK")).isEqualTo(640_000_000L);
        assertThat(outstanding(v, "PROVINCIAL_REGUARANTOR", "CITY_GUARANTOR")).isEqualTo(240_000_000L);
        assertThat(outstanding(v, "LOCAL_GOVERNMENT", "CITY_GUARANTOR")).isEqualTo(80_000_000L);
        JsonNode r = json(api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/recoveries", "bank",
                "{\"amount\": \"1000000.00\"}"));
        assertThat(net(r)).containsAllEntriesOf(Map.of("CITY_GUARANTOR", 280_000_000L, "PROVINCIAL_REGUARANTOR",
                210_000_000L, "BANK", 140_000_000L, "LOCAL_GOVERNMENT", 70_000_000L));
        assertThat(outstanding(r, "CITY_GUARANTOR", "LOCAL_GOVERNMENT")).isEqualTo(10_000_000L);
        assertThat(v.path("fees").isEmpty()).isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheRuleNothingChangedAudited() {
        String n = number();
        // above the scheme's ceiling, unknown category
        HttpResponse<String> big = api("POST", "/api/v1/riskshare/guaranteed-loans", "bank", """
                {"scheme": "AH-4321", "loanNumber": "%s", "enterpriseName": "企业", "enterpriseCategory": "科技型中小企业",
                 "principal": "20000000.01", "guaranteedOn": "2026-01-15", "bankName": "银行", "cityGuarantorName": "担保"}"""
                .formatted(n));
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(json(big).path("errors").path("principal").asText()).contains("不超过").contains("20,000,000.00");
        HttpResponse<String> cat = api("POST", "/api/v1/riskshare/guaranteed-loans", "bank", """
                {"scheme": "NFGF-TECH-2024", "loanNumber": "%s", "enterpriseName": "企业", "enterpriseCategory": "餐饮企业",
                 "principal": "1000000.00", "guaranteedOn": "2026-01-15", "bankName": "银行", "cityGuarantorName": "担保"}"""
                .formatted(n));
        assertThat(json(cat).path("errors").path("enterpriseCategory").asText()).contains("不覆盖该企业类别");
        assertThat(jdbc.sql("SELECT count(*) FROM riskshare.guaranteed_loan WHERE loan_number = ?").param(n)
                .query(Long.class).single()).isZero();

        UUID id = record("AH-4321", "科技型中小企业", "1000000.00", n);
        // the same contract again
        HttpResponse<String> dup = api("POST", "/api/v1/riskshare/guaranteed-loans", "bank", """
                {"scheme": "AH-4321", "loanNumber": "%s", "enterpriseName": "企业", "enterpriseCategory": "科技型中小企业",
                 "principal": "1000000.00", "guaranteedOn": "2026-01-15", "bankName": "银行", "cityGuarantorName": "担保"}"""
                .formatted(n));
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(dup.body()).contains("不能重复登记");
        // a recovery before any default; a loss above the principal
        HttpResponse<String> early = api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/recoveries", "bank",
                "{\"amount\": \"1.00\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("尚未登记代偿");
        HttpResponse<String> tooBig = api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/default", "bank",
                "{\"amount\": \"1000000.01\"}");
        assertThat(json(tooBig).path("errors").path("loss").asText()).contains("不能超过担保本金");
        assertThat(ledger.balances(GuaranteeDefaults.book(id))).isEmpty();
        assertThat(audits("RECORD_GUARANTEE_DEFAULT", id, "FAILURE")).isEqualTo(1);
        assertThat(audits("RECORD_GUARANTEE_RECOVERY", id, "FAILURE")).isEqualTo(1);
        // default once; recoveries never above the loss
        api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/default", "bank", "{\"amount\": \"500000.00\"}");
        HttpResponse<String> twice = api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/default", "bank",
                "{\"amount\": \"500000.00\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        HttpResponse<String> more = api("POST", "/api/v1/riskshare/guaranteed-loans/" + id + "/recoveries", "bank",
                "{\"amount\": \"500000.01\"}");
        assertThat(json(more).path("errors").path("amount").asText()).contains("将超过代偿损失");
        assertThat(balance(id, "CITY_GUARANTOR:recovered-cash")).isZero();
        // another institution cannot see or act on it
        assertThat(api("GET", "/api/v1/riskshare/guaranteed-loans/" + id, "guarantor", null).statusCode()).isEqualTo(404);
    }
}
