package org.sanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.credit.CreditFixtures;
import org.sanrong.datahub.HubData;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Hub data imported through the real API raises and raises further a warning (EnterpriseDataImported re-scores the
 * enterprise); changes of legal representative are recorded through the API; bad input is refused and audited.
 */
@SanrongTest
class HubWarningTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    EarlyWarning warnings;

    @Autowired
    HubData hub;

    @Autowired
    JdbcClient jdbc;

    @Test
    void socialInsuranceThenPowerThenRegistryChangesRaiseTheWarningStepByStep() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        var e = fx.enterprise();
        SignedInUser gov = fx.signIn("gov");
        YearMonth last = hub.lastCompleteMonth();
        // headcount 100 three months before the last, 60 in it: down 40% > 30% -> 20 points, yellow
        fx.importCsv("SOCIAL_INSURANCE", "social.csv", "统一社会信用代码,所属期,社保参保人数,公积金缴存人数",
                e.creditCode() + "," + last.minusMonths(3) + ",100,50", e.creditCode() + "," + last.minusMonths(2)
                        + ",90,45", e.creditCode() + "," + last.minusMonths(1) + ",80,40",
                e.creditCode() + "," + last + ",60,30");
        WarningCase yellow = await().atMost(Duration.ofSeconds(30)).until(() -> open(e.creditCode(), gov),
                c -> c != null);
        assertThat(yellow.level()).isEqualTo(WarningRules.Level.YELLOW);
        assertThat(yellow.score()).isEqualTo(20);
        assertThat(yellow.signals()).startsWith("SOCIAL_DROP|社保人数骤降：").contains("下降 40.0%");

        // power 1000, 1000, 1000 then 200: 20% of the average -> +25 = 45, orange; the same case is raised
        fx.importCsv("UTILITIES", "power.csv", "统一社会信用代码,所属期,用水量（吨）,用电量（千瓦时）,用气量（立方米）",
                e.creditCode() + "," + last.minusMonths(3) + ",10,1000,", e.creditCode() + "," + last.minusMonths(2)
                        + ",10,1000,", e.creditCode() + "," + last.minusMonths(1) + ",10,1000,",
                e.creditCode() + "," + last + ",10,200,");
        WarningCase orange = await().atMost(Duration.ofSeconds(30)).until(() -> open(e.creditCode(), gov),
                c -> c != null && c.level() == WarningRules.Level.ORANGE);
        assertThat(orange.id()).as("raised, not a second case").isEqualTo(yellow.id());
        assertThat(orange.score()).isEqualTo(45);
        assertThat(orange.signals()).contains("UTILITY_COLLAPSE|").contains("20.0%");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> future = fx.api("POST", "/api/v1/warnings/legal-representative-changes", "gov",
                "{\"creditCode\": \"" + e.creditCode() + "\", \"changedOn\": \"" + today.plusDays(1)
                        + "\", \"reference\": \"变更-1\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("不晚于今天");
        HttpResponse<String> byBank = fx.api("POST", "/api/v1/warnings/legal-representative-changes", "bank",
                "{\"creditCode\": \"" + e.creditCode() + "\", \"changedOn\": \"" + today + "\", \"reference\": \"x\"}");
        assertThat(byBank.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM warning.legal_rep_change WHERE credit_code = ?")
                .param(e.creditCode()).query(Long.class).single()).as("nothing saved").isZero();
        assertThat(fx.api("POST", "/api/v1/warnings/legal-representative-changes", "gov", "{\"creditCode\": \""
                + e.creditCode() + "\", \"changedOn\": \"" + today.minusDays(200) + "\", \"reference\": \"变更-1\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> second = fx.api("POST", "/api/v1/warnings/legal-representative-changes", "gov",
                "{\"creditCode\": \"" + e.creditCode() + "\", \"changedOn\": \"" + today.minusDays(5)
                        + "\", \"reference\": \"变更-2\"}");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(CreditFixtures.json(second).path("score").asInt()).as("20 + 25 + 15").isEqualTo(60);
        assertThat(open(e.creditCode(), gov).signals()).contains("LEGAL_REP_CHANGES|").contains("变更 2 次");
    }

    @Test
    void aDefaulterJudgementForcesRed() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        var e = fx.enterprise();
        SignedInUser gov = fx.signIn("gov");
        LocalDate judged = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(30);
        fx.importCsv("JUDGEMENTS", "court.csv", "统一社会信用代码,案号,裁判日期,案件类型,诉讼地位,涉案金额（元）,审理法院,案由",
                e.creditCode() + ",（2026）粤1971执123号," + judged + ",失信,被执行人,80000.00,东莞市第一人民法院,借款合同纠纷");
        WarningCase red = await().atMost(Duration.ofSeconds(30)).until(() -> open(e.creditCode(), gov),
                c -> c != null);
        assertThat(red.level()).isEqualTo(WarningRules.Level.RED);
        assertThat(red.score()).as("judgement against 15, defaulter 0 but forces red").isEqualTo(15);
        assertThat(red.signals()).contains("COURT_DEFAULTER|").contains("（直接红色）");
    }

    /** DemoCockpit: hub data that raises yellow, orange and red, and one warning handled and closed. */
    @Test
    void theDemoRaisesYellowOrangeAndRedAndClosesOne() {
        SignedInUser gov = new CreditFixtures(port, registry, authentication).signIn("gov");
        var all = warnings.queue(null, gov);
        assertThat(all).anySatisfy(c -> {
            assertThat(c.level()).isEqualTo(WarningRules.Level.RED);
            assertThat(c.signals()).contains("COURT_DEFAULTER|");
        });
        assertThat(all).anySatisfy(c -> {
            assertThat(c.level()).isEqualTo(WarningRules.Level.ORANGE);
            assertThat(c.signals()).contains("SOCIAL_DROP|").contains("UTILITY_COLLAPSE|");
        });
        assertThat(all).anySatisfy(c -> {
            assertThat(c.level()).isEqualTo(WarningRules.Level.YELLOW);
            assertThat(c.signals()).startsWith("SOCIAL_DROP|");
        });
        assertThat(all).anySatisfy(c -> {
            assertThat(c.status()).isEqualTo(WarningCase.Status.CLOSED);
            assertThat(c.finding()).startsWith("偶发纠纷和一次性处罚");
            assertThat(c.signals()).contains("COURT_JUDGEMENT|").contains("PENALTY|");
        });
    }

    private WarningCase open(String code, SignedInUser gov) {
        return warnings.queue(null, gov).stream().filter(c -> c.creditCode().equals(code)
                && c.status() != WarningCase.Status.CLOSED).findFirst().orElse(null);
    }
}
