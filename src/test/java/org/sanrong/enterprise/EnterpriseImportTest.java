package org.sanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.idev.excel.FastExcel;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Bulk import of enterprises through the real HTTP endpoints, as the operator's script would do it. */
@SanrongTest
class EnterpriseImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = String.join(",", EnterpriseSheet.headers());

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpClient http = HttpClient.newHttpClient();

    String good1;
    String good2;
    String good3;

    @BeforeEach
    void codes() {
        good1 = TestData.creditCode();
        good2 = TestData.creditCode();
        good3 = TestData.creditCode();
    }

    /** A row in header order, from the values that matter to a test. */
    static String row(String code, String name, String town, String industry, String registeredOn, String revenue,
            String headcount) {
        return String.join(",", code, name, "有限责任公司", registeredOn, "500", town, "广东省东莞市松山湖科技路1号",
                industry, headcount, "2025", revenue, "12.5", "10", "2", "5", "1", "3", "4", "张三", "13800000000");
    }

    String csv(String tag) {
        String future = LocalDate.now().plusDays(30).toString();
        return "\uFEFF" + HEADER + "\r\n"
                + row(good1, "东莞导入测试" + tag + "一电子有限公司", "441900401", "C3982", "2018-06-01", "1234.56", "100")
                + "\r\n"
                + row(TestData.creditCodeWithWrongCheck(), "坏代码公司", "441900401", "C3982", "2018-06-01", "1", "1")
                + "\r\n"
                + row(good2, "东莞导入测试" + tag + "二精密有限公司", "441900119", "C3421", "2010/3/5", "0.000001", "20")
                + "\r\n"
                + row(TestData.creditCode(), "未知镇街公司", "441999999", "C9999", "2018-06-01", "1", "1") + "\r\n"
                + row(TestData.creditCode(), "负数公司", "441900401", "C3982", "2018-06-01", "-5", "1") + "\r\n"
                + row(TestData.creditCode(), "未来公司", "441900401", "C3982", future, "1", "1") + "\r\n"
                + row(TestData.creditCode(), "", "441900401", "C3982", "2018-06-01", "1", "1") + "\r\n"
                + row(good3, "\"东莞导入测试" + tag + "三软件有限公司，含逗号\"", "441900003", "I6513", "", "", "") + "\r\n";
    }

    HttpResponse<String> upload(String user, String fileName, byte[] content) throws Exception {
        String boundary = "----sanrong" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/admin/imports/enterprises"))
                .header("Authorization", basic(user))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode awaitFinished(String id) throws Exception {
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = new WebClient(port).api("GET", "/api/v1/admin/imports/" + id, "admin",
                    TestData.DEMO_PASSWORD, null);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode status = JSON.readTree(r.body());
            if (status.path("state").asText().equals("DONE") || status.path("state").asText().equals("FAILED")) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    JsonNode importFile(String fileName, byte[] content) throws Exception {
        HttpResponse<String> r = upload("admin", fileName, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return awaitFinished(JSON.readTree(r.body()).path("id").asText());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestData.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    long enterprises(String code) {
        return jdbc.sql("SELECT count(*) FROM enterprise.enterprise WHERE credit_code = ?").param(code)
                .query(Long.class).single();
    }

    @Test
    void csvKeepsGoodRowsAndReportsBadOnesWithLineAndReason() throws Exception {
        JsonNode status = importFile("企业.csv", csv("甲").getBytes(StandardCharsets.UTF_8));
        assertThat(status.path("state").asText()).isEqualTo("DONE");
        assertThat(status.path("read").asLong()).isEqualTo(8);
        assertThat(status.path("applied").asLong()).isEqualTo(3);
        assertThat(status.path("rejected").asLong()).isEqualTo(5);
        assertThat(status.path("percent").asInt()).isEqualTo(100);
        List<String> reasons = new ArrayList<>();
        status.path("rejections").forEach(r -> reasons.add(r.path("line").asLong() + " " + r.path("reason").asText()));
        assertThat(reasons).hasSize(5);
        assertThat(reasons.get(0)).startsWith("3 ").contains("校验位");
        assertThat(reasons.get(1)).startsWith("5 ").contains("所属镇街代码“441999999”不存在").contains("行业代码“C9999”");
        assertThat(reasons.get(2)).startsWith("6 ").contains("营业收入(万元)不能为负数");
        assertThat(reasons.get(3)).startsWith("7 ").contains("成立日期").contains("晚于今天");
        assertThat(reasons.get(4)).startsWith("8 ").contains("企业名称为空");

        Map<String, Object> e1 = jdbc.sql("""
                SELECT e.name, e.source, e.registered_capital_fen, e.town_code, e.industry_code,
                       array_to_string(e.emerging_industries, ',') AS emerging, f.revenue_fen, f.rd_expense_fen,
                       f.rd_staff, f.year
                FROM enterprise.enterprise e JOIN enterprise.yearly_figures f ON f.enterprise_id = e.id
                WHERE e.credit_code = ?""").param(good1).query().singleRow();
        assertThat(e1.get("source")).isEqualTo("IMPORTED");
        // 1234.56 万元 = 12,345,600 元 = 1,234,560,000 fen, exactly
        assertThat(e1.get("revenue_fen")).isEqualTo(1_234_560_000L);
        assertThat(e1.get("rd_expense_fen")).isEqualTo(12_500_000L);
        assertThat(e1.get("registered_capital_fen")).isEqualTo(500_000_000L);
        assertThat(e1.get("emerging")).isEqualTo("1");
        // 0.000001 万元 is one fen
        assertThat(jdbc.sql("""
                SELECT f.revenue_fen FROM enterprise.yearly_figures f JOIN enterprise.enterprise e
                ON e.id = f.enterprise_id WHERE e.credit_code = ?""").param(good2).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT name FROM enterprise.enterprise WHERE credit_code = ?").param(good3)
                .query(String.class).single()).endsWith("有限公司，含逗号");

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.audit_entry WHERE action = 'IMPORT_ENTERPRISES' AND actor = 'admin'
                AND target = '企业.csv' AND detail LIKE '%导入 3 行%拒绝 5 行%'""").query(Long.class).single())
                .isPositive();
    }

    @Test
    void reimportUpdatesInsteadOfDuplicating() throws Exception {
        importFile("first.csv", csv("乙").getBytes(StandardCharsets.UTF_8));
        String changed = "\uFEFF" + HEADER + "\r\n"
                + row(good1, "东莞导入测试乙改名电子有限公司", "441900401", "C3982", "2018-06-01", "2000", "150") + "\r\n";
        JsonNode second = importFile("second.csv", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(second.path("applied").asLong()).isEqualTo(1);
        JsonNode third = importFile("second.csv", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(third.path("applied").asLong()).isEqualTo(1);

        assertThat(enterprises(good1)).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("""
                SELECT e.name, e.headcount, f.revenue_fen,
                       (SELECT count(*) FROM enterprise.yearly_figures x WHERE x.enterprise_id = e.id) AS years
                FROM enterprise.enterprise e JOIN enterprise.yearly_figures f ON f.enterprise_id = e.id
                WHERE e.credit_code = ?""").param(good1).query().singleRow();
        assertThat(row.get("name")).isEqualTo("东莞导入测试乙改名电子有限公司");
        assertThat(row.get("headcount")).isEqualTo(150);
        assertThat(row.get("revenue_fen")).isEqualTo(2_000_000_000L);
        assertThat(row.get("years")).isEqualTo(1L);
    }

    @Test
    void xlsxIsImportedLikeCsv() throws Exception {
        Path file = Files.createTempFile("enterprises", ".xlsx");
        List<List<String>> head = EnterpriseSheet.headers().stream().map(List::of).toList();
        List<List<Object>> rows = List.of(
                List.of(row(good1, "东莞表格测试电子有限公司", "441900116", "C3922", "2015-01-20", "1234.56", "80")
                        .split(",")),
                List.of(row(TestData.creditCodeWithWrongCheck(), "表格坏行公司", "441900116", "C3922", "2015-01-20",
                        "1", "1").split(",")));
        FastExcel.write(file.toFile()).head(head).sheet("企业").doWrite(rows.stream()
                .map(r -> (List<Object>) new ArrayList<Object>(r)).toList());
        JsonNode status = importFile("企业.xlsx", Files.readAllBytes(file));
        Files.delete(file);
        assertThat(status.path("state").asText()).isEqualTo("DONE");
        assertThat(status.path("applied").asLong()).isEqualTo(1);
        assertThat(status.path("rejected").asLong()).isEqualTo(1);
        assertThat(status.path("rejections").get(0).path("line").asLong()).isEqualTo(3);
        assertThat(status.path("rejections").get(0).path("reason").asText()).contains("校验位");
        assertThat(jdbc.sql("""
                SELECT f.revenue_fen FROM enterprise.yearly_figures f JOIN enterprise.enterprise e
                ON e.id = f.enterprise_id WHERE e.credit_code = ?""").param(good1).query(Long.class).single())
                .isEqualTo(1_234_560_000L);
    }

    @Test
    void xlsxWithTypedCellsDatesAndNumbersIsReadExactly() throws Exception {
        Path file = Files.createTempFile("typed", ".xlsx");
        List<List<String>> head = EnterpriseSheet.headers().stream().map(List::of).toList();
        List<Object> cells = new ArrayList<>(List.of(row(good2, "东莞类型测试精密有限公司", "441900121", "C3421",
                "", "", "").split(",", -1)));
        cells.set(EnterpriseSheet.REGISTERED_ON.ordinal(), java.util.Date.from(LocalDate.of(2012, 3, 4).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()));
        cells.set(EnterpriseSheet.REVENUE.ordinal(), new java.math.BigDecimal("1234.56"));
        cells.set(EnterpriseSheet.HEADCOUNT.ordinal(), 80);
        cells.set(EnterpriseSheet.YEAR.ordinal(), 2025);
        FastExcel.write(file.toFile()).head(head).sheet("企业").doWrite(List.of(cells));
        JsonNode status = importFile("typed.xlsx", Files.readAllBytes(file));
        Files.delete(file);
        assertThat(status.path("applied").asLong()).as(status.toString()).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("""
                SELECT e.registered_on, e.headcount, f.revenue_fen FROM enterprise.enterprise e
                JOIN enterprise.yearly_figures f ON f.enterprise_id = e.id WHERE e.credit_code = ?""")
                .param(good2).query().singleRow();
        assertThat(row.get("registered_on").toString()).isEqualTo("2012-03-04");
        assertThat(row.get("headcount")).isEqualTo(80);
        assertThat(row.get("revenue_fen")).isEqualTo(1_234_560_000L);
    }

    @Test
    void xlsxWithWrongHeadersAndOldXlsAreRefused() throws Exception {
        Path file = Files.createTempFile("bad", ".xlsx");
        List<List<String>> head = EnterpriseSheet.headers().stream().map(h -> List.of(h.equals("地址") ? "住所" : h))
                .toList();
        FastExcel.write(file.toFile()).head(head).sheet("企业").doWrite(List.of(List.<Object>of(good1, "甲公司")));
        HttpResponse<String> r = upload("admin", "bad.xlsx", Files.readAllBytes(file));
        Files.delete(file);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("detail").asText()).contains("缺少列：“地址”")
                .contains("无法识别的列：“住所”");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        HttpResponse<String> old = upload("admin", "old.xls", xls);
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(old.body()).path("detail").asText()).contains(".xls");
        assertThat(enterprises(good1)).isZero();
    }

    @Test
    void wrongHeadersRejectTheWholeFileNamingTheColumns() throws Exception {
        String header = HEADER.replace("营业收入(万元),", "").replace("商标", "纳税额");
        String body = header + "\r\n" + row(good1, "表头错误公司", "441900401", "C3982", "2018-06-01", "1", "1");
        HttpResponse<String> r = upload("admin", "bad.csv", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        String detail = JSON.readTree(r.body()).path("detail").asText();
        assertThat(detail).contains("整个文件未导入").contains("缺少列：“营业收入(万元)”、“商标”")
                .contains("无法识别的列：“纳税额”");
        assertThat(enterprises(good1)).isZero();
    }

    @Test
    void onlyOperatorsMayImport() throws Exception {
        HttpResponse<String> r = upload("enterprise", "x.csv", csv("丙").getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(enterprises(good1)).isZero();
        HttpResponse<String> status = new WebClient(port).api("GET", "/api/v1/admin/imports/" + UUID.randomUUID(),
                "bank", TestData.DEMO_PASSWORD, null);
        assertThat(status.statusCode()).isEqualTo(403);
    }

    @Test
    void unknownJobIsAProblem404() throws Exception {
        HttpResponse<String> r = new WebClient(port).api("GET", "/api/v1/admin/imports/" + UUID.randomUUID(),
                "admin", TestData.DEMO_PASSWORD, null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).path("detail").asText()).contains("导入作业不存在");
    }

    @Test
    void operatorSeesTheReportPageAndDownloadsTheRejectedRows() throws Exception {
        JsonNode status = importFile("页面.csv", csv("丁").getBytes(StandardCharsets.UTF_8));
        WebClient web = new WebClient(port);
        web.login("admin", TestData.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("/admin/imports/enterprises");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("批量导入企业").contains("统一社会信用代码");
        String id = status.path("id").asText();
        HttpResponse<String> report = web.get("/admin/imports/enterprises/" + id + "/progress");
        assertThat(report.body()).contains("id=\"import-report\"").contains("校验位").doesNotContain("hx-get");
        HttpResponse<String> download = web.get("/admin/imports/enterprises/" + id + "/rejected.csv");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).startsWith("\uFEFF行号,原因,统一社会信用代码").contains("企业名称为空");
        assertThat(download.body().lines().count()).isEqualTo(6);

        WebClient enterprise = new WebClient(port);
        enterprise.login("enterprise", TestData.DEMO_PASSWORD);
        assertThat(enterprise.get("/admin/imports/enterprises").statusCode()).isEqualTo(403);
    }
}
