package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 6's main path in Chromium: an enterprise publishes a demand, applies to a matched product, the bank picks
 * it up and approves (a typo answered next to its field), the enterprise accepts, the bank records the loan (more
 * than approved is refused next to the amount), and government's table shows the money.
 */
class DealBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    @Test
    void demandBecomesARecordedLoanThroughThePages() {
        DealFixtures fx = new DealFixtures(port, registry);
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        browser.login(enterprise.username(), DealFixtures.PW);
        browser.click("#nav-demands");
        browser.click("#new-demand");
        browser.type("amount", "600");
        browser.type("termMonths", "12");
        browser.setValue("neededBy", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString());
        new Select(browser.find("#purposeCategory")).selectByVisibleText("流动资金");
        browser.type("purpose", "采购芯片备货");
        browser.click("input[name='kinds'][value='DEBT']");
        browser.type("maxAnnualRatePercent", "6");
        browser.click("input[name='collateral'][value='NONE']");
        browser.click("#oneLenderAtATime");
        browser.click("#save-publish");
        assertThat(browser.text("#demand-one-lender")).contains("独家");
        browser.click("#see-matches");
        browser.click("a.apply[href*='product=" + lender.productId() + "']");
        assertThat(browser.text("#apply-product")).contains("科创信用贷");
        assertThat(browser.find("#amount").getAttribute("value")).as("prefilled from the demand").isEqualTo("600");
        browser.click("#submit-application");
        assertThat(browser.text(".deal-status")).isEqualTo("待受理");
        assertThat(browser.text("#deal-deadline")).matches("\\d{4}-\\d{2}-\\d{2} 00:00");
        String url = browser.driver.getCurrentUrl();
        String dealId = url.substring(url.lastIndexOf('/') + 1);
        browser.screenshot("deal-applied");
        browser.logout();

        browser.login(lender.username(), DealFixtures.PW);
        browser.click("#nav-cases");
        browser.click("tr[data-deal='" + dealId + "'] a");
        browser.click("#pick-up");
        assertThat(browser.text(".deal-status")).isEqualTo("审批中");
        browser.type("amount", "五百");
        browser.type("annualRatePercent", "3.6");
        browser.type("termMonths", "12");
        browser.click("#approve");
        assertThat(browser.fieldError("amount")).isNotBlank();
        browser.type("amount", "500");
        browser.click("#approve");
        assertThat(browser.text(".deal-status")).isEqualTo("已批复待确认");
        browser.screenshot("deal-offered");
        browser.logout();

        browser.login(enterprise.username(), DealFixtures.PW);
        browser.click("#nav-my-deals");
        browser.click("tr[data-deal='" + dealId + "'] a");
        assertThat(browser.text("#offer-amount")).isEqualTo("500.00万元");
        browser.click("#accept-offer");
        assertThat(browser.text(".deal-status")).isEqualTo("待放款");
        browser.logout();

        browser.login(lender.username(), DealFixtures.PW);
        browser.go("/deals/" + dealId);
        browser.type("loanNumber", "DG-2026-88");
        browser.type("amount", "600");
        browser.setValue("disbursedOn", today);
        browser.setValue("maturityOn", LocalDate.parse(today).plusMonths(12).toString());
        browser.type("annualRatePercent", "3.6");
        browser.type("termMonths", "12");
        browser.click("#record-disbursement");
        assertThat(browser.fieldError("amount")).contains("超过批复金额");
        browser.type("amount", "500");
        browser.click("#record-disbursement");
        assertThat(browser.text(".deal-status")).isEqualTo("已放款/已投资");
        assertThat(browser.text("#disbursed-amount")).isEqualTo("500.00万元");
        assertThat(browser.text("#loan-status")).startsWith("正常");
        assertThat(browser.text("#timeline")).contains("企业提交申请").contains("机构受理").contains("批准")
                .contains("企业接受批复").contains("放款");
        browser.screenshot("deal-funded");
        browser.logout();

        browser.login("gov", DealFixtures.PW);
        browser.click("#nav-deal-statistics");
        assertThat(browser.text("#league")).contains(lender.name());
        browser.find("#chart-funnel canvas");
        browser.find("#chart-reasons canvas");
        browser.screenshot("deal-statistics");
    }
}
