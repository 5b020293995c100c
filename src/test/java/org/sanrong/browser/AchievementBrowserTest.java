package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.sanrong.achievement.AchievementFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's 科技成果库 in Chromium: an enterprise records a patent (a wrong check character answered next to the
 * number), another finds it by a Chinese word and expresses interest, and the owner sees the interest in its inbox
 * and on its page.
 */
class AchievementBrowserTest extends BrowserTest {

    @Autowired
    OrganisationRegistry registry;

    @Test
    void anEnterpriseFindsAnAchievementByASearchAndItsOwnerSeesTheInterest() {
        AchievementFixtures fx = new AchievementFixtures(port, registry);
        var owner = fx.enterprise();
        var buyer = fx.enterprise();
        String patent = AchievementFixtures.patent(true);
        char check = patent.charAt(patent.length() - 1);
        String wrong = patent.substring(0, patent.length() - 1) + (check == '0' ? '1' : '0');
        String word = "钙钛矿" + owner.username().substring(2, 6);

        browser.login(owner.username(), AchievementFixtures.PW);
        browser.click("#nav-growth");
        browser.click("#nav-achievements");
        browser.click("#new-achievement");
        browser.type("title", word + "叠层太阳能电池");
        browser.type("description", "钙钛矿/晶硅叠层电池的界面钝化工艺，实验室效率31%。");
        browser.type("patentNumber", wrong);
        browser.type("industryCode", "C3825");
        new Select(browser.find("#trl")).selectByValue("5");
        browser.click("input[name='intents'][value='LICENSE']");
        browser.click("input[name='intents'][value='JOINT_DEVELOPMENT']");
        browser.type("contactPhone", "0769-22334455");
        browser.click("#save-achievement");
        assertThat(browser.fieldError("patentNumber")).contains("校验位");
        browser.type("patentNumber", patent);
        browser.click("#save-achievement");
        assertThat(browser.text("#achievement-title")).isEqualTo(word + "叠层太阳能电池");
        assertThat(browser.text("#achievement-patent")).contains(patent).contains("已授权");
        assertThat(browser.text("#achievement-trl")).contains("TRL 5");
        browser.screenshot("achievement-recorded");
        browser.logout();

        browser.login(buyer.username(), AchievementFixtures.PW);
        browser.click("#nav-growth");
        browser.click("#nav-achievements");
        browser.type("q", word);
        browser.click("#achievement-search");
        assertThat(browser.text("#achievements")).contains(word + "叠层太阳能电池");
        browser.screenshot("achievement-search");
        browser.click("#achievements .achievement-title");
        assertThat(browser.text("#achievement-owner")).contains(owner.name());
        browser.click("#express-interest");
        assertThat(browser.fieldError("message")).contains("合作设想");
        new Select(browser.find("#intent")).selectByValue("JOINT_DEVELOPMENT");
        browser.type("message", "我司有中试线，希望联合开发叠层组件");
        browser.click("#express-interest");
        assertThat(browser.text("#own-interest")).contains("联合开发叠层组件");
        browser.screenshot("achievement-interest");
        browser.logout();

        browser.login(owner.username(), AchievementFixtures.PW);
        assertThat(browser.text("#inbox-badge")).isNotBlank();
        browser.click("#nav-inbox");
        assertThat(browser.text("#inbox-messages")).contains("收到科技成果合作意向");
        browser.click("#nav-growth");
        browser.click("#nav-achievements");
        browser.click("#my-achievements");
        assertThat(browser.text("#received-interests")).contains(buyer.name()).contains("联合开发叠层组件");
        browser.click("#received-interests a");
        assertThat(browser.text("#interests")).contains(buyer.name()).contains("合作开发");
        browser.screenshot("achievement-owner-sees-interest");
    }
}
