package org.sanrong.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.stats.PlanIndicators;
import org.sanrong.supervision.ImportPreview;
import org.sanrong.supervision.Supervision;
import org.sanrong.supervision.TaskView;
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
 * actual values of the plan are the departments' to enter. Skipped when a task table exists.
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

    DemoCockpit(Supervision supervision, PlanIndicators plan, AuthenticationProvider authentication,
            SanrongProperties properties, DatabaseMode databaseMode, Clock clock) {
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
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
