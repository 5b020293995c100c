package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.riskshare.RiskshareFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A bridge loan (转贷) through the pages in Chromium: the enterprise on a town's list applies through its bank (an
 * amount below the limit answered next to its field), the bank commits to renew, government lends, the bank renews,
 * government records the repayment with its fee.
 */
class BridgeBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Test
    void aBridgeLoanRunsItsCourseThroughThePages() {
        RiskshareFixtures fx = new RiskshareFixtures(port, registry, membership);
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party firm = fx.enterprise("441900");
        assertThat(fx.deals.api("POST", "/api/v1/riskshare/bridge/funding", "gov", "{\"amount\": \"3000000.00\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> listed = fx.deals.api("POST", "/api/v1/riskshare/bridge/town-lists", "gov",
                "{\"town\": \"寮步\", \"creditCode\": \"" + fx.creditCodeOf(firm) + "\"}");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(204);

        browser.login(firm.username(), DealFixtures.PW);
        browser.click("#nav-bridge");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('bankId').value = arguments[0]", bank.organisationId().toString());
        browser.type("oldLoanNumber", "DG-OLD-77");
        browser.setValue("oldLoanMaturity", RiskshareFixtures.today().plusDays(4).toString());
        browser.type("amount", "150");
        browser.click("#bridge-apply-submit");
        assertThat(browser.fieldError("amount")).contains("2,000,000.00");
        browser.type("amount", "250");
        browser.click("#bridge-apply-submit");
        assertThat(browser.text("#bridges")).contains("待银行承诺续贷");
        browser.screenshot("bridge-applied");
        browser.logout();

        browser.login(bank.username(), DealFixtures.PW);
        browser.go("/riskshare/bridge");
        browser.click("#bridges .bridge-commit");
        assertThat(browser.text("#bridges")).contains("银行已承诺");
        browser.logout();

        browser.login("gov", DealFixtures.PW);
        browser.go("/riskshare/bridge");
        browser.click("#bridges tr[data-status='COMMITTED'] .bridge-lend");
        assertThat(browser.text("#bridges")).contains("待银行续贷");
        browser.logout();

        browser.login(bank.username(), DealFixtures.PW);
        browser.go("/riskshare/bridge");
        browser.find("#bridges tr[data-status='LENT'] input[name='newLoanNumber']").sendKeys("DG-NEW-77");
        browser.click("#bridges tr[data-status='LENT'] .bridge-renew");
        assertThat(browser.text("#bridges")).contains("银行已续贷");
        browser.logout();

        browser.login("gov", DealFixtures.PW);
        browser.go("/riskshare/bridge");
        String row = browser.find("#bridges tr[data-status='RENEWED']").getAttribute("id");
        browser.click("#" + row + " .bridge-repaid");
        // lent and repaid the same day: one day's fee, 2,500,000 × 0.0002 = 500.00 yuan = 0.05万元
        assertThat(browser.text("#" + row)).contains("已归还").contains("0.05万元");
        browser.screenshot("bridge-repaid");
    }
}
