package org.sanrong.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanrong.listing.ListingFixtures.json;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's listing reserve over real HTTP: enrolment by hand (never twice) and by rule, milestones refused out of
 * order, in the future or without a real document (nothing saved), the reserve list with grade, board and latest
 * milestone, the portrait's sets and distances, requests with a working-day deadline and their overdue flag, and who
 * may see what.
 */
@SanrongTest
@RecordApplicationEvents
class ListingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ListingReserve reserve;

    @Autowired
    ListingRequests requests;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    ApplicationEvents events;

    ListingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ListingFixtures(port, registry);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    SignedInUser signIn(String username) {
        return (SignedInUser) authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                ListingFixtures.PW)).getPrincipal();
    }

    JsonNode row(String code) {
        HttpResponse<String> r = fx.api("GET", "/api/v1/listing/reserve?q=" + code, "gov", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("items").get(0);
    }

    long documents() {
        return jdbc.sql("SELECT count(*) FROM listing.document").query(Long.class).single();
    }

    HttpResponse<String> milestone(String code, String user, String milestone, String date, String file,
            byte[] content) {
        return fx.multipart("/api/v1/listing/reserve/" + code + "/milestones", user,
                Map.of("milestone", milestone, "reachedOn", date), "evidence", file, content);
    }

    @Test
    void enrolsByHandOnceAndListsGradeBoardAndLatestMilestone() {
        String code = fx.offPlatform("C3511", 12_000);
        JsonNode entry = fx.enrol(code, "STAR");
        assertThat(entry.path("grade").asText()).isEqualTo("D");
        assertThat(entry.path("board").asText()).isEqualTo("STAR");
        assertThat(entry.path("milestones").size()).isEqualTo(6);
        assertThat(entry.path("next").asText()).isEqualTo("RESTRUCTURED");

        HttpResponse<String> again = fx.api("POST", "/api/v1/listing/reserve", "gov", """
                {"creditCode": "%s", "board": "CHINEXT", "reason": "再次入库"}""".formatted(code));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(again.body()).contains("不能重复入库").contains("科创板");
        assertThat(jdbc.sql("SELECT count(*) FROM listing.reserve_entry WHERE credit_code = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> noReason = fx.api("POST", "/api/v1/listing/reserve", "gov", """
                {"creditCode": "%s", "board": "STAR"}""".formatted(fx.offPlatform("C3511", 100)));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("理由");
        HttpResponse<String> unknown = fx.api("POST", "/api/v1/listing/reserve", "gov", """
                {"creditCode": "91441900MA0000000X", "reason": "无此企业"}""");
        assertThat(unknown.statusCode()).isEqualTo(400);

        JsonNode listed = row(code);
        assertThat(listed.path("grade").asText()).isEqualTo("D");
        assertThat(listed.path("board").asText()).isEqualTo("STAR");
        assertThat(listed.path("latestMilestone").isNull()).isTrue();
        assertThat(listed.path("townName").asText()).isNotBlank();

        assertThat(fx.api("GET", "/api/v1/listing/reserve", "bank", null).statusCode()).isEqualTo(403);
        assertThat(fx.api("GET", "/api/v1/listing/reserve/" + code, "bank", null).statusCode())
                .as("an institution is not told the reserve's members").isEqualTo(404);
        assertThat(fx.api("POST", "/api/v1/listing/reserve", "bank", """
                {"creditCode": "%s", "reason": "x"}""".formatted(code)).statusCode()).isEqualTo(403);
    }

    @Test
    void milestonesOverHttpRefuseBadInputAndSaveNothingThenRecordInOrder() {
        String code = fx.offPlatform("C3911", 30_000);
        fx.enrol(code, "CHINEXT");
        long before = documents();

        HttpResponse<String> future = milestone(code, "gov", "RESTRUCTURED", today().plusDays(1).toString(), "a.pdf",
                ListingFixtures.PDF);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).path("errors").path("reachedOn").asText()).contains("不能晚于今天");

        HttpResponse<String> notADocument = milestone(code, "gov", "RESTRUCTURED", "2025-03-01", "股改.pdf",
                "just text, not a pdf".getBytes());
        assertThat(notADocument.statusCode()).isEqualTo(400);
        assertThat(json(notADocument).path("errors").path("evidence").asText()).contains("按文件内容判断");

        HttpResponse<String> misnamed = milestone(code, "gov", "RESTRUCTURED", "2025-03-01", "股改.pdf",
                ListingFixtures.PNG);
        assertThat(misnamed.statusCode()).isEqualTo(400);
        assertThat(misnamed.body()).contains("内容是 PNG");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(ListingFixtures.PDF, 0, big, 0, ListingFixtures.PDF.length);
        HttpResponse<String> tooBig = milestone(code, "gov", "RESTRUCTURED", "2025-03-01", "big.pdf", big);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("不能超过 10MB");

        HttpResponse<String> skipping = milestone(code, "gov", "TUTORING_FILED", "2025-03-01", "辅导.pdf",
                ListingFixtures.PDF);
        assertThat(skipping.statusCode()).isEqualTo(400);
        assertThat(json(skipping).path("errors").path("milestone").asText()).contains("下一步应为「股改完成」");
        assertThat(documents()).as("no refused evidence is kept").isEqualTo(before);
        assertThat(row(code).path("latestMilestone").isNull()).isTrue();

        HttpResponse<String> restructured = milestone(code, "gov", "RESTRUCTURED", "2025-03-01", "股改.pdf",
                ListingFixtures.PDF);
        assertThat(restructured.statusCode()).as(restructured.body()).isEqualTo(201);
        assertThat(json(restructured).path("grade").asText()).isEqualTo("C");
        HttpResponse<String> backwards = milestone(code, "gov", "TUTORING_FILED", "2025-02-28", "辅导.pdf",
                ListingFixtures.PDF);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("不能早于上一里程碑「股改完成」的日期 2025-03-01");
        assertThat(milestone(code, "gov", "RESTRUCTURED", "2025-04-01", "股改.pdf", ListingFixtures.PDF)
                .statusCode()).as("recorded once").isEqualTo(409);
        HttpResponse<String> tutoring = milestone(code, "gov", "TUTORING_FILED", "2025-06-18", "辅导.pdf",
                ListingFixtures.PDF);
        assertThat(tutoring.statusCode()).isEqualTo(201);

        JsonNode listed = row(code);
        assertThat(listed.path("grade").asText()).isEqualTo("B");
        assertThat(listed.path("latestMilestone").asText()).isEqualTo("TUTORING_FILED");
        assertThat(listed.path("latestMilestoneOn").asText()).isEqualTo("2025-06-18");
        assertThat(documents()).isEqualTo(before + 2);

        // the event the subsidy module will read, published in the recording transaction (here in the test's thread)
        reserve.recordMilestone(code, Milestone.APPLICATION_ACCEPTED, today(), "深交所受理", "受理通知书.pdf",
                ListingFixtures.PDF, signIn("gov"));
        assertThat(events.stream(ListingMilestoneReached.class).filter(e -> e.creditCode().equals(code)))
                .singleElement().satisfies(e -> {
                    assertThat(e.milestone()).isEqualTo(Milestone.APPLICATION_ACCEPTED);
                    assertThat(e.reachedOn()).isEqualTo(today());
                    assertThat(e.board()).isEqualTo(ListingBoard.CHINEXT);
                    assertThat(e.evidenceId()).isNotNull();
                });
        assertThat(row(code).path("grade").asText()).isEqualTo("A");
    }

    @Test
    void theEnterpriseSeesItsPortraitWithTheNearestSetAndItsDistances() {
        var party = fx.enterprise(26_500, 31_800);
        fx.enrol(party.creditCode(), "CHINEXT");
        HttpResponse<String> figures = fx.api("PUT", "/api/v1/listing/reserve/" + party.creditCode() + "/figures",
                party.username(), """
                [{"year": 2024, "netProfitFen": 3800000000, "operatingCashFlowFen": 4100000000},
                 {"year": 2025, "netProfitFen": 5200000000, "operatingCashFlowFen": -100000000, "roePercent": 16.85}]""");
        assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
        HttpResponse<String> future = fx.api("PUT", "/api/v1/listing/reserve/" + party.creditCode() + "/figures",
                party.username(), "[{\"year\": " + (today().getYear() + 1) + ", \"netProfitFen\": 1}]");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(fx.api("PUT", "/api/v1/listing/reserve/" + party.creditCode() + "/market-value", party.username(),
                "{\"marketValueFen\": 180000000000, \"on\": \"" + today() + "\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> r = fx.api("GET", "/api/v1/listing/reserve/" + party.creditCode() + "/portrait",
                party.username(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode p = json(r);
        assertThat(p.path("board").asText()).isEqualTo("CHINEXT");
        assertThat(p.path("latestYear").asInt()).isEqualTo(2025);
        assertThat(p.path("marketValueFen").asLong()).isEqualTo(180_000_000_000L);
        assertThat(p.path("rules").path("rules").asText()).contains("创业板股票上市规则");
        assertThat(p.path("standards")).hasSize(3);
        JsonNode nearest = p.path("nearest");
        assertThat(nearest.path("name").asText()).isEqualTo("第二套");
        assertThat(nearest.path("met").asBoolean()).isFalse();
        JsonNode revenue = nearest.path("criteria").get(2);
        assertThat(revenue.path("label").asText()).isEqualTo("最近一年营业收入不低于4亿元");
        assertThat(revenue.path("actual").decimalValue()).isEqualByComparingTo("3.18");
        assertThat(revenue.path("gap").decimalValue()).isEqualByComparingTo("0.82");
        assertThat(p.path("trend")).hasSize(2);
        assertThat(p.path("trend").get(1).path("revenueGrowthPercent").decimalValue()).isEqualByComparingTo("20.00");

        HttpResponse<String> star = fx.api("GET", "/api/v1/listing/reserve/" + party.creditCode()
                + "/portrait?board=STAR", "gov", null);
        assertThat(json(star).path("board").asText()).isEqualTo("STAR");
        assertThat(json(star).path("standards")).hasSize(6);
        assertThat(fx.api("GET", "/api/v1/listing/reserve/" + party.creditCode() + "/portrait", "bank", null)
                .statusCode()).isEqualTo(404);
        var other = fx.enterprise(100, 200);
        assertThat(fx.api("GET", "/api/v1/listing/reserve/" + party.creditCode() + "/portrait", other.username(),
                null).statusCode()).as("another enterprise").isEqualTo(404);
    }

    @Test
    void enrolmentByRuleTakesEachMatchOnceAndSaysWhy() {
        String town = "441900121";
        String big = fx.offPlatform("C3311", 9_500_000);
        String bigger = fx.offPlatform("C3311", 12_000_000);
        String small = fx.offPlatform("C3311", 100_000);
        fx.enrol(big, "MAIN");
        SignedInUser gov = signIn("gov");
        EnrolmentRule rule = new EnrolmentRule(Set.of(), 9_000_000L * 1_000_000L, null, town, "C3311",
                ListingBoard.MAIN, ReserveGrade.D);

        RulePreview preview = reserve.preview(rule, gov);
        assertThat(preview.reason()).contains("营业收入不低于").contains("C3311");
        assertThat(preview.shown()).extracting(RulePreview.Candidate::creditCode).contains(bigger)
                .doesNotContain(big, small);
        assertThat(preview.alreadyEnrolled()).isGreaterThanOrEqualTo(1);
        assertThat(preview.matched()).isEqualTo(preview.alreadyEnrolled() + preview.candidates());

        int enrolled = reserve.enrolByRule(rule, gov);
        assertThat(enrolled).isEqualTo(preview.candidates());
        assertThat(jdbc.sql("SELECT by_rule FROM listing.reserve_entry WHERE credit_code = ?").param(bigger)
                .query(Boolean.class).single()).isTrue();
        assertThat(reserve.enrolByRule(rule, gov)).as("none twice").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM listing.reserve_entry WHERE credit_code IN (?, ?) AND status <> "
                + "'REMOVED'").params(big, bigger).query(Long.class).single()).isEqualTo(2);

        EnrolmentRule withProfit = new EnrolmentRule(Set.of(), 9_000_000L * 1_000_000L, 1L, town, "C3311", null, null);
        assertThat(reserve.preview(withProfit, gov).profitUnknown()).as("no profit figure entered")
                .isGreaterThanOrEqualTo(3 - 1);
        assertThatThrownBy(() -> reserve.preview(new EnrolmentRule(Set.of(), null, null, null, null, null, null), gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("至少设定一个条件");
        assertThatThrownBy(() -> reserve.preview(new EnrolmentRule(Set.of("NO_SUCH"), null, null, null, null, null,
                null), gov)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("未知的资质类型");
        assertThatThrownBy(() -> reserve.preview(rule, signIn("bank")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aRequestGoesToTheDepartmentWithAWorkingDayDeadlineAndTurnsOverdue() {
        var party = fx.enterprise(5_000, 6_000);
        fx.enrol(party.creditCode(), "BSE");
        SignedInUser enterprise = signIn(party.username());
        SignedInUser gov = signIn("gov");
        assertThatThrownBy(() -> requests.raise(party.creditCode(), RequestCategory.LAND, " ", gov.organisationId(),
                enterprise)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("请描述");
        Instant before = Instant.now();
        UUID id = requests.raise(party.creditCode(), RequestCategory.PERMIT, "环评批复办理进度需协调", gov.organisationId(),
                enterprise);
        ListingRequest raised = requests.forDepartment(true, gov).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow();
        assertThat(raised.deadline()).isEqualTo(calendar.deadline(raised.raisedAt(), 10));
        assertThat(raised.deadline()).isAfter(before);
        assertThat(raised.overdue()).isFalse();
        assertThat(raised.mayAnswer()).isTrue();
        assertThat(requests.of(party.creditCode(), enterprise)).extracting(ListingRequest::id).containsExactly(id);

        jdbc.sql("UPDATE listing.request SET deadline = ? WHERE id = ?").params(Timestamp.from(Instant.now()
                .minusSeconds(60)), id).update();
        assertThat(requests.of(party.creditCode(), enterprise).getFirst().overdue()).isTrue();
        assertThat(json(fx.api("GET", "/api/v1/listing/reserve?q=" + party.creditCode(), "gov", null))
                .path("total").asInt()).isEqualTo(1);

        requests.answer(id, "已协调生态环境分局，两周内出具批复", gov);
        ListingRequest answered = requests.of(party.creditCode(), enterprise).getFirst();
        assertThat(answered.status()).isEqualTo(ListingRequest.Status.ANSWERED);
        assertThat(answered.overdue()).as("answered after its deadline").isTrue();
        assertThatThrownBy(() -> requests.answer(id, "再答一次", gov)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> requests.raise(party.creditCode(), RequestCategory.LAND, "x", gov.organisationId(),
                signIn("bank"))).isInstanceOf(org.sanrong.platform.NotFoundException.class);
    }

    @Test
    void theApiIsInTheOpenApiDocument() {
        HttpResponse<String> doc = new WebClient(port).get("/v3/api-docs");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/listing/reserve").contains("/api/v1/listing/reserve/{creditCode}/portrait")
                .contains("/api/v1/listing/reserve/{creditCode}/milestones").contains("/api/v1/roadshows")
                .contains("/api/v1/roadshows/{id}/interests");
    }
}
