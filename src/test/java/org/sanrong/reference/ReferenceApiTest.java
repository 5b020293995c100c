package org.sanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public reference API and the reference page over real HTTP. */
@SanrongTest
class ReferenceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    WebClient web;

    @BeforeEach
    void client() {
        web = new WebClient(port);
    }

    private HttpResponse<String> get(String path) {
        return web.api("GET", path, null, null, null);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void listsTownsWithoutLogin() {
        HttpResponse<String> r = get("/api/v1/reference/towns");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).size()).isEqualTo(36);
        assertThat(json(r).get(0).path("code").asText()).isEqualTo("441900003");
        assertThat(json(r).get(0).path("name").asText()).isEqualTo("东城街道");
        assertThat(json(r).get(0).path("kind").asText()).isEqualTo("街道");
    }

    @Test
    void listsSectionsOrCodesByPrefix() {
        JsonNode sections = json(get("/api/v1/reference/industries"));
        assertThat(sections.size()).isEqualTo(20);
        assertThat(sections.get(0).path("level").asText()).isEqualTo("SECTION");
        assertThat(sections.get(0).path("parentCode").isNull()).isTrue();

        HttpResponse<String> c39 = get("/api/v1/reference/industries?prefix=C39");
        assertThat(c39.statusCode()).isEqualTo(200);
        assertThat(json(c39).get(0).path("code").asText()).isEqualTo("C39");
        assertThat(json(c39).get(0).path("name").asText()).isEqualTo("计算机、通信和其他电子设备制造业");
        assertThat(json(c39).size()).isEqualTo(1 + 9 + (int) json(c39).valueStream()
                .filter(n -> n.path("level").asText().equals("CLASS")).count());
        assertThat(json(get("/api/v1/reference/industries?prefix=c3911")).get(0).path("code").asText())
                .isEqualTo("C3911");

        HttpResponse<String> unknown = get("/api/v1/reference/industries?prefix=Z99");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(json(unknown).size()).isZero();
    }

    @Test
    void refusesAPrefixThatIsNoPlausibleCode() {
        for (String prefix : new String[] {"C%2039", "C39111", "39", "%E5%88%B6%E9%80%A0"}) {
            HttpResponse<String> r = get("/api/v1/reference/industries?prefix=" + prefix);
            assertThat(r.statusCode()).as(prefix).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(r).path("errors").path("prefix").asText()).contains("门类字母");
        }
    }

    @Test
    void findsOneIndustryOrAnswers404() {
        HttpResponse<String> r = get("/api/v1/reference/industries/C3911");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("name").asText()).isEqualTo("计算机整机制造");
        assertThat(json(r).path("level").asText()).isEqualTo("CLASS");
        assertThat(json(r).path("parentCode").asText()).isEqualTo("C391");

        HttpResponse<String> missing = get("/api/v1/reference/industries/C3999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(missing).path("status").asInt()).isEqualTo(404);
        assertThat(json(missing).path("detail").asText()).contains("C3999");
    }

    @Test
    void listsEmergingIndustriesAndQualificationKinds() {
        JsonNode emerging = json(get("/api/v1/reference/emerging-industries"));
        assertThat(emerging.size()).isEqualTo(9);
        assertThat(emerging.get(0).path("name").asText()).isEqualTo("新一代信息技术产业");
        assertThat(emerging.get(0).path("industryPrefixes").valueStream().map(JsonNode::asText))
                .contains("C39", "I65");

        JsonNode kinds = json(get("/api/v1/reference/qualification-kinds"));
        assertThat(kinds.size()).isEqualTo(12);
        assertThat(kinds.get(0).path("code").asText()).isEqualTo("HIGH_TECH");
        assertThat(kinds.get(0).path("whitelist").asBoolean()).isTrue();
    }

    @Test
    void thePageIsForSignedInUsers() {
        HttpResponse<String> anonymous = web.get("/reference");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        web.login("gov", TestData.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("/reference");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("参考数据", "松山湖", "专精特新&quot;小巨人&quot;企业", "新一代信息技术产业",
                "id=\"open-C\"");

        HttpResponse<String> children = web.get("/reference/industries?parent=C39");
        assertThat(children.statusCode()).isEqualTo(200);
        assertThat(children.body()).contains("id=\"open-C391\"", "计算机制造").doesNotContain("<html");

        HttpResponse<String> search = web.get("/reference/industries/search?prefix=C391");
        assertThat(search.body()).contains("共 7 个代码以 C391 开头", "计算机整机制造");
        assertThat(web.get("/reference/industries/search?prefix=C%2039").body()).contains("industry-search-error");

        HttpResponse<String> english = web.get("/reference?lang=en&prefix=C");
        assertThat(english.body()).contains("Reference data", "codes start with C", "Next");
    }
}
