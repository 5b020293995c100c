package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.riskshare.LoanFeature.FIRST_LOAN;
import static org.sanrong.riskshare.LoanFeature.GUARANTEED;
import static org.sanrong.riskshare.LoanFeature.IP_PLEDGE;
import static org.sanrong.riskshare.LoanFeature.KEY_SUPPORT_LIST;
import static org.sanrong.riskshare.LoanFeature.MONETARY_TOOL;
import static org.sanrong.riskshare.LoanFeature.PURE_CREDIT;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanrong.riskshare.Compensation.Entitlement;
import org.sanrong.riskshare.Compensation.LoanCase;

/**
 * The calculator against cases computed by hand from POLICY-RULES.md, on the shipped scheme files: every tier at its
 * boundary and one fen past it, uplifts once and not twice, the cap, rounding to the fen, the suspension at exactly
 * 3% and at 3.0001%, the guaranteed ratio, graded ratios by filed volume, and pools stacked under a combined cap.
 */
class CompensationTest {

    static final Scheme GZ_BANK = SchemeFixtures.scheme("GZ-2025-BANK");
    static final Scheme GZ_GUARANTEE = SchemeFixtures.scheme("GZ-2025-GUARANTEE");
    static final Scheme ANHUI = SchemeFixtures.scheme("AH-2022-TECH");
    static final Scheme DONGGUAN = SchemeFixtures.scheme("DG-2024-WHITELIST");

    static long fen(String yuan) {
        return Yuan.toFen(new BigDecimal(yuan));
    }

    static Entitlement entitle(Scheme s, String amount, String loss, LoanFeature... features) {
        return Compensation.entitle(s.ratio(), new LoanCase(fen(amount), fen(loss), Set.of(features), 0));
    }

    @Nested
    class GuangzhouBankMode {

        @ParameterizedTest(name = "loan {0} → {1}, loss 1,000,000.00 → {2}")
        @CsvSource({
            "1.00, 0.40, 400000.00",
            "5000000.00, 0.40, 400000.00",
            "5000000.01, 0.30, 300000.00",
            "15000000.00, 0.30, 300000.00",
            "15000000.01, 0.20, 200000.00",
            "30000000.00, 0.20, 200000.00"})
        void tiersByTheWholeLoanAmountIncludeTheirUpperBound(String amount, String ratio, String compensation) {
            Entitlement e = entitle(GZ_BANK, amount, "1000000.00");
            assertThat(e.covered()).isTrue();
            assertThat(e.ratio()).isEqualByComparingTo(ratio);
            assertThat(e.amountFen()).isEqualTo(fen(compensation));
        }

        @Test
        void aLoanAbove30MillionIsNotCovered() {
            Entitlement e = entitle(GZ_BANK, "30000000.01", "1000000.00", KEY_SUPPORT_LIST);
            assertThat(e.covered()).isFalse();
            assertThat(e.ratio()).isZero();
            assertThat(e.amountFen()).isZero();
            assertThat(e.steps()).singleElement().asString().contains("超过最高档").contains("30,000,000.00元");
        }

        @Test
        void keySupportAndIpPledgeAddFifteenPointsOnceNotTwice() {
            // 20% tier, so the 50% cap cannot hide a double count: 20 + 15 = 35, not 50
            assertThat(entitle(GZ_BANK, "20000000.00", "10000000.00", KEY_SUPPORT_LIST, IP_PLEDGE).ratio())
                    .isEqualByComparingTo("0.35");
            assertThat(entitle(GZ_BANK, "20000000.00", "10000000.00", KEY_SUPPORT_LIST, IP_PLEDGE).amountFen())
                    .isEqualTo(fen("3500000.00"));
            assertThat(entitle(GZ_BANK, "20000000.00", "10000000.00", IP_PLEDGE).ratio()).isEqualByComparingTo("0.35");
            assertThat(entitle(GZ_BANK, "20000000.00", "10000000.00", KEY_SUPPORT_LIST).ratio())
                    .isEqualByComparingTo("0.35");
            assertThat(entitle(GZ_BANK, "20000000.00", "10000000.00", KEY_SUPPORT_LIST, IP_PLEDGE).steps())
                    .anyMatch(s -> s.contains("+15个百分点") && s.contains("只加一次"));
        }

        @Test
        void aMonetaryPolicyToolAddsFivePoints() {
            assertThat(entitle(GZ_BANK, "10000000.00", "1000000.00", MONETARY_TOOL).ratio()).isEqualByComparingTo("0.35");
            // 30 + 15 + 5 = 50: at the cap, not over it
            Entitlement atCap = entitle(GZ_BANK, "10000000.00", "1000000.00", MONETARY_TOOL, KEY_SUPPORT_LIST);
            assertThat(atCap.ratio()).isEqualByComparingTo("0.50");
            assertThat(atCap.steps()).noneMatch(s -> s.contains("超过上限"));
            assertThat(entitle(GZ_BANK, "20000000.00", "1000000.00", MONETARY_TOOL, IP_PLEDGE, KEY_SUPPORT_LIST)
                    .ratio()).as("20 + 15 + 5").isEqualByComparingTo("0.40");
        }

        @Test
        void theRatioNeverExceedsFiftyPercent() {
            // 40 + 15 + 5 = 60 → 50
            Entitlement e = entitle(GZ_BANK, "3000000.00", "2000000.00", KEY_SUPPORT_LIST, MONETARY_TOOL);
            assertThat(e.ratio()).isEqualByComparingTo("0.50");
            assertThat(e.amountFen()).isEqualTo(fen("1000000.00"));
            assertThat(e.steps()).anyMatch(s -> s.contains("合计 60%，超过上限 50%，按 50%"));
            assertThat(entitle(GZ_BANK, "3000000.00", "2000000.00", KEY_SUPPORT_LIST).ratio())
                    .as("40 + 15 = 55 → 50").isEqualByComparingTo("0.50");
        }

        @Test
        void amountsRoundHalfUpToTheFenOnceAtTheEnd() {
            // 333,333.33 × 35% = 116,666.6655 → 116,666.67
            assertThat(entitle(GZ_BANK, "10000000.00", "333333.33", MONETARY_TOOL).amountFen())
                    .isEqualTo(fen("116666.67"));
            // 0.05 × 30% = 0.015 → 0.02 (half up)
            assertThat(entitle(GZ_BANK, "10000000.00", "0.05").amountFen()).isEqualTo(2L);
            // 0.01 × 20% = 0.002 → 0.00
            assertThat(entitle(GZ_BANK, "20000000.00", "0.01").amountFen()).isZero();
        }

        @Test
        void theIssuesExampleQuote() {
            Compensation.Quote q = Compensation.quote(GZ_BANK, fen("150000000.00"), List.of(
                    new Compensation.QuoteLoan("A1", fen("3000000.00"), fen("2000000.00"), Set.of())));
            assertThat(Yuan.ratio(q.lossRatio())).isEqualTo("0.0133");
            assertThat(q.suspended()).isFalse();
            assertThat(q.loans()).singleElement().satisfies(l -> {
                assertThat(Yuan.ratio(l.entitlement().ratio())).isEqualTo("0.4000");
                assertThat(Yuan.plain(l.entitlement().amountFen())).isEqualTo("800000.00");
            });
            assertThat(Yuan.plain(q.payableFen())).isEqualTo("800000.00");
            assertThat(Yuan.plain(q.heldFen())).isEqualTo("0.00");
        }

        @Test
        void exactlyThreePercentIsNotExceedingButThreePointZeroZeroZeroOneIs() {
            long filed = fen("100000000.00");
            Compensation.Quote at = Compensation.quote(GZ_BANK, filed, List.of(
                    new Compensation.QuoteLoan("A", fen("5000000.00"), fen("3000000.00"), Set.of())));
            assertThat(at.suspended()).as("3,000,000 of 100,000,000 is exactly 3%").isFalse();
            assertThat(at.payableFen()).isEqualTo(fen("1200000.00"));
            assertThat(at.heldFen()).isZero();

            Compensation.Quote over = Compensation.quote(GZ_BANK, filed, List.of(
                    new Compensation.QuoteLoan("A", fen("5000000.00"), fen("3000100.00"), Set.of())));
            assertThat(over.suspended()).as("3,000,100 is 3.0001%").isTrue();
            assertThat(Yuan.ratio(over.lossRatio())).as("shown to four places, decided exactly").isEqualTo("0.0300");
            assertThat(over.payableFen()).isZero();
            assertThat(over.heldFen()).as("all its claims of the year are held").isEqualTo(fen("1200040.00"));

            assertThat(Compensation.exceeds(fen("3000000.01"), filed, new BigDecimal("0.03"))).as("one fen over")
                    .isTrue();
            assertThat(Compensation.exceeds(1, 0, new BigDecimal("0.03"))).as("a loss with nothing filed").isTrue();
        }

        @Test
        void lossesOfSeveralLoansAddUpForTheYearsRatio() {
            Compensation.Quote q = Compensation.quote(GZ_BANK, fen("100000000.00"), List.of(
                    new Compensation.QuoteLoan("A", fen("5000000.00"), fen("2000000.00"), Set.of(KEY_SUPPORT_LIST)),
                    new Compensation.QuoteLoan("B", fen("12000000.00"), fen("1500000.00"), Set.of(MONETARY_TOOL))));
            // 3,500,000 / 100,000,000 = 3.5% > 3%: held. A: 40+15=55→50% of 2,000,000 = 1,000,000; B: 30+5 = 35% of
            // 1,500,000 = 525,000
            assertThat(q.suspended()).isTrue();
            assertThat(Yuan.ratio(q.lossRatio())).isEqualTo("0.0350");
            assertThat(q.loans().get(0).entitlement().amountFen()).isEqualTo(fen("1000000.00"));
            assertThat(q.loans().get(1).entitlement().amountFen()).isEqualTo(fen("525000.00"));
            assertThat(q.heldFen()).isEqualTo(fen("1525000.00"));
        }
    }

    @Nested
    class GuangzhouGuarantorMode {

        @Test
        void twentyPercentOfWhatTheGuarantorPaidOut() {
            assertThat(entitle(GZ_GUARANTEE, "40000000.00", "1234567.89").amountFen()).as("246,913.578 → .58")
                    .isEqualTo(fen("246913.58"));
            assertThat(entitle(GZ_GUARANTEE, "40000000.00", "1234567.89", KEY_SUPPORT_LIST).ratio())
                    .as("no uplifts in this mode").isEqualByComparingTo("0.20");
            assertThat(GZ_GUARANTEE.exclusiveGroup()).isEqualTo(GZ_BANK.exclusiveGroup());
            assertThat(GZ_GUARANTEE.budget().yearly()).isEqualByComparingTo("50000000");
        }
    }

    @Nested
    class AnhuiStylePool {

        @Test
        void thirtyPercentDirectTwentyGuaranteedPlusFiveOnce() {
            assertThat(entitle(ANHUI, "8000000.00", "1000000.00").amountFen()).isEqualTo(fen("300000.00"));
            assertThat(entitle(ANHUI, "8000000.00", "1000000.00", GUARANTEED).amountFen()).isEqualTo(fen("200000.00"));
            assertThat(entitle(ANHUI, "8000000.00", "1000000.00", FIRST_LOAN, PURE_CREDIT, IP_PLEDGE).ratio())
                    .as("30 + 5 once, not 45").isEqualByComparingTo("0.35");
            assertThat(entitle(ANHUI, "8000000.00", "1000000.00", GUARANTEED, FIRST_LOAN).ratio())
                    .isEqualByComparingTo("0.25");
        }

        @Test
        void allPoolsTogetherPayAtMostEightyPercentInPayOrder() {
            Scheme district = new Scheme("TEST-DISTRICT", 1, "区级资金池", SchemeMode.BANK, ANHUI.validFrom(), null,
                    List.of(), true, null, 20, null, ANHUI.funders(), null, null, null,
                    new Scheme.RatioRules(Scheme.RatioRules.Basis.LOAN_AMOUNT, List.of(new Scheme.Tier(null,
                            new BigDecimal("0.50"))), null, List.of(), new BigDecimal("0.50"), null, false),
                    List.of(), null, ANHUI.claim(), null);
            LoanCase loan = new LoanCase(fen("8000000.00"), fen("1000000.00"), Set.of(FIRST_LOAN), 0);
            List<Compensation.Share> shares = Compensation.stack(List.of(new Compensation.Stacked(district, loan),
                    new Compensation.Stacked(ANHUI, loan)));
            // Anhui pays first (order 10): 35% = 350,000; the district's 50% = 500,000 is cut to 800,000 − 350,000
            assertThat(shares).extracting(s -> s.scheme().code()).containsExactly("AH-2022-TECH", "TEST-DISTRICT");
            assertThat(shares.get(0).payFen()).isEqualTo(fen("350000.00"));
            assertThat(shares.get(1).own().amountFen()).isEqualTo(fen("500000.00"));
            assertThat(shares.get(1).payFen()).isEqualTo(fen("450000.00"));
            assertThat(shares.get(1).steps()).anyMatch(s -> s.contains("80%") && s.contains("450,000.00元"));
            assertThat(Compensation.stack(List.of(new Compensation.Stacked(ANHUI, loan))).getFirst().payFen()).as("alone, under the cap")
                    .isEqualTo(fen("350000.00"));
        }
    }

    @Nested
    class DongguanWhitelistPool {

        static Entitlement withVolume(String volume) {
            return Compensation.entitle(DONGGUAN.ratio(), new LoanCase(fen("3000000.00"), fen("1000000.00"),
                    Set.of(), fen(volume)));
        }

        @Test
        void gradedByTheBanksFiledVolumeOfTheYearAtMostEightyPercent() {
            assertThat(DONGGUAN.example()).as("the grade table is an example").isTrue();
            assertThat(DONGGUAN.ratio().example()).isTrue();
            assertThat(withVolume("300000000.00").amountFen()).isEqualTo(fen("500000.00"));
            assertThat(withVolume("500000000.00").amountFen()).isEqualTo(fen("500000.00"));
            assertThat(withVolume("500000000.01").amountFen()).isEqualTo(fen("600000.00"));
            assertThat(withVolume("2000000000.01").ratio()).isEqualByComparingTo("0.80");
            assertThat(withVolume("300000000.00").steps().getFirst()).contains("本机构当年备案本金").contains("示例分档");
        }
    }
}
