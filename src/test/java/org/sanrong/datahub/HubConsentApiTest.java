package org.sanrong.datahub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.credit.CreditFixtures;
import org.sanrong.credit.CreditRatings;
import org.sanrong.enterprise.ConsentGrants;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Over HTTP: an institution sees an enterprise's hub data and credit profile only while it holds a live consent
 * grant of the enterprise; each read by someone else is audited, a refusal too; the enterprise's own reads are not.
 */
@SanrongTest
class HubConsentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    ConsentGrants consents;

    @Autowired
    AuditTrail audit;

    private List<AuditEntry> reads(String action, String code) {
        return audit.search(new AuditQuery(null, action, "enterprise:" + code, null, null, null), 0, 100).items();
    }

    @Test
    void institutionsSeeHubDataAndCreditProfileOnlyUnderConsentAndEveryReadIsAudited() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        var e = fx.enterprise();
        var bank = fx.institution();
        var other = fx.institution();
        fx.importCsv("UTILITIES", "power.csv", "统一社会信用代码,所属期,用水量（吨）,用电量（千瓦时）,用气量（立方米）",
                e.creditCode() + ",2026-09,100,20000,", e.creditCode() + ",2026-10,110,21000,");
        String hubPath = "/api/v1/datahub/enterprises/" + e.creditCode();
        String creditPath = "/api/v1/credit/enterprises/" + e.creditCode();

        assertThat(fx.api("GET", hubPath, bank.username(), null).statusCode()).isEqualTo(403);
        assertThat(fx.api("GET", creditPath, bank.username(), null).statusCode()).isEqualTo(403);
        assertThat(reads(HubData.VIEW_ACTION, e.creditCode())).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo(bank.username());
            assertThat(a.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
        });
        assertThat(reads(CreditRatings.VIEW_ACTION, e.creditCode())).anySatisfy(a -> assertThat(a.outcome())
                .isEqualTo(AuditEntry.Outcome.DENIED));

        // the enterprise reads its own: allowed, not audited
        var own = fx.api("GET", hubPath, e.username(), null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("21000");
        assertThat(fx.api("GET", creditPath, e.username(), null).statusCode()).isEqualTo(200);
        assertThat(reads(HubData.VIEW_ACTION, e.creditCode())).noneMatch(a -> a.actor().equals(e.username()));

        UUID grant = consents.grant(e.creditCode(), bank.organisationId(), null, "贷款审批",
                null, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6), fx.signIn(e.username()));
        var seen = fx.api("GET", hubPath, bank.username(), null);
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(CreditFixtures.json(seen).path("series").get(1).path("powerKwh").asLong()).isEqualTo(21_000);
        var profile = fx.api("GET", creditPath, bank.username(), null);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(CreditFixtures.json(profile).path("access").asText()).isEqualTo("GRANTED");
        assertThat(CreditFixtures.json(profile).path("features").size()).isGreaterThanOrEqualTo(30);
        assertThat(reads(HubData.VIEW_ACTION, e.creditCode())).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo(bank.username());
            assertThat(a.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        });
        assertThat(reads(CreditRatings.VIEW_ACTION, e.creditCode())).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo(bank.username());
            assertThat(a.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        });

        // a grant is for the institution named, not for others; staff read as officials
        assertThat(fx.api("GET", hubPath, other.username(), null).statusCode()).isEqualTo(403);
        assertThat(CreditFixtures.json(fx.api("GET", creditPath, "gov", null)).path("access").asText())
                .isEqualTo("OFFICIAL");

        consents.revoke(e.creditCode(), grant, fx.signIn(e.username()));
        assertThat(fx.api("GET", hubPath, bank.username(), null).statusCode()).isEqualTo(403);
        assertThat(fx.api("GET", creditPath, bank.username(), null).statusCode()).isEqualTo(403);
    }
}
