package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.listing.ListingFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's roadshow path in Chromium: government announces a roadshow, an enterprise applies with its deck (a deck
 * that is no PDF refused next to the file), a fund registers, government selects and marks it held, the fund marks
 * interest, the deal it opens is approved, accepted and invested, and the event page shows the money.
 */
class RoadshowBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    @Test
    void aRoadshowIsFilledHeldAndAnInterestBecomesAnInvestmentOnTheEventPage() throws IOException {
        ListingFixtures fx = new ListingFixtures(port, registry);
        var ent = fx.enterprise(26_500, 31_800);
        var fund = fx.fund();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Path dir = Files.createTempDirectory("sanrong-deck");
        Path deck = Files.write(dir.resolve("路演材料.pdf"), ListingFixtures.PDF);
        Path notPdf = Files.write(dir.resolve("路演材料.ppt.pdf"), ListingFixtures.PNG);

        browser.login("gov", ListingFixtures.PW);
        browser.click("#nav-roadshows");
        browser.click("#new-roadshow");
        browser.type("title", "浏览器测试路演 " + ent.username());
        browser.type("theme", "智能终端 Pre-IPO 融资");
        browser.type("venue", "松山湖路演厅");
        browser.setValue("startsAt", today.minusDays(1) + "T14:30");
        browser.type("industries", "C39");
        browser.type("capacity", "10");
        browser.type("presenterSlots", "3");
        browser.click("#create-roadshow");
        assertThat(browser.text("#roadshow-status")).isEqualTo("报名中");
        String url = browser.driver.getCurrentUrl();
        String path = url.substring(url.indexOf("/roadshows/"));
        browser.logout();

        browser.login(ent.username(), ListingFixtures.PW);
        browser.go(path);
        browser.type("pitch", "工业视觉终端，拟融资扩产");
        browser.type("amountSought", "3000");
        browser.find("#deckFile").sendKeys(notPdf.toString());
        browser.click("#submit-application");
        assertThat(browser.fieldError("deck")).contains("PDF");
        browser.find("#deckFile").sendKeys(deck.toString());
        browser.click("#submit-application");
        assertThat(browser.text("#own-application")).contains("等待主办方遴选");
        browser.logout();

        browser.login(fund.username(), ListingFixtures.PW);
        browser.go(path);
        browser.click("#register");
        assertThat(browser.text("#registered")).contains("已报名");
        browser.logout();

        browser.login("gov", ListingFixtures.PW);
        browser.go(path);
        assertThat(browser.text("#proposals")).contains(fund.name());
        browser.click("tr[data-presenter='" + ent.creditCode() + "'] button.select");
        assertThat(browser.text("tr[data-presenter='" + ent.creditCode() + "']")).contains("入选");
        browser.click("#mark-held");
        assertThat(browser.text("#roadshow-status")).isEqualTo("已举办");
        browser.logout();

        browser.login(fund.username(), ListingFixtures.PW);
        browser.go(path);
        browser.click("tr[data-presenter='" + ent.creditCode() + "'] button.mark-interest");
        assertThat(browser.text("#outcome-lines")).contains(ent.name()).contains("审批中");
        browser.click("#outcome-lines a");
        assertThat(browser.text("#deal-roadshow")).isEqualTo("查看路演");
        browser.type("amount", "2500");
        browser.type("stakePercent", "4.5");
        browser.click("#approve");
        String dealUrl = browser.driver.getCurrentUrl();
        browser.logout();

        browser.login(ent.username(), ListingFixtures.PW);
        browser.go(dealUrl.substring(dealUrl.indexOf("/deals/")));
        browser.click("#accept-offer");
        browser.logout();

        browser.login(fund.username(), ListingFixtures.PW);
        browser.go(dealUrl.substring(dealUrl.indexOf("/deals/")));
        browser.type("amount", "2500");
        browser.type("stakePercent", "4.5");
        browser.setValue("investedOn", today.toString());
        browser.click("#record-investment");
        browser.click("#deal-roadshow");
        assertThat(browser.text("#outcome-lines .invested")).startsWith("2,500.00万元");
        assertThat(browser.text("#outcome-summary")).contains("已投资 1 项");
        browser.screenshot("roadshow-outcome");
        browser.logout();

        browser.login("gov", ListingFixtures.PW);
        browser.click("#nav-roadshows");
        assertThat(browser.text("#roadshows")).contains("浏览器测试路演 " + ent.username());
    }
}
