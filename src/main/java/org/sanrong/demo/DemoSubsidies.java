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
 * Takes the subsidies the demo records produced (the demo loan's interest subsidy, computed by the subsidy module when
 * the loan was disbursed) one step on: the demo enterprise confirms, and {@code gov} puts them on public notice, so
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

    DemoSubsidies(Subsidies subsidies, AuthenticationProvider authentication, SanrongProperties properties,
            DatabaseMode databaseMode) {
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
            List<Entitlement> mine = List.of();
            // the entitlement is computed after the loan's commit, by the event listener
            for (int i = 0; i < 20 && mine.isEmpty(); i++) {
                mine = subsidies.mine(enterprise.get());
                if (mine.isEmpty()) {
                    Thread.sleep(100);
                }
            }
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

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
