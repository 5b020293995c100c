package org.sanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Login through the real form: messages, lockout, audit, password change. */
@SanrongTest
class LoginTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuditTrail audit;

    private String newEnterpriseAccount() {
        String username = TestData.username("login");
        registry.register(new Registration("东莞登录测试" + username + "有限公司", TestData.creditCode(), null, "李四",
                TestData.mobile(), username, "李四", TestData.DEMO_PASSWORD));
        return username;
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameChineseMessage() {
        WebClient web = new WebClient(port);
        HttpResponse<String> r = web.login("enterprise", "Wrong#2026x");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(web.follow("/login?error").body()).contains("用户名或密码错误");
        web.login("nobody-" + TestData.username("x"), "Wrong#2026x");
        assertThat(web.follow("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void fiveFailuresLockTheAccountAndAreAudited() {
        String username = newEnterpriseAccount();
        WebClient web = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            web.login(username, "Wrong#2026x");
        }
        web.login(username, TestData.DEMO_PASSWORD);
        assertThat(web.follow("/login?error").body()).contains("账号已锁定15分钟");
        assertThat(web.api("GET", "/api/v1/me", username, TestData.DEMO_PASSWORD, null).statusCode())
                .isEqualTo(401);

        var failures = audit.search(new AuditQuery(username, "LOGIN", null, null, null, null), 0, 50).items();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(6)
                .allMatch(e -> e.outcome() == AuditEntry.Outcome.FAILURE)
                .allMatch(e -> e.ip() != null);
    }

    @Test
    void successfulLoginShowsTheChineseHomeAndIsAudited() {
        String username = newEnterpriseAccount();
        WebClient web = new WebClient(port);
        HttpResponse<String> r = web.login(username, TestData.DEMO_PASSWORD);
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> home = web.follow("/");
        assertThat(home.body()).contains("企业工作台").contains("东莞登录测试" + username);
        assertThat(audit.search(new AuditQuery(username, "LOGIN", null, null, null, null), 0, 10).items())
                .anyMatch(e -> e.outcome() == AuditEntry.Outcome.SUCCESS);
    }

    @Test
    void changesPasswordOnlyWithTheCurrentOneAndAGoodNewOne() {
        String username = newEnterpriseAccount();
        WebClient web = new WebClient(port);
        web.login(username, TestData.DEMO_PASSWORD);
        web.get("/account/password");
        HttpResponse<String> weak = web.postForm("/account/password", Map.of("currentPassword",
                TestData.DEMO_PASSWORD, "newPassword", "weakweak", "confirmPassword", "weakweak"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("至少8位").contains("is-invalid");
        HttpResponse<String> wrongCurrent = web.postForm("/account/password", Map.of("currentPassword",
                "Nope#2026x", "newPassword", "Better#2027", "confirmPassword", "Better#2027"));
        assertThat(wrongCurrent.body()).contains("当前密码不正确");
        HttpResponse<String> ok = web.postForm("/account/password", Map.of("currentPassword",
                TestData.DEMO_PASSWORD, "newPassword", "Better#2027", "confirmPassword", "Better#2027"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(web.api("GET", "/api/v1/me", username, "Better#2027", null).statusCode()).isEqualTo(200);
        assertThat(web.api("GET", "/api/v1/me", username, TestData.DEMO_PASSWORD, null).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesNeedCsrfTokens() {
        WebClient web = new WebClient(port);
        web.get("/login");
        HttpResponse<String> r = web.postFormRaw("/login", Map.of("username", "admin",
                "password", TestData.DEMO_PASSWORD));
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void adminPagesRefuseOtherRoles() {
        WebClient web = new WebClient(port);
        web.login("enterprise", TestData.DEMO_PASSWORD);
        HttpResponse<String> r = web.get("/admin/organisations");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("无权访问").doesNotContain("Exception");
    }
}
