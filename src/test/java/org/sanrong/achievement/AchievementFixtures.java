package org.sanrong.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Fresh enterprises and achievements for library tests, so tests sharing the database never meet. */
public final class AchievementFixtures {

    public static final String PW = TestData.DEMO_PASSWORD;
    static final ObjectMapper JSON = new ObjectMapper();

    public record Party(String username, UUID organisationId, String name, String creditCode) {
    }

    private final int port;
    private final OrganisationRegistry registry;

    public AchievementFixtures(int port, OrganisationRegistry registry) {
        this.port = port;
        this.registry = registry;
    }

    public Party enterprise() {
        String username = TestData.username("ae");
        String name = "东莞成果测试" + username + "科技有限公司";
        String code = TestData.creditCode();
        UUID id = registry.register(new Registration(name, code, null, "钱八", TestData.mobile(), username, "钱八", PW));
        return new Party(username, id, name, code);
    }

    public Party lender() {
        String username = TestData.username("al");
        String name = "成果测试" + username + "银行";
        UUID id = registry.register(new Registration(name, TestData.creditCode(), InstitutionType.BANK, "周经理",
                TestData.mobile(), username, "周经理", PW));
        registry.approve(id, "test");
        return new Party(username, id, name, null);
    }

    /** A valid granted (ZL) or pending (CN) invention patent number, random, never used before in practice. */
    public static String patent(boolean granted) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String digits = (2010 + r.nextInt(15)) + "1" + String.format("%07d", r.nextInt(10_000_000));
        return (granted ? "ZL" : "CN") + digits + "." + PatentNumber.checkCharacter(digits);
    }

    /** Records an achievement through the API as the user; answers its id. */
    public UUID record(String username, String title, String description, String industry, int trl, String intents,
            String patent) {
        HttpResponse<String> r = api("POST", "/api/v1/achievements", username, body(title, description, industry,
                trl, intents, patent, null, null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r).path("id").asText());
    }

    static String body(String title, String description, String industry, int trl, String intents, String patent,
            String ownerType, String ownerName) {
        return """
                {"kind": "%s", "title": "%s", "description": "%s", "industryCode": "%s", "trl": %d,
                 "intents": [%s], "patentNumber": %s, "contactName": "钱八", "contactPhone": "0769-22001234",
                 "ownerType": %s, "ownerName": %s}""".formatted(patent == null ? "RESEARCH_RESULT" : "PATENT", title,
                description, industry, trl, intents, quoted(patent), quoted(ownerType), quoted(ownerName));
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /** A published IP-pledge loan (or another type) of the lender, open to all or only to 高新技术企业. */
    public UUID product(Party lender, String type, String name, boolean onlyHighTech) {
        HttpResponse<String> created = api("POST", "/api/v1/products", lender.username(), """
                {"type": "%s", "name": "%s", "description": "以专利质押的科技贷款",
                 "terms": {"minAmountFen": 10000000, "maxAmountFen": 1000000000, "minTermMonths": 6,
                           "maxTermMonths": 36, "minRate": 3.5, "maxRate": 5.5},
                 "criteria": {%s},
                 "collateralNeeds": "专利权质押", "materials": "营业执照；专利证书",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31",
                 "contactName": "周经理", "contactPhone": "0769-22000001"}"""
                .formatted(type, name, onlyHighTech ? "\"qualificationsAllOf\": [\"HIGH_TECH\"]" : ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asText();
        assertThat(api("POST", "/api/v1/products/" + id + "/submission", lender.username(), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> approved = api("POST", "/api/v1/products/" + id + "/approval", "gov", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return UUID.fromString(id);
    }

    public HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, username == null ? null : PW, body);
    }

    public static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }
}
