package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.Ledger;
import org.sanrong.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 转贷 from the town's list to repayment, by hand: the enterprise applies through its bank, the bank commits, the fund
 * lends for at most 10 working days, the bank renews, the fund is repaid with the exact daily fee, all through the
 * ledger; an overdue bridge not renewed is flagged; every bad input refused naming the rule, nothing changed, audited.
 */
@SanrongTest
class BridgeLoansTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Autowired
    Ledger ledger;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    RiskshareFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new RiskshareFixtures(port, registry, membership);
    }

    private HttpResponse<String> api(String method, String path, String user, String body) {
        return fx.deals.api(method, path, user, body);
    }

    private long cash() {
        return ledger.balance(new AccountRef("bridge:fund", "cash"));
    }

    private DealFixtures.Party listed(String town) {
        DealFixtures.Party firm = fx.enterprise("441900");
        HttpResponse<String> l = api("POST", "/api/v1/riskshare/bridge/town-lists", "gov",
                "{\"town\": \"%s\", \"creditCode\": \"%s\"}".formatted(town, fx.creditCodeOf(firm)));
        assertThat(l.statusCode()).as(l.body()).isEqualTo(204);
        return firm;
    }

    private String apply(DealFixtures.Party firm, DealFixtures.Lender bank, String amount) {
        HttpResponse<String> a = api("POST", "/api/v1/riskshare/bridge", firm.username(), """
                {"bankId": "%s", "oldLoanNumber": "OLD-1", "oldLoanMaturity": "%s", "amount": "%s"}"""
                .formatted(bank.organisationId(), RiskshareFixtures.today().plusDays(5), amount));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        assertThat(json(a).path("status").asText()).isEqualTo("APPLIED");
        return json(a).path("id").asText();
    }

    private long audited(String action, String target, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = ? AND target = ? AND outcome = ?")
                .params(action, target, outcome).query(Long.class).single();
    }

    @Test
    void aBridgeRunsItsCourseThroughTheLedgerWithTheExactDailyFee() {
        api("POST", "/api/v1/riskshare/bridge/funding", "gov", "{\"amount\": \"5000000.00\"}");
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party firm = listed("松山湖");
        String id = apply(firm, bank, "3000000.00");
        assertThat(api("POST", "/api/v1/riskshare/bridge/" + id + "/lending", "gov", null).statusCode())
                .as("no lending before the bank's commitment").isEqualTo(409);
        JsonNode c = json(api("POST", "/api/v1/riskshare/bridge/" + id + "/commitment", bank.username(),
                "{\"renew\": true}"));
        assertThat(c.path("status").asText()).isEqualTo("COMMITTED");
        long before = cash();
        LocalDate lentOn = RiskshareFixtures.today().minusDays(7);
        JsonNode lent = json(api("POST", "/api/v1/riskshare/bridge/" + id + "/lending", "gov",
                "{\"on\": \"" + lentOn + "\"}"));
        assertThat(lent.path("status").asText()).isEqualTo("LENT");
        assertThat(lent.path("dueOn").asText()).isEqualTo(calendar.addWorkingDays(lentOn, 10).toString());
        assertThat(cash()).isEqualTo(before - 300_000_000L);
        assertThat(ledger.balance(new AccountRef("bridge:fund", "loan:" + id))).isEqualTo(300_000_000L);
        JsonNode renewed = json(api("POST", "/api/v1/riskshare/bridge/" + id + "/renewal", bank.username(),
                "{\"renewed\": true, \"newLoanNumber\": \"NEW-1\"}"));
        assertThat(renewed.path("status").asText()).isEqualTo("RENEWED");
        JsonNode repaid = json(api("POST", "/api/v1/riskshare/bridge/" + id + "/repayment", "gov", null));
        // 3,000,000 × 0.0002 a day × 7 days = 4,200.00
        assertThat(repaid.path("feeFen").asLong()).isEqualTo(420_000L);
        assertThat(repaid.path("status").asText()).isEqualTo("REPAID");
        assertThat(repaid.path("overdue").asBoolean()).isFalse();
        assertThat(cash()).isEqualTo(before + 420_000L);
        assertThat(ledger.balance(new AccountRef("bridge:fund", "loan:" + id))).isZero();
        long[] totals = ledger.totals("bridge:fund");
        assertThat(totals[0]).isEqualTo(totals[1]);
        assertThat(BridgeLoans.fee(300_000_001L, new java.math.BigDecimal("0.0002"), 1)).as("half up once")
                .isEqualTo(60_000L);
        // the enterprise was told in its inbox; its page shows the bridge
        org.sanrong.WebClient web = new org.sanrong.WebClient(port);
        web.login(firm.username(), RiskshareFixtures.PW);
        assertThat(web.get("/riskshare/bridge").body()).contains("bridge-" + id).contains("已归还");
    }

    @Test
    void anOverdueBridgeTheBankDidNotRenewIsFlagged() {
        api("POST", "/api/v1/riskshare/bridge/funding", "gov", "{\"amount\": \"3000000.00\"}");
        DealFixtures.Lender bank = fx.deals.lender();
        String id = apply(listed("长安"), bank, "2000000.00");
        api("POST", "/api/v1/riskshare/bridge/" + id + "/commitment", bank.username(), "{\"renew\": true}");
        api("POST", "/api/v1/riskshare/bridge/" + id + "/lending", "gov",
                "{\"on\": \"" + RiskshareFixtures.today().minusDays(25) + "\"}");
        JsonNode b = json(api("GET", "/api/v1/riskshare/bridge/" + id, "gov", null));
        assertThat(b.path("overdue").asBoolean()).isTrue();
        assertThat(b.path("notRenewed").asBoolean()).isTrue();
        JsonNode declared = json(api("POST", "/api/v1/riskshare/bridge/" + id + "/renewal", bank.username(),
                "{\"renewed\": false}"));
        assertThat(declared.path("status").asText()).isEqualTo("NOT_RENEWED");
        assertThat(declared.path("notRenewed").asBoolean()).isTrue();
        org.sanrong.WebClient web = new org.sanrong.WebClient(port);
        web.login("gov", RiskshareFixtures.PW);
        String page = web.get("/riskshare/bridge").body();
        assertThat(page).contains("bridge-" + id).contains("flag-overdue").contains("flag-not-renewed");
    }

    @Test
    void badInputIsRefusedNamingTheRuleNothingChangedAudited() {
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party outsider = fx.enterprise("441900");
        HttpResponse<String> notListed = api("POST", "/api/v1/riskshare/bridge", outsider.username(), """
                {"bankId": "%s", "oldLoanNumber": "OLD-1", "oldLoanMaturity": "%s", "amount": "3000000.00"}"""
                .formatted(bank.organisationId(), RiskshareFixtures.today().plusDays(5)));
        assertThat(notListed.statusCode()).isEqualTo(400);
        assertThat(json(notListed).path("errors").path("enterprise").asText()).contains("名录");
        DealFixtures.Party firm = listed("虎门");
        HttpResponse<String> small = api("POST", "/api/v1/riskshare/bridge", firm.username(), """
                {"bankId": "%s", "oldLoanNumber": "OLD-1", "oldLoanMaturity": "%s", "amount": "1999999.99"}"""
                .formatted(bank.organisationId(), RiskshareFixtures.today().plusDays(5)));
        assertThat(json(small).path("errors").path("amount").asText()).contains("2,000,000.00").contains("200,000,000.00");
        HttpResponse<String> late = api("POST", "/api/v1/riskshare/bridge", firm.username(), """
                {"bankId": "%s", "oldLoanNumber": "OLD-1", "oldLoanMaturity": "%s", "amount": "3000000.00"}"""
                .formatted(bank.organisationId(), RiskshareFixtures.today().minusDays(1)));
        assertThat(json(late).path("errors").path("oldLoanMaturity").asText()).contains("到期前申请");
        assertThat(jdbc.sql("SELECT count(*) FROM riskshare.bridge_loan WHERE enterprise_org = ?")
                .param(firm.organisationId()).query(Long.class).single()).isZero();
        String id = apply(firm, bank, "200000000.00");
        // a second live bridge; another bank committing; government lending more than the fund holds
        HttpResponse<String> twice = api("POST", "/api/v1/riskshare/bridge", firm.username(), """
                {"bankId": "%s", "oldLoanNumber": "OLD-2", "oldLoanMaturity": "%s", "amount": "3000000.00"}"""
                .formatted(bank.organisationId(), RiskshareFixtures.today().plusDays(5)));
        assertThat(twice.statusCode()).isEqualTo(409);
        DealFixtures.Lender other = fx.deals.lender();
        assertThat(api("POST", "/api/v1/riskshare/bridge/" + id + "/commitment", other.username(),
                "{\"renew\": true}").statusCode()).isEqualTo(404);
        assertThat(audited("COMMIT_BRIDGE", "bridge:" + id, "DENIED")).isEqualTo(1);
        HttpResponse<String> noReason = api("POST", "/api/v1/riskshare/bridge/" + id + "/commitment",
                bank.username(), "{\"renew\": false}");
        assertThat(json(noReason).path("errors").path("reason").asText()).contains("说明原因");
        api("POST", "/api/v1/riskshare/bridge/" + id + "/commitment", bank.username(), "{\"renew\": true}");
        long cash = cash();
        if (cash < 200_000_000_00L) {
            HttpResponse<String> short_ = api("POST", "/api/v1/riskshare/bridge/" + id + "/lending", "gov", null);
            assertThat(short_.statusCode()).isEqualTo(409);
            assertThat(short_.body()).contains("转贷资金可用余额").contains("不足");
            assertThat(cash()).isEqualTo(cash);
            assertThat(json(api("GET", "/api/v1/riskshare/bridge/" + id, "gov", null)).path("status").asText())
                    .isEqualTo("COMMITTED");
            assertThat(audited("LEND_BRIDGE", "bridge:" + id, "FAILURE")).isEqualTo(1);
        }
        // the bank does not lend, the enterprise does not commit
        assertThat(api("POST", "/api/v1/riskshare/bridge/" + id + "/lending", bank.username(), null).statusCode())
                .isEqualTo(403);
        assertThat(api("POST", "/api/v1/riskshare/bridge/" + id + "/commitment", firm.username(), "{}")
                .statusCode()).isEqualTo(403);
    }
}
