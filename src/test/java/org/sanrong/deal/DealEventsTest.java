package org.sanrong.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.matching.ApprovalRates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * What later modules and matching read from deals: the events a loan and an investment publish, and each
 * institution's approval rate, which matching scores as 审批通过率.
 */
@SanrongTest
@RecordApplicationEvents
class DealEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    DealFlow flow;

    @Autowired
    ApprovalRates rates;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Clock clock;

    private SignedInUser signIn(String username) {
        return (SignedInUser) authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                DealFixtures.PW)).getPrincipal();
    }

    @Test
    void aRecordedLoanPublishesLoanDisbursedWithWhatPolicyRulesNeed() {
        DealFixtures fx = new DealFixtures(port, registry);
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        UUID demand = fx.demand(enterprise, false);
        SignedInUser bank = signIn(lender.username());
        SignedInUser firm = signIn(enterprise.username());
        Deal.Id id = flow.pickUpDemand(demand, bank);
        flow.approve(id, new Offer(300_000_000L, new BigDecimal("3.45"), 24, null, "知识产权质押", null), bank);
        flow.acceptOffer(id, firm);
        LocalDate today = LocalDate.now(clock);
        flow.recordDisbursement(id, new Disbursement("GZ-77", 300_000_000L, today, new BigDecimal("3.45"), 24,
                today.plusMonths(24), "知识产权质押"), bank);
        flow.reportLoanStatus(id, LoanStatus.OVERDUE, today, 290_000_000L, bank);

        assertThat(events.stream(ApplicationDecided.class)).singleElement()
                .satisfies(e -> assertThat(e.approved()).isTrue());
        LoanDisbursed loan = events.stream(LoanDisbursed.class).findFirst().orElseThrow();
        assertThat(loan.dealId()).isEqualTo(id.value());
        assertThat(loan.loanNumber()).isEqualTo("GZ-77");
        assertThat(loan.institutionId()).isEqualTo(lender.organisationId());
        assertThat(loan.productId()).isEqualTo(lender.productId());
        assertThat(loan.productType()).isEqualTo("CREDIT_LOAN");
        assertThat(loan.amountFen()).isEqualTo(300_000_000L);
        assertThat(loan.maturityOn()).isEqualTo(today.plusMonths(24));
        assertThat(events.stream(LoanStatusReported.class)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(LoanStatus.OVERDUE);
            assertThat(s.outstandingFen()).isEqualTo(290_000_000L);
        });
    }

    @Test
    void approvalRateOfAnInstitutionFeedsMatching() {
        DealFixtures fx = new DealFixtures(port, registry);
        var lender = fx.lender();
        SignedInUser bank = signIn(lender.username());
        assertThat(rates.of(lender.organisationId(), null).enough()).isFalse();
        for (int i = 0; i < 5; i++) {
            var enterprise = fx.enterprise();
            UUID id = fx.apply(enterprise, lender, fx.demand(enterprise, false));
            if (i == 0) {
                flow.decline(new Deal.Id(id), DeclineReason.INDUSTRY_RESTRICTION, null, bank);
            } else {
                flow.pickUp(new Deal.Id(id), bank);
                flow.approve(new Deal.Id(id), new Offer(100_000_000L, new BigDecimal("4"), 12, null, null, null),
                        bank);
            }
        }
        ApprovalRates.Record r = rates.of(lender.organisationId(), null);
        assertThat(r.decided()).isEqualTo(5);
        assertThat(r.approved()).isEqualTo(4);

        var enterprise = fx.enterprise();
        UUID demand = fx.demand(enterprise, false);
        JsonNode matches = DealFixtures.json(fx.api("GET", "/api/v1/demands/" + demand + "/matches",
                enterprise.username(), null));
        JsonNode ours = null;
        for (JsonNode m : matches) {
            if (m.path("product").path("productId").asText().equals(lender.productId().toString())) {
                ours = m;
            }
        }
        assertThat(ours).isNotNull();
        JsonNode factor = null;
        int sum = 0;
        int max = 0;
        for (JsonNode f : ours.path("factors")) {
            sum += f.path("points").asInt();
            max += f.path("max").asInt();
            if (f.path("name").asText().equals("审批通过率")) {
                factor = f;
            }
        }
        assertThat(max).as("the factors still add up to 100").isEqualTo(100);
        assertThat(sum).isEqualTo(ours.path("score").asInt());
        assertThat(factor).isNotNull();
        assertThat(factor.path("points").asInt()).as("4 of 5 approved").isEqualTo(8);
        assertThat(factor.path("explanation").asText()).contains("80%").contains("4/5");
    }
}
