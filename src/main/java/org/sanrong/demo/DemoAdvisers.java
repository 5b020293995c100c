package org.sanrong.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.sanrong.advisory.Adviser;
import org.sanrong.advisory.Advisory;
import org.sanrong.advisory.Assignment;
import org.sanrong.advisory.AssignmentBasis;
import org.sanrong.advisory.AssignmentOrder;
import org.sanrong.advisory.ServiceEntry;
import org.sanrong.advisory.ServiceRecord;
import org.sanrong.advisory.ServiceType;
import org.sanrong.advisory.Speciality;
import org.sanrong.enterprise.DirectoryQuery;
import org.sanrong.enterprise.DirectoryRow;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.platform.WorkingCalendar;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.Town;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Seeds the 金融顾问 programme: the demo bank and fund name themselves advisers; government assigns the bank's adviser
 * to the demo enterprise, who logs a visit that the enterprise rates; the enterprise asks for an equity adviser (left
 * open, so government's desk has a request); and both advisers are assigned to a few synthetic enterprises in several
 * towns, most of them visited some working days later, so the board's chart and response times have figures.
 * Through {@link Advisory} as those accounts; skipped when any adviser exists.
 */
@Component
@Order(71)
class DemoAdvisers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAdvisers.class);

    private final Advisory advisory;
    private final EnterpriseBook enterprises;
    private final ReferenceData reference;
    private final WorkingCalendar calendar;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final Clock clock;

    DemoAdvisers(Advisory advisory, EnterpriseBook enterprises, ReferenceData reference, WorkingCalendar calendar,
            AuthenticationProvider authentication, SanrongProperties properties, DatabaseMode databaseMode,
            Clock clock) {
        this.advisory = advisory;
        this.enterprises = enterprises;
        this.reference = reference;
        this.calendar = calendar;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded()) || !advisory.activeAdvisers().isEmpty()) {
            return;
        }
        Optional<SignedInUser> bank = signIn("bank");
        Optional<SignedInUser> investor = signIn("investor");
        Optional<SignedInUser> gov = signIn("gov");
        Optional<SignedInUser> enterprise = signIn("enterprise");
        if (bank.isEmpty() || investor.isEmpty() || gov.isEmpty() || enterprise.isEmpty()) {
            log.info("Demo advisers not seeded: a demo account is not usable");
            return;
        }
        try {
            Adviser.Id banker = advisory.nameAdviser("bank", Set.of(Speciality.CREDIT, Speciality.IP_FINANCING),
                    "0769-22880001", "科创银行公司金融部，专注科技型中小企业信贷与知识产权质押融资。", bank.get());
            Adviser.Id fund = advisory.nameAdviser("investor", Set.of(Speciality.EQUITY, Speciality.LISTING),
                    "0769-22990001", "天使创投投资总监，关注智能制造与新材料早期项目。", investor.get());
            LocalDate today = LocalDate.now(clock);
            String code = enterprises.ownCreditCode(enterprise.get()).orElseThrow();
            LocalDate assigned = calendar.addWorkingDays(today.minusDays(30), 0);
            Assignment.Id own = advisory.assign(new AssignmentOrder(banker.value(), code, AssignmentBasis.TOWN, null,
                    assigned, "松山湖片区科技企业一企一策"), gov.get());
            LocalDate visited = calendar.addWorkingDays(assigned, 2);
            ServiceRecord.Id visit = advisory.logService(own, new ServiceEntry(visited, ServiceType.VISIT,
                    "上门走访，了解企业扩产和研发投入计划；介绍知识产权质押贷和投贷联动产品，建议以两件发明专利质押。",
                    "一周内提交专利评估委托和近两年财务报表"), bank.get());
            advisory.rate(visit, 5, "顾问准备充分，方案切实可行。", enterprise.get());
            advisory.logService(own, new ServiceEntry(calendar.addWorkingDays(visited, 5),
                    ServiceType.FINANCING_PLAN, "出具一企一策融资方案：知识产权质押贷 800 万元 + 投贷联动，预计两个月内落地。",
                    null), bank.get());
            advisory.request(Speciality.EQUITY, "计划明年启动A轮融资，希望有股权融资顾问协助梳理估值和投资人对接。",
                    enterprise.get());
            int seeded = population(List.of(banker, fund), List.of(bank.get(), investor.get()), gov.get(), today);
            log.info("Demo advisers seeded: 2 advisers, {} assignments", seeded + 1);
        } catch (RuntimeException e) {
            // demo data must never stop the platform from starting
            log.warn("Demo advisers not completed: {}", e.getMessage());
        }
    }

    /** Two enterprises in each of eight towns, alternately to each adviser; about two in three visited. */
    private int population(List<Adviser.Id> advisers, List<SignedInUser> accounts, SignedInUser gov,
            LocalDate today) {
        Random random = new Random(20260713);
        List<Town> towns = reference.towns().stream().limit(8).toList();
        int n = 0;
        for (Town town : towns) {
            List<DirectoryRow> rows = enterprises.search(new DirectoryQuery(null, town.code(), null, null, null,
                    null), 0, 2).items();
            for (DirectoryRow row : rows) {
                int who = n % advisers.size();
                LocalDate assigned = today.minusDays(15 + random.nextInt(40));
                try {
                    Assignment.Id id = advisory.assign(new AssignmentOrder(advisers.get(who).value(), row.creditCode(),
                            AssignmentBasis.TOWN, null, assigned, null), gov);
                    n++;
                    if (random.nextInt(3) > 0) {
                        LocalDate visited = calendar.addWorkingDays(assigned, random.nextInt(7));
                        if (!visited.isAfter(today)) {
                            advisory.logService(id, new ServiceEntry(visited, random.nextBoolean() ? ServiceType.VISIT
                                    : ServiceType.CONSULTATION, "了解企业经营和融资需求，介绍适配的金融产品与扶持政策。",
                                    null), accounts.get(who));
                        }
                    }
                } catch (RuntimeException e) {
                    log.info("Demo assignment for {} skipped: {}", row.name(), e.getMessage());
                }
            }
        }
        return n;
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
