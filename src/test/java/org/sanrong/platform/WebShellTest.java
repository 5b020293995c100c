package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shell every page shares: Chinese first, English on request, friendly errors, security headers. */
@SanrongTest
class WebShellTest {

    @LocalServerPort
    int port;

    @Test
    void landingPageIsChineseWithLiveCounts() {
        HttpResponse<String> r = new WebClient(port).get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("lang=\"zh-CN\"").contains("科技金融一站式服务平台").contains("入驻企业");
    }

    @Test
    void switchesToEnglishAndRemembersIt() {
        WebClient web = new WebClient(port);
        assertThat(web.get("/?lang=en").body()).contains("One-stop sci-tech finance platform")
                .contains("lang=\"en\"");
        assertThat(web.get("/login").body()).contains("Log in").doesNotContain("登录</h1>");
    }

    @Test
    void unknownPageIsAFriendlyChinese404() {
        WebClient web = new WebClient(port);
        web.login("gov", TestData.DEMO_PASSWORD);
        HttpResponse<String> r = web.get("/no/such/page");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("页面不存在").doesNotContain("Whitelabel").doesNotContain("Exception");
    }

    @Test
    void sendsSecurityHeaders() {
        HttpResponse<String> r = new WebClient(port).get("/login");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void servesEveryScriptAndStylesheetThePagesLinkTo() {
        WebClient web = new WebClient(port);
        String page = web.get("/login").body();
        Matcher m = Pattern.compile("(?:src|href)=\"(/[^\"]+\\.(?:js|css))\"").matcher(page);
        List<String> assets = new ArrayList<>();
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).anyMatch(a -> a.contains("htmx")).anyMatch(a -> a.contains("bootstrap"));
        for (String asset : assets) {
            assertThat(web.get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(web.get("/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void protectedPagesRedirectToLogin() {
        HttpResponse<String> r = new WebClient(port).get("/organisation/members");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
