package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanrong.TestData;

/**
 * The bank writes a product with eligibility criteria through the form and submits it; the government approves it
 * in the review queue; an anonymous visitor finds it in the supermarket; an enterprise compares three products.
 */
class CatalogBrowserTest extends BrowserTest {

    @Test
    void bankPublishesGovernmentApprovesVisitorFindsEnterpriseCompares() {
        String name = "科创成长贷" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        browser.login("bank", TestData.DEMO_PASSWORD);
        browser.click("#nav-my-products");
        browser.click("#new-product");
        new Select(browser.find("#type")).selectByValue("CREDIT_LOAN");
        browser.type("name", name);
        browser.type("description", "面向成长期科技企业的信用贷款");
        browser.type("minAmount", "100");
        browser.type("maxAmount", "1000");
        browser.type("minTermMonths", "12");
        browser.type("maxTermMonths", "36");
        browser.type("minRate", "4.2");
        browser.type("maxRate", "3.6");
        browser.type("contactName", "陈经理");
        browser.type("contactPhone", "0769-22880001");
        browser.setValue("validFrom", today.minusDays(1).toString());
        browser.setValue("validUntil", today.plusYears(1).toString());
        Select towns = new Select(browser.find("#towns"));
        towns.selectByVisibleText("松山湖");
        towns.selectByVisibleText("长安镇");
        browser.type("industryPrefixes", "C39, I65");
        browser.click("input[name=stages][value=GROWTH]");
        browser.click("input[name=qualificationsAllOf][value=HIGH_TECH]");
        browser.type("minYearsInOperation", "2");
        browser.type("minRevenue", "500");
        browser.type("maxRevenue", "50000");
        browser.click("#save-product");
        assertThat(browser.fieldError("maxRate")).isEqualTo("最高利率不能低于最低利率");

        browser.type("maxRate", "5.2");
        browser.click("#save-product");
        assertThat(browser.text(".alert-success")).contains("产品草稿已保存");
        assertThat(browser.text("#product-status")).isEqualTo("草稿");
        assertThat(browser.text("#criteria")).contains("注册地在长安镇、松山湖")
                .contains("行业属于 C39 计算机、通信和其他电子设备制造业、I65 软件和信息技术服务业")
                .contains("处于成长期").contains("须持有：高新技术企业").contains("成立满 2 年")
                .contains("上年营业收入 500万元 至 5亿元");
        browser.click("#submit-product");
        browser.find("#withdraw-product"); // the submitted page has landed
        assertThat(browser.text(".alert-success")).contains("等待政府部门审核");
        assertThat(browser.text("#product-status")).isEqualTo("待审核");
        browser.logout();

        browser.login("gov", TestData.DEMO_PASSWORD);
        browser.click("#nav-product-review");
        WebElement item = browser.driver.findElement(By.xpath("//div[contains(@class,'review-item')][.//a[text()='"
                + name + "']]"));
        item.findElement(By.cssSelector("button.approve")).click();
        assertThat(browser.text(".alert-success")).contains("已审核通过");
        assertThat(browser.driver.getPageSource()).doesNotContain(name);
        browser.logout();
        browser.find("#login-submit"); // the logout has landed; an anonymous visitor from here on

        browser.go("/products");
        assertThat(browser.text("#products")).contains(name).contains("东莞科创银行（演示）");
        browser.click("#nav-products");
        new Select(browser.find("#kind")).selectByValue("INSURANCE");
        browser.click("#filter-submit");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("kind=INSURANCE"));
        assertThat(browser.text("#products")).contains("首台套保险").doesNotContain(name);
        browser.screenshot("catalog-supermarket");

        browser.login("enterprise", TestData.DEMO_PASSWORD);
        browser.click("#nav-products");
        browser.find("#products");
        List<WebElement> picks = browser.driver.findElements(By.cssSelector("input[name=ids]"));
        assertThat(picks.size()).isGreaterThanOrEqualTo(3);
        assertThat(browser.driver.findElement(By.cssSelector("#products tbody tr a.product-link")).getText())
                .as("newest first").isEqualTo(name);
        for (WebElement pick : picks.subList(0, 3)) {
            pick.click();
        }
        browser.click("#compare");
        browser.find("#comparison");
        assertThat(browser.driver.findElements(By.cssSelector("#comparison thead a.compare-name"))).hasSize(3);
        assertThat(browser.text("#comparison")).contains(name).contains("注册地在长安镇、松山湖")
                .contains("4.2% 至 5.2%");
        browser.screenshot("catalog-compare");

        browser.driver.findElement(By.linkText(name)).click();
        assertThat(browser.text("#product-name")).isEqualTo(name);
        assertThat(browser.text("#product-version")).isEqualTo("第1版");
    }
}
