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
import org.springframework.transaction.annotation.Transactional;

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

    DemoRiskshare(RiskCompensation compensation, EnterpriseBook enterprises, Membership membership,
            AuthenticationProvider authentication, SanrongProperties properties, DatabaseMode databaseMode,
            Clock clock) {
        this.compensation = compensation;
        this.enterprises = enterprises;
        this.membership = membership;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded()) || compensation.pool(POOL).fundedFen() > 0) {
            return;
        }
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
        compensation.recordRecovery(paid, 40_000_000L, today, bank.get());

        compensation.reportManualStatus(new org.sanrong.riskshare.Filing.Id(filed[1].id()), LoanStatus.NON_PERFORMING,
                today, 400_000_000L, bank.get());
        Claim.Id waiting = compensation.claim(new RiskCompensation.ClaimRequest(filed[1].id(), 300_000_000L, null,
                null, null, filed[1].requiredDocuments(), null), bank.get());
        compensation.review(waiting, true, "初审通过，请复核", gov.get());
        log.info("Demo risk sharing seeded: pools funded, 3 loans filed, 2 claims (one paid, one awaiting gov2)");
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
