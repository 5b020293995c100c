package org.sanrong.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductType;
import org.sanrong.catalog.ProductView;
import org.sanrong.deal.Application;
import org.sanrong.deal.Deal;
import org.sanrong.deal.DealFlow;
import org.sanrong.deal.Investment;
import org.sanrong.deal.Offer;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.Profile;
import org.sanrong.enterprise.Qualifications;
import org.sanrong.enterprise.YearlyFigures;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.subsidy.Batch;
import org.sanrong.subsidy.Entitlement;
import org.sanrong.subsidy.EntitlementStatus;
import org.sanrong.subsidy.Subsidies;
import org.sanrong.subsidy.SubsidyBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * The subsidy demo, acting through the modules' services as the demo accounts:
 * <ol>
 * <li>a demo start-up, 东莞星火量子科技有限公司 (account {@code startup}), registered in 松山湖 14 months ago, a
 * verified 科技型中小企业 at the seed stage: the demo fund's investment of 3.2亿元 registered three months ago (before
 * the platform) gives 480万元, and its 2000万元 through the platform today (application to 松山湖天使投资, pick-up,
 * offer, acceptance, investment) computes 30万元 of which the investor's yearly 500万元 cap leaves 20万元;</li>
 * <li>the lending bank reports the first quarter's interest of the demo loan and an interest payment of a month ago
 * on a loan made outside the platform: each produces the GD-INTEREST-2025 interest subsidy;</li>
 * <li>the demo enterprise's 辅导备案 milestone (recorded by DemoListing) produces the district stage reward;</li>
 * <li>each beneficiary confirms; {@code gov} records the public notice as published 10 days ago on the department's
 * notice board, so the notice period is over; {@code gov2} approves; {@code gov} prepares a payment batch per
 * policy, {@code gov2} checks it ({@code gov3} approves above the second-approval amount) and {@code gov} pays it
 * through the ledger. Today's events stay on public notice, so the notice page shows cases.</li>
 * </ol>
 * Runs once: nothing is done when the start-up account exists.
 */
@Component
@Order(90)
class DemoSubsidies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSubsidies.class);
    static final String STARTUP = "startup";

    private final Subsidies subsidies;
    private final SubsidyBatches batches;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final Membership membership;
    private final OrganisationRegistry registry;
    private final EnterpriseBook enterprises;
    private final Qualifications qualifications;
    private final ProductCatalog catalog;
    private final DealFlow deals;
    private final Clock clock;

    DemoSubsidies(Subsidies subsidies, SubsidyBatches batches, AuthenticationProvider authentication,
            SanrongProperties properties, DatabaseMode databaseMode, Membership membership,
            OrganisationRegistry registry, EnterpriseBook enterprises, Qualifications qualifications,
            ProductCatalog catalog, DealFlow deals, Clock clock) {
        this.subsidies = subsidies;
        this.batches = batches;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.membership = membership;
        this.registry = registry;
        this.enterprises = enterprises;
        this.qualifications = qualifications;
        this.catalog = catalog;
        this.deals = deals;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded()) || membership.account(STARTUP).isPresent()) {
            return;
        }
        Optional<SignedInUser> enterprise = signIn("enterprise");
        Optional<SignedInUser> gov = signIn("gov");
        Optional<SignedInUser> gov2 = signIn("gov2");
        Optional<SignedInUser> investor = signIn("investor");
        if (enterprise.isEmpty() || gov.isEmpty() || gov2.isEmpty() || investor.isEmpty()) {
            log.info("Demo subsidies not seeded: a demo account is not usable");
            return;
        }
        try {
            if (membership.account("gov3").isEmpty()) {
                membership.acceptInvitation(membership.invite("gov", "gov3", "金融办 分管领导"), DemoData.PASSWORD,
                        null);
            }
            SignedInUser gov3 = signIn("gov3").orElseThrow();
            List<Entitlement> angel = startUpInvestments(investor.get(), gov.get());
            List<Entitlement> interest = reportDemoInterest(enterprise.get());
            String code = enterprises.ownCreditCode(enterprise.get()).orElseThrow();
            List<Entitlement> listing = waitFor(() -> subsidies.ofEvent("LISTING:" + code + ":辅导备案").stream()
                    .filter(e -> e.status() == EntitlementStatus.COMPUTED).toList());
            int paid = 0;
            for (Entitlement e : angel) {
                paid += throughToPayment(e, investor.get(), gov.get(), gov2.get(), gov3);
            }
            for (Entitlement e : interest) {
                paid += throughToPayment(e, enterprise.get(), gov.get(), gov2.get(), gov3);
            }
            for (Entitlement e : listing) {
                paid += throughToPayment(e, enterprise.get(), gov.get(), gov2.get(), gov3);
            }
            log.info("Demo subsidies: {} angel rewards, {} interest subsidies, {} listing rewards; {} paid through "
                    + "batches", angel.size(), interest.size(), listing.size(), paid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // demo data must never stop the platform from starting
            log.warn("Demo subsidies not (fully) seeded: {}", e.getMessage());
        }
    }

    /** Registers the start-up, completes its registry record and qualification, and takes two investments. */
    private List<Entitlement> startUpInvestments(SignedInUser investor, SignedInUser gov)
            throws InterruptedException {
        registry.register(new Registration("东莞星火量子科技有限公司（演示）", DemoData.code("91441900", "MACQ8XH2L"), null,
                "赵创始人", "13800138005", STARTUP, "星火量子 赵总", DemoData.PASSWORD));
        SignedInUser founder = signIn(STARTUP).orElseThrow();
        String code = waitFor(() -> enterprises.ownCreditCode(founder).map(List::of).orElse(List.of())).stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("演示初创企业未进入企业库"));
        LocalDate registeredOn = LocalDate.now(clock).minusMonths(14);
        enterprises.update(code, new Profile("东莞星火量子科技有限公司（演示）", "有限责任公司", registeredOn, 5_000_000_000L / 10,
                "441900401", "松山湖高新区创新大道 8 号", "I6513", Set.of("1"), 12, 3, 2, 0, 4, 1, false, "赵创始人",
                "13800138005", "hi@xinghuo-demo.cn"), List.<YearlyFigures>of(), founder);
        UUID q = qualifications.declare(code, "TECH_SME", "2025441900A0001234", "东莞市科学技术局",
                LocalDate.now(clock).minusMonths(6), LocalDate.now(clock).plusMonths(6), "科技型中小企业入库登记.pdf",
                "%PDF-1.4\n% demo registration\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), founder);
        qualifications.verify(q, gov);
        ProductView angelProduct = catalog.ofInstitution(investor).stream()
                .filter(p -> p.content().type() == ProductType.EQUITY_INVESTMENT && "松山湖天使投资".equals(
                        p.content().name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("演示天使投资产品不存在"));
        // an investment registered earlier this year, before the platform (3.2亿元 → 480万元 of the 500万元 cap) ...
        LocalDate earlier = LocalDate.now(clock).minusMonths(3).getYear() == LocalDate.now(clock).getYear()
                ? LocalDate.now(clock).minusMonths(3) : LocalDate.now(clock).withDayOfYear(1);
        List<Entitlement> rewards = new java.util.ArrayList<>(subsidies.investmentRecorded(new org.sanrong.deal
                .InvestmentRecorded(UUID.nameUUIDFromBytes(("demo-angel-" + code).getBytes(StandardCharsets.UTF_8)),
                        investor.organisationId(), code, angelProduct.id(), 32_000_000_000L, new BigDecimal("10"),
                        earlier)).stream().filter(e -> e.policyCode().equals("GZ-ANGEL-2021")).toList());
        // ... and one through the platform today: 2000万元 computes 30万元, only 20万元 remain under the cap
        long amount = 2_000_000_000L;
        Deal.Id deal = deals.apply(new Application(angelProduct.id(), null, amount, null, "量子传感样机研发与团队扩充",
                false), founder);
        deals.pickUp(deal, investor);
        deals.approve(deal, new Offer(amount, null, null, new BigDecimal("10"), null, "分两期实缴"), investor);
        deals.acceptOffer(deal, founder);
        deals.recordInvestment(deal, new Investment(amount, new BigDecimal("10"), LocalDate.now(clock)), investor);
        rewards.addAll(waitFor(() -> subsidies.ofEvent("INVESTMENT:" + deal.value()).stream()
                .filter(e -> e.policyCode().equals("GZ-ANGEL-2021")).toList()));
        return rewards;
    }

    /**
     * The lending bank reports interest: the first quarter of the demo loan (disbursed today on the platform), and a
     * payment of a month ago on a loan it made outside the platform four months ago. Answers the entitlements.
     */
    private List<Entitlement> reportDemoInterest(SignedInUser enterprise) throws InterruptedException {
        String code = enterprises.ownCreditCode(enterprise).orElse(null);
        List<Entitlement> out = new java.util.ArrayList<>();
        if (code == null) {
            return out;
        }
        LocalDate today = LocalDate.now(clock);
        for (Subsidies.RecordedLoan loan : waitFor(() -> subsidies.loansOf(code))) {
            Optional<SignedInUser> bank = membership.membersOf(loan.institutionId()).stream().findFirst()
                    .flatMap(a -> signIn(a.username()));
            if (bank.isEmpty()) {
                continue;
            }
            long quarterFen = BigDecimal.valueOf(loan.amountFen()).multiply(new BigDecimal("0.0385"))
                    .divide(BigDecimal.valueOf(4), 0, RoundingMode.HALF_UP).longValueExact();
            out.addAll(subsidies.report(Map.of("type", "INTEREST_PAID", "enterprise", code, "date",
                    (today.isBefore(loan.disbursedOn()) ? loan.disbursedOn() : today).toString(), "amount",
                    BigDecimal.valueOf(Math.max(quarterFen, 1), 2).toPlainString(), "loanRef", loan.loanRef(), "ref",
                    "DEMO-INTEREST-" + loan.loanRef()), bank.get()).entitlements());
            out.addAll(subsidies.report(Map.of("type", "INTEREST_PAID", "enterprise", code, "date",
                    today.minusMonths(1).toString(), "amount", "28875.00", "loanRef", "DGKC-DEMO-0001", "loanDate",
                    today.minusMonths(4).toString(), "ref", "DEMO-INTEREST-DGKC-DEMO-0001"), bank.get())
                    .entitlements());
        }
        return out.stream().filter(e -> e.status() == EntitlementStatus.COMPUTED).toList();
    }

    /**
     * Confirm; notice, recorded as published on the department's board 10 days ago (never before the event); when
     * the notice period is over, approval by the second official, a batch prepared by {@code gov}, checked by
     * {@code gov2} (and approved by {@code gov3} above the second-approval amount) and paid. An event too recent for
     * the notice period stays on notice.
     */
    private int throughToPayment(Entitlement e, SignedInUser beneficiary, SignedInUser gov, SignedInUser gov2,
            SignedInUser gov3) {
        subsidies.confirm(e.id(), beneficiary);
        LocalDate tenDaysAgo = LocalDate.now(clock).minusDays(10);
        subsidies.noticePublishedOn(e.id(), tenDaysAgo.isBefore(e.eventDate()) ? e.eventDate() : tenDaysAgo, gov);
        Entitlement noticed = subsidies.view(e.id(), gov);
        if (noticed.noticeUntil() != null && noticed.noticeUntil().isAfter(LocalDate.now(clock))) {
            return 0;
        }
        subsidies.approve(e.id(), gov2);
        Batch b = batches.prepare(e.policyCode(), e.year(), gov);
        b = batches.check(b.id(), gov2);
        if (b.status() == Batch.Status.CHECKED) {
            b = batches.approve(b.id(), gov3);
        }
        return batches.pay(b.id(), gov).status() == Batch.Status.PAID ? 1 : 0;
    }

    private static <T> List<T> waitFor(java.util.function.Supplier<List<T>> query) throws InterruptedException {
        List<T> found = query.get();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(100);
            found = query.get();
        }
        return found;
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
