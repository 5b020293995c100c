package org.sanrong.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanrong.datahub.HubData;
import org.sanrong.datahub.HubImports;
import org.sanrong.datahub.HubItem;
import org.sanrong.datahub.HubRecord;
import org.sanrong.datahub.HubSource;
import org.sanrong.datahub.SeriesPoint;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.stats.PlanIndicators;
import org.sanrong.supervision.ImportPreview;
import org.sanrong.supervision.Supervision;
import org.sanrong.supervision.TaskView;
import org.sanrong.warning.EarlyWarning;
import org.sanrong.warning.WarningCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * The demo government imports the 2014 responsibility table (东府办〔2014〕75号, 53 measures) into 督查督办 as any
 * office would, mapping 市府金融工作局 to the demo finance office (its successor, 市委金融办); reports progress on one of
 * its tasks, scores the report, and binds a task to the tech-credit plan indicator. No plan value is typed in: the
 * actual values of the plan are the departments' to enter. Then four population enterprises that raise nothing get
 * hub data that does (a headcount drop: yellow; with power collapsing: orange; on the defaulter list: red; a
 * judgement and a penalty: yellow, which the office verifies and closes). Skipped when a task table exists.
 */
@Component
@Order(50)
class DemoCockpit implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCockpit.class);

    private final Supervision supervision;
    private final PlanIndicators plan;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final Clock clock;
    private final EarlyWarning warnings;
    private final HubImports hubImports;
    private final HubData hub;
    private final EnterpriseSnapshots enterprises;

    DemoCockpit(Supervision supervision, PlanIndicators plan, AuthenticationProvider authentication,
            SanrongProperties properties, DatabaseMode databaseMode, Clock clock, EarlyWarning warnings,
            HubImports hubImports, HubData hub, EnterpriseSnapshots enterprises) {
        this.warnings = warnings;
        this.hubImports = hubImports;
        this.hub = hub;
        this.enterprises = enterprises;
        this.supervision = supervision;
        this.plan = plan;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.seedDemo(databaseMode.embedded()) || !supervision.tables().isEmpty()) {
            return;
        }
        Optional<SignedInUser> gov = signIn("gov");
        if (gov.isEmpty()) {
            return;
        }
        byte[] table;
        try (InputStream in = new ClassPathResource("stats/responsibility-table-2014.csv").getInputStream()) {
            table = in.readAllBytes();
        }
        ImportPreview preview = supervision.preview("responsibility-table-2014.csv", table, gov.get());
        LocalDate deadline = LocalDate.of(LocalDate.now(clock).getYear() + 1, 12, 31);
        List<TaskView> tasks = supervision.confirm(preview.tableId(), "东莞市推进金融科技产业融合重点工作任务分解表（东府办〔2014〕75号）",
                Supervision.Cycle.QUARTERLY, deadline, Map.of("市府金融工作局", gov.get().organisationId()), gov.get());
        tasks.stream().filter(t -> t.leadUnits().contains("市府金融工作局")).findFirst().ifPresent(t -> {
            int q = (LocalDate.now(clock).getMonthValue() - 1) / 3 + 1;
            var report = supervision.report(t.id(), LocalDate.now(clock).getYear() + "Q" + q, 20,
                    "已梳理全市科技型企业名单，联合人民银行东莞市分行建立科技信贷统计监测，首批合作银行已上线平台。", gov.get());
            supervision.review(report, 85, "进展符合序时，请继续扩大合作银行范围", gov.get());
        });
        plan.indicators().stream().filter(i -> i.name().equals("科技信贷贷款余额")).findFirst().ifPresent(i ->
                tasks.stream().filter(t -> t.measure().contains("知识产权质押")).findFirst()
                        .ifPresent(t -> supervision.bind(t.id(), i.id(), gov.get())));
        log.info("Demo cockpit seeded: {} tasks of the 2014 responsibility table", tasks.size());
        seedWarnings(gov.get());
    }

    /** Hub data that raises a yellow, an orange and a red warning, and a fourth warning handled and closed. */
    void seedWarnings(SignedInUser gov) {
        List<String> quiet = new ArrayList<>();
        for (String code : enterprises.creditCodes()) {
            if (quiet.size() == 4) {
                break;
            }
            if (warnings.assess(code).signals().isEmpty()) {
                quiet.add(code);
            }
        }
        if (quiet.size() < 4) {
            return;
        }
        YearMonth last = hub.lastCompleteMonth();
        LocalDate today = LocalDate.now(clock);
        String yellow = quiet.get(0);
        String orange = quiet.get(1);
        String red = quiet.get(2);
        String closed = quiet.get(3);
        List<HubItem> items = new ArrayList<>();
        int[] headcount = {100, 95, 80, 60}; // down 40% in three months: more than the 30% of the rule
        for (String code : List.of(yellow, orange)) {
            for (int k = 0; k < 4; k++) {
                items.add(SeriesPoint.social(code, last.minusMonths(3 - k), headcount[k], headcount[k] / 2));
            }
        }
        long[] power = {42_000, 40_000, 41_000, 6_000}; // 6,000 kWh: 14.6% of the three months before
        for (int k = 0; k < 4; k++) {
            items.add(SeriesPoint.utilities(orange, last.minusMonths(3 - k), 300L, power[k], null));
        }
        items.add(new HubRecord(red, HubSource.JUDGEMENTS, "（" + today.getYear() + "）粤1971执恢" + 101 + "号",
                today.minusDays(20), "DEFAULTER", "RESPONDENT", 1_860_000_00L, "东莞市第一人民法院", "借款合同纠纷（失信被执行人）",
                null));
        items.add(new HubRecord(closed, HubSource.JUDGEMENTS, "（" + today.getYear() + "）粤1971民初" + 2077 + "号",
                today.minusDays(45), "CIVIL", "DEFENDANT", 320_000_00L, "东莞市第一人民法院", "买卖合同纠纷", null));
        items.add(new HubRecord(closed, HubSource.PENALTIES, "东环罚〔" + today.getYear() + "〕" + 66 + "号",
                today.minusDays(30), "FINE", null, 80_000_00L, "东莞市生态环境局", "废水超标排放", null));
        hubImports.load(items, "演示风险预警数据", "demo");
        warnings.rescore(quiet);
        warnings.queue(WarningCase.Status.OPEN, gov).stream().filter(c -> c.creditCode().equals(closed)).findFirst()
                .ifPresent(c -> {
                    warnings.assign(c.id(), "gov", gov);
                    warnings.verify(c.id(), "电话核实并走访企业：买卖合同纠纷已和解，环保处罚罚款已缴清，整改已通过复查。", gov);
                    warnings.close(c.id(), "偶发纠纷和一次性处罚，企业经营和纳税正常，风险可控。",
                            "约谈企业负责人；提醒合作银行关注后续回款；三个月后复核。", gov);
                });
        log.info("Demo warnings seeded for {} (yellow), {} (orange), {} (red), {} (closed)", yellow, orange, red,
                closed);
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
