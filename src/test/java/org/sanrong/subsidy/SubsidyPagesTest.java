package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public notice is open to all; the policy page shows the CEL rules and its "try it" form computes on entry. */
@SanrongTest
class SubsidyPagesTest {

    @LocalServerPort
    int port;

    @Test
    void publicNoticeNeedsNoLogin() {
        HttpResponse<String> r = new WebClient(port).get("/subsidies/notices");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("补贴与奖励公示");
        assertThat(new WebClient(port).get("/subsidies").statusCode()).as("one's own needs a login").isEqualTo(302);
    }

    @Test
    void policyPageShowsTheRulesAndTriesThemWithoutSaving() {
        WebClient web = new WebClient(port);
        web.login("enterprise", TestData.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("/subsidies/policies");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("GZ-ANGEL-2021").contains("GD-INTEREST-2025")
                .contains("investor.type == &quot;VC_PE_FUND&quot;").contains("(event.amountFen * 15 + 500) / 1000");
        HttpResponse<String> tried = web.postForm("/subsidies/policies/GZ-ANGEL-2021/quote", Map.of(
                "type", "INVESTMENT_RECEIVED", "date", "2026-03-01", "amount", "1000000.00", "stake", "10",
                "enterprise", "91440101MA5TEST001", "stage", "初创期", "qualifications", "TECH_SME", "ageYears", "2",
                "investorType", "VC_PE_FUND"));
        assertThat(tried.statusCode()).isEqualTo(200);
        assertThat(tried.body()).contains("trial-result").contains("15000.00 元");
        HttpResponse<String> bad = web.postForm("/subsidies/policies/GZ-ANGEL-2021/quote",
                Map.of("type", "INVESTMENT_RECEIVED", "date", "2026-03-01", "amount", "很多"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("is-invalid").contains("两位小数");
        HttpResponse<String> mine = web.get("/subsidies");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("我的补贴与奖励");
    }

    @Test
    void governmentQueueIsForOfficials() {
        WebClient gov = new WebClient(port);
        gov.login("gov", TestData.DEMO_PASSWORD);
        assertThat(gov.get("/subsidies/queue").statusCode()).isEqualTo(200);
        WebClient enterprise = new WebClient(port);
        enterprise.login("enterprise", TestData.DEMO_PASSWORD);
        assertThat(enterprise.get("/subsidies/queue").statusCode()).isEqualTo(403);
    }

    @Test
    void theDemoLoansInterestSubsidyIsOnPublicNotice() {
        WebClient web = new WebClient(port);
        web.login("enterprise", TestData.DEMO_PASSWORD);
        HttpResponse<String> mine = web.get("/subsidies");
        assertThat(mine.body()).as("computed from the demo loan, confirmed and noticed by the demo runner")
                .contains("GD-INTEREST-2025").contains("公示中");
        assertThat(new WebClient(port).get("/subsidies/notices").body()).contains("GD-INTEREST-2025");
    }
}
