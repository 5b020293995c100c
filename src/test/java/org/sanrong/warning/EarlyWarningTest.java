package org.sanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.sanrong.deal.DealFixtures.json;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** A warning raised by a rule from a real overdue loan, handled through the queue and closed; rules as data. */
@SanrongTest
class EarlyWarningTest {

    @LocalServerPort
    int port;

    @Autowired
    EarlyWarning warnings;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider provider;

    @Autowired
    JdbcClient jdbc;

    SignedInUser user(String name) {
        return (SignedInUser) provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name,
                TestData.DEMO_PASSWORD)).getPrincipal();
    }

    @Test
    void anOverdueLoanRaisesAWarningThatIsAssignedVerifiedAndClosed() {
        DealFixtures fx = new DealFixtures(port, registry);
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        String id = json(fx.api("POST", "/api/v1/deals/pickups", lender.username(), "{\"demandId\": \"" + demand
                + "\"}")).path("id").asText();
        fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 400000000, "annualRatePercent": 3.65, "termMonths": 12}}""");
        fx.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", enterprise.username(), null);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(), """
                {"loanNumber": "W-1", "amountFen": 400000000, "disbursedOn": "%s", "annualRatePercent": 3.65,
                 "termMonths": 12, "maturityOn": "%s"}""".formatted(today, today.plusMonths(12))).statusCode())
                .isEqualTo(201);
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/loan-status", lender.username(),
                "{\"status\": \"OVERDUE\", \"asOf\": \"" + today + "\", \"outstandingFen\": 350000000}").statusCode())
                .isEqualTo(201);
        String code = json(fx.api("GET", "/api/v1/deals/" + id, enterprise.username(), null)).path("deal")
                .path("enterpriseCreditCode").asText();

        SignedInUser gov = user("gov");
        WarningCase raised = await().atMost(Duration.ofSeconds(20)).until(() -> warnings.queue(null, gov).stream()
                .filter(c -> c.creditCode().equals(code)).findFirst().orElse(null), c -> c != null);
        assertThat(raised.level()).as("overdue 30 + whole balance overdue 20").isEqualTo(WarningRules.Level.ORANGE);
        assertThat(raised.score()).isEqualTo(50);
        assertThat(raised.signals()).contains("LOAN_OVERDUE|").contains("OVERDUE_SHARE|");
        assertThat(raised.status()).isEqualTo(WarningCase.Status.OPEN);
        assertThat(warnings.queue(null, user(lender.username()))).as("no consent given to the lender")
                .noneMatch(c -> c.creditCode().equals(code));

        assertThatThrownBy(() -> warnings.verify(raised.id(), "看过", gov)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> warnings.assign(raised.id(), enterprise.username(), gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("政府部门");
        warnings.assign(raised.id(), "gov", gov);
        warnings.verify(raised.id(), "走访企业，确认因回款延迟逾期", gov);
        assertThatThrownBy(() -> warnings.close(raised.id(), "回款延迟", " ", gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("措施");
        warnings.close(raised.id(), "回款延迟，非经营恶化", "约谈企业，协调银行展期", gov);
        WarningCase closed = warnings.find(raised.id(), gov);
        assertThat(closed.status()).isEqualTo(WarningCase.Status.CLOSED);
        assertThat(closed.late(closed.closedAt())).isFalse();
        assertThat(warnings.queue(null, gov).stream().filter(c -> c.creditCode().equals(code)
                && c.status() != WarningCase.Status.CLOSED)).as("re-scored: the same signals open nothing new")
                .isEmpty();

        org.sanrong.WebClient web = new org.sanrong.WebClient(port);
        web.login("gov", TestData.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("/warnings/" + raised.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"case-signals\"").contains("贷款逾期：有逾期贷款").contains("约谈企业");
        HttpResponse<String> queue = web.get("/warnings");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("id=\"warning-summary\"").contains("id=\"on-time\"")
                .contains("id=\"chart-warning-towns\"").contains("id=\"chart-warning-sections\"");
        assertThat(web.get("/warnings/rules").body()).contains("id=\"rule-OVERDUE_90\"");
        assertThat(web.get("/warnings?status=CLOSED&level=ORANGE").body()).contains(raised.id().toString());
        assertThat(web.get("/warnings?status=CLOSED&level=RED").body()).doesNotContain(raised.id().toString());

        // more than 90 days overdue forces red: a new case opens at the higher level
        jdbc.sql("UPDATE warning.loan SET overdue_since = ? WHERE credit_code = ?")
                .params(Date.valueOf(today.minusDays(91)), code).update();
        WarningRules.Score again = warnings.rescore(code);
        assertThat(again.level()).isEqualTo(WarningRules.Level.RED);
        assertThat(warnings.queue(WarningCase.Status.OPEN, gov)).filteredOn(c -> c.creditCode().equals(code))
                .singleElement().satisfies(c -> {
                    assertThat(c.level()).isEqualTo(WarningRules.Level.RED);
                    assertThat(c.signals()).contains("OVERDUE_90|");
                });
    }

    @Autowired
    org.sanrong.enterprise.ConsentGrants consents;

    @Test
    void aConsentedLendersStaffAssignedTheWarningVerifiesAndClosesIt() {
        DealFixtures fx = new DealFixtures(port, registry);
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        String id = json(fx.api("POST", "/api/v1/deals/pickups", lender.username(), "{\"demandId\": \"" + demand
                + "\"}")).path("id").asText();
        fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 100000000, "annualRatePercent": 3.65, "termMonths": 12}}""");
        fx.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", enterprise.username(), null);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(), """
                {"loanNumber": "W-2", "amountFen": 100000000, "disbursedOn": "%s", "annualRatePercent": 3.65,
                 "termMonths": 12, "maturityOn": "%s"}""".formatted(today, today.plusMonths(12)));
        fx.api("POST", "/api/v1/deals/" + id + "/loan-status", lender.username(),
                "{\"status\": \"NON_PERFORMING\", \"asOf\": \"" + today + "\", \"outstandingFen\": 100000000}");
        String code = json(fx.api("GET", "/api/v1/deals/" + id, enterprise.username(), null)).path("deal")
                .path("enterpriseCreditCode").asText();
        SignedInUser gov = user("gov");
        WarningCase raised = await().atMost(Duration.ofSeconds(20)).until(() -> warnings.queue(null, gov).stream()
                .filter(c -> c.creditCode().equals(code)).findFirst().orElse(null), c -> c != null);
        assertThat(raised.level()).as("NPL 50 + share 20 = 70").isEqualTo(WarningRules.Level.RED);

        assertThatThrownBy(() -> warnings.assign(raised.id(), lender.username(), gov)).as("no consent yet")
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("授权");
        consents.grant(code, lender.organisationId(), null, "贷后管理", null, today.plusMonths(6),
                user(enterprise.username()));
        SignedInUser bank = user(lender.username());
        assertThat(warnings.queue(null, bank)).extracting(WarningCase::id).contains(raised.id());
        assertThatThrownBy(() -> warnings.verify(raised.id(), "看过", bank)).as("not assigned to it yet")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        warnings.assign(raised.id(), lender.username(), gov);
        var other = fx.lender();
        assertThatThrownBy(() -> warnings.verify(raised.id(), "看过", user(other.username())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        warnings.verify(raised.id(), "贷后检查：主要客户回款延迟", bank);
        warnings.close(raised.id(), "经营正常，回款延迟", "展期三个月，按月跟踪回款", bank);
        WarningCase closed = warnings.find(raised.id(), gov);
        assertThat(closed.status()).isEqualTo(WarningCase.Status.CLOSED);
        assertThat(closed.verifiedBy()).isEqualTo(lender.username());
        assertThat(closed.closedBy()).isEqualTo(lender.username());
    }

    @Test
    void rulesAreDataThatGovernmentChanges() {
        SignedInUser gov = user("gov");
        WarningRules.Rule before = warnings.rules().stream().filter(r -> r.code().equals("QUALIFICATION_EXPIRY"))
                .findFirst().orElseThrow();
        warnings.changeRule("QUALIFICATION_EXPIRY", 15, new BigDecimal("30"), false, true, gov);
        WarningRules.Rule after = warnings.rules().stream().filter(r -> r.code().equals("QUALIFICATION_EXPIRY"))
                .findFirst().orElseThrow();
        assertThat(after.weight()).isEqualTo(15);
        assertThat(after.threshold()).isEqualByComparingTo("30");
        assertThatThrownBy(() -> warnings.changeRule("QUALIFICATION_EXPIRY", 101, null, false, true, gov))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> warnings.changeRule("QUALIFICATION_EXPIRY", 10, null, false, true, user("bank")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        warnings.changeRule(before.code(), before.weight(), before.threshold(), before.forcesRed(), before.enabled(),
                gov);
        HttpResponse<String> api = new org.sanrong.WebClient(port).api("GET", "/api/v1/warnings/rules", "gov",
                TestData.DEMO_PASSWORD, null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("OVERDUE_90").contains("\"forcesRed\":true");
    }
}
