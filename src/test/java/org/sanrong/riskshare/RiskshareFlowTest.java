package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9 end to end over HTTP, from a loan the deal module disbursed: offered for filing, filed, reported
 * non-performing, claimed with its calculation, reviewed by two different officials within deadlines, paid from a
 * funded pool through balanced ledger entries, a recovery returned pro rata; a bank over 3% has its claims held
 * until its ratio comes down; two pools stacked under a combined cap, and a pool without the money refusing the
 * approval whole. Every refused step answers 4xx, changes nothing and is audited.
 */
@SanrongTest
class RiskshareFlowTest {

    static final String GZ = "GZ-2025-BANK";

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Autowired
    Ledger ledger;

    @Autowired
    AuditTrail audit;

    RiskshareFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new RiskshareFixtures(port, registry, membership);
    }

    private HttpResponse<String> api(String method, String path, String user, String body) {
        return fx.deals.api(method, path, user, body);
    }

    private long balance(String scheme, UUID bank, String what) {
        return ledger.balance(new AccountRef("pool:" + scheme, "bank:" + bank + ":" + what));
    }

    private long cash(String scheme) {
        return ledger.balance(new AccountRef("pool:" + scheme, "cash"));
    }

    private void fund(String scheme, String yuan) {
        HttpResponse<String> r = api("POST", "/api/v1/riskshare/pools/" + scheme + "/funding", "gov",
                "{\"amount\": \"" + yuan + "\", \"note\": \"测试注资\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private JsonNode file(String filingId, String bank, String features) {
        HttpResponse<String> r = api("POST", "/api/v1/riskshare/filings/" + filingId + "/submission", bank,
                "{\"features\": [" + features + "]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private JsonNode fileByHand(String bank, String creditCode, String amount) {
        HttpResponse<String> r = api("POST", "/api/v1/riskshare/filings", bank, """
                {"scheme": "%s", "loanNumber": "OFF-%s", "enterpriseCreditCode": "%s", "productType": "CREDIT_LOAN",
                 "amount": "%s", "disbursedOn": "%s", "maturityOn": "%s", "termMonths": 12}"""
                .formatted(GZ, UUID.randomUUID().toString().substring(0, 8), creditCode, amount,
                        RiskshareFixtures.today(), RiskshareFixtures.today().plusMonths(12)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private String claimBody(String filingId, String loss, List<String> documents) {
        return """
                {"filingId": "%s", "loss": "%s", "lawsuitCaseNo": "（2026）粤0104民初%d号", "lawsuitAcceptedOn": "%s",
                 "documents": [%s], "note": "借款人停产，已起诉"}""".formatted(filingId, loss,
                1000 + (int) (Math.random() * 9000), RiskshareFixtures.today(),
                String.join(", ", documents.stream().map(d -> "\"" + d + "\"").toList()));
    }

    private static List<String> documents(JsonNode filing) {
        List<String> out = new ArrayList<>();
        filing.path("requiredDocuments").forEach(d -> out.add(d.asText()));
        return out;
    }

    private JsonNode filingWhenNonPerforming(String filingId, String bank) {
        return RiskshareFixtures.await(() -> {
            JsonNode f = json(api("GET", "/api/v1/riskshare/filings/" + filingId, bank, null));
            return f.path("loanStatus").asText().equals("NON_PERFORMING") ? f : null;
        });
    }

    private JsonNode review(String claimId, String reviewer, String decision) {
        HttpResponse<String> r = api("POST", "/api/v1/riskshare/claims/" + claimId + "/reviews", reviewer,
                "{\"decision\": \"" + decision + "\", \"note\": \"材料齐全\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private long audited(String action, AuditEntry.Outcome outcome, String target) {
        return audit.search(new AuditQuery(null, action, target, null, null, null), 0, 500).items().stream()
                .filter(e -> e.outcome() == outcome).count();
    }

    @Test
    void aPlatformLoanGoesFromFilingToAPaidClaimAndARecoveryThroughTheLedger() {
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party firm = fx.enterprise("440103");
        String credit = fx.creditCodeOf(firm);
        String checker = fx.governmentColleague();
        RiskshareFixtures.Loan loan = fx.loan(firm, bank, 400_000_000L);

        List<JsonNode> offered = fx.filingsOf(bank, loan, 1);
        assertThat(offered).as("only the Guangzhou bank-mode pool serves 越秀 and banks").hasSize(1);
        JsonNode offer = offered.getFirst();
        String filingId = offer.path("id").asText();
        assertThat(offer.path("schemeCode").asText()).isEqualTo(GZ);
        assertThat(offer.path("status").asText()).isEqualTo("OFFERED");
        assertThat(offer.path("dealId").asText()).as("pre-filled from the deal").isEqualTo(loan.dealId().toString());
        assertThat(offer.path("amountFen").asLong()).isEqualTo(400_000_000L);
        assertThat(offer.path("fileBy").asText()).isEqualTo(RiskshareFixtures.today().getYear() + "-12-31");
        assertThat(offer.path("canFile").asBoolean()).isTrue();
        assertThat(offer.path("features").toString()).as("a credit loan without guarantee").contains("PURE_CREDIT");

        HttpResponse<String> early = api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(filingId, "100.00", documents(offer)));
        assertThat(early.statusCode()).as("a claim on a loan not filed").isEqualTo(409);
        HttpResponse<String> selfDeclared = api("POST", "/api/v1/riskshare/filings/" + filingId + "/submission",
                bank.username(), "{\"features\": [\"KEY_SUPPORT_LIST\"]}");
        assertThat(selfDeclared.statusCode()).isEqualTo(400);
        assertThat(json(selfDeclared).path("errors").path("features").asText()).contains("平台");
        assertThat(api("POST", "/api/v1/riskshare/filings/" + filingId + "/submission", "gov", "{}").statusCode())
                .as("government does not file for the bank").isEqualTo(403);

        JsonNode filed = file(filingId, bank.username(), "\"MONETARY_TOOL\"");
        assertThat(filed.path("status").asText()).isEqualTo("FILED");
        assertThat(filed.path("expectedRatio").decimalValue()).as("40% + 5 points").isEqualByComparingTo("0.45");
        assertThat(filed.path("commitmentFen").asLong()).isEqualTo(180_000_000L);
        assertThat(balance(GZ, bank.organisationId(), "commitment")).isEqualTo(180_000_000L);
        assertThat(api("POST", "/api/v1/riskshare/filings/" + filingId + "/submission", bank.username(), "{}")
                .statusCode()).as("filing twice").isEqualTo(409);

        JsonNode byHand = fileByHand(bank.username(), credit, "20000000.00");
        assertThat(byHand.path("origin").asText()).isEqualTo("MANUAL");
        assertThat(byHand.path("expectedRatio").decimalValue()).isEqualByComparingTo("0.20");
        HttpResponse<String> tooBig = api("POST", "/api/v1/riskshare/filings", bank.username(), """
                {"scheme": "GZ-2025-BANK", "loanNumber": "OFF-BIG", "enterpriseCreditCode": "%s",
                 "productType": "MORTGAGE_LOAN", "amount": "30000000.01", "disbursedOn": "%s", "maturityOn": "%s",
                 "termMonths": 12}""".formatted(credit, RiskshareFixtures.today(), RiskshareFixtures.today().plusYears(1)));
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(json(tooBig).path("detail").asText()).as("every failed rule named").contains("抵押贷款")
                .contains("超过补偿分档上限");
        assertThat(audited("FILE_LOAN_MANUALLY", AuditEntry.Outcome.FAILURE, "loan:OFF-BIG")).isEqualTo(1);

        HttpResponse<String> notYet = api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(filingId, "100.00", documents(offer)));
        assertThat(notYet.statusCode()).as("not non-performing yet").isEqualTo(409);
        assertThat(json(notYet).path("detail").asText()).contains("不良");

        fx.reportStatus(bank, loan, "NON_PERFORMING", 300_000_000L);
        JsonNode npl = filingWhenNonPerforming(filingId, bank.username());
        assertThat(npl.path("canClaim").asBoolean()).isTrue();
        assertThat(npl.path("outstandingFen").asLong()).isEqualTo(300_000_000L);

        HttpResponse<String> moreThanLost = api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(filingId, "3000000.01", documents(offer)));
        assertThat(moreThanLost.statusCode()).isEqualTo(400);
        assertThat(json(moreThanLost).path("errors").path("loss").asText()).contains("超过报送的贷款余额");
        HttpResponse<String> noPapers = api("POST", "/api/v1/riskshare/claims", bank.username(),
                "{\"filingId\": \"" + filingId + "\", \"loss\": \"600000.00\", \"documents\": [\"补偿申请表\"]}");
        assertThat(noPapers.statusCode()).isEqualTo(400);
        assertThat(json(noPapers).path("errors").has("lawsuitCaseNo")).isTrue();
        assertThat(json(noPapers).path("errors").path("documents").asText()).contains("无过错声明");
        assertThat(audited("CLAIM_COMPENSATION", AuditEntry.Outcome.FAILURE, "loan:" + loan.loanNumber()))
                .isGreaterThanOrEqualTo(4);

        HttpResponse<String> claimed = api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(filingId, "600000.00", documents(offer)));
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
        JsonNode claim = json(claimed);
        String claimId = claim.path("id").asText();
        assertThat(claim.path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(claim.path("entitlementFen").asLong()).as("600,000 × 45%").isEqualTo(27_000_000L);
        assertThat(claim.path("stepName").asText()).isEqualTo("初审（专家评审）");
        assertThat(claim.path("stepDeadline").isNull()).isFalse();
        assertThat(claim.path("shares").get(0).path("calculation").toString()).contains("基础比例 40%")
                .contains("+5个百分点").contains("270,000.00元");
        assertThat(api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(filingId, "600000.00", documents(offer))).statusCode()).as("one claim per loan")
                .isEqualTo(409);
        assertThat(api("POST", "/api/v1/riskshare/claims/" + claimId + "/reviews", bank.username(),
                "{\"decision\": \"APPROVE\"}").statusCode()).as("a bank does not approve").isEqualTo(403);

        JsonNode firstStep = review(claimId, "gov", "APPROVE");
        assertThat(firstStep.path("stepName").asText()).isEqualTo("复核（主管部门意见）");
        HttpResponse<String> ownCheck = api("POST", "/api/v1/riskshare/claims/" + claimId + "/reviews", "gov",
                "{\"decision\": \"APPROVE\"}");
        assertThat(ownCheck.statusCode()).as("maker ≠ checker").isEqualTo(409);
        assertThat(json(ownCheck).path("errors").path("reviewer").asText()).contains("不同人员");
        assertThat(audited("APPROVE_CLAIM", AuditEntry.Outcome.FAILURE, "claim:" + claimId)).isEqualTo(1);

        fund(GZ, "1000000.00");
        long cashBefore = cash(GZ);
        JsonNode approved = review(claimId, checker, "APPROVE");
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(cash(GZ)).as("the share is reserved").isEqualTo(cashBefore - 27_000_000L);
        assertThat(balance(GZ, bank.organisationId(), "payable")).isEqualTo(27_000_000L);
        assertThat(balance(GZ, bank.organisationId(), "commitment")).as("the claimed loan's commitment ends; the "
                + "hand-filed one's stays").isEqualTo(400_000_000L);

        HttpResponse<String> paid = api("POST", "/api/v1/riskshare/claims/" + claimId + "/payment", "gov", null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(json(paid).path("status").asText()).isEqualTo("PAID");
        assertThat(balance(GZ, bank.organisationId(), "payable")).isZero();
        assertThat(balance(GZ, bank.organisationId(), "compensation")).isEqualTo(27_000_000L);
        assertThat(api("POST", "/api/v1/riskshare/claims/" + claimId + "/payment", "gov", null).statusCode())
                .as("paying twice").isEqualTo(409);

        HttpResponse<String> tooMuch = api("POST", "/api/v1/riskshare/claims/" + claimId + "/recoveries",
                bank.username(), "{\"amount\": \"600000.01\"}");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(json(tooMuch).path("errors").path("amount").asText()).contains("不能多于损失");
        HttpResponse<String> recovered = api("POST", "/api/v1/riskshare/claims/" + claimId + "/recoveries",
                bank.username(), "{\"amount\": \"100000.00\"}");
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(201);
        JsonNode afterRecovery = json(recovered);
        assertThat(afterRecovery.path("recoveries").get(0).path("poolShareFen").asLong())
                .as("100,000 × 270,000 / 600,000").isEqualTo(4_500_000L);
        assertThat(balance(GZ, bank.organisationId(), "recovery-due")).as("the bank owes it").isEqualTo(4_500_000L);
        String recoveryId = afterRecovery.path("recoveries").get(0).path("id").asText();
        long cashBeforeRemit = cash(GZ);
        assertThat(api("POST", "/api/v1/riskshare/recoveries/" + recoveryId + "/remittance", "gov", null).statusCode())
                .isEqualTo(200);
        assertThat(balance(GZ, bank.organisationId(), "recovery-due")).isZero();
        assertThat(balance(GZ, bank.organisationId(), "recovered")).isEqualTo(4_500_000L);
        assertThat(cash(GZ)).isEqualTo(cashBeforeRemit + 4_500_000L);

        JsonNode pool = json(api("GET", "/api/v1/riskshare/pools/" + GZ, "gov", null));
        assertThat(pool.path("totalDebitsFen").asLong()).as("the book balances")
                .isEqualTo(pool.path("totalCreditsFen").asLong());
        JsonNode mine = null;
        for (JsonNode b : pool.path("byBank")) {
            if (b.path("institutionId").asText().equals(bank.organisationId().toString())) {
                mine = b;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("paidFen").asLong()).isEqualTo(27_000_000L);
        assertThat(mine.path("heldFen").asLong()).isZero();
        assertThat(mine.path("recoveredFen").asLong()).isEqualTo(4_500_000L);
        assertThat(mine.path("owedFen").asLong()).isZero();
        JsonNode history = json(api("GET", "/api/v1/riskshare/claims/" + claimId, bank.username(), null))
                .path("history");
        assertThat(history.findValuesAsString("kind")).containsExactly("SUBMITTED", "REVIEWED", "REVIEWED", "PAID",
                "RECOVERY", "REMITTED");
        assertThat(history.get(1).path("actor").asText()).isEqualTo("gov");
        assertThat(history.get(2).path("actor").asText()).isEqualTo(checker);
        assertThat(api("GET", "/api/v1/riskshare/claims/" + claimId, fx.deals.lender().username(), null).statusCode())
                .as("another bank's claim does not exist for it").isEqualTo(404);
    }

    @Test
    void aBankOverThreePercentHasItsClaimsHeldUntilItsRatioComesDown() {
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party firm = fx.enterprise("440104");
        String credit = fx.creditCodeOf(firm);
        String checker = fx.governmentColleague();
        fund(GZ, "1000000.00");

        RiskshareFixtures.Loan a = fx.loan(firm, bank, 400_000_000L);
        JsonNode fa = fx.filingsOf(bank, a, 1).getFirst();
        file(fa.path("id").asText(), bank.username(), "");
        fileByHand(bank.username(), credit, "20000000.00");
        fx.reportStatus(bank, a, "NON_PERFORMING", 400_000_000L);
        filingWhenNonPerforming(fa.path("id").asText(), bank.username());
        // 600,000 of 24,000,000 filed: 2.5%
        String first = json(api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(fa.path("id").asText(), "600000.00", documents(fa)))).path("id").asText();
        review(first, "gov", "APPROVE");
        assertThat(review(first, checker, "APPROVE").path("status").asText()).isEqualTo("APPROVED");
        assertThat(json(api("POST", "/api/v1/riskshare/claims/" + first + "/payment", "gov", null)).path("status")
                .asText()).isEqualTo("PAID");

        RiskshareFixtures.Loan b = fx.loan(fx.enterprise("440104"), bank, 400_000_000L);
        JsonNode fb = fx.filingsOf(bank, b, 1).getFirst();
        file(fb.path("id").asText(), bank.username(), "");
        fx.reportStatus(bank, b, "NON_PERFORMING", 400_000_000L);
        filingWhenNonPerforming(fb.path("id").asText(), bank.username());
        // 900,000 of 28,000,000 filed: 3.21% > 3%
        String second = json(api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(fb.path("id").asText(), "300000.00", documents(fb)))).path("id").asText();
        review(second, "gov", "APPROVE");
        JsonNode held = review(second, checker, "APPROVE");
        assertThat(held.path("status").asText()).isEqualTo("HELD");
        assertThat(held.path("history").toString()).contains("0.0321").contains("超过 3%");
        assertThat(balance(GZ, bank.organisationId(), "held")).isEqualTo(12_000_000L);
        assertThat(balance(GZ, bank.organisationId(), "payable")).isZero();
        assertThat(json(api("GET", "/api/v1/riskshare/claims/" + first, "gov", null)).path("status").asText())
                .as("money already paid stays paid").isEqualTo("PAID");

        HttpResponse<String> stillOver = api("POST", "/api/v1/riskshare/claims/" + second + "/release", "gov", null);
        assertThat(stillOver.statusCode()).isEqualTo(409);
        assertThat(json(stillOver).path("detail").asText()).contains("仍不能解除暂缓");
        assertThat(audited("RELEASE_CLAIM", AuditEntry.Outcome.FAILURE, "claim:" + second)).isEqualTo(1);

        fileByHand(bank.username(), credit, "30000000.00");
        // 900,000 of 58,000,000: 1.55%
        HttpResponse<String> released = api("POST", "/api/v1/riskshare/claims/" + second + "/release", "gov", null);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(json(released).path("status").asText()).isEqualTo("PAID");
        assertThat(balance(GZ, bank.organisationId(), "held")).isZero();
        assertThat(balance(GZ, bank.organisationId(), "compensation")).isEqualTo(24_000_000L + 12_000_000L);
    }

    @Test
    void stackedPoolsPayInOrderUnderTheCombinedCapAndAPoolShortOfMoneyRefusesTheApprovalWhole() {
        String district = "TEST-TH-DISTRICT";
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party firm = fx.enterprise("440106");
        String checker = fx.governmentColleague();
        fund(GZ, "1000000.00");
        RiskshareFixtures.Loan loan = fx.loan(firm, bank, 400_000_000L);
        List<JsonNode> offers = fx.filingsOf(bank, loan, 2);
        assertThat(offers).extracting(f -> f.path("schemeCode").asText()).containsExactlyInAnyOrder(GZ, district);
        for (JsonNode f : offers) {
            file(f.path("id").asText(), bank.username(), f.path("schemeCode").asText().equals(GZ)
                    ? "\"MONETARY_TOOL\"" : "");
        }
        fileByHand(bank.username(), fx.creditCodeOf(firm), "30000000.00");
        fx.reportStatus(bank, loan, "NON_PERFORMING", 400_000_000L);
        JsonNode gz = offers.stream().filter(f -> f.path("schemeCode").asText().equals(GZ)).findFirst().orElseThrow();
        filingWhenNonPerforming(gz.path("id").asText(), bank.username());

        JsonNode claim = json(api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(gz.path("id").asText(), "1000000.00", documents(gz))));
        String claimId = claim.path("id").asText();
        // the city pays first: 45% = 450,000; the district's own 20% = 200,000 is cut to 60% − 45% = 150,000
        assertThat(claim.path("shares").findValuesAsString("schemeCode")).containsExactly(GZ, district);
        assertThat(claim.path("shares").get(0).path("amountFen").asLong()).isEqualTo(45_000_000L);
        assertThat(claim.path("shares").get(1).path("ownFen").asLong()).isEqualTo(20_000_000L);
        assertThat(claim.path("shares").get(1).path("amountFen").asLong()).isEqualTo(15_000_000L);
        assertThat(claim.path("shares").get(1).path("calculation").toString()).contains("60%");
        assertThat(claim.path("entitlementFen").asLong()).isEqualTo(60_000_000L);

        long districtCash = cash(district);
        if (districtCash < 14_999_999L) {
            fund(district, java.math.BigDecimal.valueOf(14_999_999L - districtCash, 2).toPlainString());
        }
        assertThat(cash(district)).as("one fen short").isEqualTo(14_999_999L);
        review(claimId, "gov", "APPROVE");
        long gzCash = cash(GZ);
        HttpResponse<String> short_ = api("POST", "/api/v1/riskshare/claims/" + claimId + "/reviews", checker,
                "{\"decision\": \"APPROVE\"}");
        assertThat(short_.statusCode()).isEqualTo(409);
        assertThat(json(short_).path("errors").path("budget").asText()).contains(district).contains("149,999.99元");
        assertThat(json(api("GET", "/api/v1/riskshare/claims/" + claimId, "gov", null)).path("status").asText())
                .as("nothing changed").isEqualTo("UNDER_REVIEW");
        assertThat(cash(GZ)).as("the city's reservation rolled back too").isEqualTo(gzCash);
        assertThat(balance(GZ, bank.organisationId(), "compensation")).isZero();

        fund(district, "0.01");
        JsonNode funders = json(api("GET", "/api/v1/riskshare/pools/" + district, "gov", null)).path("funders");
        assertThat(funders.findValuesAsString("code")).containsExactly("TH-DISTRICT", "TH-TOWN");
        assertThat(review(claimId, checker, "APPROVE").path("status").asText()).isEqualTo("APPROVED");
        assertThat(cash(district)).as("spent to the last fen, never below").isZero();
        assertThat(json(api("POST", "/api/v1/riskshare/claims/" + claimId + "/payment", "gov", null)).path("status")
                .asText()).isEqualTo("PAID");
        assertThat(balance(district, bank.organisationId(), "compensation")).isEqualTo(15_000_000L);
        assertThat(balance(GZ, bank.organisationId(), "compensation")).isEqualTo(45_000_000L);
        long[] totals = ledger.totals("pool:" + district);
        assertThat(totals[0]).isEqualTo(totals[1]);

        HttpResponse<String> overBudget = api("POST", "/api/v1/riskshare/pools/" + GZ + "/funding", "gov",
                "{\"amount\": \"1500000000.00\"}");
        assertThat(overBudget.statusCode()).isEqualTo(400);
        assertThat(json(overBudget).path("errors").path("amount").asText()).contains("年度预算");
    }

    @Test
    void aLargeEntitlementNeedsAThirdApprovalByAThirdPerson() {
        DealFixtures.Lender bank = fx.deals.lender();
        DealFixtures.Party firm = fx.enterprise("440111");
        String credit = fx.creditCodeOf(firm);
        String checker = fx.governmentColleague();
        String chair = fx.governmentColleague();
        fund(GZ, "2000000.00");
        RiskshareFixtures.Loan loan = fx.loan(firm, bank, 500_000_000L);
        JsonNode f = fx.filingsOf(bank, loan, 1).getFirst();
        file(f.path("id").asText(), bank.username(), "");
        for (int i = 0; i < 3; i++) {
            fileByHand(bank.username(), credit, "30000000.00");
        }
        fx.reportStatus(bank, loan, "NON_PERFORMING", 500_000_000L);
        filingWhenNonPerforming(f.path("id").asText(), bank.username());
        // 2,600,000 of 95,000,000 filed = 2.74%; 40% of it = 1,040,000 > 1,000,000: 联席会议 too
        JsonNode claim = json(api("POST", "/api/v1/riskshare/claims", bank.username(),
                claimBody(f.path("id").asText(), "2600000.00", documents(f))));
        String id = claim.path("id").asText();
        assertThat(claim.path("entitlementFen").asLong()).isEqualTo(104_000_000L);
        assertThat(claim.path("reviewSteps").findValuesAsString("name")).containsExactly("初审（专家评审）",
                "复核（主管部门意见）", "联席会议审定");
        review(id, "gov", "APPROVE");
        review(id, checker, "APPROVE");
        assertThat(api("POST", "/api/v1/riskshare/claims/" + id + "/reviews", checker, "{\"decision\": \"APPROVE\"}")
                .statusCode()).isEqualTo(409);
        assertThat(review(id, chair, "APPROVE").path("status").asText()).isEqualTo("APPROVED");
    }
}
