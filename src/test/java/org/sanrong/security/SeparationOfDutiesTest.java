package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * 三权分立 (issue 12 item 6): the system administrator, the security administrator and the auditor are separate
 * accounts — the domain refuses a second duty or any other role beside one, and so does the database; only the
 * security administrator assigns roles, never their own; the auditor reaches the audit trail and nothing else. And
 * maker ≠ checker where the platform reviews: a qualification is verified by government, never by the enterprise that
 * declared it; a product is approved by government, never by the institution that made it.
 */
@SanrongTest
class SeparationOfDutiesTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    Membership membership;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.sanrong.enterprise.Qualifications qualifications;

    @Test
    void aDutyIsHeldAloneInTheDomainAndInTheDatabase() {
        assertThat(Role.separationProblem(EnumSet.of(Role.SYSTEM_ADMIN))).isNull();
        assertThat(Role.separationProblem(EnumSet.of(Role.ADMIN))).isNull();
        assertThat(Role.separationProblem(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDITOR))).contains("不得由同一账号兼任");
        assertThat(Role.separationProblem(EnumSet.of(Role.SECURITY_ADMIN, Role.SYSTEM_ADMIN)))
                .contains("不得由同一账号兼任");
        assertThat(Role.separationProblem(EnumSet.of(Role.AUDITOR, Role.ADMIN))).contains("不得兼有其他角色");

        // behind the application's back, the database refuses the same
        for (String roles : new String[] {"AUDITOR,SYSTEM_ADMIN", "SECURITY_ADMIN,SYSTEM_ADMIN", "ADMIN,AUDITOR",
            "ADMIN,SECURITY_ADMIN"}) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE identity.account SET roles = ? WHERE username = 'auditor'")
                    .param(roles).update()).as(roles).isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(jdbc.sql("SELECT roles FROM identity.account WHERE username IN ('sysadmin', 'secadmin', "
                + "'auditor', 'admin') ORDER BY username").query(String.class).list())
                .containsExactly("ADMIN", "AUDITOR", "SECURITY_ADMIN", "SYSTEM_ADMIN");
    }

    @Test
    void onlyTheSecurityAdministratorAssignsRolesAndNeverTheirOwn() {
        String username = TestData.username("duty");
        membership.acceptInvitation(membership.invite("admin", username, "运营 测试"), TestData.DEMO_PASSWORD, null);
        UUID account = membership.account(username).orElseThrow().id();
        RouteCaller secadmin = new RouteCaller(port, "secadmin", authentication, apiTokens);
        RouteCaller sysadmin = new RouteCaller(port, "sysadmin", authentication, apiTokens);
        RouteCaller admin = new RouteCaller(port, "admin", authentication, apiTokens);

        assertThat(secadmin.page("GET", "/admin/security", Map.of()).body()).contains(username)
                .contains("sanrong.security.password.history");
        // neither the system administrator nor the operator may give roles
        assertThat(sysadmin.page("POST", "/admin/security/accounts/" + account + "/role",
                Map.of("role", "AUDITOR")).statusCode()).isEqualTo(403);
        assertThat(admin.page("POST", "/admin/security/accounts/" + account + "/role",
                Map.of("role", "AUDITOR")).statusCode()).isEqualTo(403);
        assertThat(roles(username)).isEqualTo("ADMIN");

        RouteCaller before = new RouteCaller(port, username, authentication, apiTokens);
        assertThat(before.page("GET", "/enterprises", Map.of()).statusCode()).isEqualTo(200);
        assertThat(before.page("GET", "/admin/audit", Map.of()).statusCode()).isEqualTo(403);

        assertThat(secadmin.page("POST", "/admin/security/accounts/" + account + "/role",
                Map.of("role", "AUDITOR")).statusCode()).isEqualTo(302);
        assertThat(roles(username)).isEqualTo("AUDITOR");
        // the changed account's session ends; signed in again it is an auditor and nothing else
        assertThat(before.page("GET", "/enterprises", Map.of()).headers().firstValue("Location").orElse(""))
                .contains("/login");
        RouteCaller auditor = new RouteCaller(port, username, authentication, apiTokens);
        assertThat(auditor.page("GET", "/admin/audit", Map.of()).statusCode()).isEqualTo(200);
        for (String page : new String[] {"/enterprises", "/admin/organisations", "/admin/accounts",
            "/admin/security", "/admin/datahub", "/statistics", "/organisation/members"}) {
            assertThat(auditor.page("GET", page, Map.of()).statusCode()).as(page).isEqualTo(403);
        }
        assertThat(auditor.api("GET", "/api/v1/enterprises", null).statusCode()).isEqualTo(403);

        // not their own account, and not outside the operator
        UUID self = membership.account("secadmin").orElseThrow().id();
        secadmin.page("POST", "/admin/security/accounts/" + self + "/role", Map.of("role", "SYSTEM_ADMIN"));
        assertThat(roles("secadmin")).isEqualTo("SECURITY_ADMIN");
        UUID bankAccount = membership.account("bank").orElseThrow().id();
        secadmin.page("POST", "/admin/security/accounts/" + bankAccount + "/role", Map.of("role", "SYSTEM_ADMIN"));
        assertThat(roles("bank")).isEqualTo("INSTITUTION");
        assertThat(audit.search(new AuditQuery("secadmin", "ASSIGN_ROLE", null, null, null, null), 0, 50).items())
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.DENIED)
                .extracting(e -> e.target())
                .contains("account:secadmin", "account:bank");
    }

    @Test
    void theDemoDutiesEachReachOnlyTheirPage() {
        RouteCaller sysadmin = new RouteCaller(port, "sysadmin", authentication, apiTokens);
        RouteCaller secadmin = new RouteCaller(port, "secadmin", authentication, apiTokens);
        RouteCaller auditor = new RouteCaller(port, "auditor", authentication, apiTokens);
        assertThat(sysadmin.page("GET", "/", Map.of()).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/organisations");
        assertThat(secadmin.page("GET", "/", Map.of()).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/security");
        assertThat(auditor.page("GET", "/", Map.of()).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/audit");
        assertThat(sysadmin.page("GET", "/admin/accounts", Map.of()).statusCode()).isEqualTo(200);
        assertThat(sysadmin.page("GET", "/admin/audit", Map.of()).statusCode()).isEqualTo(403);
        assertThat(sysadmin.page("GET", "/admin/security", Map.of()).statusCode()).isEqualTo(403);
        assertThat(secadmin.page("GET", "/admin/accounts", Map.of()).statusCode()).isEqualTo(403);
        assertThat(secadmin.page("GET", "/admin/audit", Map.of()).statusCode()).isEqualTo(403);
        assertThat(auditor.page("GET", "/admin/audit", Map.of()).body()).contains("审计日志");
        assertThat(auditor.page("GET", "/admin/accounts", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void aQualificationIsVerifiedByGovernmentNeverByTheEnterpriseThatDeclaredIt() {
        String username = TestData.username("mk");
        String code = TestData.creditCode();
        registry.register(new Registration("东莞核验测试" + username + "科技有限公司", code, null, "郑十",
                TestData.mobile(), username, "郑十", TestData.DEMO_PASSWORD));
        UUID id = qualifications.declare(code, "HIGH_TECH", "GR202344009876", "广东省科学技术厅",
                LocalDate.of(2024, 12, 1), LocalDate.of(2027, 11, 30), "certificate.pdf", PDF, signIn(username));

        RouteCaller maker = new RouteCaller(port, username, authentication, apiTokens);
        assertThat(maker.page("POST", "/qualifications/" + id + "/verify", Map.of()).statusCode()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("DECLARED");

        RouteCaller checker = new RouteCaller(port, "gov", authentication, apiTokens);
        assertThat(checker.page("POST", "/qualifications/" + id + "/verify", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("VERIFIED");
        assertThat(jdbc.sql("SELECT declared_by || '>' || reviewed_by FROM enterprise.qualification WHERE id = ?")
                .param(id).query(String.class).single()).isEqualTo(username + ">gov");
    }

    @Test
    void aProductIsApprovedByGovernmentNeverByTheInstitutionThatMadeIt() {
        String username = TestData.username("mkb");
        UUID bank = registry.register(new Registration("测试" + username + "银行", TestData.creditCode(),
                InstitutionType.BANK, "冯经理", TestData.mobile(), username, "冯经理", TestData.DEMO_PASSWORD));
        registry.approve(bank, "test");
        RouteCaller maker = new RouteCaller(port, username, authentication, apiTokens);
        var created = maker.api("POST", "/api/v1/products", """
                {"type": "CREDIT_LOAN", "name": "%s科创贷", "description": "面向科技型企业的信用贷款",
                 "terms": {"minAmountFen": 10000000, "maxAmountFen": 10000000000, "minTermMonths": 1,
                           "maxTermMonths": 60, "minRate": 3.2, "maxRate": 6.0},
                 "criteria": {}, "collateralNeeds": "无", "materials": "营业执照",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31",
                 "contactName": "冯经理", "contactPhone": "0769-22000002"}""".formatted(username));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String product = created.body().replaceAll(".*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        assertThat(maker.api("POST", "/api/v1/products/" + product + "/submission", null).statusCode())
                .isEqualTo(200);

        assertThat(maker.api("POST", "/api/v1/products/" + product + "/approval", null).statusCode())
                .isEqualTo(403);
        assertThat(maker.page("POST", "/catalog/review/" + product + "/approve", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(productStatus(product)).isEqualTo("SUBMITTED");

        RouteCaller checker = new RouteCaller(port, "gov", authentication, apiTokens);
        assertThat(checker.api("POST", "/api/v1/products/" + product + "/approval", null).statusCode())
                .isEqualTo(200);
        assertThat(productStatus(product)).isEqualTo("PUBLISHED");
    }

    private SignedInUser signIn(String username) {
        return (SignedInUser) authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                username, TestData.DEMO_PASSWORD)).getPrincipal();
    }

    private String roles(String username) {
        return jdbc.sql("SELECT roles FROM identity.account WHERE username = ?").param(username)
                .query(String.class).single();
    }

    private String status(UUID qualification) {
        return jdbc.sql("SELECT status FROM enterprise.qualification WHERE id = ?").param(qualification)
                .query(String.class).single();
    }

    private String productStatus(String product) {
        return jdbc.sql("SELECT status FROM catalog.product WHERE id = ?").param(UUID.fromString(product))
                .query(String.class).single();
    }
}
