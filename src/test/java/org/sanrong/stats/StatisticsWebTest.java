package org.sanrong.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sanrong.deal.DealFixtures.json;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.platform.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read model fed by real deals through the deal API (as DealApiTest makes them), then the cockpit, its exports,
 * the monthly report and the JSON API over real HTTP, each as the role that may (or may not) see it.
 */
@SanrongTest
class StatisticsWebTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Statistics statistics;

    @Autowired
    JdbcClient jdbc;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void aLoanMadeThroughTheDealApiShowsInTheStatisticsAndItsStatusReportMovesThem() throws Exception {
        DealFixtures fx = new DealFixtures(port, registry);
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        HttpResponse<String> picked = fx.api("POST", "/api/v1/deals/pickups", lender.username(),
                "{\"demandId\": \"" + demand + "\"}");
        assertThat(picked.statusCode()).as(picked.body()).isEqualTo(201);
        String id = json(picked).path("id").asText();
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 400000000, "annualRatePercent": 3.65,
                 "termMonths": 12, "guarantee": "无", "conditions": "按月付息"}}""").statusCode()).isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", enterprise.username(), null)
                .statusCode()).isEqualTo(200);
        LocalDate today = LocalDate.now(CHINA);
        HttpResponse<String> paid = fx.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(), """
                {"loanNumber": "ST-0001", "amountFen": 400000000, "disbursedOn": "%s", "annualRatePercent": 3.65,
                 "termMonths": 12, "maturityOn": "%s", "guarantee": "信用"}""".formatted(today, today.plusMonths(12)));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);

        Selection mine = Selection.of(YearMonth.now(CHINA)).withInstitution(lender.organisationId());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Figures f = statistics.figures(mine);
            assertThat(f.totals().balanceFen()).isEqualTo(400_000_000);
            assertThat(f.totals().issuedMonthFen()).isEqualTo(400_000_000);
            assertThat(f.totals().issuedYtdFen()).isEqualTo(400_000_000);
            assertThat(f.totals().creditSharePercent()).as("the lender's product is a credit loan")
                    .isEqualByComparingTo("100.0");
            assertThat(f.totals().firstBorrowersMonth()).isEqualTo(1);
            assertThat(f.borrowers()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM stats.demand WHERE demand_id = ?").param(demand).query(Long.class).single())
                .as("the published demand").isEqualTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM stats.deal_case WHERE deal_id = ? AND decided_at IS NOT NULL AND approved")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1));

        assertThat(fx.api("POST", "/api/v1/deals/" + id + "/loan-status", lender.username(),
                "{\"status\": \"OVERDUE\", \"asOf\": \"" + today + "\", \"outstandingFen\": 350000000}").statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Totals t = statistics.figures(mine).totals();
            assertThat(t.balanceFen()).isEqualTo(350_000_000);
            assertThat(t.overdueFen()).isEqualTo(350_000_000);
            assertThat(t.issuedMonthFen()).as("the amount issued does not change").isEqualTo(400_000_000);
        });

        // the cockpit as government, drilled down to the lender, with its definitions
        Session gov = new Session("gov");
        String page = gov.text("/statistics?institution=" + lender.organisationId());
        assertThat(page).contains("id=\"fig-balance\">350.00万元").contains("口径：报告日各笔贷款最近一次报送的未还本金之和");
        assertThat(page).contains("id=\"fig-issued-ytd\">400.00万元");
        String loans = gov.text("/statistics/loans?institution=" + lender.organisationId());
        assertThat(loans).contains("ST-0001").contains("逾期");
        List<List<String>> institutions = gov.sheet("/statistics/export.xlsx?table=institutions");
        assertThat(institutions.getFirst()).startsWith("机构", "余额（万元）");
        assertThat(institutions).anySatisfy(r -> assertThat(r).startsWith(lender.name(), "350"));
        List<List<String>> loanSheet = gov.sheet("/statistics/export.xlsx?table=loans&institution="
                + lender.organisationId());
        assertThat(loanSheet).hasSize(2);
        assertThat(loanSheet.get(1)).startsWith("ST-0001", lender.name());
        byte[] pdf = gov.bytes("/statistics/report?format=pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/monthly-report.pdf"), pdf);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("the CJK font is embedded").contains("NotoSansCJK");
        List<List<String>> overview = Session.read(gov.bytes("/statistics/report?format=xlsx"));
        assertThat(overview.getFirst()).containsExactly("指标", "数值", "口径");

        // the lender sees its own figures and its rank, not the others'
        Session bank = new Session(lender.username());
        String ownPage = bank.text("/statistics");
        assertThat(ownPage).contains("id=\"own-rank\"").contains("id=\"fig-balance\">350.00万元")
                .doesNotContain("id=\"by-institution\"");
        assertThat(ownPage.split("class=\"growth-row\"").length - 1).as("the city and the lender itself at most")
                .isLessThanOrEqualTo(2);
        assertThat(bank.status("/statistics/export.xlsx?table=institutions")).isEqualTo(403);
        HttpResponse<String> own = fx.api("GET", "/api/v1/statistics/figures?institution=" + UUID.randomUUID(),
                lender.username(), null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).path("totals").path("balanceFen").asLong()).as("narrowed to the lender").isEqualTo(
                350_000_000);
        assertThat(json(own).path("totals").path("increaseSinceStartOfYearFen").isMissingNode()).isFalse();
        assertThat(fx.api("GET", "/api/v1/statistics/breakdown?by=INSTITUTION", lender.username(), null).statusCode())
                .isEqualTo(403);

        // an enterprise does not see the cockpit; a bad month is a problem, not an error page
        assertThat(new Session(enterprise.username()).status("/statistics")).isEqualTo(403);
        HttpResponse<String> bad = fx.api("GET", "/api/v1/statistics/figures?month=2026-13", "gov", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(fx.api("GET", "/api/v1/statistics/figures?category=NOPE", "gov", null).statusCode()).isEqualTo(400);
    }

    @Autowired
    PlanIndicators plan;

    @Autowired
    org.sanrong.supervision.Supervision supervision;

    /** Every page of the cockpit, the plan and supervision renders for government (templates are checked here). */
    @Test
    void thePlanAndSupervisionPagesRenderForGovernment() throws Exception {
        Session gov = new Session("gov");
        UUID indicator = plan.indicators().get(10).id();
        assertThat(gov.text("/plan")).contains("科技信贷贷款余额").contains("id=\"plan-indicators\"");
        assertThat(gov.text("/plan/" + indicator)).contains("id=\"value-form\"").contains("chart-indicator");
        assertThat(gov.text("/supervision")).contains("id=\"tasks\"");
        assertThat(gov.text("/supervision/imports")).contains("id=\"import-form\"");
        var user = (org.sanrong.identity.SignedInUser) provider.authenticate(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated("gov",
                        TestData.DEMO_PASSWORD)).getPrincipal();
        var preview = supervision.preview("office.xlsx", org.sanrong.supervision.TaskSheetTestData.officeTable(), user);
        assertThat(gov.text("/supervision/imports/" + preview.tableId())).contains("id=\"bad-rows\"")
                .contains("序号 2 与第5行重复").contains("id=\"confirm-form\"");
        var tasks = supervision.confirm(preview.tableId(), null, org.sanrong.supervision.Supervision.Cycle.QUARTERLY,
                null, java.util.Map.of(), user);
        supervision.bind(tasks.getFirst().id(), indicator, user);
        assertThat(gov.text("/supervision/tasks/" + tasks.getFirst().id())).contains("id=\"bound-figure\"")
                .contains("科技信贷贷款余额");
        assertThat(gov.text("/supervision?table=" + preview.tableId())).contains("扩大风险补偿资金池规模");
        assertThat(gov.sheet("/supervision/export.xlsx?table=" + preview.tableId())).hasSize(5);
        assertThat(new String(gov.bytes("/supervision/report.pdf?table=" + preview.tableId()), 0, 5,
                StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // the board of one department: only the tasks it leads or co-operates on, on the page and in the export
        String unit = java.net.URLEncoder.encode("市财政局", StandardCharsets.UTF_8);
        assertThat(gov.text("/supervision?table=" + preview.tableId() + "&unit=" + unit))
                .contains("id=\"unit-board-title\"").contains("class=\"unit-board\"");
        List<List<String>> unitSheet = gov.sheet("/supervision/export.xlsx?table=" + preview.tableId() + "&unit="
                + unit);
        assertThat(unitSheet.size()).isBetween(2, 5);
        assertThat(unitSheet.subList(1, unitSheet.size())).allSatisfy(row -> assertThat(row.get(4) + "、" + row.get(5))
                .contains("市财政局"));
        assertThat(new String(gov.bytes("/supervision/report.pdf?table=" + preview.tableId() + "&unit=" + unit), 0,
                5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(gov.text("/statistics")).contains("id=\"cockpit-warnings\"")
                .contains("id=\"chart-cockpit-warning-towns\"").contains("id=\"chart-cockpit-warning-sections\"")
                .contains("id=\"fig-compensation\"");
        assertThat(gov.text("/statistics?month=2026-13")).contains("月份请写成");
    }

    @Autowired
    org.springframework.security.authentication.AuthenticationProvider provider;

    /** A signed-in browser session over plain HTTP (pages use form login). */
    final class Session {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(String username) throws Exception {
            String login = text("/login");
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(m.find()).isTrue();
            String form = "username=" + enc(username) + "&password=" + enc(TestData.DEMO_PASSWORD) + "&_csrf="
                    + enc(m.group(1));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        int status(String path) throws Exception {
            return get(path).statusCode();
        }

        String text(String path) throws Exception {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return new String(r.body(), StandardCharsets.UTF_8);
        }

        byte[] bytes(String path) throws Exception {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        }

        List<List<String>> sheet(String path) throws Exception {
            return read(bytes(path));
        }

        static List<List<String>> read(byte[] xlsx) {
            List<List<String>> rows = new ArrayList<>();
            Spreadsheets.read(new ByteArrayInputStream(xlsx), r -> rows.add(r.cells()));
            return rows;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
