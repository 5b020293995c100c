package org.sanrong.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanrong.deal.LoanStatus;
import org.sanrong.enterprise.DirectoryQuery;
import org.sanrong.enterprise.DirectoryRow;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.identity.Membership;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.riskshare.Claim;
import org.sanrong.riskshare.FilingView;
import org.sanrong.riskshare.LoanFeature;
import org.sanrong.riskshare.RiskCompensation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Seeds risk sharing so every party sees it on first start: government funds the Dongguan whitelist pool and the
 * Guangzhou bank-mode pool; the demo bank files three loans it made elsewhere to whitelisted enterprises (the demo
 * platform loan is offered to it for filing by the platform itself); one goes bad and is claimed, reviewed by
 * {@code gov} and checked by {@code gov2} (a second official, so maker ≠ checker), paid, and part recovered; a
 * second claim waits for {@code gov2}'s check. Everything goes through {@link RiskCompensation} as the demo
 * accounts. Skipped when the Dongguan pool has been funded already or an account is missing.
 */
@Component
@Order(50)
class DemoRiskshare implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRiskshare.class);
    static final String POOL = "DG-2024-WHITELIST";

    private final RiskCompensation compensation;
    private final EnterpriseBook enterprises;
    private final Membership membership;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final Clock clock;
    private final org.sanrong.riskshare.GuaranteeDefaults guarantees;
    private final org.sanrong.riskshare.BridgeLoans bridges;
    private final org.sanrong.identity.OrganisationRegistry registry;
    private final org.sanrong.deal.DealFlow deals;

    DemoRiskshare(RiskCompensation compensation, EnterpriseBook enterprises, Membership membership,
            AuthenticationProvider authentication, SanrongProperties properties, DatabaseMode databaseMode,
            Clock clock, org.sanrong.riskshare.GuaranteeDefaults guarantees, org.sanrong.riskshare.BridgeLoans bridges,
            org.sanrong.identity.OrganisationRegistry registry, org.sanrong.deal.DealFlow deals) {
        this.guarantees = guarantees;
        this.bridges = bridges;
        this.registry = registry;
        this.deals = deals;
        this.compensation = compensation;
        this.enterprises = enterprises;
        this.membership = membership;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    /** Each part has its own guard, so a database seeded by an earlier version gets the parts it lacks. */
    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded())) {
            return;
        }
        if (compensation.pool(POOL).fundedFen() == 0) {
            seedPools();
        }
        for (Runnable part : List.<Runnable>of(this::seedHeldBankAndNpl, this::seedGuarantee, this::seedBridges)) {
            try {
                part.run();
            } catch (RuntimeException e) {
                // demo data must never stop the platform from starting
                log.warn("Demo risk sharing: a part was not seeded: {}", e.getMessage());
            }
        }
    }

    void seedPools() {
        Optional<SignedInUser> gov = signIn("gov");
        Optional<SignedInUser> bank = signIn("bank");
        if (gov.isEmpty() || bank.isEmpty()) {
            log.info("Demo risk sharing not seeded: the demo government or bank account is not usable");
            return;
        }
        if (membership.account("gov2").isEmpty()) {
            membership.acceptInvitation(membership.invite("gov", "gov2", "金融办 复核员"), DemoData.PASSWORD, null);
        }
        SignedInUser checker = signIn("gov2").orElseThrow();
        compensation.fund(POOL, 2_000_000_000L, "2026年度市级风险补偿资金（演示）", gov.get());
        compensation.fund("GZ-2025-BANK", 5_000_000_000L, "演示注资", gov.get());

        List<DirectoryRow> firms = enterprises.search(new DirectoryQuery(null, null, null, null, "SRDI_SME", null), 0, 3)
                .items();
        if (firms.size() < 3) {
            log.info("Demo risk sharing: fewer than three 专精特新 enterprises in the demo population");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate earlier = today.minusDays(45).getYear() == today.getYear() ? today.minusDays(45)
                : LocalDate.of(today.getYear(), 1, 1);
        long[] amounts = {300_000_000L, 500_000_000L, 800_000_000L};
        FilingView[] filed = new FilingView[3];
        for (int i = 0; i < 3; i++) {
            filed[i] = compensation.fileManually(POOL, new RiskCompensation.ManualLoan("DGKC-" + today.getYear()
                    + "-00" + (i + 1), firms.get(i).creditCode(), "CREDIT_LOAN", amounts[i], earlier,
                    earlier.plusYears(1), 12, new java.math.BigDecimal("3.95"), "信用"),
                    i == 0 ? Set.of(LoanFeature.FIRST_LOAN) : Set.of(), bank.get());
        }
        compensation.reportManualStatus(new org.sanrong.riskshare.Filing.Id(filed[0].id()), LoanStatus.NON_PERFORMING,
                today, 250_000_000L, bank.get());
        Claim.Id paid = compensation.claim(new RiskCompensation.ClaimRequest(filed[0].id(), 200_000_000L, null, null,
                null, filed[0].requiredDocuments(), "借款企业停产，抵质押物不足，已进入诉讼"), bank.get());
        compensation.review(paid, true, "材料齐全，损失认定无误", gov.get());
        compensation.review(paid, true, "同意补偿", checker);
        compensation.pay(paid, gov.get());
        java.util.UUID recovery = compensation.recordRecovery(paid, 40_000_000L, today, bank.get());
        compensation.confirmRemittance(recovery, gov.get());

        compensation.reportManualStatus(new org.sanrong.riskshare.Filing.Id(filed[1].id()), LoanStatus.NON_PERFORMING,
                today, 400_000_000L, bank.get());
        Claim.Id waiting = compensation.claim(new RiskCompensation.ClaimRequest(filed[1].id(), 300_000_000L, null,
                null, null, filed[1].requiredDocuments(), null), bank.get());
        compensation.review(waiting, true, "初审通过，请复核", gov.get());
        log.info("Demo risk sharing seeded: pools funded, 3 loans filed, 2 claims (one paid, one awaiting gov2)");
    }

    static final String GZ_FIRM = DemoData.code("91440106", "MA5D3M0Q1");

    /**
     * A Guangzhou enterprise (for the GZ-2025-BANK pool) with the demo bank2's loan: bank2 filed 5,000,000 into the
     * pool this year and claims 1,000,000 of loss — 20%, above the 3% threshold — so its claim is held (暂缓) at
     * approval. And the demo platform loan is reported non-performing by its lender, which reports an all-loan NPL
     * ratio of 1.20%: its small tech loans' ratio is far above, and the NPL-tolerance board flags it.
     */
    void seedHeldBankAndNpl() {
        if (registry.search(GZ_FIRM, org.sanrong.identity.OrganisationKind.ENTERPRISE, null, 0, 1).total() > 0) {
            return;
        }
        SignedInUser gov = signIn("gov").orElseThrow();
        SignedInUser checker = signIn("gov2").orElseThrow();
        SignedInUser bank2 = signIn("bank2").orElseThrow();
        registry.register(new org.sanrong.identity.Registration("广州穗创智能科技有限公司（演示）", GZ_FIRM, null, "林九",
                "13912340001", "gzfirm", "林九", DemoData.PASSWORD));
        LocalDate today = LocalDate.now(clock);
        LocalDate earlier = today.minusDays(30).getYear() == today.getYear() ? today.minusDays(30)
                : LocalDate.of(today.getYear(), 1, 1);
        FilingView f = compensation.fileManually("GZ-2025-BANK", new RiskCompensation.ManualLoan("GZNS-" + today.getYear()
                + "-001", GZ_FIRM, "CREDIT_LOAN", 500_000_000L, earlier, earlier.plusYears(1), 12,
                new java.math.BigDecimal("3.80"), "信用"), Set.of(), bank2);
        compensation.reportManualStatus(new org.sanrong.riskshare.Filing.Id(f.id()), LoanStatus.NON_PERFORMING, today,
                500_000_000L, bank2);
        Claim.Id held = compensation.claim(new RiskCompensation.ClaimRequest(f.id(), 100_000_000L, null,
                "（" + today.getYear() + "）粤0106民初8801号", today, f.requiredDocuments(), "借款企业资金链断裂"), bank2);
        compensation.review(held, true, "材料齐全", gov);
        compensation.review(held, true, "损失率超过3%，按规定暂缓拨付", checker);

        for (String lender : List.of("bank", "bank2")) {
            SignedInUser u = signIn(lender).orElseThrow();
            for (org.sanrong.deal.DealView d : deals.ofInstitution(org.sanrong.deal.DealStatus.FUNDED, u, 0, 20).items()) {
                deals.reportLoanStatus(new org.sanrong.deal.Deal.Id(d.id()), LoanStatus.NON_PERFORMING, today,
                        d.amountFen(), u);
                compensation.reportOverallNpl(org.sanrong.riskshare.NplTolerance.quarterOf(today),
                        new java.math.BigDecimal("0.0120"), u);
                log.info("Demo NPL tolerance: {}'s platform loan reported non-performing", lender);
                return;
            }
        }
    }

    /** A guaranteed loan under NFGF-TECH-2024 defaults; the loss and a recovery are split, the fund settles part. */
    void seedGuarantee() {
        SignedInUser guarantor = signIn("guarantor").orElseThrow();
        if (!guarantees.loans(guarantor).isEmpty()) {
            return;
        }
        List<DirectoryRow> firms = enterprises.search(new DirectoryQuery(null, null, null, null, "SRDI_SME", null), 3,
                1).items();
        if (firms.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        java.util.UUID id = guarantees.record(new org.sanrong.riskshare.GuaranteeDefaults.NewLoan("NFGF-TECH-2024",
                "DGDB-" + today.getYear() + "-017", firms.getFirst().name(), firms.getFirst().creditCode(), "专精特新",
                2_000_000_000L, today.minusMonths(8), "东莞农商银行科技支行（演示）", "东莞市科技融资担保有限公司（演示）",
                "广东省融资再担保有限公司", "国家融资担保基金", null), guarantor);
        guarantees.recordDefault(id, 1_500_000_000L, today.minusDays(20), guarantor);
        guarantees.recordRecovery(id, 500_000_000L, today.minusDays(3), guarantor);
        guarantees.settle(id, org.sanrong.riskshare.GuaranteeParty.NATIONAL_FUND,
                org.sanrong.riskshare.GuaranteeParty.CITY_GUARANTOR, 600_000_000L, today, guarantor);
        log.info("Demo guarantee sharing: a 20,000,000 guarantee defaulted, loss split, 5,000,000 recovered");
    }

    /**
     * The bridge fund: the demo enterprise's bridge ran its course (applied, committed, lent eight days ago, renewed,
     * repaid with its fee); the Guangzhou firm's bridge was lent twenty-five days ago and not renewed: overdue.
     */
    void seedBridges() {
        if (bridges.figures().fundedFen() > 0) {
            return;
        }
        SignedInUser gov = signIn("gov").orElseThrow();
        SignedInUser bank = signIn("bank").orElseThrow();
        SignedInUser bank2 = signIn("bank2").orElseThrow();
        SignedInUser firm = signIn("enterprise").orElseThrow();
        bridges.fund(5_000_000_000L, gov);
        LocalDate today = LocalDate.now(clock);
        String firmCode = registry.find(firm.organisationId()).orElseThrow().creditCode();
        bridges.list("松山湖", firmCode, gov);
        java.util.UUID done = bridges.apply(new org.sanrong.riskshare.BridgeLoans.Application(bank.organisationId(),
                "DGJJ-" + today.getYear() + "-0301", today.plusDays(3), 300_000_000L), firm);
        bridges.commit(done, true, null, bank);
        bridges.lend(done, today.minusDays(8), gov);
        bridges.renew(done, true, "DGJJ-" + today.getYear() + "-0302", bank);
        bridges.repaid(done, today, gov);
        Optional<SignedInUser> gz = signIn("gzfirm");
        if (gz.isPresent()) {
            bridges.list("南沙", GZ_FIRM, gov);
            java.util.UUID late = bridges.apply(new org.sanrong.riskshare.BridgeLoans.Application(
                    bank2.organisationId(), "GZNS-" + today.getYear() + "-002", today.plusDays(2), 250_000_000L),
                    gz.get());
            bridges.commit(late, true, null, bank2);
            bridges.lend(late, today.minusDays(25), gov);
        }
        log.info("Demo bridge loans: one repaid with its fee, one overdue and not renewed");
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
