package org.sanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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
 * With {@code sanrong.security.mfa} on, an institution's user enrols an authenticator at first login, then needs a
 * code (or a one-time recovery code) after the password before any page; the API refuses the password alone;
 * enterprises (not in the default roles) log in with the password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sanrong.security.mfa=true", "sanrong.security.password.max-age=P90D"})
@ActiveProfiles("test")
class TwoFactorLoginTest {

    static final String PW = TestData.DEMO_PASSWORD;
    static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");
    static final Pattern RECOVERY = Pattern.compile("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>");

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    private String institution() {
        String username = TestData.username("mfa");
        UUID id = registry.register(new Registration("测试" + username + "银行", TestData.creditCode(),
                InstitutionType.BANK, "吴经理", TestData.mobile(), username, "吴经理", PW));
        registry.approve(id, "test");
        return username;
    }

    @Test
    void institutionEnrolsThenNeedsACodeAfterThePassword() {
        String username = institution();
        WebClient first = new WebClient(port);
        first.login(username, PW);
        HttpResponse<String> setup = first.follow("/institution/deals");
        assertThat(setup.body()).as("first login goes to enrolment").contains("id=\"mfa-secret\"")
                .doesNotContain("id=\"mfa-banner\"");
        Matcher m = SECRET.matcher(setup.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        assertThat(first.postForm("/login/mfa/setup", Map.of("secret", secret, "code", "000000")).body())
                .as("a wrong code enables nothing").contains("验证码不正确");
        String code = Totp.code(secret, Totp.step(Instant.now()));
        HttpResponse<String> recovery = first.postForm("/login/mfa/setup", Map.of("secret", secret, "code", code));
        Matcher codes = RECOVERY.matcher(recovery.body());
        java.util.List<String> recoveryCodes = new java.util.ArrayList<>();
        while (codes.find()) {
            recoveryCodes.add(codes.group(1));
        }
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        assertThat(first.get("/institution/deals").statusCode()).as("through, in this session").isEqualTo(200);

        WebClient second = new WebClient(port);
        second.login(username, PW);
        HttpResponse<String> gated = second.get("/institution/deals");
        assertThat(gated.statusCode()).isEqualTo(302);
        assertThat(gated.headers().firstValue("Location").orElse("")).endsWith("/login/mfa");
        second.get("/login/mfa");
        assertThat(second.postForm("/login/mfa", Map.of("code", code)).body()).as("a code works once")
                .contains("验证码或恢复码不正确");
        second.postForm("/login/mfa", Map.of("code", recoveryCodes.getFirst()));
        assertThat(second.get("/institution/deals").statusCode()).isEqualTo(200);

        WebClient third = new WebClient(port);
        third.login(username, PW);
        third.get("/login/mfa");
        assertThat(third.postForm("/login/mfa", Map.of("code", recoveryCodes.getFirst())).body())
                .as("a recovery code works once").contains("验证码或恢复码不正确");
        assertThat(third.get("/institution/deals").statusCode()).isEqualTo(302);

        HttpResponse<String> api = new WebClient(port).api("GET", "/api/v1/deals", username, PW, null);
        assertThat(api.statusCode()).as("the API refuses the password alone").isEqualTo(401);
        assertThat(api.body()).contains("双因素");
        assertThat(new WebClient(port).api("GET", "/api/v1/deals", "enterprise", PW, null).statusCode())
                .as("enterprises are not in the default roles").isEqualTo(200);

        // the institution's systems use an API token instead, created by its admin (the founder here)
        second.get("/organisation/api-tokens");
        second.postForm("/organisation/api-tokens", Map.of("name", "信贷系统"));
        String page = second.get("/organisation/api-tokens").body();
        Matcher t = Pattern.compile("id=\"new-token\">(srk_[a-z2-7]+)<").matcher(page);
        assertThat(t.find()).as("shown once on the page").isTrue();
        String token = t.group(1);
        assertThat(second.get("/organisation/api-tokens").body()).as("only once").doesNotContain(token);
        assertThat(bearer("/api/v1/deals", token).statusCode()).isEqualTo(200);
        assertThat(new WebClient(port).api("GET", "/api/v1/deals", "token", token, null).statusCode())
                .as("HTTP Basic with user 'token'").isEqualTo(200);
        assertThat(bearer("/api/v1/deals", token + "x").statusCode()).isEqualTo(401);

        Matcher revoke = Pattern.compile("action=\"(/organisation/api-tokens/[0-9a-f-]+/revocation)\"").matcher(
                second.get("/organisation/api-tokens").body());
        assertThat(revoke.find()).isTrue();
        second.postForm(revoke.group(1), Map.of());
        HttpResponse<String> revoked = bearer("/api/v1/deals", token);
        assertThat(revoked.statusCode()).as("revoked stops at the next request").isEqualTo(401);
        assertThat(revoked.body()).contains("令牌");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aPasswordOlderThanItsMaximumAgeMustBeChangedFirstAndNoneOfTheLastFiveRepeated() {
        String username = TestData.username("pw");
        registry.register(new Registration("东莞密码测试" + username + "科技有限公司", TestData.creditCode(), null, "王十",
                TestData.mobile(), username, "王十", PW));
        jdbc.sql("UPDATE identity.account SET password_changed_at = now() - interval '91 days' WHERE username = ?")
                .param(username).update();
        WebClient web = new WebClient(port);
        web.login(username, TestData.DEMO_PASSWORD);
        HttpResponse<String> sent = web.get("/enterprise/deals");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).contains("/account/password?expired");
        String[] passwords = {"Second#2026", "Third#2026x", "Fourth#2026", "Fifth#2026y", "Sixth#2026z"};
        String current = TestData.DEMO_PASSWORD;
        for (String next : passwords) {
            web.get("/account/password");
            web.postForm("/account/password", Map.of("currentPassword", current, "newPassword", next,
                    "confirmPassword", next));
            current = next;
        }
        assertThat(web.get("/enterprise/deals").statusCode()).as("changed: through").isEqualTo(200);
        web.get("/account/password");
        String reuse = web.postForm("/account/password", Map.of("currentPassword", current, "newPassword",
                "Third#2026x", "confirmPassword", "Third#2026x")).body();
        assertThat(reuse).as("one of the last five").contains("最近5次");
        web.get("/account/password");
        HttpResponse<String> old = web.postForm("/account/password", Map.of("currentPassword", current,
                "newPassword", TestData.DEMO_PASSWORD, "confirmPassword", TestData.DEMO_PASSWORD));
        assertThat(old.body()).as("six passwords ago may come back").doesNotContain("最近5次");
    }

    private HttpResponse<String> bearer(String path, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
