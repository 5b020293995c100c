package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanrong.TestData;
import org.sanrong.supervision.TaskSheetTestData;

/**
 * The finance office's main paths in Chromium: the cockpit draws its charts with definitions beside the figures and
 * drills down to the loans; a task table with a title row and merged cells is imported through the preview, a lead
 * unit reports progress and the office scores it; the warning queue opens.
 */
class CockpitBrowserTest extends BrowserTest {

    @Test
    void theFinanceOfficeReadsTheCockpitImportsATableAndScoresAReport() throws Exception {
        browser.login("gov", TestData.DEMO_PASSWORD);
        browser.click("#nav-cockpit");
        browser.click("#nav-statistics");
        for (String chart : new String[] {"#chart-trend", "#chart-towns", "#chart-institutions", "#chart-tech-growth"}) {
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d ->
                    !d.findElements(By.cssSelector(chart + " canvas")).isEmpty());
        }
        assertThat(browser.text("#figures")).contains("贷款余额").contains("口径：报告日各笔贷款最近一次报送的未还本金之和");
        assertThat(browser.text("#access-rates")).contains("获贷率");
        browser.screenshot("cockpit");
        java.util.List<WebElement> towns = browser.driver.findElements(By.cssSelector("#by-town a.drill"));
        if (!towns.isEmpty()) {
            String town = towns.getFirst().getText();
            browser.click("#by-town a.drill");
            assertThat(browser.text("#drill-path")).contains(town);
        }
        browser.click("#drill-loans");
        assertThat(browser.find("#loan-list").isDisplayed()).isTrue();

        Path file = Files.createTempFile("任务分解表", ".xlsx");
        Files.write(file, TaskSheetTestData.officeTable());
        browser.click("#nav-cockpit");
        browser.click("#nav-supervision");
        browser.click("#import-tasks");
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#upload");
        assertThat(browser.text("#bad-rows")).contains("第8行：序号 2 与第5行重复");
        // the unit is offered for mapping unless an earlier import already mapped it (mappings are remembered)
        browser.driver.findElements(By.name("unit[市财政局]")).forEach(select -> new Select(select)
                .selectByVisibleText("东莞市委金融办（演示）"));
        new Select(browser.driver.findElement(By.id("cycle"))).selectByValue("MONTHLY");
        browser.click("#confirm-import");
        assertThat(browser.text("#tasks")).contains("扩大风险补偿资金池规模");
        browser.driver.findElements(By.cssSelector("#tasks a")).stream()
                .filter(a -> a.getText().contains("扩大风险补偿资金池规模")).findFirst().orElseThrow().click();
        browser.type("period", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7));
        browser.type("percent", "150");
        browser.type("text", "已完成资金池扩容方案");
        browser.click("#submit-report");
        assertThat(browser.text(".alert-danger")).contains("0至100");
        browser.type("percent", "30");
        browser.type("text", "已完成资金池扩容方案，报市政府审议");
        browser.click("#submit-report");
        browser.find(".review-form input[name=score]").sendKeys("88");
        browser.find(".review-form input[name=comment]").sendKeys("按序时推进");
        browser.click(".review-form button");
        assertThat(browser.text(".report")).contains("评分 88").contains("按序时推进");
        assertThat(browser.text("#task-summary")).contains("完成进度 30%");
        browser.screenshot("supervision-task");

        browser.click("#nav-cockpit");
        browser.click("#nav-warnings");
        assertThat(browser.find("#warning-queue").isDisplayed()).isTrue();
        browser.click("#nav-cockpit");
        browser.click("#nav-plan");
        assertThat(browser.text("#plan-indicators")).contains("科技信贷贷款余额");
    }
}
