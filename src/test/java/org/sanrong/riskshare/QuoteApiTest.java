package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The quote APIs over real HTTP: the issue's request gives the issue's response, field for field; a suspension
 * holds everything; the guarantee split answers every party and the fees; bad input is a 400 problem naming the
 * field, and nothing asks for more than a signed-in user.
 */
@SanrongTest
class QuoteApiTest {

    @LocalServerPort
    int port;

    static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> post(String path, String body) {
        return new WebClient(port).api("POST", path, "bank", "Sanrong#2026", body);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void theIssuesExampleGivesTheIssuesAnswer() {
        HttpResponse<String> r = post("/api/v1/riskshare/quotes", """
                {"scheme": "GZ-2025-BANK", "year": 2026, "filedPrincipal": "150000000.00", "loans": [{"ref": "A1",
                 "amount": "3000000.00", "keySupportList": false, "ipPledge": false, "monetaryTool": false,
                 "loss": "2000000.00"}]}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode q = json(r);
        assertThat(q.propertyNames()).containsExactly("lossRatio", "suspended", "loans", "payable", "held");
        assertThat(q.path("lossRatio").isString()).as("decimals travel as strings").isTrue();
        assertThat(q.path("lossRatio").asString()).isEqualTo("0.0133");
        assertThat(q.path("suspended").asBoolean()).isFalse();
        JsonNode loan = q.path("loans").get(0);
        assertThat(loan.propertyNames()).containsExactly("ref", "ratio", "compensation");
        assertThat(loan.path("ref").asString()).isEqualTo("A1");
        assertThat(loan.path("ratio").asString()).isEqualTo("0.4000");
        assertThat(loan.path("compensation").asString()).isEqualTo("800000.00");
        assertThat(q.path("payable").asString()).isEqualTo("800000.00");
        assertThat(q.path("held").asString()).isEqualTo("0.00");
    }

    @Test
    void aYearOverThreePercentHoldsEverything() {
        JsonNode q = json(post("/api/v1/riskshare/quotes", """
                {"scheme": "GZ-2025-BANK", "year": 2026, "filedPrincipal": "100000000.00", "loans": [
                 {"ref": "A", "amount": "5000000.00", "keySupportList": true, "ipPledge": true, "loss": "2000000.00"},
                 {"ref": "B", "amount": "12000000.00", "monetaryTool": true, "loss": "1000100.00"}]}"""));
        // 3,000,100 / 100,000,000 = 3.0001% > 3%
        assertThat(q.path("suspended").asBoolean()).isTrue();
        assertThat(q.path("lossRatio").asString()).isEqualTo("0.0300");
        assertThat(q.path("loans").get(0).path("ratio").asString()).as("40 + 15 once = 55 → 50").isEqualTo("0.5000");
        assertThat(q.path("loans").get(0).path("compensation").asString()).isEqualTo("1000000.00");
        assertThat(q.path("loans").get(1).path("ratio").asString()).isEqualTo("0.3500");
        assertThat(q.path("loans").get(1).path("compensation").asString()).isEqualTo("350035.00");
        assertThat(q.path("payable").asString()).isEqualTo("0.00");
        assertThat(q.path("held").asString()).isEqualTo("1350035.00");
        JsonNode exact = json(post("/api/v1/riskshare/quotes", """
                {"scheme": "GZ-2025-BANK", "year": 2026, "filedPrincipal": "100000000.00", "loans": [
                 {"ref": "A", "amount": "5000000.00", "loss": "3000000.00"}]}"""));
        assertThat(exact.path("suspended").asBoolean()).as("exactly 3% is not exceeding").isFalse();
        assertThat(exact.path("payable").asString()).isEqualTo("1200000.00");
    }

    @Test
    void otherSchemesQuoteByTheirOwnRules() {
        JsonNode anhui = json(post("/api/v1/riskshare/quotes", """
                {"scheme": "AH-2022-TECH", "year": 2026, "filedPrincipal": "50000000.00", "loans": [
                 {"ref": "D", "amount": "8000000.00", "firstLoan": true, "pureCredit": true, "loss": "1000000.00"},
                 {"ref": "G", "amount": "8000000.00", "guaranteed": true, "loss": "1000000.00"}]}"""));
        assertThat(anhui.path("loans").get(0).path("compensation").asString()).isEqualTo("350000.00");
        assertThat(anhui.path("loans").get(1).path("compensation").asString()).isEqualTo("200000.00");
        assertThat(anhui.path("suspended").asBoolean()).as("no suspension rule").isFalse();
        JsonNode guarantor = json(post("/api/v1/riskshare/quotes", """
                {"scheme": "GZ-2025-GUARANTEE", "year": 2026, "filedPrincipal": "80000000.00", "loans": [
                 {"ref": "P", "amount": "10000000.00", "loss": "1234567.89"}]}"""));
        assertThat(guarantor.path("loans").get(0).path("compensation").asString()).isEqualTo("246913.58");
    }

    @Test
    void theGuaranteeSplitAnswersEveryPartyAndTheFees() {
        HttpResponse<String> r = post("/api/v1/riskshare/guarantee-quotes", """
                {"scheme": "NFGF-TECH-2024", "enterpriseCategory": "专精特新", "principal": "20000000.00",
                 "loss": "15000000.00", "recovery": "0.00"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode q = json(r);
        List<String> parties = q.path("parties").findValuesAsString("party");
        assertThat(parties).containsExactly("BANK", "NATIONAL_FUND", "PROVINCIAL_REGUARANTOR", "CITY_GUARANTOR",
                "LOCAL_GOVERNMENT");
        assertThat(q.path("parties").findValuesAsString("net")).containsExactly("3000000.00", "6000000.00",
                "3000000.00", "3000000.00", "0.00");
        assertThat(q.path("parties").get(1).path("share").asString()).isEqualTo("0.4000");
        assertThat(q.path("fees").get(0).path("yearly").asString()).isEqualTo("40000.00");
        assertThat(q.path("fees").get(0).path("base").asString()).isEqualTo("8000000.00");

        JsonNode byName = json(post("/api/v1/riskshare/guarantee-quotes", """
                {"scheme": "NFGF-TECH-2024", "enterpriseCategory": "高新技术企业", "principal": "5000000.00",
                 "loss": "5000000.00", "recovery": "1000000.00"}"""));
        assertThat(byName.path("parties").get(1).path("net").asString()).as("35% of 4,000,000").isEqualTo("1400000.00");
        assertThat(byName.path("fees").get(0).path("yearly").asString()).as("0.3% of 1,750,000").isEqualTo("5250.00");

        JsonNode fourThreeTwoOne = json(post("/api/v1/riskshare/guarantee-quotes", """
                {"scheme": "AH-4321", "principal": "10000000.00", "loss": "10000000.00"}"""));
        assertThat(fourThreeTwoOne.path("parties").findValuesAsString("net")).containsExactly("2000000.00", "0.00",
                "3000000.00", "4000000.00", "1000000.00");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        HttpResponse<String> r = post("/api/v1/riskshare/quotes", """
                {"scheme": "GZ-2025-BANK", "year": 2026, "filedPrincipal": "abc", "loans": [
                 {"ref": "A1", "amount": "3000000.001", "loss": "2000000.00"},
                 {"ref": "A2", "amount": "1000000.00", "loss": "2000000.00"}]}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode errors = json(r).path("errors");
        assertThat(errors.has("filedPrincipal")).isTrue();
        assertThat(errors.path("loans[0].amount").asString()).contains("两位小数");
        assertThat(errors.path("loans[1].loss").asString()).contains("不能超过贷款金额");

        assertThat(json(post("/api/v1/riskshare/quotes", """
                {"scheme": "GZ-2099-NONE", "year": 2026, "filedPrincipal": "1.00", "loans": []}"""))
                .path("errors").has("scheme")).isTrue();
        HttpResponse<String> early = post("/api/v1/riskshare/quotes", """
                {"scheme": "GZ-2025-BANK", "year": 2024, "filedPrincipal": "1.00",
                 "loans": [{"ref": "A", "amount": "1.00", "loss": "1.00"}]}""");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).path("errors").path("year").asString()).as("the scheme starts 2025-10-01")
                .contains("2024");
        assertThat(json(post("/api/v1/riskshare/quotes", "{\"scheme\": \"GZ-2025-BANK\", \"year\": \"twenty\"}"))
                .path("errors").has("year")).as("unreadable JSON names the field").isTrue();
        HttpResponse<String> category = post("/api/v1/riskshare/guarantee-quotes", """
                {"scheme": "NFGF-TECH-2024", "enterpriseCategory": "上市后备企业", "principal": "1000000.00",
                 "loss": "1.00"}""");
        assertThat(category.statusCode()).isEqualTo(400);
        assertThat(json(category).path("errors").path("enterpriseCategory").asString()).contains("高新技术企业");
        assertThat(new WebClient(port).api("POST", "/api/v1/riskshare/quotes", null, null, "{}").statusCode())
                .as("signed-in users only").isEqualTo(401);
    }
}
