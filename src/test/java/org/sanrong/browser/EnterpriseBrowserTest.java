package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sanrong.TestData;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.springframework.beans.factory.annotation.Autowired;

/** An enterprise completes its profile and declares 高新技术企业; gov verifies; the bank needs consent to look. */
class EnterpriseBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    @Test
    void profileQualificationVerificationAndConsent() throws Exception {
        String username = TestData.username("ui");
        String code = TestData.creditCode();
        String name = "东莞界面测试" + username + "智能科技有限公司";
        registry.register(new Registration(name, code, null, "吴三", TestData.mobile(), username, "吴三",
                TestData.DEMO_PASSWORD));

        browser.login(username, TestData.DEMO_PASSWORD);
        browser.click("#nav-my-enterprise");
        assertThat(browser.text("#enterprise-name")).isEqualTo(name);
        browser.click("#edit-profile");
        browser.type("industryCode", "C3911");
        new Select(browser.find("#townCode")).selectByVisibleText("松山湖");
        browser.setValue("registeredOn", "2020-05-18");
        browser.type("headcount", "120");
        browser.type("year", "2025");
        browser.type("revenue", "abc");
        browser.click("#save-profile");
        assertThat(browser.fieldError("revenue")).contains("不是数字");
        browser.type("revenue", "5600");
        browser.type("rdExpense", "620");
        browser.click("#save-profile");
        assertThat(browser.text("#revenue")).isEqualTo("5,600.00万元");
        assertThat(browser.text("#stage")).isEqualTo("成长期");

        Path pdf = Files.createTempFile("certificate", ".pdf");
        Files.write(pdf, "%PDF-1.4\n%%EOF\n".getBytes());
        new Select(browser.find("#kind")).selectByValue("HIGH_TECH");
        browser.type("certificateNo", "GR202444009999");
        browser.find("#attachment").sendKeys(pdf.toString());
        browser.click("#declare");
        assertThat(browser.text(".alert-success")).contains("资质已申报");
        assertThat(browser.text("#qualifications")).contains("待核验");
        browser.screenshot("enterprise-profile");
        browser.logout();

        browser.login("gov", TestData.DEMO_PASSWORD);
        browser.click("#nav-pending");
        browser.driver.findElement(By.xpath("//tr[td/a[text()='" + name + "']]//button[contains(@class,'btn-success')]"))
                .click();
        assertThat(browser.text(".alert-success")).contains("已核验：" + name);
        browser.logout();

        browser.login("bank", TestData.DEMO_PASSWORD);
        browser.go("/enterprises/" + code);
        assertThat(browser.text("#no-consent")).contains("未授权");
        assertThat(browser.driver.getPageSource()).contains("高新技术企业").doesNotContain("5,600.00万元");
        browser.logout();

        browser.login(username, TestData.DEMO_PASSWORD);
        browser.go("/enterprises/" + code);
        new Select(browser.find("#grantee")).selectByVisibleText("东莞科创银行（演示）");
        browser.type("purpose", "贷款审批");
        browser.setValue("consentUntil", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString());
        browser.click("#grant");
        assertThat(browser.text(".alert-success")).contains("授权已生效");
        browser.logout();

        browser.login("bank", TestData.DEMO_PASSWORD);
        browser.go("/enterprises/" + code);
        assertThat(browser.text("#revenue")).isEqualTo("5,600.00万元");
        browser.logout();

        browser.login(username, TestData.DEMO_PASSWORD);
        browser.go("/enterprises/" + code);
        assertThat(browser.text("#access-log")).contains("东莞科创银行（演示）");
        browser.screenshot("enterprise-access-log");
    }
}
