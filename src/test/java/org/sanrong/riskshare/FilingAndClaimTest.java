package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.platform.InvalidRequestException;

/** The filing and claim aggregates on their own: the filing window, what a bank may declare, review by steps. */
class FilingAndClaimTest {

    static final Scheme GZ = SchemeFixtures.scheme("GZ-2025-BANK");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    static Filing.Loan loan(LocalDate disbursed) {
        return new Filing.Loan(UUID.randomUUID(), "L-1", UUID.randomUUID(), "测试银行", "91440103MA00000000",
                "测试企业", "CREDIT_LOAN", 400_000_000L, disbursed, disbursed.plusYears(1), 12, new BigDecimal("3.8"),
                null);
    }

    @Test
    void aLoanIsFiledWithinTheYearOfItsDisbursementOnly() {
        Filing f = Filing.offer(GZ, Filing.Origin.PLATFORM, loan(LocalDate.of(2026, 3, 1)),
                Set.of(LoanFeature.PURE_CREDIT), List.of(), NOW);
        assertThat(f.status()).isEqualTo(FilingStatus.OFFERED);
        assertThat(f.fileBy()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> f.file(Set.of(), "bank", NOW, LocalDate.of(2027, 1, 1)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage())
                        .contains("已过备案期限").contains("2026-12-31"));
        f.file(Set.of(LoanFeature.MONETARY_TOOL), "bank", NOW, LocalDate.of(2026, 12, 31));
        assertThat(f.status()).isEqualTo(FilingStatus.FILED);
        assertThat(f.features()).containsExactlyInAnyOrder(LoanFeature.PURE_CREDIT, LoanFeature.MONETARY_TOOL);
        assertThat(f.filedYear()).isEqualTo(2026);
        assertThatThrownBy(() -> f.file(Set.of(), "bank", NOW, LocalDate.of(2026, 12, 31)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBankDeclaresOnlyWhatOnlyItKnows() {
        Filing f = Filing.offer(GZ, Filing.Origin.PLATFORM, loan(LocalDate.of(2026, 3, 1)), Set.of(), List.of(), NOW);
        assertThatThrownBy(() -> f.file(Set.of(LoanFeature.KEY_SUPPORT_LIST), "bank", NOW, LocalDate.of(2026, 3, 2)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(f.status()).isEqualTo(FilingStatus.OFFERED);
        Filing ineligible = Filing.offer(GZ, Filing.Origin.PLATFORM, loan(LocalDate.of(2026, 3, 1)), Set.of(),
                List.of("贷款品种“抵押贷款”不在可备案范围"), NOW);
        assertThat(ineligible.status()).isEqualTo(FilingStatus.INELIGIBLE);
        assertThatThrownBy(() -> ineligible.file(Set.of(), "bank", NOW, LocalDate.of(2026, 3, 2)))
                .hasMessageContaining("抵押贷款");
    }

    @Test
    void eligibilityNamesEveryFailedRule() {
        Scheme dg = SchemeFixtures.scheme("DG-2024-WHITELIST");
        Eligibility.Candidate c = new Eligibility.Candidate(org.sanrong.identity.InstitutionType.VC_PE_FUND,
                "CREDIT_LOAN", 100_000_000L, 12, "91441900MA00000000", "K7010", Set.of("TECH_SME"), false);
        List<String> failed = Eligibility.failedRules(dg, c, code -> code.equals("HIGH_TECH") ? "高新技术企业" : code);
        assertThat(failed).hasSize(3);
        assertThat(failed.get(0)).contains("创投/私募基金").contains("银行");
        assertThat(failed.get(1)).contains("白名单").contains("高新技术企业").contains("战略性新兴产业");
        assertThat(failed.get(2)).contains("K7010");
        assertThat(Eligibility.serves(dg, "91440106MA00000000")).isFalse();
        assertThat(Eligibility.failedRules(dg, new Eligibility.Candidate(org.sanrong.identity.InstitutionType.BANK,
                "CREDIT_LOAN", 1, 12, "91441900MA00000000", "C3911", Set.of(), true), code -> code))
                .as("an emerging industry is on the whitelist").isEmpty();
        assertThat(Eligibility.derivedFeatures(GZ, "IP_PLEDGE_LOAN", Set.of("HIGH_TECH"), null))
                .containsExactlyInAnyOrder(LoanFeature.IP_PLEDGE, LoanFeature.KEY_SUPPORT_LIST);
        assertThat(Eligibility.derivedFeatures(GZ, "CREDIT_LOAN", Set.of(), "房产抵押")).isEmpty();
    }

    static Claim claim(List<Claim.ReviewStep> steps) {
        Claim.Application a = new Claim.Application(UUID.randomUUID(), "测试银行", "L-1", null, "91440103MA00000000",
                "测试企业", 400_000_000L, 60_000_000L, null, "(2026)粤0104民初1号", LocalDate.of(2026, 3, 1), List.of(),
                null);
        Claim.Share share = new Claim.Share(UUID.randomUUID(), "GZ-2025-BANK", 1, 10, new BigDecimal("0.4500"),
                27_000_000L, 27_000_000L, List.of("…"), Claim.ShareStatus.PENDING, 0);
        return Claim.submit(a, List.of(share), steps, "bank", NOW, LocalDate.of(2026, 3, 2), NOW.plusSeconds(86400));
    }

    @Test
    void eachStepIsDecidedBySomeoneWhoDidNotDecideAnEarlierOne() {
        Claim c = claim(List.of(new Claim.ReviewStep("初审", 5), new Claim.ReviewStep("复核", 5),
                new Claim.ReviewStep("联席会议", 10)));
        assertThat(c.review(true, null, "a", List.of(), NOW, days -> NOW.plusSeconds(days * 86400L))).isFalse();
        assertThat(c.currentStep().name()).isEqualTo("复核");
        assertThat(c.stepDeadline()).isEqualTo(NOW.plusSeconds(5 * 86400L));
        assertThatThrownBy(() -> c.review(true, null, "a", List.of("a"), NOW, d -> NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(c.review(true, null, "b", List.of("a"), NOW, d -> NOW.plusSeconds(d * 86400L))).isFalse();
        assertThatThrownBy(() -> c.review(true, null, "b", List.of("a", "b"), NOW, d -> NOW))
                .as("not the second person either").isInstanceOf(InvalidRequestException.class);
        assertThat(c.review(true, null, "c", List.of("a", "b"), NOW, d -> NOW)).as("the last step approves").isTrue();
        assertThat(c.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(c.shares()).allMatch(s -> s.status() == Claim.ShareStatus.APPROVED);
        assertThatThrownBy(() -> c.review(true, null, "d", List.of(), NOW, d -> NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheClaim() {
        Claim c = claim(List.of(new Claim.ReviewStep("初审", 5)));
        assertThatThrownBy(() -> c.review(false, " ", "a", List.of(), NOW, d -> NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("note"));
        assertThat(c.review(false, "未提供法院受理通知书", "a", List.of(), NOW, d -> NOW)).isFalse();
        assertThat(c.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(c.stepDeadline()).isNull();
    }

    @Test
    void recoveriesGoBackInProportionToWhatEachPoolPaid() {
        Claim c = claim(List.of(new Claim.ReviewStep("初审", 5)));
        c.review(true, null, "a", List.of(), NOW, d -> NOW);
        assertThatThrownBy(() -> c.recovered(1_000_000L, LocalDate.of(2026, 3, 2), "bank", NOW))
                .as("nothing to return before payment").isInstanceOf(IllegalStateException.class);
        c.paid("GZ-2025-BANK", "gov", NOW);
        assertThat(c.status()).isEqualTo(ClaimStatus.PAID);
        // 10,000,000 fen × 27,000,000 / 60,000,000 = 4,500,000
        assertThat(c.recovered(10_000_000L, LocalDate.of(2026, 3, 2), "bank", NOW)).containsExactly(4_500_000L);
        assertThatThrownBy(() -> c.recovered(50_000_001L, LocalDate.of(2026, 3, 2), "bank", NOW))
                .as("60,000,000 lost, 10,000,000 back already").isInstanceOf(InvalidRequestException.class);
        assertThat(c.recovered(50_000_000L, LocalDate.of(2026, 3, 2), "bank", NOW)).containsExactly(22_500_000L);
        assertThat(c.shares().getFirst().returnedFen()).as("all it paid, never more").isEqualTo(27_000_000L);
    }
}
