package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanrong.TestData;

/** A government user browses the reference data and opens the industry tree level by level. */
class ReferenceBrowserTest extends BrowserTest {

    @Test
    void governmentUserOpensTheIndustryTreeLevelByLevel() {
        browser.login("gov", TestData.DEMO_PASSWORD);
        browser.click("#nav-reference");
        assertThat(browser.text("#reference-title")).isEqualTo("参考数据");
        assertThat(browser.text("#pane-towns")).contains("松山湖", "东城街道");
        browser.screenshot("reference-towns");
        browser.click("#tab-qualifications");
        assertThat(browser.text("#qualification-kinds")).contains("专精特新\"小巨人\"企业", "工信部门");
        browser.click("#tab-emerging");
        assertThat(browser.text("#emerging-industries")).contains("新一代信息技术产业", "C39");
        browser.screenshot("reference-emerging");

        browser.click("#tab-industries");
        browser.click("#open-C");
        assertThat(browser.text("#open-C39")).contains("C39", "计算机、通信和其他电子设备制造业");
        browser.click("#open-C39");
        assertThat(browser.text("#open-C391")).contains("C391", "计算机制造");
        browser.click("#open-C391");
        assertThat(browser.text("#node-C3911")).contains("计算机整机制造");
        browser.screenshot("reference-industry-tree");

        browser.type("industry-prefix", "I65");
        assertThat(browser.text("#industry-search-summary")).contains("以 I65 开头");
        assertThat(browser.text("#found-I651")).contains("软件开发");

        browser.click("#open-C39");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.id("open-C391"))).isEmpty();
    }
}
