package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The published API document lists the endpoints machine clients rely on. */
@SanrongTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void documentsTheApi() {
        HttpResponse<String> doc = new WebClient(port).get("/v3/api-docs");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/enterprises").contains("/api/v1/enterprises/{creditCode}")
                .contains("/api/v1/reference/credit-codes/{code}").contains("/api/v1/reference/towns")
                .contains("/api/v1/reference/industries").contains("/api/v1/registrations").contains("/api/v1/me")
                .contains("/api/v1/demands").contains("/api/v1/demands/{id}").contains("/api/v1/demands/open")
                .contains("/api/v1/demands/{id}/publication").contains("/api/v1/demands/{id}/closure");
    }
}
