package org.sanrong.demo;

import java.util.List;
import java.util.Optional;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.subsidy.Entitlement;
import org.sanrong.subsidy.EntitlementStatus;
import org.sanrong.subsidy.Subsidies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Takes the subsidies the demo records produced one step on: the lending bank reports the demo loan's first interest
 * payment (which produces the GD-INTEREST-2025 interest subsidy), then the demo enterprise confirms, and {@code gov} puts them on public notice, so
 * the enterprise's page, the government's queue and the public notice page show a case. Acts through
 * {@link Subsidies} as the demo accounts; only entitlements still COMPUTED are touched, so a restart changes nothing.
 */
@Component
@Order(90)
class DemoSubsidies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSubsidies.class);

    private final Subsidies subsidies;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final org.sanrong.identity.Membership membership;
    private final org.sanrong.enterprise.EnterpriseBook enterprises;
    private final java.time.Clock clock;

    DemoSubsidies(Subsidies subsidies, AuthenticationProvider authentication, SanrongProperties properties,
            DatabaseMode databaseMode, org.sanrong.identity.Membership membership,
            org.sanrong.enterprise.EnterpriseBook enterprises, java.time.Clock clock) {
        this.membership = membership;
        this.enterprises = enterprises;
        this.clock = clock;
        this.subsidies = subsidies;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded())) {
            return;
        }
        Optional<SignedInUser> enterprise = signIn("enterprise");
        Optional<SignedInUser> gov = signIn("gov");
        if (enterprise.isEmpty() || gov.isEmpty()) {
            return;
        }
        try {
            reportDemoInterest(enterprise.get());
            List<Entitlement> mine = subsidies.mine(enterprise.get());
            int moved = 0;
            for (Entitlement e : mine) {
                if (e.status() == EntitlementStatus.COMPUTED) {
                    subsidies.confirm(e.id(), enterprise.get());
                    subsidies.notice(e.id(), gov.get());
                    moved++;
                }
            }
            if (moved > 0) {
                log.info("Demo subsidies: {} confirmed by enterprise and put on public notice by gov", moved);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // demo data must never stop the platform from starting
            log.warn("Demo subsidies not seeded: {}", e.getMessage());
        }
    }

    /**
     * The lending bank reports the demo loan's first interest payment (a quarter at the loan's 3.85%), once: the
     * interest subsidy GD-INTEREST-2025 is computed from it. The loan is recorded by the subsidy module after the
     * disbursement's commit, so this waits briefly for it.
     */
    private void reportDemoInterest(SignedInUser enterprise) throws InterruptedException {
        String code = enterprises.ownCreditCode(enterprise).orElse(null);
        if (code == null) {
            return;
        }
        List<Subsidies.RecordedLoan> loans = List.of();
        for (int i = 0; i < 50 && loans.isEmpty(); i++) {
            loans = subsidies.loansOf(code);
            if (loans.isEmpty()) {
                Thread.sleep(100);
            }
        }
        for (Subsidies.RecordedLoan loan : loans) {
            Optional<SignedInUser> bank = membership.membersOf(loan.institutionId()).stream().findFirst()
                    .flatMap(a -> signIn(a.username()));
            if (bank.isEmpty() || subsidies.reported(bank.get()).stream()
                    .anyMatch(r -> ("DEMO-INTEREST-" + loan.loanRef()).equals(r.ref()))) {
                continue;
            }
            long quarterFen = java.math.BigDecimal.valueOf(loan.amountFen()).multiply(new java.math.BigDecimal("0.0385"))
                    .divide(java.math.BigDecimal.valueOf(4), 0, java.math.RoundingMode.HALF_UP).longValueExact();
            java.time.LocalDate on = java.time.LocalDate.now(clock);
            subsidies.report(java.util.Map.of("type", "INTEREST_PAID", "enterprise", code, "date",
                    (on.isBefore(loan.disbursedOn()) ? loan.disbursedOn() : on).toString(), "amount",
                    java.math.BigDecimal.valueOf(Math.max(quarterFen, 1), 2).toPlainString(), "loanRef",
                    loan.loanRef(), "ref", "DEMO-INTEREST-" + loan.loanRef()), bank.get());
            log.info("Demo subsidies: {} reported interest on {}", bank.get().username(), loan.loanRef());
        }
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
