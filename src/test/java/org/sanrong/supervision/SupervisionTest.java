package org.sanrong.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.SignedInUser;
import org.sanrong.inbox.Inbox;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.stats.PlanIndicators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Import over the API, preview and confirm, a lead unit's report and the office's score, reminders, live figure. */
@SanrongTest
class SupervisionTest {

    @LocalServerPort
    int port;

    @Autowired
    Supervision supervision;

    @Autowired
    PlanIndicators plan;

    @Autowired
    AuthenticationProvider provider;

    @Autowired
    Inbox inbox;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    SignedInUser user(String name) {
        return (SignedInUser) provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name,
                TestData.DEMO_PASSWORD)).getPrincipal();
    }

    HttpResponse<String> upload(String user, String fileName, byte[] content) throws Exception {
        String boundary = "----sanrong" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/supervision/imports")).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + TestData.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiImportsThe2014TableAndAnswersWithTheTasksCreated() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("src/main/resources/stats/responsibility-table-2014.csv"));
        HttpResponse<String> r = upload("gov", "responsibility-table-2014.csv", csv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.path("tasks")).hasSize(53);
        assertThat(body.path("badRows")).isEmpty();
        assertThat(body.path("tasks").get(0).path("leadUnits").get(0).asText()).isEqualTo("市发改局");
        assertThat(body.path("tasks").get(0).path("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(body.path("unmatchedUnits").toString()).contains("市科技局");
        UUID table = UUID.fromString(body.path("tableId").asText());
        assertThat(supervision.originalFile(table, user("gov")).getValue()).as("the original file is kept")
                .isEqualTo(csv);

        HttpResponse<String> noHeader = upload("gov", "x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(noHeader.body()).contains("找不到表头");
        assertThat(upload("bank", "responsibility-table-2014.csv", csv).statusCode()).isEqualTo(403);
    }

    @Test
    void aLeadUnitReportsTheOfficeScoresAndLateReportsAreReminded() {
        SignedInUser gov = user("gov");
        ImportPreview preview = supervision.preview("office.xlsx", TaskSheetTestData.officeTable(), gov);
        assertThat(preview.status()).isEqualTo("PREVIEW");
        assertThat(preview.title()).isEqualTo("东莞市科技金融重点工作任务分解表 （2026年）");
        assertThat(preview.rows()).hasSize(4);
        assertThat(preview.badRows()).hasSize(4);
        assertThat(jdbc.sql("SELECT count(*) FROM supervision.task WHERE table_id = ?").param(preview.tableId())
                .query(Long.class).single()).as("nothing saved before confirmation").isZero();
        assertThat(preview.units()).containsKey("市财政局");

        List<TaskView> tasks = supervision.confirm(preview.tableId(), "科技金融任务", Supervision.Cycle.MONTHLY, null,
                Map.of("市财政局", gov.organisationId()), gov);
        assertThat(tasks).hasSize(4);
        TaskView first = tasks.getFirst();
        assertThat(supervision.roleOf(first, gov)).isEqualTo(Supervision.UnitRole.LEAD);
        assertThatThrownBy(() -> supervision.confirm(preview.tableId(), null, Supervision.Cycle.MONTHLY, null,
                Map.of(), gov)).isInstanceOf(InvalidRequestException.class);

        String period = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        assertThatThrownBy(() -> supervision.report(first.id(), period, 120, "进展", gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("0至100");
        assertThatThrownBy(() -> supervision.report(first.id(), "2099-01", 10, "进展", gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("未来");
        assertThatThrownBy(() -> supervision.report(first.id(), period, 10, "进展", user("bank")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audit.search(new AuditQuery(null, "REPORT_TASK_PROGRESS", "task:" + first.id(), null, null, null),
                0, 20).items()).extracting(AuditEntry::outcome).contains(AuditEntry.Outcome.DENIED,
                        AuditEntry.Outcome.FAILURE);

        UUID report = supervision.report(first.id(), period, 40, "资金池方案已报市政府", gov);
        assertThat(supervision.task(first.id()).progress()).isEqualTo(40);
        assertThat(supervision.task(first.id()).status()).isIn(TaskView.Status.IN_PROGRESS, TaskView.Status.LAGGING);
        supervision.review(report, 90, "进度符合要求", gov);
        assertThat(supervision.reports(first.id())).singleElement().satisfies(r -> {
            assertThat(r.score()).isEqualTo(90);
            assertThat(r.reviewedBy()).isEqualTo("gov");
            assertThat(r.lead()).isTrue();
        });
        assertThatThrownBy(() -> supervision.review(report, 101, null, gov)).isInstanceOf(InvalidRequestException.class);

        // a task started months ago with no report for the last due period: lagging, reminded once
        TaskView second = tasks.get(1);
        jdbc.sql("UPDATE supervision.task SET starts_on = ?, lead_units = ARRAY['市财政局'] WHERE id = ?")
                .params(Date.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(100)), second.id()).update();
        TaskView late = supervision.task(second.id());
        assertThat(late.reportOverdue()).isTrue();
        assertThat(late.status()).isEqualTo(TaskView.Status.LAGGING);
        supervision.remind();
        String subject = "sup:" + late.id() + ":" + late.duePeriod() + ":" + gov.organisationId();
        assertThat(inbox.sentAbout(subject)).isTrue();
        assertThat(supervision.remind()).as("once per task and period").isZero();

        // bound to a plan indicator, the task shows its live figure
        UUID indicator = plan.indicators().getFirst().id();
        supervision.bind(first.id(), indicator, gov);
        assertThat(supervision.task(first.id()).boundIndicator()).isEqualTo(indicator);
    }

    @Test
    void aReportCarriesAttachmentsAndABadFileRefusesTheWholeReport() {
        SignedInUser gov = user("gov");
        ImportPreview preview = supervision.preview("office.xlsx", TaskSheetTestData.officeTable(), gov);
        TaskView task = supervision.confirm(preview.tableId(), "附件测试任务", Supervision.Cycle.MONTHLY, null,
                Map.of("市财政局", gov.organisationId()), gov).getFirst();
        String period = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

        assertThatThrownBy(() -> supervision.report(task.id(), period, 30, "已召开协调会", List.of(
                new Supervision.Upload("会议纪要.pdf", pdf), new Supervision.Upload("照片.pdf", "not a pdf"
                        .getBytes(StandardCharsets.UTF_8))), gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("照片.pdf")
                .satisfies(e -> assertThat(((InvalidRequestException) e).fieldErrors()).containsKey("attachments"));
        assertThat(supervision.reports(task.id())).as("nothing half-saved").isEmpty();
        assertThat(supervision.task(task.id()).progress()).isZero();

        supervision.report(task.id(), period, 30, "已召开协调会", List.of(new Supervision.Upload("会议纪要.pdf", pdf),
                new Supervision.Upload("现场.png", png), new Supervision.Upload("", new byte[0])), gov);
        ReportView report = supervision.reports(task.id()).getFirst();
        assertThat(report.attachments()).extracting(ReportView.Attachment::fileName)
                .containsExactly("会议纪要.pdf", "现场.png");
        ReportView.Attachment minutes = report.attachments().getFirst();
        assertThat(minutes.contentType()).isEqualTo("application/pdf");
        assertThat(supervision.attachment(minutes.id()).getValue()).isEqualTo(pdf);

        org.sanrong.WebClient web = new org.sanrong.WebClient(port);
        web.login("gov", org.sanrong.TestData.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("/supervision/tasks/" + task.id());
        assertThat(page.body()).contains("会议纪要.pdf").contains("enctype=\"multipart/form-data\"");
        HttpResponse<String> download = web.get("/supervision/attachments/" + minutes.id());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/pdf"));
    }
}
