package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.sanrong.TestData;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.reference.UnifiedSocialCreditCode;
import tools.jackson.databind.JsonNode;

/**
 * Parties and loans for risk-sharing tests: enterprises registered in a chosen district (the pool's area comes from
 * the credit code), loans driven through the deal API to FUNDED exactly as banks do, a second government reviewer,
 * and waiting for what the event listeners do after commit.
 */
public final class RiskshareFixtures {

    public static final String PW = DealFixtures.PW;

    public final DealFixtures deals;
    private final OrganisationRegistry registry;
    private final Membership membership;

    public RiskshareFixtures(int port, OrganisationRegistry registry, Membership membership) {
        this.deals = new DealFixtures(port, registry);
        this.registry = registry;
        this.membership = membership;
    }

    public record Loan(UUID dealId, String loanNumber) {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A valid credit code of a company registered in the division (e.g. 440106 天河区). */
    public static String creditCode(String division) {
        StringBuilder b = new StringBuilder("91").append(division);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(UnifiedSocialCreditCode.ALPHABET.charAt(r.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
        }
        return b.append(UnifiedSocialCreditCode.checkCharacter(b.toString())).toString();
    }

    /** A fresh enterprise registered in the division. */
    public DealFixtures.Party enterprise(String division) {
        String username = TestData.username("re");
        String code = creditCode(division);
        UUID id = registry.register(new Registration("广州风险补偿测试" + username + "科技有限公司", code, null, "钱八",
                TestData.mobile(), username, "钱八", PW));
        return new DealFixtures.Party(username, id);
    }

    public String creditCodeOf(DealFixtures.Party enterprise) {
        return registry.find(enterprise.organisationId()).orElseThrow().creditCode();
    }

    /** A loan of {@code amountFen} from the lender to the enterprise, disbursed today through the deal API. */
    public Loan loan(DealFixtures.Party enterprise, DealFixtures.Lender lender, long amountFen) {
        UUID demand = deals.demand(enterprise, false);
        HttpResponse<String> picked = deals.api("POST", "/api/v1/deals/pickups", lender.username(),
                "{\"demandId\": \"" + demand + "\"}");
        assertThat(picked.statusCode()).as(picked.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(picked).path("id").asText());
        HttpResponse<String> approved = deals.api("POST", "/api/v1/deals/" + id + "/decision", lender.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": %d, "annualRatePercent": 3.8, "termMonths": 12,
                 "guarantee": "信用"}}""".formatted(amountFen));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(deals.api("POST", "/api/v1/deals/" + id + "/offer/acceptance", enterprise.username(), null)
                .statusCode()).isEqualTo(200);
        String loanNumber = "GZ-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        HttpResponse<String> paid = deals.api("POST", "/api/v1/deals/" + id + "/disbursement", lender.username(), """
                {"loanNumber": "%s", "amountFen": %d, "disbursedOn": "%s", "annualRatePercent": 3.8,
                 "termMonths": 12, "maturityOn": "%s", "guarantee": "信用"}"""
                .formatted(loanNumber, amountFen, today(), today().plusMonths(12)));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        return new Loan(id, loanNumber);
    }

    public void reportStatus(DealFixtures.Lender lender, Loan loan, String status, long outstandingFen) {
        HttpResponse<String> r = deals.api("POST", "/api/v1/deals/" + loan.dealId() + "/loan-status",
                lender.username(), "{\"status\": \"%s\", \"asOf\": \"%s\", \"outstandingFen\": %d}"
                        .formatted(status, today(), outstandingFen));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** A further member of the demo government organisation, so a second person can check what the first did. */
    public String governmentColleague() {
        String username = TestData.username("gv");
        membership.acceptInvitation(membership.invite("gov", username, "复核员"), PW, null);
        return username;
    }

    /** The bank's filings of the loan, once the event listener has offered at least {@code expected} of them. */
    public java.util.List<JsonNode> filingsOf(DealFixtures.Lender lender, Loan loan, int expected) {
        return await(() -> {
            java.util.List<JsonNode> mine = new java.util.ArrayList<>();
            json(deals.api("GET", "/api/v1/riskshare/filings", lender.username(), null)).forEach(f -> {
                if (f.path("loanNumber").asText().equals(loan.loanNumber())) {
                    mine.add(f);
                }
            });
            return mine.size() >= expected ? mine : null;
        });
    }

    /** Polls until the supplier answers non-null (listeners run after the deal's transaction commits). */
    public static <T> T await(Supplier<T> probe) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
