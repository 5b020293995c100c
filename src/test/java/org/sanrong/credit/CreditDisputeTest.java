package org.sanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.datahub.HubData;
import org.sanrong.datahub.HubSource;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;

/**
 * A dispute's round trip over HTTP: the enterprise disputes a figure and a record of its own data, the profile shows
 * them open (有异议) until the operator corrects one — a correction batch, the new figure, the rating recomputed — and
 * rejects the other with a reason; every step is audited and the wrong people are refused.
 */
@SanrongTest
class CreditDisputeTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    HubData hub;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    private long audited(String action, String code) {
        return audit.search(new AuditQuery(null, action, "enterprise:" + code, null, null, null), 0, 50).total();
    }

    @Test
    void aDisputedFigureIsCorrectedAndADisputedRecordRejectedWithTheScoreMarkedUntilThen() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        var e = fx.enterprise();
        var stranger = fx.enterprise();
        String code = e.creditCode();
        String header = "统一社会信用代码,所属期,实缴税额（元）,纳税信用等级";
        // the last twelve complete months at 5万 each
        java.time.YearMonth last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        String[] lines = new String[13];
        lines[0] = header;
        for (int k = 0; k < 12; k++) {
            lines[k + 1] = code + "," + last.minusMonths(11 - k) + ",50000,B";
        }
        String disputed = last.minusMonths(6).toString();
        fx.importCsv("TAX", "tax.csv", lines);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(tax12(code)).isEqualTo(60.0));
        fx.importCsv("PENALTIES", "penalty.csv", "统一社会信用代码,决定书文号,处罚日期,处罚类别,罚款金额（元）,处罚机关,违法事由",
                code + ",东市监罚〔2026〕7号,2026-03-02,罚款,20000,东莞市市场监督管理局,未按规定公示年度报告");
        String profilePath = "/api/v1/credit/enterprises/" + code;
        assertThat(CreditFixtures.json(fx.api("GET", profilePath, e.username(), null)).path("openDisputes").asInt())
                .isZero();

        String disputes = "/api/v1/datahub/enterprises/" + code + "/disputes";
        var figure = fx.api("POST", disputes, e.username(), """
                {"source": "TAX", "key": "%s", "measure": "TAX_PAID", "note": "该月实缴应为 80000 元，见完税证明"}"""
                .formatted(disputed));
        assertThat(figure.statusCode()).as(figure.body()).isEqualTo(201);
        String figureId = CreditFixtures.json(figure).path("id").asText();
        var record = fx.api("POST", disputes, e.username(), """
                {"source": "PENALTIES", "key": "东市监罚〔2026〕7号", "note": "该处罚已被行政复议撤销"}""");
        assertThat(record.statusCode()).as(record.body()).isEqualTo(201);
        String recordId = CreditFixtures.json(record).path("id").asText();

        assertThat(fx.api("POST", disputes, e.username(), """
                {"source": "TAX", "key": "%s", "measure": "TAX_PAID", "note": "再说一次"}""".formatted(disputed)).statusCode())
                .as("one open dispute per item").isEqualTo(409);
        assertThat(fx.api("POST", disputes, e.username(), """
                {"source": "TAX", "key": "2024-06", "measure": "TAX_PAID", "note": "没有这期"}""").statusCode())
                .isEqualTo(400);
        assertThat(fx.api("POST", disputes, stranger.username(), """
                {"source": "TAX", "key": "%s", "measure": "TAX_PAID", "note": "别人的数据"}""".formatted(disputed)).statusCode())
                .isEqualTo(403);
        assertThat(audited("DISPUTE_DATA", code)).isEqualTo(2);

        JsonNode marked = CreditFixtures.json(fx.api("GET", profilePath, e.username(), null));
        assertThat(marked.path("openDisputes").asInt()).as("有异议").isEqualTo(2);

        // the operator corrects the figure (a reason is required) and rejects the other dispute
        assertThat(fx.api("POST", "/api/v1/datahub/disputes/" + figureId + "/correction", "admin",
                "{\"value\": \"80000\"}").statusCode()).isEqualTo(400);
        assertThat(fx.api("POST", "/api/v1/datahub/disputes/" + figureId + "/correction", "gov",
                "{\"value\": \"80000\", \"reason\": \"x\"}").statusCode()).as("operators resolve").isEqualTo(403);
        var corrected = fx.api("POST", "/api/v1/datahub/disputes/" + figureId + "/correction", "admin",
                "{\"value\": \"80000\", \"reason\": \"核对完税证明，更正\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(CreditFixtures.json(corrected).path("status").asText()).isEqualTo("CORRECTED");
        assertThat(CreditFixtures.json(corrected).path("correctedValue").asText()).isEqualTo("80000.00");
        assertThat(hub.of(code).series(HubSource.TAX).get(5).taxPaidFen()).isEqualTo(8_000_000L);
        assertThat(jdbc.sql("SELECT b.kind FROM datahub.series s JOIN datahub.batch b ON b.id = s.batch_id "
                + "WHERE s.credit_code = ? AND s.period_start = CAST(? AS date)").params(code, disputed + "-01")
                .query(String.class).single()).isEqualTo("CORRECTION");
        assertThat(CreditFixtures.json(fx.api("GET", profilePath, e.username(), null)).path("openDisputes").asInt())
                .isEqualTo(1);

        var rejected = fx.api("POST", "/api/v1/datahub/disputes/" + recordId + "/rejection", "admin",
                "{\"reason\": \"经核实处罚决定仍然有效\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(CreditFixtures.json(rejected).path("resolution").asText()).isEqualTo("经核实处罚决定仍然有效");
        assertThat(fx.api("POST", "/api/v1/datahub/disputes/" + recordId + "/rejection", "admin",
                "{\"reason\": \"again\"}").statusCode()).as("handled once").isEqualTo(409);
        assertThat(hub.of(code).records(HubSource.PENALTIES)).hasSize(1);
        assertThat(CreditFixtures.json(fx.api("GET", profilePath, e.username(), null)).path("openDisputes").asInt())
                .isZero();
        assertThat(audited("CORRECT_DATA", code)).isEqualTo(1);
        assertThat(audited("REJECT_DISPUTE", code)).isEqualTo(1);

        var list = CreditFixtures.json(fx.api("GET", disputes, e.username(), null));
        assertThat(list.size()).isEqualTo(2);

        // the rating follows the corrected data: the twelve months now sum to 11 × 5万 + 8万
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(tax12(code)).isEqualTo(63.0));
        assertThat(CreditFixtures.json(fx.api("GET", profilePath, e.username(), null)).path("features").findValues(
                "code").stream().map(JsonNode::asText)).contains("tax_12m_wan");
    }

    private double tax12(String code) {
        return jdbc.sql("SELECT COALESCE((features->>'tax_12m_wan')::float8, -1) FROM credit.rating "
                + "WHERE credit_code = ?").param(code).query(Double.class).optional().orElse(-1.0);
    }
}
