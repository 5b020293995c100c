package org.sanrong.credit;

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
import org.sanrong.identity.SignedInUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Fresh parties for data hub and credit tests, each with its own credit code so tests sharing the database never
 * meet, and a client speaking the JSON API (including multipart uploads) with HTTP Basic.
 */
public final class CreditFixtures {

    public static final String PW = TestData.DEMO_PASSWORD;
    static final ObjectMapper JSON = new ObjectMapper();

    /** A registered enterprise: its account, organisation and credit code. */
    public record Party(String username, UUID organisationId, String creditCode) {
    }

    private final int port;
    private final OrganisationRegistry registry;
    private final AuthenticationProvider authentication;

    public CreditFixtures(int port, OrganisationRegistry registry, AuthenticationProvider authentication) {
        this.port = port;
        this.registry = registry;
        this.authentication = authentication;
    }

    public Party enterprise() {
        String username = TestData.username("ce");
        String code = TestData.creditCode();
        UUID id = registry.register(new Registration("东莞信用测试" + username + "科技有限公司", code, null, "钱八",
                TestData.mobile(), username, "钱八", PW));
        return new Party(username, id, code);
    }

    public Party institution() {
        String username = TestData.username("ci");
        String code = TestData.creditCode();
        UUID id = registry.register(new Registration("测试" + username + "银行", code, InstitutionType.BANK, "吴经理",
                TestData.mobile(), username, "吴经理", PW));
        registry.approve(id, "test");
        return new Party(username, id, code);
    }

    public SignedInUser signIn(String username) {
        return (SignedInUser) authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, PW)).getPrincipal();
    }

    public HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, username == null ? null : PW, body);
    }

    public static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** A multipart POST: one file part named {@code file} and text fields. */
    public HttpResponse<String> upload(String path, String username, String fileName, byte[] content,
            Map<String, String> fields) {
        String boundary = "----sanrong" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + PW)
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] csv(String... lines) {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Imports a source's CSV as the demo operator and answers the batch JSON. */
    public JsonNode importCsv(String source, String fileName, String... lines) {
        HttpResponse<String> r = upload("/api/v1/datahub/batches?source=" + source, "admin", fileName, csv(lines),
                Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }
}
