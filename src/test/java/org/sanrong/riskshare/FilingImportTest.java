package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.platform.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Filing by Excel import: the template, good rows filed (and committed in the pool), every bad row reported with the
 * rule it failed and nothing of it kept, duplicates (in the sheet and already filed) refused, a file that is not the
 * template refused whole; refusals audited.
 */
@SanrongTest
class FilingImportTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Autowired
    JdbcClient jdbc;

    RiskshareFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new RiskshareFixtures(port, registry, membership);
    }

    private static byte[] sheet(List<String> headers, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, List.of(new Spreadsheets.Sheet("备案导入", headers, rows)));
        return out.toByteArray();
    }

    private HttpResponse<String> upload(String user, String fileName, byte[] content) throws Exception {
        String boundary = "----rs" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/riskshare/filings/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + RiskshareFixtures.PW)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<Object> row(String loanNumber, String credit, String product, String amount, String disbursed,
            String features) {
        return List.of("GZ-2025-BANK", loanNumber, credit, product, amount, disbursed,
                RiskshareFixtures.today().plusMonths(12).toString(), "12", "3.80", "信用", features);
    }

    private long filed(String loanNumber) {
        return jdbc.sql("SELECT count(*) FROM riskshare.filing WHERE loan_number = ?").param(loanNumber)
                .query(Long.class).single();
    }

    private static Map<Integer, List<String>> rejected(JsonNode report) {
        Map<Integer, List<String>> out = new HashMap<>();
        report.path("rejected").forEach(r -> {
            List<String> rules = new ArrayList<>();
            r.path("rules").forEach(x -> rules.add(x.asText()));
            out.put(r.path("line").asInt(), rules);
        });
        return out;
    }

    @Test
    void goodRowsAreFiledAndEveryBadRowIsReportedWithTheRuleItFailed() throws Exception {
        DealFixtures.Lender bank = fx.deals.lender();
        String credit = fx.creditCodeOf(fx.enterprise("440111"));
        String other = fx.creditCodeOf(fx.enterprise("440106"));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String today = RiskshareFixtures.today().toString();
        byte[] xlsx = sheet(FilingImport.COLUMNS, List.of(
                row("IMP-" + tag + "-1", credit, "CREDIT_LOAN", "3000000.00", today, "MONETARY_TOOL"),  // line 2: good
                row("IMP-" + tag + "-2", credit, "信用贷款", "1,000,000", today, ""),                      // 3: good (label, grouped)
                row("IMP-" + tag + "-3", credit, "CREDIT_LOAN", "3000000.00", "2026-13-01", ""),        // 4: bad date
                row("IMP-" + tag + "-1", credit, "CREDIT_LOAN", "3000000.00", today, ""),               // 5: twice in sheet
                row("IMP-" + tag + "-5", "91440106MA5ZZZZZZ3", "CREDIT_LOAN", "3000000.00", today, ""), // 6: not in registry
                row("IMP-" + tag + "-6", other, "CREDIT_LOAN", "40000000.00", today, ""),               // 7: above the tiers
                row("IMP-" + tag + "-7", credit, "房贷", "3000000.00", today, "KEY_SUPPORT_LIST"),        // 8: product, declaration
                row("IMP-" + tag + "-8", credit, "CREDIT_LOAN", "-5", today, "")));                      // 9: amount
        HttpResponse<String> r = upload(bank.username(), "备案.xlsx", xlsx);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.path("rows").asInt()).isEqualTo(8);
        assertThat(report.path("filed").findValuesAsString("loanNumber")).containsExactly("IMP-" + tag + "-1",
                "IMP-" + tag + "-2");
        Map<Integer, List<String>> bad = rejected(report);
        assertThat(bad.keySet()).containsExactlyInAnyOrder(4, 5, 6, 7, 8, 9);
        assertThat(bad.get(4)).singleElement().asString().contains("放款日").contains("2026-13-01");
        assertThat(bad.get(5)).singleElement().asString().contains("重复");
        assertThat(bad.get(6)).singleElement().asString().contains("企业未在平台企业库登记");
        assertThat(bad.get(7)).singleElement().asString().contains("不符合备案条件");
        assertThat(bad.get(8)).hasSize(2).anySatisfy(x -> assertThat(x).contains("贷款品种").contains("房贷"))
                .anySatisfy(x -> assertThat(x).contains("银行声明").contains("KEY_SUPPORT_LIST"));
        assertThat(bad.get(9)).singleElement().asString().contains("须大于零");
        // good rows filed with the declaration; nothing of the bad ones kept
        assertThat(filed("IMP-" + tag + "-1")).isEqualTo(1);
        for (String n : List.of("-3", "-5", "-6", "-7", "-8")) {
            assertThat(filed("IMP-" + tag + n)).as(n).isZero();
        }
        JsonNode first = json(fx.deals.api("GET", "/api/v1/riskshare/filings/"
                + report.path("filed").get(0).path("filingId").asText(), bank.username(), null));
        assertThat(first.path("status").asText()).isEqualTo("FILED");
        assertThat(first.path("features").toString()).contains("MONETARY_TOOL");
        assertThat(first.path("commitmentFen").asLong()).isPositive();

        // importing the same good row again: refused as already filed
        JsonNode again = json(upload(bank.username(), "备案.xlsx", sheet(FilingImport.COLUMNS, List.of(
                row("IMP-" + tag + "-1", credit, "CREDIT_LOAN", "3000000.00", today, "")))));
        assertThat(again.path("filed").isEmpty()).isTrue();
        assertThat(rejected(again).get(2)).singleElement().asString().contains("不能重复备案");
        assertThat(filed("IMP-" + tag + "-1")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'FILE_LOAN_MANUALLY' "
                + "AND outcome = 'FAILURE' AND target LIKE ?").param("loan:IMP-" + tag + "%").query(Long.class)
                .single()).isEqualTo(7);
    }

    @Test
    void aFileThatIsNotTheTemplateIsRefusedWhole() throws Exception {
        DealFixtures.Lender bank = fx.deals.lender();
        String credit = fx.creditCodeOf(fx.enterprise("440111"));
        List<String> columns = new ArrayList<>(FilingImport.COLUMNS);
        columns.remove("放款日");
        columns.add("备注");
        List<List<Object>> one = List.of(List.of("GZ-2025-BANK", "IMP-WRONG", credit));
        HttpResponse<String> wrong = upload(bank.username(), "x.xlsx", sheet(columns, one));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).path("errors").path("file").asText()).as(wrong.body()).contains("缺少列：放款日").contains("多出列：备注");
        HttpResponse<String> csv = upload(bank.username(), "x.xlsx", "方案代码,借据号\n".getBytes(StandardCharsets.UTF_8));
        assertThat(json(csv).path("errors").path("file").asText()).contains(".xlsx");
        assertThat(filed("IMP-WRONG")).isZero();
        // the page shows the same next to the file field
        org.sanrong.WebClient web = new org.sanrong.WebClient(port);
        web.login(bank.username(), RiskshareFixtures.PW);
        String page = web.get("/riskshare/filings/import").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String boundary = "----rs" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + m.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"sheet\"; filename=\"x.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(sheet(columns, one));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> shown = web.postMultipart("/riskshare/filings/import", boundary, body.toByteArray());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("sheet-error").contains("缺少列：放款日");

        // the template is the columns above, and imports as it is (its example's enterprise is not registered)
        HttpResponse<byte[]> t = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/riskshare/filings/import-template"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((bank.username() + ":"
                        + RiskshareFixtures.PW).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(t.statusCode()).isEqualTo(200);
        List<Spreadsheets.Row> rows = new ArrayList<>();
        Spreadsheets.read(new ByteArrayInputStream(t.body()), rows::add);
        assertThat(rows.getFirst().cells()).isEqualTo(FilingImport.COLUMNS);
        JsonNode example = json(upload(bank.username(), "模板.xlsx", t.body()));
        assertThat(rejected(example).get(2)).isNotEmpty();
    }
}
