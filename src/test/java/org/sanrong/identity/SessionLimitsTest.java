package org.sanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sessions (等保 8.1.4.1 c): a new session id at login, an absolute lifetime however active (shortened to 4 s here),
 * and a user seeing their sessions and ending the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sanrong.security.session-absolute-timeout=PT4S")
@ActiveProfiles("test")
class SessionLimitsTest {

    static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    private String enterprise() {
        String username = TestData.username("ss");
        registry.register(new Registration("东莞会话测试" + username + "科技有限公司", TestData.creditCode(), null, "郑九",
                TestData.mobile(), username, "郑九", TestData.DEMO_PASSWORD));
        return username;
    }

    @Test
    void loginGetsANewSessionIdAndAUserCanEndTheirOtherSessions() {
        String username = enterprise();
        WebClient a = new WebClient(port);
        String before = cookie(a.get("/login"));
        HttpResponse<String> login = a.postForm("/login", Map.of("username", username, "password",
                TestData.DEMO_PASSWORD));
        String after = cookie(login);
        assertThat(before).isNotNull();
        assertThat(after).as("fixation: a new id at login").isNotNull().isNotEqualTo(before);

        WebClient b = new WebClient(port);
        b.login(username, TestData.DEMO_PASSWORD);
        assertThat(b.get("/enterprise/deals").statusCode()).isEqualTo(200);
        String list = a.get("/account/sessions").body();
        Matcher rows = Pattern.compile("class=\"session-row\"").matcher(list);
        int n = 0;
        while (rows.find()) {
            n++;
        }
        assertThat(n).as("both browsers listed").isEqualTo(2);
        a.postForm("/account/sessions/others", Map.of());
        HttpResponse<String> ended = b.get("/enterprise/deals");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElse("")).contains("/login?ended");
        assertThat(a.get("/enterprise/deals").statusCode()).as("the one that ended them goes on").isEqualTo(200);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws Exception {
        String username = enterprise();
        WebClient web = new WebClient(port);
        web.login(username, TestData.DEMO_PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertThat(web.get("/enterprise/deals").statusCode()).isEqualTo(200);
            Thread.sleep(1_000);
        }
        Thread.sleep(1_500);
        HttpResponse<String> late = web.get("/enterprise/deals");
        assertThat(late.statusCode()).isEqualTo(302);
        assertThat(late.headers().firstValue("Location").orElse("")).contains("/login?expired");
    }

    private static String cookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(null);
    }
}
