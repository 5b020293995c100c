package org.sanrong.datahub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.credit.CreditFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;

/**
 * The quality report over HTTP: a series that stopped four months ago counts as stale, a latest month a thousand
 * times the enterprise's own median is listed as an outlier, and coverage counts the enterprises a source covers.
 */
@SanrongTest
class HubQualityTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Test
    void anOutlierIsTheLatestMonthFarFromTheEnterprisesOwnMedian() {
        String code = "91441900MA4W7K3L0X";
        YearMonth last = YearMonth.of(2026, 10);
        List<SeriesPoint> group = new ArrayList<>();
        for (int k = 12; k >= 1; k--) {
            group.add(SeriesPoint.utilities(code, last.minusMonths(k), 100L, 1_000L + k, null));
        }
        group.add(SeriesPoint.utilities(code, last, 19L, 5_100L, null));
        List<HubQuality.Outlier> out = new ArrayList<>();
        java.util.Map<HubSource, Long> counts = new java.util.EnumMap<>(HubSource.class);
        HubData.judge(group, out, counts);
        // power 5,100 against a median of 1,006.5 (≥ 5x); water 19 against 100 (≤ 1/5); gas never reported
        assertThat(out).extracting(HubQuality.Outlier::measure).containsExactly(Measure.WATER, Measure.POWER);
        assertThat(out.get(1).median()).isEqualTo(1_006.5);
        assertThat(out.get(1).period()).isEqualTo("2026-10");
        assertThat(counts).containsEntry(HubSource.UTILITIES, 2L);

        List<SeriesPoint> calm = new ArrayList<>(group.subList(0, 12));
        calm.add(SeriesPoint.utilities(code, last, 21L, 5_000L, null));
        List<HubQuality.Outlier> none = new ArrayList<>();
        HubData.judge(calm, none, new java.util.EnumMap<>(HubSource.class));
        assertThat(none).as("just under 5x and just over 1/5").isEmpty();
    }

    private static JsonNode source(JsonNode quality, String name) {
        for (JsonNode s : quality.path("sources")) {
            if (s.path("source").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void staleSeriesAndOutliersAreReported() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        JsonNode before = CreditFixtures.json(fx.api("GET", "/api/v1/datahub/quality", "gov", null));
        var stale = fx.enterprise();
        var jumpy = fx.enterprise();
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        List<String> lines = new ArrayList<>(List.of("统一社会信用代码,所属期,用水量（吨）,用电量（千瓦时）,用气量（立方米）"));
        for (int k = 4; k < 16; k++) {
            lines.add(stale.creditCode() + "," + last.minusMonths(k) + ",50,1000,");
        }
        for (int k = 0; k < 12; k++) {
            lines.add(jumpy.creditCode() + "," + last.minusMonths(k) + ",50," + (k == 0 ? 1_000_000 : 1000) + ",");
        }
        fx.importCsv("UTILITIES", "utilities.csv", lines.toArray(String[]::new));

        JsonNode after = CreditFixtures.json(fx.api("GET", "/api/v1/datahub/quality", "gov", null));
        assertThat(after.path("asOf").asText()).isEqualTo(last.toString());
        assertThat(source(after, "UTILITIES").path("stale").asLong() - source(before, "UTILITIES").path("stale")
                .asLong()).isEqualTo(1);
        assertThat(source(after, "UTILITIES").path("covered").asLong() - source(before, "UTILITIES").path("covered")
                .asLong()).isEqualTo(2);
        assertThat(source(after, "UTILITIES").path("outliers").asLong() - source(before, "UTILITIES")
                .path("outliers").asLong()).isEqualTo(1);
        List<String> listed = after.path("outliers").findValues("creditCode").stream().map(JsonNode::asText).toList();
        assertThat(listed).doesNotContain(stale.creditCode());
        if (listed.size() < 200) { // the list keeps the 200 furthest out; the demo's shutdowns (drops to 0) come first
            assertThat(listed).contains(jumpy.creditCode());
        }
        assertThat(fx.api("GET", "/api/v1/datahub/quality", jumpy.username(), null).statusCode()).isEqualTo(403);
    }
}
