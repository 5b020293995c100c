package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Access that ends must end on the very next request (issue 12 item 5): a revoked consent for the institution's
 * open session and API token alike, and a disabled account — or a disabled organisation — for its page session,
 * its API token and its password.
 */
@SanrongTest
class ConsentAndDisablingTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRevokedConsentStopsTheInstitutionsNextRequest() {
        // a fresh enterprise and a fresh bank: no grant between them but the one made here
        String owned = TestData.username("cs");
        String code = TestData.creditCode();
        registry.register(new Registration("东莞授权测试" + owned + "科技有限公司", code, null, "陈一",
                TestData.mobile(), owned, "陈一", TestData.DEMO_PASSWORD));
        String banker = TestData.username("cb");
        UUID bank2 = registry.register(new Registration("测试" + banker + "银行", TestData.creditCode(),
                org.sanrong.identity.InstitutionType.BANK, "陈经理", TestData.mobile(), banker, "陈经理",
                TestData.DEMO_PASSWORD));
        registry.approve(bank2, "test");
        RouteCaller owner = new RouteCaller(port, owned, authentication, apiTokens);
        RouteCaller bank = new RouteCaller(port, banker, authentication, apiTokens);

        assertThat(bank.api("GET", "/api/v1/credit/enterprises/" + code, null).statusCode()).isEqualTo(403);
        assertThat(bank.api("GET", "/api/v1/datahub/enterprises/" + code, null).statusCode()).isEqualTo(403);
        assertThat(bank.api("GET", "/api/v1/enterprises/" + code, null).body()).contains("\"dossier\":null");

        String until = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString();
        assertThat(owner.page("POST", "/enterprises/" + code + "/consents", Map.of("grantee", "org:" + bank2,
                "purpose", "贷款审批", "validUntil", until)).statusCode()).isEqualTo(302);
        UUID grant = jdbc.sql("SELECT g.id FROM enterprise.consent_grant g JOIN enterprise.enterprise e "
                + "ON e.id = g.enterprise_id WHERE e.credit_code = ? AND g.grantee_organisation_id = ? "
                + "AND g.revoked_at IS NULL").params(code, bank2).query(UUID.class).single();

        assertThat(bank.api("GET", "/api/v1/credit/enterprises/" + code, null).statusCode()).isEqualTo(200);
        assertThat(bank.api("GET", "/api/v1/datahub/enterprises/" + code, null).statusCode()).isEqualTo(200);
        assertThat(bank.api("GET", "/api/v1/enterprises/" + code, null).body()).doesNotContain("\"dossier\":null");
        assertThat(bank.page("GET", "/credit/enterprises/" + code, Map.of()).statusCode()).isEqualTo(200);

        assertThat(owner.page("POST", "/enterprises/" + code + "/consents/" + grant + "/revoke", Map.of())
                .statusCode()).isEqualTo(302);

        // the same token and the same session, one request later
        assertThat(bank.api("GET", "/api/v1/credit/enterprises/" + code, null).statusCode()).isEqualTo(403);
        assertThat(bank.api("GET", "/api/v1/datahub/enterprises/" + code, null).statusCode()).isEqualTo(403);
        assertThat(bank.api("GET", "/api/v1/enterprises/" + code, null).body()).contains("\"dossier\":null");
        assertThat(bank.page("GET", "/credit/enterprises/" + code, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void aDisabledAccountIsStoppedOnItsNextRequestInEveryChannel() {
        String username = TestData.username("off");
        UUID organisation = registry.register(new Registration("东莞停用测试" + username + "科技有限公司",
                TestData.creditCode(), null, "吴九", TestData.mobile(), username, "吴九", TestData.DEMO_PASSWORD));
        RouteCaller user = new RouteCaller(port, username, authentication, apiTokens);
        org.sanrong.WebClient basic = new org.sanrong.WebClient(port);
        assertThat(user.page("GET", "/enterprise/demands", Map.of()).statusCode()).isEqualTo(200);
        assertThat(user.api("GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
        assertThat(basic.api("GET", "/api/v1/me", username, TestData.DEMO_PASSWORD, null).statusCode())
                .isEqualTo(200);

        UUID account = membership.account(username).orElseThrow().id();
        membership.disable(account);

        var page = user.page("GET", "/enterprise/demands", Map.of());
        assertThat(page.statusCode()).as("the open session ends").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(user.api("GET", "/api/v1/me", null).statusCode()).as("the API token").isEqualTo(401);
        assertThat(basic.api("GET", "/api/v1/me", username, TestData.DEMO_PASSWORD, null).statusCode())
                .as("the password").isEqualTo(401);

        // enabled again, then the whole organisation disabled: the same, for a fresh session
        membership.enable(account);
        RouteCaller again = new RouteCaller(port, username, authentication, apiTokens);
        assertThat(again.page("GET", "/enterprise/demands", Map.of()).statusCode()).isEqualTo(200);
        registry.disable(organisation);
        var afterOrganisation = again.page("GET", "/enterprise/demands", Map.of());
        assertThat(afterOrganisation.statusCode()).isEqualTo(302);
        assertThat(afterOrganisation.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(again.api("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
    }

}
