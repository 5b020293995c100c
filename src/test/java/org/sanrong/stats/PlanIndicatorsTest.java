package org.sanrong.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The plan as data, values with their history, progress against time elapsed by hand, refusals, the API. */
@SanrongTest
class PlanIndicatorsTest {

    @LocalServerPort
    int port;

    @Autowired
    PlanIndicators plan;

    @Autowired
    AuthenticationProvider provider;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    SignedInUser user(String name) {
        return (SignedInUser) provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name,
                TestData.DEMO_PASSWORD)).getPrincipal();
    }

    @Test
    void progressIsTheShareOfTheWayFromBaseToTargetAndTimeElapsedCountsQuarters() {
        // 科技信贷贷款余额 963 → 2000 over 2020-2025; 1400 at the end of 2023: 437 / 1037
        assertThat(PlanIndicators.progress(new BigDecimal("963"), new BigDecimal("2000"), new BigDecimal("1400")))
                .isEqualByComparingTo("42.1");
        assertThat(PlanIndicators.elapsed(2020, 2025, 2023, null)).as("12 of 20 quarters").isEqualByComparingTo("60.0");
        assertThat(PlanIndicators.elapsed(2020, 2025, 2024, 2)).as("14 of 20").isEqualByComparingTo("70.0");
        assertThat(PlanIndicators.elapsed(2020, 2025, 2021, 1)).as("1 of 20").isEqualByComparingTo("5.0");
        // a falling target: 70 → 60, at 65 half the way
        assertThat(PlanIndicators.progress(new BigDecimal("70"), new BigDecimal("60"), new BigDecimal("65")))
                .isEqualByComparingTo("50.0");
        BigDecimal ten = BigDecimal.TEN;
        BigDecimal thirty = BigDecimal.valueOf(30);
        assertThat(PlanIndicators.light(new BigDecimal("42.1"), new BigDecimal("60.0"), ten, thirty))
                .as("17.9 points behind").isEqualTo(Light.YELLOW);
        assertThat(PlanIndicators.light(new BigDecimal("50.1"), new BigDecimal("60.0"), ten, thirty))
                .as("9.9 behind").isEqualTo(Light.GREEN);
        assertThat(PlanIndicators.light(new BigDecimal("30.0"), new BigDecimal("60.0"), ten, thirty))
                .as("30 behind").isEqualTo(Light.YELLOW);
        assertThat(PlanIndicators.light(new BigDecimal("29.9"), new BigDecimal("60.0"), ten, thirty))
                .isEqualTo(Light.RED);
    }

    @Test
    void theFourteenIndicatorsOfThePlanFileAreLoadedAtStart() {
        var indicators = plan.indicators().stream().filter(i -> i.planName().contains("十四五")).toList();
        assertThat(indicators).hasSize(14);
        assertThat(indicators.get(10).name()).isEqualTo("科技信贷贷款余额");
        assertThat(indicators.get(10).baseValue()).isEqualByComparingTo("963");
        assertThat(indicators.get(10).targetValue()).isEqualByComparingTo("2000");
        assertThat(indicators.get(10).baseYear()).isEqualTo(2020);
        assertThat(indicators.get(10).targetYear()).isEqualTo(2025);
    }

    @Test
    void aDepartmentEntersValuesWithSourcesAndEachKeepsItsHistory() {
        UUID planId = plan.load("test-" + UUID.randomUUID(), "测试规划", "test", """
                category,indicator,unit,base_2020,target_2025,nature
                科创金融发展,科技信贷贷款余额,亿元,963,2000,预期性
                规模总量提升,存贷比,%,70,75,预期性""");
        UUID credit = jdbc.sql("SELECT id FROM stats.plan_indicator WHERE plan_id = ? AND seq = 1").param(planId)
                .query(UUID.class).single();
        UUID ratio = jdbc.sql("SELECT id FROM stats.plan_indicator WHERE plan_id = ? AND seq = 2").param(planId)
                .query(UUID.class).single();
        SignedInUser gov = user("gov");
        plan.record(credit, 2023, null, "1300", "亿元", "人民银行东莞市分行 2023年末", null, null, null, gov);
        plan.record(credit, 2023, null, "1400", null, "人民银行东莞市分行 2023年末（更正）", "更正口径", "note.txt",
                "x".getBytes(), gov);
        var view = plan.indicator(credit);
        assertThat(view.latest().value()).as("the correction is the current value").isEqualByComparingTo("1400");
        assertThat(view.progressPercent()).isEqualByComparingTo("42.1");
        assertThat(view.elapsedPercent()).isEqualByComparingTo("60.0");
        assertThat(view.light()).isEqualTo(Light.YELLOW);
        assertThat(plan.history(credit)).extracting(PlanIndicators.ActualValue::source)
                .containsExactly("人民银行东莞市分行 2023年末（更正）", "人民银行东莞市分行 2023年末");
        assertThat(plan.history(credit).getFirst().enteredBy()).isEqualTo("gov");
        assertThat(plan.series(credit)).singleElement().extracting(PlanIndicators.ActualValue::value)
                .isEqualTo(new BigDecimal("1400"));

        long before = jdbc.sql("SELECT count(*) FROM stats.plan_value").query(Long.class).single();
        assertThatThrownBy(() -> plan.record(credit, 2023, null, "14000000", "万元", "统计局", null, null, null, gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("单位是亿元");
        assertThatThrownBy(() -> plan.record(ratio, 2023, null, "120", "%", "统计局", null, null, null, gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("0至100");
        assertThatThrownBy(() -> plan.record(ratio, 2019, null, "70", "%", "统计局", null, null, null, gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("规划期");
        assertThatThrownBy(() -> plan.record(ratio, 2023, null, "72", "%", " ", null, null, null, gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("来源");
        assertThatThrownBy(() -> plan.record(ratio, 2023, null, "72", "%", "统计局", null, null, null, user("bank")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM stats.plan_value").query(Long.class).single())
                .as("nothing saved").isEqualTo(before);
        assertThat(audit.search(new AuditQuery(null, "RECORD_PLAN_VALUE", PlanIndicators.target(ratio), null, null,
                null), 0, 50).items()).extracting(AuditEntry::outcome).contains(AuditEntry.Outcome.FAILURE,
                        AuditEntry.Outcome.DENIED);
    }

    @Test
    void theApiListsIndicatorsWithBaseTargetLatestAndProgress() throws Exception {
        UUID planId = plan.load("api-" + UUID.randomUUID(), "接口测试规划", "test", """
                category,indicator,unit,base_2020,target_2025,nature
                产业资本集聚,境内外上市公司数,家,58,120,预期性""");
        UUID listed = jdbc.sql("SELECT id FROM stats.plan_indicator WHERE plan_id = ?").param(planId)
                .query(UUID.class).single();
        WebClient web = new WebClient(port);
        HttpResponse<String> posted = web.api("POST", "/api/v1/plan/indicators/" + listed + "/values", "gov",
                TestData.DEMO_PASSWORD, """
                {"year": 2022, "value": "89", "unit": "家", "source": "市金融工作局 上市公司名单"}""");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        HttpResponse<String> list = web.api("GET", "/api/v1/plan/indicators", "gov", TestData.DEMO_PASSWORD, null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode n : new ObjectMapper().readTree(list.body())) {
            if (n.path("id").asText().equals(listed.toString())) {
                row = n;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("name").asText()).isEqualTo("境内外上市公司数");
        assertThat(row.path("baseValue").decimalValue()).isEqualByComparingTo("58");
        assertThat(row.path("targetValue").decimalValue()).isEqualByComparingTo("120");
        assertThat(row.path("latest").path("value").decimalValue()).isEqualByComparingTo("89");
        assertThat(row.path("progressPercent").decimalValue()).as("31 / 62").isEqualByComparingTo("50.0");
        assertThat(row.path("elapsedPercent").decimalValue()).as("8 of 20 quarters").isEqualByComparingTo("40.0");
        assertThat(row.path("light").asText()).isEqualTo("GREEN");
        HttpResponse<String> wrong = web.api("POST", "/api/v1/plan/indicators/" + listed + "/values", "gov",
                TestData.DEMO_PASSWORD, "{\"year\": 2022, \"value\": \"-3\", \"source\": \"x\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(web.api("GET", "/api/v1/plan/indicators", "bank", TestData.DEMO_PASSWORD, null).statusCode())
                .isEqualTo(403);
    }

    static byte[] csv(String... lines) {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theNextPlanIsAnotherFileAndABadFileSavesNothing() throws Exception {
        SignedInUser gov = user("gov");
        String code = "test-plan-" + UUID.randomUUID().toString().substring(0, 8);
        long plansBefore = jdbc.sql("SELECT count(*) FROM stats.plan").query(Long.class).single();

        var missing = assertThatThrownBy(() -> plan.upload(code, "十五五规划", "plan.csv", csv(
                "category,indicator,base_2025,target_2030", "规模,金融业增加值,900,1200"), gov))
                .isInstanceOf(InvalidRequestException.class);
        missing.hasMessageContaining("表头缺少列").hasMessageContaining("单位（unit）").hasMessageContaining("属性（nature）");

        InvalidRequestException bad = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> plan.upload(code, "十五五规划", "plan.csv", csv("类别,指标,单位,2025年基期值,2030年目标值,属性",
                        "规模,金融业增加值,亿元,900,1200,预期性",
                        "规模,贷款余额,万亿,2,3,预期性",
                        "结构,科技贷款占比,%,20,120,约束性",
                        "结构,科技企业数,家,abc,500,预期性",
                        "规模,金融业增加值,亿元,900,1000,指导性"), gov));
        String problems = bad.fieldErrors().get("file");
        assertThat(problems).contains("第3行：单位“万亿”不在可用单位内")
                .contains("第4行：百分比须在0至100之间")
                .contains("第5行：基期值不是数字：abc")
                .contains("第6行：指标“金融业增加值”重复；属性须为预期性或约束性（填的是“指导性”）")
                .doesNotContain("第2行");
        assertThat(jdbc.sql("SELECT count(*) FROM stats.plan").query(Long.class).single()).as("nothing half-saved")
                .isEqualTo(plansBefore);
        assertThat(audit.search(new AuditQuery(null, "LOAD_PLAN", "plan:" + code, null, null, null), 0, 10).items())
                .extracting(AuditEntry::outcome).contains(AuditEntry.Outcome.FAILURE);

        // the same plan, right, in GBK as Excel users save CSV, through the API
        byte[] good = String.join("\r\n", "类别,指标,单位,2025年基期值,2030年目标值,属性",
                "规模,金融业增加值,亿元,900,1200,预期性", "结构,科技贷款占比,%,20,30,约束性").getBytes("GBK");
        String boundary = "b" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n" + code + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n东莞市金融业发展“十五五”规划\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan-2026-2030.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(good);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/plan/plans"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("gov:"
                        + TestData.DEMO_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode json = new ObjectMapper().readTree(created.body());
        assertThat(json.path("baseYear").asInt()).isEqualTo(2025);
        assertThat(json.path("targetYear").asInt()).isEqualTo(2030);
        assertThat(json.path("indicators").asInt()).isEqualTo(2);
        assertThat(plan.indicators()).filteredOn(i -> i.planName().equals("东莞市金融业发展“十五五”规划"))
                .extracting(PlanIndicators.IndicatorView::name).containsExactly("金融业增加值", "科技贷款占比");
        assertThatThrownBy(() -> plan.upload(code, "again", "plan.csv", good, gov))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("已存在");
        assertThatThrownBy(() -> plan.upload("x-plan-bank", "银行", "plan.csv", good, user("bank")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        WebClient web = new WebClient(port);
        web.login("gov", TestData.DEMO_PASSWORD);
        assertThat(web.get("/plan/upload").body()).contains("id=\"plan-upload-form\"").contains(code);
    }
}
