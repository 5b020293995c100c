package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.deal.DealFixtures;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objection channel of the public notice: anyone objects (with a contact), the item is paused until an official
 * resolves it; dismissed lets it be approved, upheld rejects it; bad objections are refused naming the field.
 */
@SanrongTest
class SubsidyObjectionTest {

    private static final String PW = TestData.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRegistry registry;
    @Autowired
    Subsidies subsidies;
    @Autowired
    JdbcClient jdbc;

    /** An entitlement of the tiny test policy on notice, its notice period over. */
    private UUID onNotice() {
        UUID vc = SubsidyFixtures.vc(registry, "异议测试").id();
        Entitlement e = subsidies.investmentRecorded(new InvestmentRecorded(UUID.randomUUID(), vc,
                TestData.creditCode(), UUID.randomUUID(), 10_000L, new BigDecimal("10.00"), LocalDate.of(2026, 2, 1)))
                .stream().filter(x -> x.policyCode().equals("TEST-TINY-BUDGET")).findFirst().orElseThrow();
        jdbc.sql("UPDATE subsidy.entitlement SET status = 'NOTICED', confirmed_by = 'x', noticed_by = 'gov', "
                + "notice_until = CURRENT_DATE - 1 WHERE id = ?").param(e.id().value()).update();
        return e.id().value();
    }

    private HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, PW, body);
    }

    private long objections(UUID entitlement) {
        return jdbc.sql("SELECT count(*) FROM subsidy.objection WHERE entitlement_id = ?").param(entitlement)
                .query(Long.class).single();
    }

    @Test
    void anyoneObjectsOnTheNoticePageAndTheItemWaitsUntilDismissed() {
        UUID id = onNotice();
        WebClient anonymous = new WebClient(port);
        assertThat(anonymous.get("/subsidies/notices").body()).contains(id.toString()).contains("提出异议");
        HttpResponse<String> bad = anonymous.postForm("/subsidies/notices/" + id + "/objections",
                Map.of("text", "该企业已迁出本市", "name", "张三"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("is-invalid").contains("请填写联系电话");
        assertThat(objections(id)).as("nothing stored").isZero();
        HttpResponse<String> raised = anonymous.postForm("/subsidies/notices/" + id + "/objections",
                Map.of("text", "该企业已迁出本市", "name", "张三", "phone", "13800138000"));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(302);
        assertThat(objections(id)).isEqualTo(1);
        assertThat(new WebClient(port).get("/subsidies/notices").body()).contains("异议处理中");
        assertThat(jdbc.sql("SELECT outcome FROM audit.audit_entry WHERE action = 'SUBSIDY_OBJECT' AND actor = "
                + "'public' AND target = ? ORDER BY at").param("subsidy:" + id).query(String.class).list())
                .as("the refused and the accepted objection, both audited").containsExactly("FAILURE", "SUCCESS");

        HttpResponse<String> paused = api("POST", "/api/v1/subsidies/" + id + "/approval", "gov2", null);
        assertThat(paused.statusCode()).isEqualTo(409);
        assertThat(paused.body()).contains("异议尚未处理");

        String objection = DealFixtures.json(api("GET", "/api/v1/subsidies/objections", "gov", null)).valueStream()
                .filter(n -> n.path("entitlementId").asText().equals(id.toString())).findFirst().orElseThrow()
                .path("id").asText();
        assertThat(DealFixtures.json(api("GET", "/api/v1/subsidies/objections", "gov", null)).toString())
                .as("the objector's phone is masked").doesNotContain("13800138000");
        assertThat(api("POST", "/api/v1/subsidies/objections/" + objection + "/resolution", "gov",
                "{\"upheld\": false}").statusCode()).as("a resolution is needed").isEqualTo(400);
        assertThat(api("POST", "/api/v1/subsidies/objections/" + objection + "/resolution", "enterprise",
                "{\"upheld\": false, \"resolution\": \"x\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> dismissed = api("POST", "/api/v1/subsidies/objections/" + objection + "/resolution",
                "gov", "{\"upheld\": false, \"resolution\": \"经核查，企业仍在本市纳税\"}");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        assertThat(DealFixtures.json(dismissed).path("status").asText()).isEqualTo("DISMISSED");
        assertThat(api("POST", "/api/v1/subsidies/" + id + "/approval", "gov2", null).statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/v1/subsidies/" + id + "/objections", "enterprise",
                "{\"text\": \"迟到的异议\", \"name\": \"李四\", \"phone\": \"13900139000\"}").statusCode())
                .as("only while on notice; afterwards it is not on the notice list").isEqualTo(404);
    }

    @Test
    void anUpheldObjectionRejectsTheItem() {
        UUID id = onNotice();
        HttpResponse<String> raised = api("POST", "/api/v1/subsidies/" + id + "/objections", "enterprise",
                "{\"text\": \"投资款已于次月抽回\", \"name\": \"某企业\", \"phone\": \"0769-22000001\"}");
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        String objection = DealFixtures.json(raised).path("id").asText();
        assertThat(api("POST", "/api/v1/subsidies/objections/" + objection + "/resolution", "gov2",
                "{\"upheld\": true, \"resolution\": \"经核查属实，不予拨付\"}").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM subsidy.entitlement WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("REJECTED");
        assertThat(api("POST", "/api/v1/subsidies/" + id + "/approval", "gov2", null).statusCode()).isEqualTo(409);
        assertThat(api("POST", "/api/v1/subsidies/objections/" + objection + "/resolution", "gov",
                "{\"upheld\": false, \"resolution\": \"再次处理\"}").statusCode()).as("resolved once").isEqualTo(409);
    }
}
