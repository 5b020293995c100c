package org.sanrong.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Fresh parties for listing and roadshow tests, so tests sharing the database never meet: enterprises on the platform
 * (with an account) or only in the 企业库, and VC funds with an equity product open to every enterprise.
 */
public final class ListingFixtures {

    public static final String PW = TestData.DEMO_PASSWORD;
    public static final byte[] PDF = "%PDF-1.4\n% test\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    static final ObjectMapper JSON = new ObjectMapper();

    public record Party(String username, UUID organisationId, String creditCode, String name) {
    }

    public record Fund(String username, UUID organisationId, String name, UUID productId) {
    }

    private final int port;
    private final OrganisationRegistry registry;

    public ListingFixtures(int port, OrganisationRegistry registry) {
        this.port = port;
        this.registry = registry;
    }

    /** An enterprise with an account, a profile in C3911 at 松山湖 and two years' revenue and R&D (万元). */
    public Party enterprise(long revenue2024Wan, long revenue2025Wan) {
        String username = TestData.username("le");
        String code = TestData.creditCode();
        String name = "东莞上市测试" + username + "科技有限公司";
        UUID id = registry.register(new Registration(name, code, null, "钱八", TestData.mobile(), username, "钱八", PW));
        HttpResponse<String> saved = api("PUT", "/api/v1/enterprises/" + code, username, """
                {"profile": {"name": "%s", "registeredOn": "2016-05-01", "townCode": "441900401",
                 "industryCode": "C3911", "headcount": 320, "inventionPatents": 12, "utilityPatents": 30,
                 "designPatents": 2, "softwareCopyrights": 8, "trademarks": 3, "equityFunded": true},
                 "figures": [{"year": 2024, "revenueFen": %d, "rdExpenseFen": %d, "rdStaff": 40},
                             {"year": 2025, "revenueFen": %d, "rdExpenseFen": %d, "rdStaff": 48}]}"""
                .formatted(name, revenue2024Wan * 1_000_000L, revenue2024Wan * 80_000L, revenue2025Wan * 1_000_000L,
                        revenue2025Wan * 80_000L));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return new Party(username, id, code, name);
    }

    /** An enterprise only in the 企业库 (no account), entered by the operator. */
    public String offPlatform(String industryCode, long revenue2025Wan) {
        String code = TestData.creditCode();
        HttpResponse<String> r = api("POST", "/api/v1/enterprises", "admin", """
                {"creditCode": "%s", "profile": {"name": "东莞库内测试%s有限公司", "townCode": "441900121",
                 "industryCode": "%s", "registeredOn": "2015-01-01", "inventionPatents": 0, "utilityPatents": 0,
                 "designPatents": 0, "softwareCopyrights": 0, "trademarks": 0, "equityFunded": false},
                 "figures": [{"year": 2025, "revenueFen": %d}]}"""
                .formatted(code, code.substring(10), industryCode, revenue2025Wan * 1_000_000L));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return code;
    }

    /** Enrols by hand as the demo government; answers the entry. */
    public JsonNode enrol(String code, String board) {
        HttpResponse<String> r = api("POST", "/api/v1/listing/reserve", "gov", """
                {"creditCode": "%s", "board": "%s", "reason": "测试入库"}""".formatted(code, board));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    /** A VC fund with a published equity product open to every enterprise (100万 to 1亿元, 1% to 20%). */
    public Fund fund() {
        Fund bare = fundWithoutProduct();
        HttpResponse<String> created = api("POST", "/api/v1/products", bare.username(), """
                {"type": "EQUITY_INVESTMENT", "name": "%s成长股权投资", "description": "投资成长期科技企业",
                 "terms": {"minAmountFen": 100000000, "maxAmountFen": 10000000000, "minStake": 1, "maxStake": 20},
                 "criteria": {}, "materials": "商业计划书",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31",
                 "contactName": "吴总", "contactPhone": "0769-22000009"}""".formatted(bare.username()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String productId = json(created).path("id").asText();
        assertThat(api("POST", "/api/v1/products/" + productId + "/submission", bare.username(), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> approved = api("POST", "/api/v1/products/" + productId + "/approval", "gov", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return new Fund(bare.username(), bare.organisationId(), bare.name(), UUID.fromString(productId));
    }

    public Fund fundWithoutProduct() {
        return institution(InstitutionType.VC_PE_FUND);
    }

    public Fund institution(InstitutionType type) {
        String username = TestData.username("lf");
        String name = "测试" + username + (type == InstitutionType.VC_PE_FUND ? "创投基金" : "银行");
        UUID id = registry.register(new Registration(name, TestData.creditCode(), type, "吴总", TestData.mobile(),
                username, "吴总", PW));
        registry.approve(id, "test");
        return new Fund(username, id, name, null);
    }

    public HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, username == null ? null : PW, body);
    }

    /** A multipart POST over HTTP Basic: text fields and one file. */
    public HttpResponse<String> multipart(String path, String username, Map<String, String> fields, String fileField,
            String fileName, byte[] content) {
        String boundary = "----sanrong" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileField != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + PW)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }
}
