package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.listing.ListingFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's reserve path in Chromium: government enrols an enterprise and records its restructuring (a date in the
 * future refused next to the field), the enterprise records its tutoring filing (a file that is no document refused
 * next to the file), enters its figures and a market value, and its portrait shows the nearest 创业板 set and the
 * distance; government's board draws the reserve.
 */
class ListingBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    static Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("sanrong-upload");
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void aReserveEnterpriseMovesThroughMilestonesAndItsPortraitShowsTheDistance() throws IOException {
        ListingFixtures fx = new ListingFixtures(port, registry);
        var ent = fx.enterprise(26_500, 31_800);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        browser.login("gov", ListingFixtures.PW);
        browser.click("#nav-listing");
        browser.find("#chart-funnel canvas");
        browser.click("#enrol");
        browser.type("creditCode", ent.creditCode());
        new Select(browser.find("#board")).selectByValue("CHINEXT");
        browser.type("reason", "拟创业板上市的智能终端企业");
        browser.click("#enrol-submit");
        assertThat(browser.text("#entry-grade")).isEqualTo("D 培育");
        assertThat(browser.text("#entry-board")).isEqualTo("创业板");

        new Select(browser.find("#milestone")).selectByValue("RESTRUCTURED");
        browser.setValue("reachedOn", today.plusDays(3).toString());
        browser.find("#evidenceFile").sendKeys(file("股改.pdf", ListingFixtures.PDF).toString());
        browser.click("#record-milestone");
        assertThat(browser.fieldError("reachedOn")).contains("不能晚于今天");
        browser.setValue("reachedOn", today.minusMonths(6).toString());
        browser.find("#evidenceFile").sendKeys(file("股改.pdf", ListingFixtures.PDF).toString());
        browser.click("#record-milestone");
        assertThat(browser.text("li[data-milestone='RESTRUCTURED']")).contains(today.minusMonths(6).toString());
        assertThat(browser.text("#entry-grade")).isEqualTo("C 已股改");
        browser.screenshot("listing-entry-gov");
        browser.logout();

        browser.login(ent.username(), ListingFixtures.PW);
        browser.click("#nav-listing-service");
        assertThat(browser.text("#entry-grade")).isEqualTo("C 已股改");
        new Select(browser.find("#milestone")).selectByValue("TUTORING_FILED");
        browser.setValue("reachedOn", today.minusMonths(1).toString());
        browser.find("#evidenceFile").sendKeys(file("辅导.pdf", "not a pdf at all".getBytes()).toString());
        browser.click("#record-milestone");
        assertThat(browser.fieldError("evidence")).contains("按文件内容判断");
        browser.setValue("reachedOn", today.minusMonths(1).toString());
        browser.find("#evidenceFile").sendKeys(file("辅导备案.pdf", ListingFixtures.PDF).toString());
        browser.click("#record-milestone");
        assertThat(browser.text("#entry-grade")).isEqualTo("B 辅导期");

        int last = today.getYear() - 1;
        browser.type("netProfit-" + (last - 1), "3800");
        browser.type("netProfit-" + last, "5200");
        browser.type("cashFlow-" + last, "-120.5");
        browser.click("#save-figures");
        assertThat(browser.find("#netProfit-" + last).getAttribute("value")).isEqualTo("5200");
        assertThat(browser.find("#cashFlow-" + last).getAttribute("value")).isEqualTo("-120.5");
        browser.type("marketValue", "180000");
        browser.setValue("marketValueOn", today.toString());
        browser.click("#save-market-value");
        assertThat(browser.text("#entry-market-value")).startsWith("18.00亿元");

        browser.click("#portrait-link");
        assertThat(browser.text("#nearest-name")).isEqualTo("第二套");
        assertThat(browser.text("#nearest-criteria")).contains("最近一年营业收入不低于4亿元").contains("还差 0.82亿元");
        assertThat(browser.text("#portrait-source")).contains("创业板股票上市规则");
        browser.find("#chart-trend canvas");
        browser.screenshot("listing-portrait");
        new Select(browser.find("#portrait-board")).selectByValue("STAR");
        browser.click("#board-choice button");
        assertThat(browser.text("#standards")).contains("第五套");
        browser.logout();

        browser.login("gov", ListingFixtures.PW);
        browser.go("/listing/reserve?q=" + ent.creditCode());
        assertThat(browser.text("#reserve")).contains("B 辅导期").contains("辅导备案");
        browser.click("#nav-listing");
        assertThat(Integer.parseInt(browser.text("#count-active"))).isPositive();
        browser.find("#chart-stage canvas");
        browser.screenshot("listing-board");
    }
}
