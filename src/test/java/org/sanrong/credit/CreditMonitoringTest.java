package org.sanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring counts a loan the deal module reports non-performing (不良) as a default, under the grade its
 * enterprise had when the loan was paid out; a loan still performing is counted, not as a default.
 */
@SanrongTest
class CreditMonitoringTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    record Loan(UUID deal, String lender, String enterprise, UUID product) {
    }

    private static int[] of(JsonNode report, String grade) {
        int loans = 0;
        int defaulted = 0;
        for (JsonNode d : report.path("defaults")) {
            if (grade == null || d.path("grade").asText().equals(grade)) {
                loans += d.path("loans").asInt();
                defaulted += d.path("defaulted").asInt();
            }
        }
        return new int[] {loans, defaulted};
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private Loan fundedLoan(DealFixtures fx) {
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        HttpResponse<String> picked = fx.api("POST", "/api/v1/deals/pickups", lender.username(),
                "{\"demandId\": \"" + demand + "\"}");
        assertThat(picked.statusCode()).as(picked.body()).isEqualTo(201);
        UUID id = UUID.fromString(DealFixtures.json(picked).path("id").asText());
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 100000000, "annualRatePercent": 3.8,
                 "termMonths": 12, "guarantee": "无", "conditions": "按月付息"}}""").statusCode()).isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", enterprise.username(), null)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> paid = fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(), """
                {"loanNumber": "L-%s", "amountFen": 100000000, "disbursedOn": "%s", "annualRatePercent": 3.8,
                 "termMonths": 12, "maturityOn": "%s", "guarantee": "信用"}""".formatted(
                id.toString().substring(0, 8), today(), LocalDate.parse(today()).plusMonths(12)));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        String code = DealFixtures.json(paid).path("enterpriseCreditCode").asText();
        assertThat(code).hasSize(18);
        return new Loan(id, lender.username(), code, lender.productId());
    }

    @Test
    void aNonPerformingLoanCountsAsADefaultUnderItsGrade() {
        DealFixtures fx = new DealFixtures(port, registry);
        JsonNode before = DealFixtures.json(fx.api("GET", "/api/v1/credit/monitoring", "gov", null));
        Loan bad = fundedLoan(fx);
        Loan good = fundedLoan(fx);
        HttpResponse<String> npl = fx.api("POST", "/api/v1/deals/" + bad.deal() + "/loan-status", bad.lender(),
                "{\"status\": \"NON_PERFORMING\", \"asOf\": \"" + today() + "\", \"outstandingFen\": 80000000}");
        assertThat(npl.statusCode()).as(npl.body()).isEqualTo(201);
        assertThat(fx.api("POST", "/api/v1/deals/" + good.deal() + "/loan-status", good.lender(),
                "{\"status\": \"NORMAL\", \"asOf\": \"" + today() + "\", \"outstandingFen\": 100000000}")
                .statusCode()).isEqualTo(201);

        JsonNode after = DealFixtures.json(fx.api("GET", "/api/v1/credit/monitoring", "gov", null));
        assertThat(of(after, null)[0] - of(before, null)[0]).as("both loans counted").isEqualTo(2);
        assertThat(of(after, null)[1] - of(before, null)[1]).as("one default").isEqualTo(1);
        JsonNode rating = DealFixtures.json(fx.api("GET", "/api/v1/credit/enterprises/" + bad.enterprise(), "gov",
                null)).path("rating");
        String grade = rating.path("grade").isTextual() ? rating.path("grade").asText() : "未评级";
        assertThat(of(after, grade)[1] - of(before, grade)[1]).as("counted under grade " + grade).isEqualTo(1);
        assertThat(fx.api("GET", "/api/v1/credit/monitoring", bad.lender(), null).statusCode()).isEqualTo(403);
        // off the shelf again, so these open-to-all products do not crowd other tests' rankings
        for (Loan loan : java.util.List.of(bad, good)) {
            assertThat(fx.api("POST", "/api/v1/products/" + loan.product() + "/withdrawal", loan.lender(), null)
                    .statusCode()).isEqualTo(200);
        }
    }
}
