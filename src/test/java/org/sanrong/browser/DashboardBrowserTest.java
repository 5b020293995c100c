package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanrong.TestData;

/** The government home draws its charts under the strict Content-Security-Policy. */
class DashboardBrowserTest extends BrowserTest {

    @Test
    void governmentHomeDrawsCharts() {
        browser.login("gov", TestData.DEMO_PASSWORD);
        assertThat(browser.text("#home-title")).isEqualTo("政府工作台");
        for (String chart : new String[] {"#chart-towns", "#chart-stages", "#chart-qualifications", "#chart-products",
            "#chart-demands"}) {
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d ->
                    !d.findElements(By.cssSelector(chart + " canvas")).isEmpty());
        }
        browser.screenshot("gov-home");
    }
}
