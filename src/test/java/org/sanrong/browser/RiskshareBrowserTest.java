package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.riskshare.RiskshareFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9's main path in Chromium: a bank files a loan offered to it from a platform disbursement, claims when it
 * turns non-performing (a typo answered next to its field), sees the calculation; government approves it in two
 * steps by two people (the same person twice refused with the rule), pays it and sees the pool's figures.
 */
class RiskshareBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Test
    void aBankFilesAndClaimsAndGovernmentApprovesAndPays() {
        RiskshareFixtures fx = new RiskshareFixtures(port, registry, membership);
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party firm = fx.enterprise("440105");
        String checker = fx.governmentColleague();
        assertThat(fx.deals.api("POST", "/api/v1/riskshare/pools/GZ-2025-BANK/funding", "gov",
                "{\"amount\": \"500000.00\"}").statusCode()).isEqualTo(200);
        RiskshareFixtures.Loan loan = fx.loan(firm, bank, 400_000_000L);
        String filingId = fx.filingsOf(bank, loan, 1).getFirst().path("id").asText();

        browser.login(bank.username(), DealFixtures.PW);
        browser.click("#nav-riskshare");
        browser.click("#offered tr[data-loan='" + loan.loanNumber() + "'] a");
        assertThat(browser.text("#filing-amount")).isEqualTo("400.00万元");
        browser.click("#feature-MONETARY_TOOL");
        browser.click("#file-loan");
        assertThat(browser.text(".filing-status")).isEqualTo("已备案");
        assertThat(browser.text("#expected-ratio")).isEqualTo("45%");
        browser.screenshot("riskshare-filed");

        // a larger loan made elsewhere, filed by hand, keeps the bank's loss ratio of the year under 3%
        HttpResponse<String> byHand = fx.deals.api("POST", "/api/v1/riskshare/filings", bank.username(), """
                {"scheme": "GZ-2025-BANK", "loanNumber": "OFF-%s", "enterpriseCreditCode": "%s",
                 "productType": "CREDIT_LOAN", "amount": "30000000.00", "disbursedOn": "%s", "maturityOn": "%s",
                 "termMonths": 12}""".formatted(loan.loanNumber(), fx.creditCodeOf(firm), RiskshareFixtures.today(),
                RiskshareFixtures.today().plusYears(1)));
        assertThat(byHand.statusCode()).as(byHand.body()).isEqualTo(201);
        fx.reportStatus(bank, loan, "NON_PERFORMING", 300_000_000L);
        RiskshareFixtures.await(() -> DealFixtures.json(fx.deals.api("GET", "/api/v1/riskshare/filings/" + filingId,
                bank.username(), null)).path("canClaim").asBoolean() ? Boolean.TRUE : null);
        browser.go("/riskshare/filings/" + filingId);
        browser.type("loss", "六十");
        browser.click("#submit-claim");
        assertThat(browser.fieldError("loss")).isNotBlank();
        browser.type("loss", "60");
        browser.type("lawsuitCaseNo", "（2026）粤0105民初88号");
        browser.setValue("lawsuitAcceptedOn", RiskshareFixtures.today().toString());
        for (WebElement box : browser.driver.findElements(By.cssSelector("input[name='documents']"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
        browser.click("#submit-claim");
        assertThat(browser.text(".claim-status")).isEqualTo("审核中");
        assertThat(browser.text("#claim-entitlement")).isEqualTo("27.00万元");
        assertThat(browser.text(".calculation")).contains("基础比例 40%").contains("+5个百分点");
        String claimUrl = browser.driver.getCurrentUrl();
        browser.screenshot("riskshare-claimed");
        browser.logout();

        browser.login("gov", DealFixtures.PW);
        browser.click("#nav-risk-pools");
        browser.click("#review-queue tr[data-claim='" + claimUrl.substring(claimUrl.lastIndexOf('/') + 1) + "'] a");
        browser.type("note", "材料齐全，同意");
        browser.click("#approve-claim");
        assertThat(browser.text("#current-step")).contains("复核");
        browser.click("#approve-claim");
        assertThat(browser.text("#review-form .alert-danger")).contains("不同人员");
        browser.logout();

        browser.login(checker, DealFixtures.PW);
        browser.go(claimUrl.substring(claimUrl.indexOf("/riskshare")));
        browser.click("#approve-claim");
        assertThat(browser.text(".claim-status")).isEqualTo("已批准待拨付");
        browser.click("#pay-claim");
        assertThat(browser.text(".claim-status")).isEqualTo("已拨付");
        assertThat(browser.text("#claim-history")).contains("提交申请").contains("审核通过").contains("拨付");
        browser.screenshot("riskshare-paid");
        browser.click("#nav-risk-pools");
        assertThat(browser.find("#chart-by-bank").getAttribute("data-chart")).contains(bank.name());
        browser.screenshot("riskshare-pools");
        browser.logout();

        browser.login(bank.username(), DealFixtures.PW);
        browser.click("#nav-riskshare");
        assertThat(browser.text("#paid")).isEqualTo("27.00万元");
        assertThat(browser.text("#loss-ratios")).contains("广州市信贷风险补偿资金池");
        browser.type("overallPercent", "百分之一");
        browser.click("#report-npl");
        assertThat(browser.fieldError("overallPercent")).isNotBlank();
        browser.type("overallPercent", "1.5");
        browser.click("#report-npl");
        assertThat(browser.text(".npl-table")).contains("1.5%").contains("在容忍度内");
        browser.screenshot("riskshare-bank");
    }
}
