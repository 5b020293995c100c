package org.sanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Self-registration and approval through the JSON API over real HTTP. */
@SanrongTest
class RegistrationApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebClient web;

    @BeforeEach
    void client() {
        web = new WebClient(port);
    }

    private String registration(String code, String type, String username) {
        return """
                {"organisationName":"东莞测试%s有限公司","creditCode":"%s","institutionType":%s,
                 "contactName":"张三","contactMobile":"%s","username":"%s","displayName":"张三",
                 "password":"Sanrong#2026"}""".formatted(username, code, type == null ? "null" : "\"" + type + "\"",
                TestData.mobile(), username);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void registersAnEnterpriseThatCanLogInAtOnce() throws Exception {
        String username = TestData.username("ent");
        HttpResponse<String> r = web.api("POST", "/api/v1/registrations", null, null,
                registration(TestData.creditCode(), null, username));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(json(r).path("contactMobileMasked").asText()).matches("139\\*{4}\\d{4}");

        HttpResponse<String> me = web.api("GET", "/api/v1/me", username, TestData.DEMO_PASSWORD, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("roles").get(0).asText()).isEqualTo("ENTERPRISE");
        assertThat(json(me).path("organisationAdmin").asBoolean()).isTrue();
    }

    @Test
    void institutionWaitsForApprovalThenLogsIn() throws Exception {
        String username = TestData.username("bank");
        HttpResponse<String> r = web.api("POST", "/api/v1/registrations", null, null,
                registration(TestData.creditCode(), "BANK", username));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).path("status").asText()).isEqualTo("PENDING");
        String id = json(r).path("id").asText();

        HttpResponse<String> refused = web.api("GET", "/api/v1/me", username, TestData.DEMO_PASSWORD, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(refused).path("detail").asText()).contains("审核");

        HttpResponse<String> notAdmin = web.api("POST", "/api/v1/admin/organisations/" + id + "/approval", "bank",
                TestData.DEMO_PASSWORD, null);
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(json(notAdmin).path("status").asInt()).isEqualTo(403);

        HttpResponse<String> approved = web.api("POST", "/api/v1/admin/organisations/" + id + "/approval", "sysadmin",
                TestData.DEMO_PASSWORD, null);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json(approved).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(web.api("GET", "/api/v1/me", username, TestData.DEMO_PASSWORD, null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> twice = web.api("POST", "/api/v1/admin/organisations/" + id + "/approval", "sysadmin",
                TestData.DEMO_PASSWORD, null);
        assertThat(twice.statusCode()).isEqualTo(400);
    }

    @Test
    void rejectsEachBadFieldAndSavesNothing() throws Exception {
        long before = organisations();
        String body = """
                {"organisationName":"","creditCode":"91441900MA4W7K3L","contactName":"张三",
                 "contactMobile":"12345","username":"x","displayName":"张三","password":"short"}""";
        HttpResponse<String> r = web.api("POST", "/api/v1/registrations", null, null, body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode errors = json(r).path("errors");
        assertThat(errors.path("organisationName").asText()).contains("组织名称");
        assertThat(errors.path("creditCode").asText()).contains("18位");
        assertThat(errors.path("contactMobile").asText()).contains("手机");
        assertThat(errors.path("username").asText()).contains("用户名");
        assertThat(errors.path("password").asText()).contains("至少8位");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void namesTheFailedCreditCodeRule() throws Exception {
        HttpResponse<String> wrongCheck = web.api("POST", "/api/v1/registrations", null, null,
                registration(TestData.creditCodeWithWrongCheck(), null, TestData.username("e")));
        assertThat(json(wrongCheck).path("errors").path("creditCode").asText()).contains("校验位");
        HttpResponse<String> illegal = web.api("POST", "/api/v1/registrations", null, null,
                registration("91441900MA4W7K3LOX", null, TestData.username("e")));
        assertThat(json(illegal).path("errors").path("creditCode").asText()).contains("第17位").contains("O");
    }

    @Test
    void refusesDuplicateCreditCodeAndUsername() throws Exception {
        String code = TestData.creditCode();
        String username = TestData.username("dup");
        assertThat(web.api("POST", "/api/v1/registrations", null, null, registration(code, null, username))
                .statusCode()).isEqualTo(201);
        long before = organisations();
        HttpResponse<String> again = web.api("POST", "/api/v1/registrations", null, null,
                registration(code, null, username.toUpperCase()));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("errors").path("creditCode").asText()).contains("已注册");
        assertThat(json(again).path("errors").path("username").asText()).contains("已被使用");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void apiErrorsAreProblemJsonWithoutRedirects() throws Exception {
        HttpResponse<String> anonymous = web.api("GET", "/api/v1/me", null, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("title").asText()).isNotBlank();

        HttpResponse<String> missing = web.api("GET", "/api/v1/admin/organisations/" + java.util.UUID.randomUUID(),
                "sysadmin", TestData.DEMO_PASSWORD, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> noSuchPath = web.api("GET", "/api/v1/no-such-thing", "admin", TestData.DEMO_PASSWORD,
                null);
        assertThat(noSuchPath.statusCode()).isEqualTo(404);
        assertThat(json(noSuchPath).path("status").asInt()).isEqualTo(404);

        HttpResponse<String> broken = web.api("POST", "/api/v1/registrations", null, null, "{not json");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void checksCreditCodesPublicly() throws Exception {
        HttpResponse<String> r = web.api("GET", "/api/v1/reference/credit-codes/914403001922038217", null, null,
                null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("valid").asBoolean()).isFalse();
        assertThat(json(r).path("failedRule").asText()).isEqualTo("CHECK_CHARACTER");
        assertThat(json(web.api("GET", "/api/v1/reference/credit-codes/914403001922038216", null, null, null))
                .path("valid").asBoolean()).isTrue();
    }

    private long organisations() {
        return jdbc.sql("SELECT count(*) FROM identity.organisation").query(Long.class).single();
    }
}
