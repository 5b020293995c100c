package org.sanrong.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.deal.Application;
import org.sanrong.deal.Deal;
import org.sanrong.deal.DealFlow;
import org.sanrong.deal.DealStatistics;
import org.sanrong.deal.DeclineReason;
import org.sanrong.deal.Disbursement;
import org.sanrong.deal.Offer;
import org.sanrong.demand.DemandStatus;
import org.sanrong.demand.DemandView;
import org.sanrong.demand.Demands;
import org.sanrong.identity.SignedInUser;
import org.sanrong.matching.Matchmaking;
import org.sanrong.matching.ProductMatch;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Seeds a few deals on the demo enterprise's demands so every party sees a case on first start: one loan taken from
 * pick-up to disbursement, one declined with a reason, one application waiting for another institution. Each step goes
 * through {@link DealFlow} as the demo account concerned, so rules and audit apply; government publishes the league
 * table. Skipped when any deal exists or an account is missing.
 */
@Component
@Order(40)
class DemoDeals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDeals.class);

    private final DealFlow flow;
    private final DealStatistics statistics;
    private final Demands demands;
    private final Matchmaking matchmaking;
    private final org.sanrong.catalog.ProductCatalog catalog;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final org.sanrong.identity.Membership membership;
    private final Clock clock;

    DemoDeals(DealFlow flow, DealStatistics statistics, Demands demands, Matchmaking matchmaking,
            org.sanrong.catalog.ProductCatalog catalog,
            AuthenticationProvider authentication, SanrongProperties properties, DatabaseMode databaseMode,
            org.sanrong.identity.Membership membership, Clock clock) {
        this.membership = membership;
        this.flow = flow;
        this.statistics = statistics;
        this.demands = demands;
        this.matchmaking = matchmaking;
        this.catalog = catalog;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    /** Not one transaction: each step commits through the flow, as it would from the pages. */
    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded())
                || flow.count() > 0) {
            return;
        }
        Optional<SignedInUser> enterprise = signIn("enterprise");
        Optional<SignedInUser> gov = signIn("gov");
        if (enterprise.isEmpty() || gov.isEmpty()) {
            log.info("Demo deals not seeded: the demo enterprise or government account is not usable");
            return;
        }
        List<DemandView> open = demands.mine(enterprise.get()).stream()
                .filter(d -> d.status() == DemandStatus.PUBLISHED)
                // the loan story first, so the second need's application does not take the product it needs
                .sorted(java.util.Comparator.comparing(d -> d.terms().kinds().contains(FinancingKind.EQUITY)))
                .toList();
        int seeded = 0;
        for (DemandView demand : open) {
            List<ProductMatch> eligible = matchmaking.rank(demand).stream().filter(ProductMatch::eligible).toList();
            try {
                seeded += demand.terms().kinds().contains(FinancingKind.EQUITY)
                        ? secondNeedStory(demand, eligible, enterprise.get())
                        : loanStory(demand, eligible, enterprise.get());
            } catch (RuntimeException e) {
                // demo data must never stop the platform from starting
                log.warn("Demo deals on a demand were not completed: {}", e.getMessage());
            }
        }
        statistics.publish(true, EnumSet.allOf(DealStatistics.Metric.class), gov.get());
        log.info("Demo deals seeded: {}", seeded);
    }

    /** The bank picks the demand up, approves, the enterprise accepts and the loan is paid out today. */
    private int loanStory(DemandView demand, List<ProductMatch> eligible, SignedInUser enterprise) {
        for (ProductMatch m : eligible) {
            Optional<SignedInUser> lender = signInMemberOf(m);
            if (lender.isEmpty() || m.kind() != FinancingKind.DEBT) {
                continue;
            }
            Deal.Id id = flow.pickUpDemand(demand.id(), lender.get());
            long amount = demand.terms().amountFen() == null ? 1 : demand.terms().amountFen();
            int term = demand.terms().termMonths() == null ? 12 : demand.terms().termMonths();
            flow.approve(id, new Offer(amount, new BigDecimal("3.85"), term, null, "应收账款质押", "按季付息，到期还本"),
                    lender.get());
            flow.acceptOffer(id, enterprise);
            LocalDate today = LocalDate.now(clock);
            flow.recordDisbursement(id, new Disbursement("DG" + today.toString().replace("-", "") + "001", amount, today,
                    new BigDecimal("3.85"), term, today.plusMonths(term), "应收账款质押"), lender.get());
            return 1;
        }
        return 0;
    }

    /**
     * The best-scoring loan declines with a reason before pick-up (so the need stays published for others), and an
     * application to another institution's product waits for it: the decline page shows alternatives, the
     * institution's inbox has a case to pick up.
     */
    private int secondNeedStory(DemandView demand, List<ProductMatch> eligible, SignedInUser enterprise) {
        int n = 0;
        java.util.UUID decliner = null;
        for (ProductMatch m : eligible) {
            Optional<SignedInUser> lender = signInMemberOf(m);
            if (decliner == null && m.kind() == FinancingKind.DEBT && lender.isPresent()) {
                Deal.Id id = flow.apply(new Application(m.product().productId(), demand.id(), null, null, null,
                        false), enterprise);
                flow.decline(id, DeclineReason.INSUFFICIENT_COLLATERAL,
                        "知识产权评估价值不足以覆盖申请金额，建议降低金额或追加担保", lender.get());
                decliner = m.institutionId();
                n++;
            } else if (decliner != null && !m.institutionId().equals(decliner)) {
                Long max = catalog.version(m.product()).map(p -> p.content().terms().maxAmountFen()).orElse(null);
                Long asked = demand.terms().amountFen();
                Long amount = max != null && asked != null && asked > max ? max : asked;
                try {
                    flow.apply(new Application(m.product().productId(), demand.id(), amount, null, null, true),
                            enterprise);
                    return n + 1;
                } catch (org.sanrong.platform.InvalidRequestException e) {
                    log.info("Demo application to {} skipped: {}", m.productName(), e.getMessage());
                }
            }
        }
        return n;
    }

    private Optional<SignedInUser> signInMemberOf(ProductMatch m) {
        return membership.membersOf(m.institutionId()).stream().findFirst()
                .flatMap(account -> signIn(account.username()));
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
