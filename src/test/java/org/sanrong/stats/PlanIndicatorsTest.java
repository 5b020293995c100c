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
}
