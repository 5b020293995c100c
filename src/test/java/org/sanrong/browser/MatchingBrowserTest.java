package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sanrong.TestData;

/** A founder's published demand shows ranked, explained products; the home page lists what it qualifies for. */
class MatchingBrowserTest extends BrowserTest {

    @Test
    void founderSeesRankedExplainedMatches() {
        browser.login("enterprise", TestData.DEMO_PASSWORD);
        assertThat(browser.text("#home-eligible")).isNotBlank();
        browser.go("/enterprise/demands");
        List<String> demands = browser.driver.findElements(By.cssSelector("a[href^='/demands/']")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> h != null && !h.contains("/versions/"))
                .map(h -> h.substring(h.indexOf("/demands/"))).distinct().toList();
        assertThat(demands).isNotEmpty();
        for (String demand : demands) {
            browser.go(demand);
            if (!browser.driver.findElements(By.id("see-matches")).isEmpty()) {
                break;
            }
        }
        browser.click("#see-matches");
        assertThat(browser.text("h1")).contains("匹配的金融产品");
        List<WebElement> scores = browser.driver.findElements(By.cssSelector("#matches .score"));
        List<WebElement> reasons = browser.driver.findElements(By.cssSelector("#matches .reasons li"));
        assertThat(scores.size() + reasons.size()).isPositive();
        int previous = Integer.MAX_VALUE;
        for (WebElement s : scores) {
            int score = Integer.parseInt(s.getText());
            assertThat(score).isLessThanOrEqualTo(previous);
            previous = score;
        }
        browser.screenshot("demand-matches");
    }
}
