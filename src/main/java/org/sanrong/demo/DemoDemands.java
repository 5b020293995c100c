package org.sanrong.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.sanrong.catalog.Collateral;
import org.sanrong.demand.DemandTerms;
import org.sanrong.demand.Demands;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.demand.PurposeCategory;
import org.sanrong.demand.Visibility;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.Fen;
import org.sanrong.platform.SanrongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo {@code enterprise}'s financing demands (two published, one draft) when demo data is on and there
 * are no demands yet. It acts as that account, signed in with its demo password, so the demands go through the
 * same rules and audit as the pages.
 */
@Component
@Order(30)
class DemoDemands implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDemands.class);

    private final Demands demands;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final Clock clock;

    DemoDemands(Demands demands, AuthenticationProvider authentication, SanrongProperties properties,
            DatabaseMode databaseMode, Clock clock) {
        this.demands = demands;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded()) || demands.count() > 0) {
            return;
        }
        SignedInUser enterprise = DemoData.signIn(authentication, "enterprise").orElse(null);
        if (enterprise == null) {
            log.info("Demo financing demands not seeded: the demo enterprise account is not usable");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        demands.create(new DemandTerms(Fen.fromWan("500"), "补充原材料采购和订单交付的流动资金",
                PurposeCategory.WORKING_CAPITAL, 12, Set.of(FinancingKind.DEBT), null, new BigDecimal("6.5"),
                Set.of(Collateral.RECEIVABLES), today.plusDays(45), Visibility.ALL, List.of()), true, enterprise);
        demands.create(new DemandTerms(Fen.fromWan("3000"), "A轮融资：扩充研发团队、建设机器视觉中试线，投贷联动",
                PurposeCategory.RESEARCH, 36, Set.of(FinancingKind.EQUITY, FinancingKind.DEBT), new BigDecimal("15"),
                new BigDecimal("8"), Set.of(Collateral.IP), today.plusDays(120), Visibility.ALL, List.of()), true,
                enterprise);
        demands.create(new DemandTerms(Fen.fromWan("800"), "购置SMT贴片生产线", PurposeCategory.EQUIPMENT, 36,
                Set.of(FinancingKind.LEASING), null, null, Set.of(), null, Visibility.ALL, List.of()), false,
                enterprise);
        log.info("Demo financing demands seeded.");
    }
}
