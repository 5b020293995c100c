package org.sanrong.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.advisory.AdvisoryFixtures.json;

import cn.idev.excel.FastExcel;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's 金融顾问 over real HTTP: an enterprise's request reaches government, an adviser is assigned, logs a
 * visit and is rated; the response time counts working days across the National Day holiday; the coverage board's
 * figures move by exactly what was done; and every bad input is refused with a 4xx and nothing saved.
 */
@SanrongTest
class AdvisoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    AdvisoryFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new AdvisoryFixtures(port, registry);
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private long services() {
        return jdbc.sql("SELECT count(*) FROM advisory.service").query(Long.class).single();
    }

    private long assignments() {
        return jdbc.sql("SELECT count(*) FROM advisory.assignment").query(Long.class).single();
    }

    @Test
    void aRequestIsAnsweredByAnAssignmentAVisitAndARating() {
        var bank = fx.institutionWithAdviser();
        var enterprise = fx.enterprise(AdvisoryFixtures.DONGCHENG);

        HttpResponse<String> asked = fx.api("POST", "/api/v1/advisory/requests", enterprise.username(),
                "{\"speciality\": \"IP_FINANCING\", \"description\": \"有5件发明专利，想做知识产权质押贷款\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String request = json(asked).path("id").asText();
        assertThat(json(fx.api("GET", "/api/v1/inbox?category=ADVISORY&subject=advice-request:" + request, "gov",
                null)).path("total").asLong()).as("government is told of the request").isEqualTo(1);
        assertThat(json(fx.api("GET", "/api/v1/advisory/requests", "gov", null)).findValuesAsString("id"))
                .contains(request);
        HttpResponse<String> again = fx.api("POST", "/api/v1/advisory/requests", enterprise.username(),
                "{\"speciality\": \"IP_FINANCING\", \"description\": \"再问一次\"}");
        assertThat(again.statusCode()).as("one open request per speciality").isEqualTo(409);

        HttpResponse<String> assigned = fx.api("POST", "/api/v1/advisory/assignments", "gov", """
                {"adviserId": "%s", "requestId": "%s", "basis": "REQUEST", "note": "优先对接质押产品"}"""
                .formatted(bank.adviserId(), request));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        JsonNode assignment = json(assigned);
        String id = assignment.path("id").asText();
        assertThat(assignment.path("basis").asText()).isEqualTo("REQUEST");
        assertThat(assignment.path("startedOn").asText()).as("the clock runs from the request").isEqualTo(today());
        assertThat(assignment.path("townName").asText()).isEqualTo("东城街道");
        assertThat(json(fx.api("GET", "/api/v1/advisory/requests", enterprise.username(), null)).get(0)
                .path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(json(fx.api("GET", "/api/v1/inbox?category=ADVISORY&subject=assignment:" + id,
                bank.username(), null)).path("items").get(0).path("title").asText()).contains(enterprise.name());
        assertThat(json(fx.api("GET", "/api/v1/inbox?category=ADVISORY&subject=assignment:" + id,
                enterprise.username(), null)).path("items").get(0).path("body").asText()).contains("吴经理");

        JsonNode service = fx.visit(bank, id, today());
        String serviceId = service.path("id").asText();
        JsonNode details = json(fx.api("GET", "/api/v1/advisory/assignments/" + id, enterprise.username(), null));
        assertThat(details.path("assignment").path("responseWorkingDays").asInt()).as("served the same day")
                .isZero();
        assertThat(details.path("services").get(0).path("rateable").asBoolean()).isTrue();
        assertThat(details.path("services").get(0).path("followUps").asText()).contains("专利评估");

        HttpResponse<String> rated = fx.api("POST", "/api/v1/advisory/services/" + serviceId + "/rating",
                enterprise.username(), "{\"score\": 5, \"comment\": \"方案很实用\"}");
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(json(rated).path("rating").asInt()).isEqualTo(5);
        assertThat(json(rated).path("rateable").asBoolean()).isFalse();

        HttpResponse<String> twice = fx.api("POST", "/api/v1/advisory/services/" + serviceId + "/rating",
                enterprise.username(), "{\"score\": 1, \"comment\": \"改个分\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).path("detail").asText()).contains("只能评价一次");
        var stranger = fx.enterprise(null);
        HttpResponse<String> notTheirs = fx.api("POST", "/api/v1/advisory/services/" + serviceId + "/rating",
                stranger.username(), "{\"score\": 1}");
        assertThat(notTheirs.statusCode()).as("someone else's service").isEqualTo(403);
        assertThat(json(notTheirs).path("detail").asText()).contains("只能评价为本企业提供的服务");
        assertThat(fx.api("POST", "/api/v1/advisory/services/" + serviceId + "/rating", bank.username(),
                "{\"score\": 1}").statusCode()).as("not the adviser either").isEqualTo(403);
        JsonNode kept = json(fx.api("GET", "/api/v1/advisory/services/" + serviceId, enterprise.username(), null));
        assertThat(kept.path("rating").asInt()).as("the first rating stands").isEqualTo(5);
        assertThat(kept.path("ratingComment").asText()).isEqualTo("方案很实用");
        assertThat(fx.api("GET", "/api/v1/advisory/assignments/" + id, stranger.username(), null).statusCode())
                .as("no one else reads it").isEqualTo(404);

        WebClient page = new WebClient(port);
        page.login(enterprise.username(), AdvisoryFixtures.PW);
        page.get("/advisory/assignments/" + id);
        HttpResponse<String> onPage = page.postForm("/advisory/services/" + serviceId + "/rating",
                Map.of("score", "2", "comment", "页面上再评一次"));
        assertThat(onPage.statusCode()).as("the page comes back with the message").isEqualTo(200);
        assertThat(onPage.body()).contains("rating-error-" + serviceId).contains("只能评价一次");
        assertThat(json(fx.api("GET", "/api/v1/advisory/services/" + serviceId, enterprise.username(), null))
                .path("rating").asInt()).isEqualTo(5);
    }

    @Test
    void badServicesAreRefusedAndNothingIsSaved() {
        var bank = fx.institutionWithAdviser();
        var other = fx.institutionWithAdviser();
        var enterprise = fx.enterprise(AdvisoryFixtures.NANCHENG);
        String id = fx.assign(bank.adviserId(), enterprise, "TOWN", "2026-09-30").path("id").asText();
        long before = services();
        String tomorrow = LocalDate.parse(today()).plusDays(1).toString();

        HttpResponse<String> future = fx.api("POST", "/api/v1/advisory/assignments/" + id + "/services",
                bank.username(), "{\"servedOn\": \"" + tomorrow + "\", \"type\": \"VISIT\", \"summary\": \"预约走访\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).path("errors").path("servedOn").asText()).contains("不能晚于今天");
        HttpResponse<String> early = fx.api("POST", "/api/v1/advisory/assignments/" + id + "/services",
                bank.username(), "{\"servedOn\": \"2026-09-29\", \"type\": \"VISIT\", \"summary\": \"提前走访\"}");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).path("errors").path("servedOn").asText()).contains("不能早于指派的日期 2026-09-30");
        HttpResponse<String> empty = fx.api("POST", "/api/v1/advisory/assignments/" + id + "/services",
                bank.username(), "{\"servedOn\": \"2026-10-09\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).path("errors").path("type").asText()).contains("服务方式");
        assertThat(json(empty).path("errors").path("summary").asText()).contains("摘要");
        assertThat(fx.api("POST", "/api/v1/advisory/assignments/" + id + "/services", other.username(),
                "{\"servedOn\": \"2026-10-09\", \"type\": \"VISIT\", \"summary\": \"冒名\"}").statusCode())
                .as("another institution's adviser").isEqualTo(404);
        assertThat(services()).isEqualTo(before);
        assertThat(json(fx.api("GET", "/api/v1/advisory/assignments/" + id, "gov", null)).path("assignment")
                .path("firstServiceOn").isNull()).isTrue();

        fx.visit(bank, id, "2026-10-12");
        JsonNode after = json(fx.api("GET", "/api/v1/advisory/assignments/" + id, "gov", null)).path("assignment");
        assertThat(after.path("firstServiceOn").asText()).isEqualTo("2026-10-12");
        assertThat(after.path("responseWorkingDays").asInt()).as("30 Sep → 12 Oct across 国庆节, by hand").isEqualTo(4);
        fx.visit(bank, id, "2026-10-09");
        assertThat(json(fx.api("GET", "/api/v1/advisory/assignments/" + id, "gov", null)).path("assignment")
                .path("responseWorkingDays").asInt()).as("an earlier visit logged late is the first").isEqualTo(2);
    }

    @Test
    void badAssignmentsAreRefusedAndNothingIsSaved() {
        var bank = fx.institutionWithAdviser();
        var placed = fx.enterprise(AdvisoryFixtures.DONGCHENG);
        var nowhere = fx.enterprise(null);
        long before = assignments();
        String tomorrow = LocalDate.parse(today()).plusDays(1).toString();
        HttpResponse<String> future = fx.api("POST", "/api/v1/advisory/assignments", "gov", """
                {"adviserId": "%s", "enterpriseCreditCode": "%s", "basis": "TOWN", "assignedOn": "%s"}"""
                .formatted(bank.adviserId(), placed.creditCode(), tomorrow));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).path("errors").path("assignedOn").asText()).contains("不能晚于今天");
        HttpResponse<String> noTown = fx.api("POST", "/api/v1/advisory/assignments", "gov", """
                {"adviserId": "%s", "enterpriseCreditCode": "%s", "basis": "TOWN"}"""
                .formatted(bank.adviserId(), nowhere.creditCode()));
        assertThat(noTown.statusCode()).isEqualTo(400);
        assertThat(json(noTown).path("errors").path("basis").asText()).contains("没有登记所在镇街");
        HttpResponse<String> unknown = fx.api("POST", "/api/v1/advisory/assignments", "gov", """
                {"adviserId": "%s", "enterpriseCreditCode": "91441900MA00000000", "basis": "TOWN"}"""
                .formatted(bank.adviserId()));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fx.api("POST", "/api/v1/advisory/assignments", bank.username(), """
                {"adviserId": "%s", "enterpriseCreditCode": "%s", "basis": "TOWN"}"""
                .formatted(bank.adviserId(), placed.creditCode())).statusCode()).as("only government").isEqualTo(403);
        assertThat(assignments()).isEqualTo(before);
        fx.assign(bank.adviserId(), placed, "TOWN", null);
        HttpResponse<String> twice = fx.api("POST", "/api/v1/advisory/assignments", "gov", """
                {"adviserId": "%s", "enterpriseCreditCode": "%s", "basis": "INDUSTRY"}"""
                .formatted(bank.adviserId(), placed.creditCode()));
        assertThat(twice.statusCode()).as("already serving it").isEqualTo(409);
        assertThat(assignments()).isEqualTo(before + 1);
        HttpResponse<String> notAMember = fx.api("POST", "/api/v1/advisory/advisers", bank.username(),
                "{\"username\": \"investor\", \"specialities\": [\"EQUITY\"], \"phone\": \"0769-1234567\"}");
        assertThat(notAMember.statusCode()).as("another institution's member").isEqualTo(400);
    }

    @Test
    void theBoardCountsCoverageByTownAndEachInstitutionsResponseTimes() {
        var bank = fx.institutionWithAdviser();
        var a1 = fx.enterprise(AdvisoryFixtures.DONGCHENG);
        var a2 = fx.enterprise(AdvisoryFixtures.DONGCHENG);
        var b1 = fx.enterprise(AdvisoryFixtures.NANCHENG);
        JsonNode before = json(fx.api("GET", "/api/v1/advisory/board", "gov", null));

        String first = fx.assign(bank.adviserId(), a1, "TOWN", "2026-09-30").path("id").asText();
        String second = fx.assign(bank.adviserId(), a2, "INDUSTRY", "2026-09-18").path("id").asText();
        fx.assign(bank.adviserId(), b1, "TOWN", null);
        fx.visit(bank, first, "2026-10-12");
        fx.visit(bank, first, "2026-10-20");
        String rated = fx.visit(bank, second, "2026-09-21").path("id").asText();
        assertThat(fx.api("POST", "/api/v1/advisory/services/" + rated + "/rating", a2.username(),
                "{\"score\": 4}").statusCode()).isEqualTo(200);

        JsonNode after = json(fx.api("GET", "/api/v1/advisory/board", "gov", null));
        assertThat(delta(before, after, AdvisoryFixtures.DONGCHENG, "assigned")).isEqualTo(2);
        assertThat(delta(before, after, AdvisoryFixtures.DONGCHENG, "served")).isEqualTo(2);
        assertThat(delta(before, after, AdvisoryFixtures.NANCHENG, "assigned")).isEqualTo(1);
        assertThat(delta(before, after, AdvisoryFixtures.NANCHENG, "served")).isZero();
        assertThat(after.path("enterprisesServed").asLong() - before.path("enterprisesServed").asLong()).isEqualTo(2);
        assertThat(after.path("services").asLong() - before.path("services").asLong()).isEqualTo(3);
        assertThat(after.path("awaitingFirstService").asLong() - before.path("awaitingFirstService").asLong())
                .isEqualTo(1);
        JsonNode mine = institution(after, bank.organisationId());
        assertThat(mine.path("advisers").asLong()).isEqualTo(1);
        assertThat(mine.path("assignments").asLong()).isEqualTo(3);
        assertThat(mine.path("served").asLong()).isEqualTo(2);
        assertThat(mine.path("services").asLong()).isEqualTo(3);
        assertThat(mine.path("responded").asLong()).isEqualTo(2);
        assertThat(mine.path("meanResponseDays").decimalValue()).as("(4 + 2) / 2").isEqualByComparingTo("3.0");
        assertThat(mine.path("maxResponseDays").asInt()).isEqualTo(4);
        assertThat(mine.path("ratings").asLong()).isEqualTo(1);
        assertThat(mine.path("meanRating").decimalValue()).isEqualByComparingTo("4.00");

        WebClient page = new WebClient(port);
        page.login("gov", AdvisoryFixtures.PW);
        String html = page.get("/advisory/board").body();
        assertThat(html).contains("id=\"chart-coverage\"").contains("东城街道").contains(bank.name());
        HttpResponse<byte[]> xlsx = page.download("/advisory/board.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet("按机构")
                .headRowNumber(1).doReadSync();
        Map<Integer, String> row = rows.stream().filter(r -> bank.name().equals(r.get(0))).findFirst().orElseThrow();
        assertThat(row.get(3)).as("served").isEqualTo("2");
        assertThat(row.get(6)).as("mean response").isEqualTo("3.0");
    }

    @Test
    void anAreaIsAssignedAtOnceSkippingTheEnterprisesTheAdviserServes() {
        var bank = fx.institutionWithAdviser();
        var placed = fx.enterprise(AdvisoryFixtures.NANCHENG);
        fx.assign(bank.adviserId(), placed, "TOWN", null);
        long inArea = json(fx.api("GET", "/api/v1/enterprises?town=" + AdvisoryFixtures.NANCHENG
                + "&industry=C3841&pageSize=1", "gov", null)).path("total").asLong();
        assertThat(inArea).as("at least the one placed there").isBetween(1L, 100L);

        HttpResponse<String> bad = fx.api("POST", "/api/v1/advisory/assignments/area", "gov", """
                {"adviserId": "%s", "limit": 500}""".formatted(bank.adviserId()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").path("townCode").asText()).contains("镇街或填写行业");
        assertThat(json(bad).path("errors").path("limit").asText()).contains("最多");

        long before = assignments();
        HttpResponse<String> area = fx.api("POST", "/api/v1/advisory/assignments/area", "gov", """
                {"adviserId": "%s", "townCode": "%s", "industryPrefix": "c3841", "limit": 100}"""
                .formatted(bank.adviserId(), AdvisoryFixtures.NANCHENG));
        assertThat(area.statusCode()).as(area.body()).isEqualTo(200);
        assertThat(json(area).path("assigned").asLong()).isEqualTo(inArea - 1);
        assertThat(json(area).path("skipped").asLong()).as("the one already served").isEqualTo(1);
        assertThat(assignments()).isEqualTo(before + inArea - 1);
        JsonNode again = json(fx.api("POST", "/api/v1/advisory/assignments/area", "gov", """
                {"adviserId": "%s", "townCode": "%s", "industryPrefix": "C3841"}"""
                .formatted(bank.adviserId(), AdvisoryFixtures.NANCHENG)));
        assertThat(again.path("assigned").asLong()).as("all served now").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM advisory.assignment a JOIN advisory.adviser d ON d.id = a.adviser_id "
                + "WHERE d.username = ? AND (a.town_code <> ? OR a.industry_code NOT LIKE 'C3841%')")
                .params(bank.username(), AdvisoryFixtures.NANCHENG).query(Long.class).single())
                .as("every one in the area").isZero();
    }

    private static long delta(JsonNode before, JsonNode after, String town, String field) {
        return townRow(after, town).path(field).asLong() - townRow(before, town).path(field).asLong();
    }

    private static JsonNode townRow(JsonNode board, String town) {
        for (JsonNode t : board.path("towns")) {
            if (town.equals(t.path("townCode").asText())) {
                return t;
            }
        }
        throw new AssertionError("no town " + town);
    }

    private static JsonNode institution(JsonNode board, UUID id) {
        for (JsonNode i : board.path("institutions")) {
            if (id.toString().equals(i.path("institutionId").asText())) {
                return i;
            }
        }
        throw new AssertionError("no institution " + id);
    }
}
