package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.sanrong.TestData;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The parties the subsidy tests need: an approved VC fund, and an enterprise set up in the registry as a case needs. */
final class SubsidyFixtures {

    private SubsidyFixtures() {
    }

    record Vc(String username, UUID id, String creditCode) {
    }

    /** A VC fund (创业投资机构), registered and approved; its name starts with {@code namePrefix}. */
    static Vc vc(OrganisationRegistry registry, String namePrefix) {
        String username = TestData.username("sv");
        String code = TestData.creditCode();
        UUID id = registry.register(new Registration(namePrefix + username + "创业投资有限公司", code,
                InstitutionType.VC_PE_FUND, "李经理", TestData.mobile(), username, "李经理", TestData.DEMO_PASSWORD));
        registry.approve(id, "test");
        return new Vc(username, id, code);
    }

    /** The credit code of a just-registered enterprise organisation, once the registry's listener has filed it. */
    static String creditCodeOf(JdbcClient jdbc, UUID organisationId) throws InterruptedException {
        String code = null;
        for (int i = 0; i < 100 && code == null; i++) {
            code = jdbc.sql("SELECT credit_code FROM enterprise.enterprise WHERE organisation_id = ?")
                    .param(organisationId).query(String.class).optional().orElse(null);
            if (code == null) {
                Thread.sleep(100);
            }
        }
        assertThat(code).as("the registry files the enterprise").isNotNull();
        return code;
    }

    /**
     * Makes the enterprise a verified 科技型中小企业 registered on {@code registeredOn}, at {@code stage} (the registry's
     * stage override), in software (I65): what the angel reward looks at.
     */
    static void techSme(JdbcClient jdbc, String code, LocalDate registeredOn, String stage) {
        jdbc.sql("UPDATE enterprise.enterprise SET registered_on = ?, stage_override = ?, industry_code = 'I65' "
                + "WHERE credit_code = ?").params(registeredOn, stage, code).update();
        jdbc.sql("""
                INSERT INTO enterprise.qualification (id, enterprise_id, kind, status, source, declared_at, declared_by,
                    reviewed_at, reviewed_by)
                SELECT gen_random_uuid(), id, 'TECH_SME', 'VERIFIED', 'DECLARED', now(), 'test', now(), 'test'
                FROM enterprise.enterprise WHERE credit_code = ?""").param(code).update();
    }
}
