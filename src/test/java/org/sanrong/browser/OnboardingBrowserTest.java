package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sanrong.TestData;

/** The first minutes of an enterprise and a bank on the platform, in a real Chromium. */
class OnboardingBrowserTest extends BrowserTest {

    private void fillRegistration(String name, String code, String username) {
        browser.type("organisationName", name);
        browser.type("creditCode", code);
        browser.type("contactName", "陈小明");
        browser.type("contactMobile", TestData.mobile());
        browser.type("username", username);
        browser.type("displayName", "陈小明");
        browser.type("password", TestData.DEMO_PASSWORD);
        browser.type("confirmPassword", TestData.DEMO_PASSWORD);
    }

    @Test
    void enterpriseRegistersLogsInAndSeesItsChineseHome() {
        String username = TestData.username("web");
        String name = "东莞浏览器测试" + username + "科技有限公司";
        browser.go("/");
        browser.click("a[href='/register']");
        browser.click("#register-enterprise");

        fillRegistration(name, TestData.creditCodeWithWrongCheck(), username);
        browser.type("confirmPassword", "Different#1");
        browser.click("#register-submit");
        assertThat(browser.fieldError("creditCode")).contains("校验位");
        assertThat(browser.fieldError("confirmPassword")).contains("不一致");
        browser.screenshot("register-errors");

        fillRegistration(name, TestData.creditCode(), username);
        browser.click("#register-submit");
        assertThat(browser.text("#registered-notice")).contains("注册成功");

        browser.login(username, TestData.DEMO_PASSWORD);
        assertThat(browser.text("#home-title")).isEqualTo("企业工作台");
        assertThat(browser.text("#home-organisation")).isEqualTo(name);
        assertThat(browser.text("#current-user")).contains(name);
        browser.screenshot("enterprise-home");
    }

    @Test
    void operatorApprovesANewlyRegisteredBank() {
        String username = TestData.username("bank");
        String name = "东莞浏览器测试" + username + "银行";
        browser.go("/register/institution");
        fillRegistration(name, TestData.creditCode(), username);
        new Select(browser.find("#institutionType")).selectByValue("BANK");
        browser.click("#register-submit");
        assertThat(browser.text("#registered-notice-institution")).contains("审核");

        browser.login(username, TestData.DEMO_PASSWORD);
        assertThat(browser.text("#login-error")).contains("审核中");

        // organisations are the system administrator's (三权分立): their home is the organisations page
        browser.login("sysadmin", TestData.DEMO_PASSWORD);
        browser.go("/admin/organisations?kind=INSTITUTION&status=PENDING");
        browser.driver.findElement(By.linkText(name)).click();
        assertThat(browser.text("#organisation-status")).isEqualTo("待审核");
        browser.click("#approve");
        assertThat(browser.text("#organisation-status")).isEqualTo("正常");
        browser.screenshot("admin-approved");
        browser.logout();

        browser.login(username, TestData.DEMO_PASSWORD);
        assertThat(browser.text("#home-title")).isEqualTo("机构工作台");
    }
}
