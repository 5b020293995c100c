package org.sanrong.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductContent;
import org.sanrong.catalog.ProductType;
import org.sanrong.catalog.Terms;
import org.sanrong.deal.Deal;
import org.sanrong.deal.DealFlow;
import org.sanrong.deal.Investment;
import org.sanrong.deal.Offer;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.roadshow.Roadshow;
import org.sanrong.roadshow.RoadshowProgramme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * One held roadshow and what came of it: the demo fund publishes a Pre-IPO equity product for reserve enterprises,
 * government announces a roadshow (dated ten days back) for intelligent-device and equipment makers, the demo
 * enterprise applies with its deck and is selected, the fund registers, attends and marks interest; the deal that
 * opens is approved, accepted and the investment recorded, so the event page shows money invested. Skipped when any
 * roadshow exists or an account is missing.
 */
@Component
@Order(61)
class DemoRoadshow implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRoadshow.class);

    private final RoadshowProgramme programme;
    private final ProductCatalog catalog;
    private final DealFlow deals;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final Clock clock;

    DemoRoadshow(RoadshowProgramme programme, ProductCatalog catalog, DealFlow deals,
            AuthenticationProvider authentication, SanrongProperties properties, DatabaseMode databaseMode,
            Clock clock) {
        this.programme = programme;
        this.catalog = catalog;
        this.deals = deals;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded())) {
            return;
        }
        Optional<SignedInUser> gov = signIn("gov");
        Optional<SignedInUser> enterprise = signIn("enterprise");
        Optional<SignedInUser> investor = signIn("investor");
        if (gov.isEmpty() || enterprise.isEmpty() || investor.isEmpty() || !programme.list(gov.get()).isEmpty()) {
            return;
        }
        try {
            seed(gov.get(), enterprise.get(), investor.get());
        } catch (RuntimeException e) {
            // demo data must never stop the platform from starting
            log.warn("Demo roadshow not completed: {}", e.getMessage());
        }
    }

    private void seed(SignedInUser gov, SignedInUser founder, SignedInUser fund) {
        LocalDate today = LocalDate.now(clock);
        UUID product = catalog.create(new ProductContent(ProductType.EQUITY_INVESTMENT, "Pre-IPO 成长基金",
                "投资拟在境内上市的成长期、成熟期科技企业，投后协助规范治理、对接券商。",
                new Terms(3_000_000_000L, 20_000_000_000L, null, null, null, null, new BigDecimal("3"),
                        new BigDecimal("10"), null, null, null),
                new EligibilityCriteria(List.of(), List.of("C39", "C35", "C34", "C38", "C27"), List.of(),
                        List.of(LifecycleStage.GROWTH, LifecycleStage.EXPANSION), List.of(),
                        List.of("HIGH_TECH", "SRDI_SME", "LITTLE_GIANT"), 3, 10_000_000_000L, null, null, null,
                        null, null, List.of()),
                null, "商业计划书；近三年审计报告；券商辅导协议", today.withDayOfYear(1), today.withDayOfYear(1)
                        .plusYears(3).minusDays(1), "黄总", "0769-22660003"), fund);
        catalog.submit(product, fund);
        if (catalog.reviewRequired()) {
            catalog.approve(product, gov);
        }
        Roadshow.Id id = programme.announce(new Roadshow.Details("松山湖硬科技路演（第一期）",
                "智能终端与高端装备企业 Pre-IPO 融资路演，面向上市后备企业与创投、私募股权基金",
                Roadshow.Format.OFFLINE, "松山湖科技金融大厦 3 楼路演厅",
                today.minusDays(10).atTime(LocalTime.of(14, 30)).atZone(clock.getZone()).toInstant(),
                List.of("C39", "C35", "C34"), 30, 6), gov);
        programme.apply(id, "星河智能：工业级 AI 视觉终端，2025 年营收 3.18 亿元、增长两成；拟融资用于新一代产线与研发中心。",
                30_000_000_00L, "星河智能路演材料.pdf",
                "%PDF-1.4\n% demo deck\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), founder);
        String code = programme.view(id, founder).ownCreditCode();
        programme.decide(id, code, true, gov);
        programme.register(id, fund);
        programme.hold(id, Set.of(fund.organisationId()), gov);
        Deal.Id deal = new Deal.Id(programme.markInterest(id, code, "看好其视觉终端的行业地位，拟领投", fund));
        deals.approve(deal, new Offer(30_000_000_00L, null, null, new BigDecimal("5"), null,
                "投后估值 60 亿元；董事会一席"), fund);
        deals.acceptOffer(deal, founder);
        deals.recordInvestment(deal, new Investment(30_000_000_00L, new BigDecimal("5"), today), fund);
        log.info("Demo roadshow seeded: held, one interest, invested 3,000万元");
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
