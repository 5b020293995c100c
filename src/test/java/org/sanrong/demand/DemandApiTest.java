package org.sanrong.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 4 over real HTTP: an enterprise creates and publishes a demand and institutions see it in the hall (or
 * not, when it chose others); revisions make versions; another enterprise may not edit; bad input is refused with
 * field errors and nothing saved.
 */
@SanrongTest
class DemandApiTest {

    static final String PW = TestData.DEMO_PASSWORD;
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuditTrail audit;

    @Autowired
    Demands demands;

    @Autowired
    JdbcClient jdbc;

    private String registerEnterprise() {
        String username = TestData.username("dm");
        registry.register(new Registration("东莞需求测试" + username + "科技有限公司", TestData.creditCode(), null, "赵六",
                TestData.mobile(), username, "赵六", PW));
        return username;
    }

    private UUID organisationOf(String username) {
        return jdbc.sql("SELECT organisation_id FROM identity.account WHERE username = ?").param(username)
                .query(UUID.class).single();
    }

    private long demandsOf(String username) {
        return jdbc.sql("SELECT count(*) FROM demand.financing_demand WHERE organisation_id = ?")
                .param(organisationOf(username)).query(Long.class).single();
    }

    static String future(int days) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString();
    }

    /** 股+债 投贷联动, complete; {@code extra} replaces or adds JSON members. */
    static String body(Map<String, String> extra) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("amountFen", "3000000000");
        m.put("purpose", "\"A轮：扩充研发团队\"");
        m.put("purposeCategory", "\"RESEARCH\"");
        m.put("termMonths", "36");
        m.put("kinds", "[\"EQUITY\",\"DEBT\"]");
        m.put("maxEquityStakePercent", "15");
        m.put("maxAnnualRatePercent", "8.5");
        m.put("collateral", "[\"IP\"]");
        m.put("neededBy", "\"" + future(60) + "\"");
        m.put("visibility", "\"ALL\"");
        m.putAll(extra);
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    private String create(WebClient web, String username, String json, boolean publish) {
        HttpResponse<String> r = web.api("POST", "/api/v1/demands" + (publish ? "?publish=true" : ""), username, PW,
                json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher m = ID.matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void enterprisePublishesAndAnInstitutionSeesItInTheHall() {
        String founder = registerEnterprise();
        WebClient web = new WebClient(port);
        String id = create(web, founder, body(Map.of()), false);
        assertThat(web.api("GET", "/api/v1/demands/" + id, founder, PW, null).body()).contains("\"DRAFT\"");
        assertThat(web.api("GET", "/api/v1/demands/open", "bank", PW, null).body()).as("drafts are private")
                .doesNotContain(id);

        HttpResponse<String> published = web.api("POST", "/api/v1/demands/" + id + "/publication", founder, PW, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("\"PUBLISHED\"").contains("\"version\":1");

        HttpResponse<String> hall = web.api("GET", "/api/v1/demands/open?kind=EQUITY&minAmountFen=2000000000",
                "bank", PW, null);
        assertThat(hall.statusCode()).isEqualTo(200);
        assertThat(hall.body()).contains(id).contains("东莞需求测试" + founder);
        assertThat(web.api("GET", "/api/v1/demands/open?kind=INSURANCE", "bank", PW, null).body())
                .doesNotContain(id);
        assertThat(web.api("GET", "/api/v1/demands/open?maxAmountFen=100", "bank", PW, null).body())
                .doesNotContain(id);

        HttpResponse<String> one = web.api("GET", "/api/v1/demands/" + id, "bank", PW, null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"enterprise\":{").contains("\"own\":false");
        assertThat(web.api("GET", "/api/v1/demands/" + id + "/versions", "bank", PW, null).statusCode())
                .as("versions are the owner's and staff's").isEqualTo(404);
        assertThat(web.api("GET", "/api/v1/demands/open", "gov", PW, null).body()).contains(id);
        assertThat(web.api("GET", "/api/v1/demands/open", founder, PW, null).statusCode()).isEqualTo(403);
        assertThat(web.api("GET", "/api/v1/demands", founder, PW, null).body()).contains(id);
        assertThat(demands.counts().get(DemandStatus.PUBLISHED)).isPositive();

        HttpResponse<String> closed = web.api("POST", "/api/v1/demands/" + id + "/closure", founder, PW,
                "{\"reason\":\"已获得融资\"}");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("\"CLOSED\"");
        assertThat(web.api("GET", "/api/v1/demands/open", "bank", PW, null).body()).doesNotContain(id);
    }

    @Test
    void chosenVisibilityHidesTheDemandFromOtherInstitutions() {
        String founder = registerEnterprise();
        WebClient web = new WebClient(port);
        String id = create(web, founder, body(Map.of("visibility", "\"CHOSEN\"", "chosenInstitutions",
                "[\"" + organisationOf("bank") + "\"]")), true);
        assertThat(web.api("GET", "/api/v1/demands/open", "bank", PW, null).body()).contains(id);
        assertThat(web.api("GET", "/api/v1/demands/" + id, "bank", PW, null).body())
                .as("the chosen list is not shown to institutions").doesNotContain(organisationOf("bank").toString());
        assertThat(web.api("GET", "/api/v1/demands/open", "investor", PW, null).body()).doesNotContain(id);
        assertThat(web.api("GET", "/api/v1/demands/" + id, "investor", PW, null).statusCode()).isEqualTo(404);
        assertThat(web.api("GET", "/api/v1/demands/" + id, registerEnterprise(), PW, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void editingAfterPublishingMakesVersionTwoAndKeepsVersionOne() {
        String founder = registerEnterprise();
        WebClient web = new WebClient(port);
        String id = create(web, founder, body(Map.of()), true);
        HttpResponse<String> revised = web.api("PUT", "/api/v1/demands/" + id, founder, PW,
                body(Map.of("amountFen", "2500000000", "kinds", "[\"EQUITY\",\"DEBT\",\"GUARANTEE\"]")));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(revised.body()).contains("\"version\":2").contains("2500000000");

        HttpResponse<String> v1 = web.api("GET", "/api/v1/demands/" + id + "/versions/1", founder, PW, null);
        assertThat(v1.statusCode()).isEqualTo(200);
        assertThat(v1.body()).contains("3000000000").doesNotContain("GUARANTEE");
        assertThat(web.api("GET", "/api/v1/demands/" + id + "/versions/2", founder, PW, null).body())
                .contains("2500000000").contains("GUARANTEE");
        assertThat(web.api("GET", "/api/v1/demands/" + id + "/versions", "gov", PW, null).body())
                .contains("\"version\":2").contains("\"version\":1");
        assertThat(web.api("GET", "/api/v1/demands/" + id + "/versions/3", founder, PW, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherEnterpriseMayNotEditAndTheAttemptIsAudited() {
        String founder = registerEnterprise();
        String intruder = registerEnterprise();
        WebClient web = new WebClient(port);
        String id = create(web, founder, body(Map.of()), true);
        HttpResponse<String> denied = web.api("PUT", "/api/v1/demands/" + id, intruder, PW,
                body(Map.of("amountFen", "100")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(web.api("POST", "/api/v1/demands/" + id + "/closure", intruder, PW, "{\"reason\":\"x\"}")
                .statusCode()).isEqualTo(403);
        assertThat(web.api("POST", "/api/v1/demands/" + id + "/closure", "bank", PW, "{\"reason\":\"x\"}")
                .statusCode()).isEqualTo(403);
        var lines = audit.search(new AuditQuery(intruder, "UPDATE_DEMAND", "demand:" + id, null, null, null), 0, 10);
        assertThat(lines.items()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
            assertThat(e.organisationId()).isEqualTo(organisationOf(intruder));
        });
        assertThat(web.api("GET", "/api/v1/demands/" + id, founder, PW, null).body()).contains("3000000000")
                .contains("\"PUBLISHED\"");
        assertThat(audit.search(new AuditQuery(founder, "PUBLISH_DEMAND", "demand:" + id, null, null, null), 0, 10)
                .items()).as("writes are audited").hasSize(1);
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndNothingIsSaved() {
        String founder = registerEnterprise();
        WebClient web = new WebClient(port);
        Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("amountFen", Map.of("amountFen", "-100"));
        cases.put("amountFen ", Map.of("amountFen", "0"));
        cases.put("amountFen  ", Map.of("amountFen", "10000000000000001"));
        cases.put("termMonths", Map.of("termMonths", "0"));
        cases.put("termMonths ", Map.of("termMonths", "361"));
        cases.put("maxAnnualRatePercent", Map.of("maxAnnualRatePercent", "36.5"));
        cases.put("maxAnnualRatePercent ", Map.of("maxAnnualRatePercent", "-1"));
        cases.put("maxEquityStakePercent", Map.of("maxEquityStakePercent", "101"));
        cases.put("maxEquityStakePercent ", Map.of("maxEquityStakePercent", "-3"));
        cases.put("neededBy", Map.of("neededBy", "\"" + future(-1) + "\""));
        cases.put("kinds", Map.of("kinds", "[]"));
        cases.put("chosenInstitutions", Map.of("visibility", "\"CHOSEN\"", "chosenInstitutions", "[]"));
        cases.put("chosenInstitutions ", Map.of("visibility", "\"CHOSEN\"", "chosenInstitutions",
                "[\"" + UUID.randomUUID() + "\"]"));
        cases.put("chosenInstitutions  ", Map.of("visibility", "\"CHOSEN\"", "chosenInstitutions",
                "[\"" + organisationOf("gov") + "\"]"));
        cases.forEach((field, extra) -> {
            HttpResponse<String> r = web.api("POST", "/api/v1/demands?publish=true", founder, PW, body(extra));
            assertThat(r.statusCode()).as(field + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(r.body()).as(field).contains("\"errors\"").contains("\"" + field.strip() + "\"");
        });
        assertThat(demandsOf(founder)).as("nothing saved").isZero();

        String id = create(web, founder, body(Map.of("kinds", "[]")), false);
        HttpResponse<String> incomplete = web.api("POST", "/api/v1/demands/" + id + "/publication", founder, PW,
                null);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("\"kinds\"").contains("请至少选择一种可接受的融资方式");
        assertThat(web.api("GET", "/api/v1/demands/" + id, founder, PW, null).body()).contains("\"DRAFT\"");
        assertThat(jdbc.sql("SELECT count(*) FROM demand.demand_version WHERE demand_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    void theFormShowsMistakesNextToTheirFieldsAndSavesNothing() {
        String founder = registerEnterprise();
        WebClient web = new WebClient(port);
        web.login(founder, PW);
        assertThat(web.get("/enterprise/demands").statusCode()).isEqualTo(200);
        web.get("/enterprise/demands/new");
        HttpResponse<String> bad = web.postForm("/enterprise/demands", Map.of("amount", "0", "termMonths", "400",
                "maxAnnualRatePercent", "40", "neededBy", future(-2), "action", "publish"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("融资金额须大于零").contains("融资期限须在1至360个月之间")
                .contains("可接受的最高年化利率须在0%至36%之间").contains("资金需求日期不能早于今天")
                .contains("请至少选择一种可接受的融资方式");
        assertThat(demandsOf(founder)).isZero();
        web.get("/enterprise/demands/new");
        HttpResponse<String> draft = web.postForm("/enterprise/demands", Map.of("amount", "800", "action", "draft"));
        assertThat(draft.statusCode()).isEqualTo(302);
        String page = web.follow(java.net.URI.create(draft.headers().firstValue("Location").orElseThrow()).getPath())
                .body();
        assertThat(page).contains("800.00万元").contains("草稿");
    }

    @Test
    void anOpenDemandLongPastItsDateExpires() {
        String founder = registerEnterprise();
        WebClient web = new WebClient(port);
        String id = create(web, founder, body(Map.of()), true);
        jdbc.sql("UPDATE demand.financing_demand SET needed_by = CAST(? AS date) WHERE id = ?")
                .params(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(31), UUID.fromString(id)).update();
        assertThat(demands.expireOverdue()).isPositive();
        assertThat(web.api("GET", "/api/v1/demands/" + id, founder, PW, null).body()).contains("\"EXPIRED\"");
        assertThat(web.api("GET", "/api/v1/demands/open", "bank", PW, null).body()).doesNotContain(id);
    }
}
