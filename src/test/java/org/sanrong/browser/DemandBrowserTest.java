package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.sanrong.TestData;

/** The demo enterprise publishes a 股+债 demand through the form; the bank finds it in 需求大厅. */
class DemandBrowserTest extends BrowserTest {

    @Test
    void enterprisePublishesEquityAndDebtDemandAndTheBankSeesIt() {
        String purpose = "投贷联动界面测试" + TestData.username("");
        browser.login("enterprise", TestData.DEMO_PASSWORD);
        browser.click("#nav-demands");
        browser.click("#new-demand");
        browser.type("amount", "-5");
        browser.click("#save-publish");
        assertThat(browser.fieldError("amount")).contains("金额不能为负数");
        assertThat(browser.text("#kinds-error")).contains("请至少选择一种可接受的融资方式");

        browser.type("amount", "2468");
        browser.type("termMonths", "36");
        browser.setValue("neededBy", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString());
        new Select(browser.find("#purposeCategory")).selectByVisibleText("研发投入");
        browser.type("purpose", purpose);
        browser.click("input[name='kinds'][value='EQUITY']");
        browser.click("input[name='kinds'][value='DEBT']");
        browser.type("maxAnnualRatePercent", "7.5");
        browser.type("maxEquityStakePercent", "12");
        browser.click("input[name='collateral'][value='IP']");
        browser.click("#save-publish");

        assertThat(browser.text("#demand-status")).isEqualTo("已发布");
        assertThat(browser.text("#demand-kinds")).contains("股权融资").contains("债权融资");
        assertThat(browser.text("#demand-amount")).isEqualTo("2,468.00万元");
        String url = browser.driver.getCurrentUrl();
        String id = url.substring(url.lastIndexOf('/') + 1);
        browser.screenshot("demand-published");
        browser.logout();

        browser.login("bank", TestData.DEMO_PASSWORD);
        browser.click("#nav-demand-hall");
        new Select(browser.find("#kind")).selectByVisibleText("股权融资");
        browser.click("#hall-search");
        assertThat(browser.text("tr[data-demand='" + id + "']")).contains("东莞星河智能科技有限公司（演示）")
                .contains("2,468.00万元");
        browser.click("tr[data-demand='" + id + "'] a");
        assertThat(browser.text("#demand-purpose")).isEqualTo(purpose);
        assertThat(browser.text("#enterprise-card")).contains("东莞星河智能科技有限公司（演示）");
        browser.screenshot("demand-hall-detail");
    }
}
