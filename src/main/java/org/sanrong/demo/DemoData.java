package org.sanrong.demo;

import java.util.List;
import java.util.UUID;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.identity.Role;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Seeds the demo accounts once; a database that already has the {@code admin} account is left alone. */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "Sanrong#2026";

    /**
     * Signs a demo account in with the shared demo password, so a runner acts through the same rules and audit as the
     * pages; empty when the account is missing, disabled or locked.
     */
    static java.util.Optional<org.sanrong.identity.SignedInUser> signIn(
            org.springframework.security.authentication.AuthenticationProvider authentication, String username) {
        try {
            return java.util.Optional.of((org.sanrong.identity.SignedInUser) authentication.authenticate(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(
                            username, PASSWORD)).getPrincipal());
        } catch (org.springframework.security.core.AuthenticationException | ClassCastException
                | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    record DemoAccount(String username, String role, String organisation) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "平台运营", "三融平台运营中心"),
            new DemoAccount("gov", "政府部门", "东莞市委金融办（演示）"),
            new DemoAccount("bank", "金融机构·银行", "东莞科创银行（演示）"),
            new DemoAccount("investor", "金融机构·创投基金", "松山湖天使创投基金（演示）"),
            new DemoAccount("enterprise", "科技企业", "东莞星河智能科技有限公司（演示）"),
            new DemoAccount("sysadmin", "系统管理员", "三融平台运营中心"),
            new DemoAccount("secadmin", "安全管理员", "三融平台运营中心"),
            new DemoAccount("auditor", "审计管理员", "三融平台运营中心"));

    private final OrganisationRegistry registry;
    private final Membership membership;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final DemoPopulation population;

    DemoData(OrganisationRegistry registry, Membership membership, SanrongProperties properties,
            DatabaseMode databaseMode, DemoPopulation population) {
        this.registry = registry;
        this.membership = membership;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.population = population;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded())) {
            return;
        }
        if (membership.account("admin").isEmpty()) {
            seed();
            log.info("Demo data seeded.");
        }
        if (membership.account("auditor").isEmpty()) {
            seedDuties();
        }
        population.seedIfEmpty();
        StringBuilder banner = new StringBuilder("\n  Demo accounts (password " + PASSWORD + "):\n");
        ACCOUNTS.forEach(a -> banner.append(String.format("    %-11s %-10s %s%n", a.username(), a.role(),
                a.organisation())));
        log.info(banner.toString());
    }

    private void seed() {
        registry.establish(OrganisationKind.OPERATOR, ACCOUNTS.get(0).organisation(), null, "admin", "平台管理员",
                PASSWORD, "system");
        registry.establish(OrganisationKind.GOVERNMENT, ACCOUNTS.get(1).organisation(), code("11441900", "MB2C90417"),
                "gov", "金融办 李科长", PASSWORD, "system");
        UUID bank = registry.register(new Registration(ACCOUNTS.get(2).organisation(), code("91441900", "MA4UL2Q81"),
                InstitutionType.BANK, "陈经理", "13800138001", "bank", "科创银行 陈经理", PASSWORD));
        registry.approve(bank, "system");
        UUID fund = registry.register(new Registration(ACCOUNTS.get(3).organisation(), code("91441900", "MA51RT6K3"),
                InstitutionType.VC_PE_FUND, "黄总", "13800138002", "investor", "天使创投 黄总", PASSWORD));
        registry.approve(fund, "system");
        registry.register(new Registration(ACCOUNTS.get(4).organisation(), code("91441900", "MA4W7K3L0"), null,
                "王创始人", "13800138003", "enterprise", "星河智能 王总", PASSWORD));
    }

    /**
     * The operator's three separated duties (三权分立), each its own account invited by {@code admin}: the system
     * administrator (organisations, accounts), the security administrator (roles, settings), the auditor.
     */
    private void seedDuties() {
        seedDuty("sysadmin", "系统管理员 赵工", Role.SYSTEM_ADMIN);
        seedDuty("secadmin", "安全管理员 钱工", Role.SECURITY_ADMIN);
        seedDuty("auditor", "审计管理员 孙工", Role.AUDITOR);
    }

    private void seedDuty(String username, String displayName, Role duty) {
        membership.acceptInvitation(membership.invite("admin", username, displayName), PASSWORD, null);
        membership.appointAtSetup(username, duty);
    }

    /** A valid credit code from its first 8 and next 9 characters. */
    static String code(String first8, String next9) {
        String first17 = first8 + next9;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
