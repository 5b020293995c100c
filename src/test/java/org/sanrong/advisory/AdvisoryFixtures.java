package org.sanrong.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Fresh institutions, advisers and enterprises for adviser tests, so tests sharing the database never meet. */
public final class AdvisoryFixtures {

    public static final String PW = TestData.DEMO_PASSWORD;
    public static final String DONGCHENG = "441900003";
    public static final String NANCHENG = "441900004";
    static final ObjectMapper JSON = new ObjectMapper();

    public record Party(String username, UUID organisationId, String name, String creditCode) {
    }

    /** An institution whose first account (its administrator) is named adviser; {@code adviserId} is the adviser. */
    public record Institution(String username, UUID organisationId, String name, UUID adviserId) {
    }

    private final int port;
    private final OrganisationRegistry registry;

    public AdvisoryFixtures(int port, OrganisationRegistry registry) {
        this.port = port;
        this.registry = registry;
    }

    public Institution institutionWithAdviser() {
        String username = TestData.username("va");
        String name = "顾问测试" + username + "银行";
        UUID id = registry.register(new Registration(name, TestData.creditCode(), InstitutionType.BANK, "吴经理",
                TestData.mobile(), username, "吴经理", PW));
        registry.approve(id, "test");
        HttpResponse<String> named = api("POST", "/api/v1/advisory/advisers", username, """
                {"username": "%s", "specialities": ["CREDIT", "IP_FINANCING"], "phone": "0769-22110000",
                 "introduction": "十年科技信贷经验"}""".formatted(username));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        return new Institution(username, id, name, UUID.fromString(json(named).path("id").asText()));
    }

    /** An enterprise on the platform, placed in a town (or none) with an industry. */
    public Party enterprise(String townCode) {
        String username = TestData.username("ve");
        String name = "东莞顾问测试" + username + "有限公司";
        String code = TestData.creditCode();
        UUID id = registry.register(new Registration(name, code, null, "郑九", TestData.mobile(), username, "郑九", PW));
        if (townCode != null) {
            HttpResponse<String> placed = api("PUT", "/api/v1/enterprises/" + code, username, """
                    {"profile": {"name": "%s", "townCode": "%s", "industryCode": "C3841"}}""".formatted(name, townCode));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        }
        return new Party(username, id, name, code);
    }

    /** Government assigns; answers the assignment's JSON. */
    public JsonNode assign(UUID adviser, Party enterprise, String basis, String assignedOn) {
        HttpResponse<String> r = api("POST", "/api/v1/advisory/assignments", "gov", """
                {"adviserId": "%s", "enterpriseCreditCode": "%s", "basis": "%s", "assignedOn": %s}"""
                .formatted(adviser, enterprise.creditCode(), basis, assignedOn == null ? "null" : "\"" + assignedOn
                        + "\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    /** The adviser logs a visit; answers the service's JSON. */
    public JsonNode visit(Institution adviser, String assignment, String on) {
        HttpResponse<String> r = api("POST", "/api/v1/advisory/assignments/" + assignment + "/services",
                adviser.username(), """
                        {"servedOn": "%s", "type": "VISIT", "summary": "上门了解融资需求，梳理知识产权质押方案",
                         "followUps": "下周提交专利评估材料"}""".formatted(on));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    public HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, username == null ? null : PW, body);
    }

    public static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }
}
