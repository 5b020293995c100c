package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.sanrong.advisory.AdvisoryFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's 金融顾问 in Chromium: an enterprise asks for an adviser, government assigns one from the request, the
 * adviser logs a visit (a date in the future answered next to the field), the enterprise rates it, and government's
 * board draws the coverage chart.
 */
class AdvisoryBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    @Test
    void anAdviserIsAssignedOnRequestAndLogsAVisitThatIsRated() {
        AdvisoryFixtures fx = new AdvisoryFixtures(port, registry);
        var bank = fx.institutionWithAdviser();
        var enterprise = fx.enterprise(AdvisoryFixtures.DONGCHENG);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        browser.login(enterprise.username(), AdvisoryFixtures.PW);
        browser.click("#nav-growth");
        browser.click("#nav-advisers");
        new Select(browser.find("#speciality")).selectByValue("CREDIT");
        browser.type("description", "订单增长快，需要500万元流动资金贷款方案");
        browser.click("#submit-request");
        assertThat(browser.text("#my-requests")).contains("待指派");
        browser.screenshot("advisory-enterprise");
        browser.logout();

        browser.login("gov", AdvisoryFixtures.PW);
        browser.click("#nav-growth");
        browser.click("#nav-advisory");
        String request = browser.find("#requests").getText();
        browser.screenshot("advisory-desk");
        assertThat(request).contains(enterprise.name()).contains("订单增长快");
        browser.click("a.answer-request[href$='" + requestIdOf(enterprise.name()) + "']");
        assertThat(browser.find("#enterpriseCreditCode").getAttribute("value")).isEqualTo(enterprise.creditCode());
        browser.click("#assign");
        assertThat(browser.fieldError("adviserId")).contains("请选择金融顾问");
        new Select(browser.find("#adviserId")).selectByValue(bank.adviserId().toString());
        browser.click("#assign");
        assertThat(browser.text("#assignment-adviser")).contains("吴经理");
        assertThat(browser.text("#response-time")).contains("已等待0个工作日");
        String url = browser.driver.getCurrentUrl();
        browser.logout();

        browser.login(bank.username(), AdvisoryFixtures.PW);
        browser.click("#nav-growth");
        browser.click("#nav-institution-advisers");
        browser.click("#assignment-list a");
        browser.setValue("servedOn", today.plusDays(1).toString());
        browser.type("summary", "上门走访，梳理订单回款周期，推荐应收账款质押融资");
        browser.type("followUps", "三天内提交授信申请");
        browser.click("#submit-service");
        assertThat(browser.fieldError("servedOn")).contains("不能晚于今天");
        browser.setValue("servedOn", today.toString());
        browser.click("#submit-service");
        assertThat(browser.text("#services")).contains("推荐应收账款质押融资");
        assertThat(browser.text("#response-time")).contains("0个工作日");
        browser.screenshot("advisory-visit-logged");
        browser.logout();

        browser.login(enterprise.username(), AdvisoryFixtures.PW);
        browser.go(url.substring(url.indexOf("/advisory/")));
        browser.click(".rate-service");
        assertThat(browser.text("[id^='rating-error-']")).contains("1至5星");
        new Select(browser.find("select[name='score']")).selectByValue("5");
        browser.type(browser.find("input[name='comment']").getAttribute("id"), "很专业");
        browser.click(".rate-service");
        assertThat(browser.text("#services .rating")).isEqualTo("5星");
        assertThat(browser.text("#services .rating-comment")).contains("很专业");
        browser.logout();

        browser.login("gov", AdvisoryFixtures.PW);
        browser.click("#nav-growth");
        browser.click("#nav-advisory");
        browser.click("#to-board");
        browser.find("#chart-coverage canvas");
        assertThat(browser.text("#institution-figures")).contains(bank.name());
        browser.screenshot("advisory-board");
    }

    private String requestIdOf(String enterpriseName) {
        return browser.driver.findElements(org.openqa.selenium.By.cssSelector("tr[data-request]")).stream()
                .filter(tr -> tr.getText().contains(enterpriseName)).findFirst().orElseThrow()
                .getAttribute("data-request");
    }
}
