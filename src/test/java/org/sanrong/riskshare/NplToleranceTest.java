package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.deal.DealFixtures;
import org.sanrong.enterprise.Qualifications;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import tools.jackson.databind.JsonNode;

/**
 * NPL tolerance: the small-tech NPL ratio against the bank's overall ratio, flagged only above the tolerance (exactly
 * 3 points is within), computed from the platform's loans and their reports at the quarter's end; over HTTP, with
 * bad reports answered by field.
 */
@SanrongTest
class NplToleranceTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Autowired
    Qualifications qualifications;

    @Autowired
    AuthenticationProvider authentication;

    static NplTolerance.Row row(long outstanding, long npl, String overall) {
        return new NplTolerance.Row(UUID.randomUUID(), "测试银行", "2026Q4", outstanding, npl,
                overall == null ? null : new BigDecimal(overall), new BigDecimal("0.03"));
    }

    @Test
    void flaggedOnlyAboveTheTolerance() {
        // 450 of 10,000 = 4.5%; overall 1.5%: exactly 3 points, within
        assertThat(row(10_000, 450, "0.0150").flagged()).isFalse();
        assertThat(row(10_000, 450, "0.0150").differencePoints()).isEqualTo("3.00");
        // one more fen of NPL: 4.51% − 1.5% = 3.01 points
        assertThat(row(10_000, 451, "0.0150").flagged()).isTrue();
        assertThat(row(10_000, 451, "0.0150").techPercent()).isEqualTo("4.51%");
        assertThat(row(10_000, 9_000, null).flagged()).as("not reported, not flagged").isFalse();
        assertThat(row(0, 0, "0.0100").techRatio()).isZero();
        assertThat(NplTolerance.quarterOf(LocalDate.of(2026, 10, 1))).isEqualTo("2026Q4");
        assertThat(NplTolerance.endOf("2026Q1")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(NplTolerance.endOf("2024Q4")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThatThrownBy(() -> NplTolerance.endOf("2026Q5")).isInstanceOf(IllegalArgumentException.class);
    }

    private SignedInUser signIn(String username) {
        return (SignedInUser) authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                DealFixtures.PW)).getPrincipal();
    }

    @Test
    void aBanksSmallTechLoansAgainstItsOverallRatio() {
        RiskshareFixtures fx = new RiskshareFixtures(port, registry, membership);
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party firm = fx.deals.enterprise();
        String code = fx.creditCodeOf(firm);
        UUID q = qualifications.declare(code, "TECH_SME", "KJ-2026-" + UUID.randomUUID().toString().substring(0, 6),
                "东莞市科学技术局", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), "cert.pdf",
                "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.UTF_8), signIn(firm.username()));
        qualifications.verify(q, signIn("gov"));
        RiskshareFixtures.Loan bad = fx.loan(firm, bank, 400_000_000L);
        RiskshareFixtures.Loan good = fx.loan(firm, bank, 400_000_000L);
        RiskshareFixtures.Loan untech = fx.loan(fx.deals.enterprise(), bank, 400_000_000L);
        fx.reportStatus(bank, bad, "NON_PERFORMING", 300_000_000L);
        fx.reportStatus(bank, untech, "NON_PERFORMING", 400_000_000L);

        HttpResponse<String> badRatio = fx.deals.api("POST", "/api/v1/riskshare/npl-reports", bank.username(),
                "{\"quarter\": \"2026Q9\", \"overallRatio\": \"1.5\"}");
        assertThat(badRatio.statusCode()).isEqualTo(400);
        JsonNode errors = DealFixtures.json(badRatio).path("errors");
        assertThat(errors.has("quarter")).isTrue();
        assertThat(errors.path("overallRatio").asText()).contains("0至1");
        String quarter = NplTolerance.quarterOf(RiskshareFixtures.today());
        assertThat(fx.deals.api("POST", "/api/v1/riskshare/npl-reports", bank.username(),
                "{\"quarter\": \"" + quarter + "\", \"overallRatio\": \"0.0150\"}").statusCode()).isEqualTo(200);

        JsonNode mine = RiskshareFixtures.await(() -> {
            JsonNode rows = DealFixtures.json(fx.deals.api("GET", "/api/v1/riskshare/npl-tolerance", bank.username(),
                    null));
            return rows.size() == 1 && rows.get(0).path("techNonPerforming").asText().equals("3000000.00")
                    ? rows.get(0) : null;
        });
        // 3,000,000 of 7,000,000 outstanding to small tech firms; the non-tech loan does not count
        assertThat(mine.path("techOutstanding").asText()).isEqualTo("7000000.00");
        assertThat(mine.path("techRatio").asText()).isEqualTo("0.4286");
        assertThat(mine.path("overallRatio").asText()).isEqualTo("0.0150");
        assertThat(mine.path("difference").asText()).isEqualTo("0.4136");
        assertThat(mine.path("flagged").asBoolean()).isTrue();
        JsonNode all = DealFixtures.json(fx.deals.api("GET", "/api/v1/riskshare/npl-tolerance", "gov", null));
        assertThat(all.findValuesAsString("institutionId")).contains(bank.organisationId().toString());
        assertThat(good.loanNumber()).isNotBlank();
    }
}
