package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sanrong.deal.DealFixtures;

/**
 * The enterprise in Chromium: opens its credit profile from the nav and sees its grade, score, innovation score, the
 * reasons and the hints; disputes a power figure and sees "有异议"; the operator rejects the dispute with a reason from
 * the queue and the mark goes.
 */
class CreditBrowserTest extends BrowserTest {

    @Test
    void theEnterpriseSeesItsScoreReasonsAndHintsAndDisputesAFigure() {
        browser.login("enterprise", DealFixtures.PW);
        browser.click("#nav-credit");
        assertThat(browser.text("#credit-grade")).matches("AAA|AA|A|BBB|BB|B|CCC|CC|C");
        assertThat(Integer.parseInt(browser.text("#credit-score"))).isBetween(300, 900);
        assertThat(Integer.parseInt(browser.text("#credit-innovation"))).isBetween(0, 100);
        assertThat(browser.driver.findElements(By.cssSelector("#credit-reasons li"))).isNotEmpty();
        assertThat(browser.text("#credit-reasons")).contains("分");
        assertThat(browser.driver.findElements(By.cssSelector("#credit-hints li"))).isNotEmpty();
        assertThat(browser.text("#credit-hints")).contains("+");
        assertThat(browser.driver.findElements(By.cssSelector("#credit-features tbody tr"))).hasSizeGreaterThan(30);
        browser.screenshot("credit-profile");

        new Select(browser.find("#dispute-form-UTILITIES select[name='measure']")).selectByValue("WATER");
        browser.find("#dispute-form-UTILITIES input[name='note']").sendKeys("水表更换期间读数重复计算");
        browser.click("#dispute-form-UTILITIES button[type='submit']");
        assertThat(browser.text("#credit-disputed")).contains("有异议");
        assertThat(browser.text("#credit-disputes")).contains("水表更换期间读数重复计算").contains("待处理");
        browser.logout();

        browser.login("admin", DealFixtures.PW);
        browser.click("#nav-datahub");
        browser.click("#datahub-disputes");
        var card = browser.driver.findElements(By.cssSelector(".card")).stream()
                .filter(c -> c.getText().contains("水表更换期间读数重复计算")).findFirst().orElseThrow();
        card.findElement(By.cssSelector("form[action$='/rejection'] input[name='reason']")).sendKeys("与水务公司数据一致");
        browser.click("#" + card.getAttribute("id") + " form[action$='/rejection'] button");
        browser.logout();

        browser.login("enterprise", DealFixtures.PW);
        browser.click("#nav-credit");
        assertThat(browser.driver.findElements(By.cssSelector("#credit-disputed"))).isEmpty();
        assertThat(browser.text("#credit-disputes")).contains("与水务公司数据一致").contains("已驳回");
    }
}
