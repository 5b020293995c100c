package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * No password, token or personal data in the application's log (等保 8.1.4.8): after logins right and wrong, a
 * registration with a contact's name and mobile number, an e-mail address for notices, an API token made and used, and bad API calls, none of those values is in the
 * log file the test run writes.
 */
@SanrongTest
class LogHygieneTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    ApiTokens tokens;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    AuthenticationProvider authentication;

    @Test
    void secretsAndPersonalDataNeverReachTheLog() throws Exception {
        String wrong = "Wr0ng#Pass!" + System.nanoTime();
        String mobile = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
        String username = TestData.username("log");
        String contact = "上官" + (char) ('甲' + (int) (System.nanoTime() % 200)) + "蔚";
        String email = username + "@mail.example.cn";
        registry.register(new Registration("东莞日志测试" + username + "科技有限公司", TestData.creditCode(), null, contact,
                mobile, username, "冯十一", TestData.DEMO_PASSWORD));
        WebClient web = new WebClient(port);
        web.login(username, wrong);
        web.login(username, TestData.DEMO_PASSWORD);
        web.get("/inbox/settings");
        web.postForm("/inbox/settings", Map.of("email", email));
        new WebClient(port).api("GET", "/api/v1/deals", username, wrong, null);
        SignedInUser user = (SignedInUser) authentication.authenticate(UsernamePasswordAuthenticationToken
                .unauthenticated(username, TestData.DEMO_PASSWORD)).getPrincipal();
        String token = tokens.create("日志测试", user).token();
        new WebClient(port).api("GET", "/api/v1/deals", "token", token, null);
        new WebClient(port).api("POST", "/api/v1/deals", "token", token, "{\"productId\": \"" + mobile + "\"}");
        web.postForm("/account/password", Map.of("currentPassword", wrong, "newPassword", wrong + "x",
                "confirmPassword", wrong + "x"));

        assertThat(jdbc.sql("SELECT email FROM inbox.mail_address WHERE username = ?").param(username)
                .query(String.class).single()).as("the address was kept, encrypted").startsWith("sm4:");

        Path log = Path.of("target/test-logs/sanrong.log");
        assertThat(log).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the log is being written").isNotEmpty();
        // the demo accounts' shared password is printed at start on purpose (it is in the README); nothing else is
        assertThat(text).doesNotContain(wrong).doesNotContain(wrong + "x").doesNotContain(token)
                .doesNotContain(mobile).doesNotContain(contact).doesNotContain(email);
    }
}
