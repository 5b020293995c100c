package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanrong.TestData;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.SignedInUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** One caller: a browser session for pages (with its CSRF token) and credentials for the API. */
public final class RouteCaller {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String user;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf = "";
    private final String authorization;

    private final int port;
    private final AuthenticationProvider authentication;
    private final ApiTokens apiTokens;

    RouteCaller(int port, String user, AuthenticationProvider authentication, ApiTokens apiTokens) {
        this.port = port;
        this.authentication = authentication;
        this.apiTokens = apiTokens;
        this.user = user;
        if (user == null) {
            authorization = null;
        } else {
            SignedInUser signedIn = (SignedInUser) authentication.authenticate(UsernamePasswordAuthenticationToken
                    .unauthenticated(user, TestData.DEMO_PASSWORD)).getPrincipal();
            // an organisation admin's API token (no password hash per call); others use HTTP Basic
            authorization = signedIn.organisationAdmin()
                    ? "Bearer " + apiTokens.create("access matrix", signedIn).token()
                    : "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestData.DEMO_PASSWORD)
                            .getBytes(StandardCharsets.UTF_8));
        }
        signIn();
    }

    private void signIn() {
        csrf = token(send("GET", "/login", Map.of(), null).body());
        if (user != null) {
            HttpResponse<String> r = send("POST", "/login", Map.of("Content-Type",
                    "application/x-www-form-urlencoded"), "username=" + user + "&password="
                    + URLEncoder.encode(TestData.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            assertThat(r.headers().firstValue("Location").orElse("")).as(user + " signs in")
                    .doesNotContain("error");
            csrf = token(send("GET", "/account/password", Map.of(), null).body());
        }
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        return m.find() ? m.group(1) : "";
    }

    String user() {
        return user;
    }

    /** An API call with this caller's token or password. */
    HttpResponse<String> api(String method, String path, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, path, headers, json);
    }

    /** A page in this caller's browser session (a form post carries its CSRF token). */
    HttpResponse<String> page(String method, String path, Map<String, String> form) {
        if (method.equals("GET")) {
            return send("GET", path, Map.of(), null);
        }
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        form.forEach((k, v) -> body.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(method, path, Map.of("Content-Type", "application/x-www-form-urlencoded"), body.toString());
    }

    boolean allowed(AccessMatrixTest.Route route) {
        HttpResponse<String> r = call(route);
        if (!route.api() && user != null && r.statusCode() == 302 && r.headers().firstValue("Location")
                .orElse("").contains("/login?")) {
            // a session ended by what an earlier call did (never expected): sign in again and retry once
            signIn();
            r = call(route);
        }
        int status = r.statusCode();
        if (status == 401 || status == 403) {
            return false;
        }
        String location = r.headers().firstValue("Location").orElse("");
        return !(status / 100 == 3 && URI.create(location).getPath().equals("/login"));
    }

    HttpResponse<String> call(AccessMatrixTest.Route route) {
        return call(route, Map.of());
    }

    /** Calls the route with these path values (by variable name) and the route's own for the rest. */
    HttpResponse<String> call(AccessMatrixTest.Route route, Map<String, String> values) {
        Map<String, String> headers = new LinkedHashMap<>(route.headers());
        String path = AccessMatrixTest.fill(route, values);
        String body = route.body();
        if (route.api()) {
            headers.put("Accept", "application/json");
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
        } else {
            headers.put("X-CSRF-TOKEN", csrf);
        }
        if ("multipart".equals(body)) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            StringBuilder b = new StringBuilder();
            for (String part : route.parts()) {
                b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part)
                        .append("\"; filename=\"x.csv\"\r\nContent-Type: text/csv\r\n\r\na\r\n");
            }
            body = b.append("--").append(boundary).append("--\r\n").toString();
        } else if (body != null) {
            headers.put("Content-Type", "application/json");
        } else if (!route.method().equals("GET")) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            body = "";
        }
        return send(route.method(), path, headers, body);
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
