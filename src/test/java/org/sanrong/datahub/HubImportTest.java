package org.sanrong.datahub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.credit.CreditFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.platform.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;

/**
 * Imports over the real API: good rows kept and bad rows reported one by one with their line and reason; the
 * provenance of every batch; the same file again changes nothing; a changed period is updated in place; a wrong
 * header refuses the whole file and is recorded; Excel and records sources; and the credit module re-rates the
 * enterprise when its data arrives.
 */
@SanrongTest
class HubImportTest {

    static final String TAX_HEADER = "统一社会信用代码,所属期,实缴税额（元）,纳税信用等级";

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

    CreditFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new CreditFixtures(port, registry, authentication);
    }

    private List<String> taxFile(String code) {
        return List.of(TAX_HEADER,
                code + ",2026-01,86500.00,A",
                code + ",2026-02,90000,B",
                TestData.creditCodeWithWrongCheck() + ",2026-01,100,A",
                code + ",2026-13,100,",
                code + ",2026-03,-5,",
                code + ",2026-03,12.345,",
                code + ",2026-04,100,X",
                code + ",2026-01,100,A",
                TestData.creditCode() + ",2026-01,100,A",
                code + ",2026-05,,",
                code + ",2099-01,100,",
                code + ",2026Q3,300000,A",
                code + ",2026-08,100,");
    }

    @Test
    void keepsGoodRowsReportsEveryBadOneAndReimportsIdempotently() {
        var e = fx.enterprise();
        JsonNode first = fx.importCsv("TAX", "tax-2026.csv", taxFile(e.creditCode()).toArray(String[]::new));
        JsonNode batch = first.path("batch");
        assertThat(batch.path("source").asText()).isEqualTo("TAX");
        assertThat(batch.path("fileName").asText()).isEqualTo("tax-2026.csv");
        assertThat(batch.path("format").asText()).isEqualTo("CSV");
        assertThat(batch.path("importedBy").asText()).isEqualTo("admin");
        assertThat(batch.path("status").asText()).isEqualTo("DONE");
        assertThat(batch.path("rowsRead").asInt()).isEqualTo(13);
        assertThat(batch.path("rowsInserted").asInt()).isEqualTo(3);
        assertThat(batch.path("rowsRejected").asInt()).isEqualTo(10);
        assertThat(batch.path("enterprises").asInt()).isEqualTo(1);
        assertThat(batch.path("periodFrom").asText()).isEqualTo("2026-01-01");
        assertThat(batch.path("periodTo").asText()).isEqualTo("2026-09-30");

        Map<Integer, String> reasons = new java.util.TreeMap<>();
        first.path("rejectedRows").forEach(r -> reasons.put(r.path("line").asInt(), r.path("reason").asText()));
        assertThat(reasons.keySet()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 14);
        assertThat(reasons.get(4)).contains("校验");
        assertThat(reasons.get(5)).contains("月份不存在");
        assertThat(reasons.get(6)).contains("不能为负数");
        assertThat(reasons.get(7)).contains("两位小数");
        assertThat(reasons.get(8)).contains("纳税信用等级");
        assertThat(reasons.get(9)).contains("与第 2 行重复");
        assertThat(reasons.get(10)).contains("企业库中没有");
        assertThat(reasons.get(11)).contains("没有任何数据");
        assertThat(reasons.get(12)).contains("尚未结束");
        assertThat(reasons.get(14)).contains("重叠");
        first.path("rejectedRows").forEach(r -> assertThat(r.path("content").asText()).isNotBlank());

        EnterpriseHubData data = hub.of(e.creditCode());
        assertThat(data.series(HubSource.TAX)).extracting(SeriesPoint::key, SeriesPoint::taxPaidFen,
                SeriesPoint::taxGrade).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-01", 8_650_000L, "A"),
                        org.assertj.core.groups.Tuple.tuple("2026-02", 9_000_000L, "B"),
                        org.assertj.core.groups.Tuple.tuple("2026Q3", 30_000_000L, "A"));

        // the same file again: nothing changes, every good row counted as unchanged, the bad ones reported again
        JsonNode again = fx.importCsv("TAX", "tax-2026.csv", taxFile(e.creditCode()).toArray(String[]::new))
                .path("batch");
        assertThat(again.path("rowsInserted").asInt()).isZero();
        assertThat(again.path("rowsUpdated").asInt()).isZero();
        assertThat(again.path("rowsUnchanged").asInt()).isEqualTo(3);
        assertThat(again.path("rowsRejected").asInt()).isEqualTo(10);
        assertThat(hub.of(e.creditCode()).series(HubSource.TAX)).hasSize(3);

        // a corrected figure for a period replaces it in place
        JsonNode corrected = fx.importCsv("TAX", "tax-2026-02.csv", TAX_HEADER,
                e.creditCode() + ",2026-02,95000.50,B").path("batch");
        assertThat(corrected.path("rowsUpdated").asInt()).isEqualTo(1);
        assertThat(hub.of(e.creditCode()).series(HubSource.TAX).get(1).taxPaidFen()).isEqualTo(9_500_050L);
        String lastBatch = jdbc.sql("SELECT batch_id::text FROM datahub.series WHERE credit_code = ? "
                + "AND period_start = DATE '2026-02-01'").param(e.creditCode()).query(String.class).single();
        assertThat(lastBatch).as("provenance: the batch that last changed it").isEqualTo(corrected.path("id").asText());

        assertThat(audit.search(new AuditQuery("admin", HubImports.AUDIT_ACTION, "datahub:TAX", null, null, null),
                0, 50).items()).anySatisfy(a -> assertThat(a.detail()).contains(first.path("batch").path("id")
                        .asText()).contains("拒绝 10"));

        // the credit module heard of it and rated the enterprise with its tax data
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT (features->>'tax_data_months')::float8 FROM credit.rating WHERE credit_code = ?")
                .param(e.creditCode()).query(Double.class).optional()).hasValueSatisfying(v ->
                        assertThat(v).isPositive()));
    }

    @Test
    void aWrongHeaderRefusesTheWholeFileAndIsRecorded() {
        var e = fx.enterprise();
        HttpResponse<String> r = fx.upload("/api/v1/datahub/batches?source=SOCIAL_INSURANCE", "admin", "bad.csv",
                CreditFixtures.csv("统一社会信用代码,社保参保人数,备注", e.creditCode() + ",12,x"), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(r.body()).contains("所属期").contains("备注");
        assertThat(hub.of(e.creditCode()).series()).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM datahub.batch WHERE file_name = 'bad.csv' ORDER BY started_at DESC "
                + "LIMIT 1").query(String.class).single()).isEqualTo("REFUSED");
        assertThat(audit.search(new AuditQuery("admin", HubImports.AUDIT_ACTION, "datahub:SOCIAL_INSURANCE", null,
                null, null), 0, 20).items()).anySatisfy(a -> assertThat(a.outcome())
                        .isEqualTo(AuditEntry.Outcome.FAILURE));

        HttpResponse<String> notAdmin = fx.upload("/api/v1/datahub/batches?source=TAX", e.username(), "t.csv",
                CreditFixtures.csv(TAX_HEADER, e.creditCode() + ",2026-01,1,A"), Map.of());
        assertThat(notAdmin.statusCode()).isEqualTo(403);
    }

    @Test
    void readsExcelWithEnglishHeadersAndUpsertsRecordsByDocumentNumber() {
        var e = fx.enterprise();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(e.creditCode(), "2026-09", "120", "80"));
        rows.add(List.of(e.creditCode(), "2026-10", "118", "79"));
        Iterator<List<Object>> it = rows.iterator();
        Spreadsheets.write(xlsx, "社保", List.of("credit_code", "period", "social_insurance_headcount",
                "housing_fund_headcount"), it);
        HttpResponse<String> r = fx.upload("/api/v1/datahub/batches?source=SOCIAL_INSURANCE", "admin", "social.xlsx",
                xlsx.toByteArray(), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(CreditFixtures.json(r).path("batch").path("format").asText()).isEqualTo("XLSX");
        assertThat(CreditFixtures.json(r).path("batch").path("rowsInserted").asInt()).isEqualTo(2);
        assertThat(hub.of(e.creditCode()).series(HubSource.SOCIAL_INSURANCE)).extracting(SeriesPoint::period,
                SeriesPoint::socialHeadcount, SeriesPoint::fundHeadcount).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 9), 120, 80),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 10), 118, 79));

        String header = "统一社会信用代码,案号,裁判日期,案件类型,诉讼地位,涉案金额（元）,审理法院,案由";
        fx.importCsv("JUDGEMENTS", "court.csv", header,
                e.creditCode() + ",（2026）粤1971民初88号,2026-06-18,民事,被告,250000,东莞市第一人民法院,买卖合同纠纷",
                e.creditCode() + ",（2026）粤1971民初89号,2026-06-19,民事,旁听,1,东莞市第一人民法院,x");
        JsonNode changed = fx.importCsv("JUDGEMENTS", "court-2.csv", header,
                e.creditCode() + ",（2026）粤1971民初88号,2026-06-18,民事,被告,300000,东莞市第一人民法院,买卖合同纠纷")
                .path("batch");
        assertThat(changed.path("rowsUpdated").asInt()).isEqualTo(1);
        List<HubRecord> judgements = hub.of(e.creditCode()).records(HubSource.JUDGEMENTS);
        assertThat(judgements).singleElement().satisfies(j -> {
            assertThat(j.kind()).isEqualTo("CIVIL");
            assertThat(j.role()).isEqualTo("DEFENDANT");
            assertThat(j.amountFen()).isEqualTo(30_000_000L);
            assertThat(j.againstEnterprise()).isTrue();
        });
    }
}
