package org.sanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Per-IP throttle: the login form and the API answer 429 with Retry-After once an address has used its share. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sanrong.security.throttle.login-per-minute=3", "sanrong.security.throttle.api-per-minute=5"})
@ActiveProfiles("test")
class RequestThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void guessingPasswordsFromOneAddressIsSlowedBeforeAnyPasswordIsChecked() {
        WebClient web = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            web.get("/login");
            HttpResponse<String> r = web.postForm("/login", Map.of("username", "nobody" + i, "password", "x"));
            assertThat(r.statusCode()).isNotEqualTo(429);
        }
        web.get("/login");
        HttpResponse<String> throttled = web.postForm("/login", Map.of("username", "gov",
                "password", TestData.DEMO_PASSWORD));
        assertThat(throttled.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(throttled.body()).contains("登录尝试过于频繁");
        assertThat(web.get("/products").statusCode()).as("pages are not throttled").isEqualTo(200);
    }

    @Test
    void floodingTheApiGetsProblemJsonWithRetryAfter() {
        WebClient web = new WebClient(port);
        int ok = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = web.api("GET", "/api/v1/reference/towns", null, null, null);
            ok += last.statusCode() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(5);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("\"status\":429").contains("请求过于频繁");
    }
}
