package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the demo shows after start (issue 9 "done when"): a filed loan claimed, reviewed by two people, paid and its
 * recovery returned; a bank's claim held above the 3% loss ratio; a bank flagged on the NPL-tolerance board; a
 * guaranteed loan's loss split; a bridge loan that ran its course and one overdue, not renewed.
 */
@SanrongTest
class DemoRiskshareTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoShowsEveryPartOfRiskSharing() {
        DealFixtures fx = new DealFixtures(port, registry);
        assertThat(jdbc.sql("SELECT count(*) FROM riskshare.claim WHERE status = 'PAID' AND loan_number LIKE 'DGKC-%'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM riskshare.recovery WHERE remitted_at IS NOT NULL")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT status FROM riskshare.claim WHERE loan_number LIKE 'GZNS-%'").query(String.class)
                .list()).containsExactly("HELD");
        JsonNode npl = RiskshareFixtures.await(() -> {
            JsonNode board = json(fx.api("GET", "/api/v1/riskshare/npl-tolerance", "gov", null));
            for (JsonNode row : board) {
                if (row.path("flagged").asBoolean()) {
                    return row;
                }
            }
            return null;
        });
        assertThat(npl.path("flagged").asBoolean()).isTrue();

        JsonNode guarantees = json(fx.api("GET", "/api/v1/riskshare/guaranteed-loans", "guarantor", null));
        assertThat(guarantees.findValuesAsString("status")).contains("DEFAULTED");
        JsonNode g = json(fx.api("GET", "/api/v1/riskshare/guaranteed-loans/" + guarantees.get(0).path("id").asText(),
                "guarantor", null));
        // 专精特新, loss 15,000,000, 5,000,000 recovered: bank 2,000,000, fund 4,000,000, provincial and city 2,000,000
        assertThat(g.path("parties").findValuesAsString("party")).contains("BANK", "NATIONAL_FUND");
        assertThat(g.path("parties").findValues("netFen").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(1_000_000_000L);

        JsonNode bridge = json(fx.api("GET", "/api/v1/riskshare/bridge", "gov", null));
        List<JsonNode> all = new java.util.ArrayList<>();
        bridge.path("bridges").forEach(all::add);
        assertThat(all).anySatisfy(b -> {
            assertThat(b.path("status").asText()).isEqualTo("REPAID");
            // 3,000,000 × 0.0002 × 8 days
            assertThat(b.path("feeFen").asLong()).isEqualTo(480_000L);
        });
        assertThat(all).anySatisfy(b -> {
            assertThat(b.path("overdue").asBoolean()).isTrue();
            assertThat(b.path("notRenewed").asBoolean()).isTrue();
        });
    }
}
