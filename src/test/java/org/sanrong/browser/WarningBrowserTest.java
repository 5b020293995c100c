package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanrong.TestData;
import org.sanrong.credit.CreditFixtures;
import org.sanrong.datahub.HubData;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.warning.EarlyWarning;
import org.sanrong.warning.WarningCase;
import org.sanrong.warning.WarningRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The warning queue in Chromium: social-insurance data imported into the hub raises a yellow warning by the
 * headcount rule; the office finds it in the queue (with its charts), assigns it, records the verification, closes
 * it with the finding and the measures, and the enterprise is scored again without a new warning.
 */
class WarningBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    EarlyWarning warnings;

    @Autowired
    HubData hub;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWarningRaisedByARuleIsAssignedVerifiedAndClosedThenReScored() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        var e = fx.enterprise();
        SignedInUser gov = fx.signIn("gov");
        YearMonth last = hub.lastCompleteMonth();
        fx.importCsv("SOCIAL_INSURANCE", "social.csv", "统一社会信用代码,所属期,社保参保人数,公积金缴存人数",
                e.creditCode() + "," + last.minusMonths(3) + ",200,80", e.creditCode() + "," + last + ",120,50");
        WarningCase raised = await().atMost(Duration.ofSeconds(30)).until(() -> warnings.queue(null, gov).stream()
                .filter(c -> c.creditCode().equals(e.creditCode())).findFirst().orElse(null), c -> c != null);
        assertThat(raised.level()).isEqualTo(WarningRules.Level.YELLOW);

        browser.login("gov", TestData.DEMO_PASSWORD);
        browser.click("#nav-cockpit");
        browser.click("#nav-warnings");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("#chart-warning-levels canvas")).isEmpty());
        assertThat(browser.text("#warning-summary")).contains("按时核查率");
        browser.driver.findElements(By.cssSelector("#warning-queue a")).stream()
                .filter(a -> a.getDomAttribute("href").endsWith(raised.id().toString())).findFirst().orElseThrow()
                .click();
        assertThat(browser.text("#case-level")).isEqualTo("黄色");
        assertThat(browser.text("#case-signals")).contains("社保人数骤降").contains("三个月下降 40.0%");

        browser.find("#assign-form input[name=assignee]").sendKeys("nobody-" + TestData.username("x"));
        browser.click("#assign-form button");
        assertThat(browser.text(".alert-danger")).contains("请选择政府部门的工作人员");
        browser.find("#assign-form input[name=assignee]").sendKeys("gov");
        browser.click("#assign-form button");
        assertThat(browser.text("#case-summary")).contains("核查中");
        browser.find("#verify-form textarea[name=verification]").sendKeys("走访企业：季节性用工结束，核心团队稳定");
        browser.click("#verify-form button");
        assertThat(browser.text("#case-summary")).contains("已核实");
        browser.find("#close-form textarea[name=finding]").sendKeys("参保人数下降系季节性用工结束，经营正常");
        browser.find("#close-form textarea[name=measures]").sendKeys("提醒企业按时申报；下季度复核社保数据");
        browser.click("#close-form button");
        assertThat(browser.text("#case-summary")).contains("已办结");
        assertThat(browser.text("body")).contains("已办结，企业已重新评分").contains("下季度复核社保数据");
        browser.screenshot("warning-closed");

        WarningCase closed = warnings.find(raised.id(), gov);
        assertThat(closed.status()).isEqualTo(WarningCase.Status.CLOSED);
        assertThat(closed.closedBy()).isEqualTo("gov");
        assertThat(jdbc.sql("SELECT scored_at >= ? FROM warning.score WHERE credit_code = ?")
                .params(java.sql.Timestamp.from(closed.closedAt()), e.creditCode()).query(Boolean.class).single())
                .as("scored again when closed").isTrue();
        assertThat(warnings.queue(null, gov)).filteredOn(c -> c.creditCode().equals(e.creditCode())
                && c.status() != WarningCase.Status.CLOSED).as("the same signals open no new warning").isEmpty();
    }
}
