package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Drives every operation of the OpenAPI document with malformed requests — wrong types, missing and extra fields,
 * huge strings and numbers, broken and deeply nested JSON, unicode edge cases, path tricks — as an anonymous caller
 * and as each kind of user: no answer may be a 5xx, every JSON error must be problem JSON, and no body may show a
 * stack trace or SQL. New endpoints are covered as soon as they are in the document.
 */
@SanrongTest
class ApiFuzzTest {

    static final List<String> USERS = java.util.Arrays.asList(null, "enterprise", "bank", "gov", "admin");
    static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat org\\.|\\bat java\\.|org\\.postgresql|SQLState|syntax error at|java\\.lang\\.|Caused by");
    static final String LONG = "长".repeat(5000);

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.sanrong.identity.ApiTokens apiTokens;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.authentication.AuthenticationProvider authentication;

    /** Each user's API token: the same identity as the password, without a BCrypt check per request. */
    final Map<String, String> tokens = new java.util.HashMap<>();

    @org.junit.jupiter.api.BeforeEach
    void tokens() {
        for (String user : USERS) {
            if (user != null) {
                var signedIn = (org.sanrong.identity.SignedInUser) authentication.authenticate(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                                .unauthenticated(user, TestData.DEMO_PASSWORD)).getPrincipal();
                tokens.put(user, apiTokens.create("fuzz", signedIn).token());
            }
        }
    }

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static List<String> pathValues() {
        return List.of(java.util.UUID.randomUUID().toString(), "0", "-1", "..%2F..%2Fetc%2Fpasswd", "%00", "%F0%A0%80%80😀",
                "'%20OR%201%3D1%20--", URLEncoder.encode(LONG.substring(0, 300), StandardCharsets.UTF_8));
    }

    static List<String> bodies() {
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(5000)).append("]".repeat(5000));
        return List.of("", "{", "[]", "null", "\"字符串\"", "{\"unknown\": 1, \"id\": \"not-a-uuid\", \"amountFen\": "
                + "\"abc\", \"productId\": 12, \"demandId\": [], \"status\": \"NOPE\", \"asOf\": \"2026-13-45\"}",
                "{\"amountFen\": 1e400, \"termMonths\": 99999999999999999999, \"name\": \"" + LONG + "\"}",
                deep.toString(), "{\"a\": \"\\ud800\"}", "\u0000\u0001");
    }

    @Test
    void noMalformedRequestGetsA5xxOrALeak() {
        JsonNode doc = new ObjectMapper().readTree(send("GET", "/v3/api-docs", null, null).body());
        Random random = new Random(20261125);
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                List<String> paths = new ArrayList<>();
                if (path.getKey().contains("{")) {
                    for (String v : pathValues()) {
                        paths.add(path.getKey().replaceAll("\\{[^}]+}", v));
                    }
                } else {
                    paths.add(path.getKey());
                }
                for (String p : paths) {
                    String query = query(op.getValue(), random);
                    for (String user : USERS) {
                        List<String> payloads = method.equals("GET") || method.equals("DELETE")
                                ? java.util.Collections.singletonList(null) : bodies();
                        for (String body : payloads) {
                            HttpResponse<String> r = send(method, p + query, user, body);
                            count++;
                            String problem = check(r);
                            if (problem != null) {
                                failures.add(method + " " + p + query + " as " + user + " body "
                                        + (body == null ? "-" : body.substring(0, Math.min(40, body.length())))
                                        + " → " + r.statusCode() + " " + problem);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("ApiFuzzTest: " + count + " malformed requests, " + failures.size() + " failures");
        assertThat(count).as("thousands of requests").isGreaterThan(2000);
        assertThat(failures).as(String.join("\n", failures.subList(0, Math.min(40, failures.size()))))
                .isEmpty();
    }

    /** Every declared query parameter gets a value of the wrong shape. */
    private static String query(JsonNode op, Random random) {
        List<String> parts = new ArrayList<>();
        String[] wrong = {"abc", "-99999999999999999999", "1e400", "%00", "😀", "", "true"};
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                parts.add(p.path("name").asText() + "=" + URLEncoder.encode(wrong[random.nextInt(wrong.length)],
                        StandardCharsets.UTF_8));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String check(HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            return "server error: " + r.body().substring(0, Math.min(200, r.body().length()));
        }
        if (LEAK.matcher(r.body()).find()) {
            return "leaks internals: " + r.body().substring(0, Math.min(200, r.body().length()));
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 400 && type.contains("json") && !type.contains("application/problem+json")) {
            return "error not problem JSON: " + type;
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String user, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
            if (user != null) {
                b.header("Authorization", "Bearer " + tokens.get(user));
            }
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
