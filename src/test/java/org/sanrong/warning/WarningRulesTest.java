package org.sanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.warning.WarningRules.Level;
import org.sanrong.warning.WarningRules.LoanFact;
import org.sanrong.warning.WarningRules.QualificationFact;
import org.sanrong.warning.WarningRules.Rule;

/** Every warning rule by hand, with the default rules and levels of V63. */
class WarningRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final List<Rule> RULES = List.of(
            new Rule("LOAN_OVERDUE", "贷款逾期", "LOAN_OVERDUE", null, 30, false, true, ""),
            new Rule("LOAN_NPL", "贷款不良", "LOAN_NON_PERFORMING", null, 50, false, true, ""),
            new Rule("OVERDUE_90", "逾期超过90天", "OVERDUE_DAYS", new BigDecimal("90"), 0, true, true, ""),
            new Rule("OVERDUE_SHARE", "逾期余额占比高", "OVERDUE_SHARE", new BigDecimal("50"), 20, false, true, ""),
            new Rule("MULTIPLE_OVERDUE", "多笔贷款逾期", "OVERDUE_LOANS", new BigDecimal("2"), 20, false, true, ""),
            new Rule("QUALIFICATION_EXPIRY", "资质即将到期", "QUALIFICATION_EXPIRING", new BigDecimal("60"), 10, false,
                    true, ""),
            new Rule("QUALIFICATION_EXPIRED", "资质已过期", "QUALIFICATION_EXPIRED", new BigDecimal("180"), 10, false,
                    true, ""),
            new Rule("COURT", "法院判决", "COURT_JUDGEMENT", null, 40, false, true, ""));
    static final List<WarningRules.LevelRule> LEVELS = List.of(new WarningRules.LevelRule(Level.RED, 70, 3),
            new WarningRules.LevelRule(Level.ORANGE, 40, 5), new WarningRules.LevelRule(Level.YELLOW, 20, 10));

    static LoanFact normal(long fen) {
        return new LoanFact("NORMAL", TODAY, fen, null);
    }

    static LoanFact overdue(long fen, int days) {
        return new LoanFact("OVERDUE", TODAY, fen, TODAY.minusDays(days));
    }

    static WarningRules.Score score(List<LoanFact> loans, List<QualificationFact> quals) {
        return WarningRules.score(loans, quals, RULES, LEVELS, TODAY);
    }

    @Test
    void nothingWrongIsNoWarning() {
        var s = score(List.of(normal(1_000)), List.of(new QualificationFact("高新技术企业", TODAY.plusDays(61))));
        assertThat(s.score()).isZero();
        assertThat(s.level()).isNull();
        assertThat(s.signals()).isEmpty();
    }

    @Test
    void oneOverdueLoanOfFourIsThirtyPointsYellow() {
        var s = score(List.of(overdue(100, 10), normal(300)), List.of());
        assertThat(s.signals()).extracting(WarningRules.Signal::rule).containsExactly("LOAN_OVERDUE");
        assertThat(s.score()).isEqualTo(30);
        assertThat(s.level()).isEqualTo(Level.YELLOW);
    }

    @Test
    void anOverdueShareOfHalfAddsTwentyAndMakesOrange() {
        var s = score(List.of(overdue(200, 10), normal(200)), List.of());
        assertThat(s.signals()).extracting(WarningRules.Signal::rule).containsExactly("LOAN_OVERDUE",
                "OVERDUE_SHARE");
        assertThat(s.signals().get(1).detail()).contains("50.0%");
        assertThat(s.score()).isEqualTo(50);
        assertThat(s.level()).isEqualTo(Level.ORANGE);
    }

    @Test
    void twoLateLoansOneNonPerformingReachRedByPoints() {
        var s = score(List.of(overdue(100, 10), new LoanFact("NON_PERFORMING", TODAY, 100, TODAY.minusDays(40))),
                List.of());
        // 30 + 50 + 20 (share 100%) + 20 (two loans) = 120, capped at 100
        assertThat(s.signals()).extracting(WarningRules.Signal::rule).containsExactly("LOAN_OVERDUE", "LOAN_NPL",
                "OVERDUE_SHARE", "MULTIPLE_OVERDUE");
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.level()).isEqualTo(Level.RED);
    }

    @Test
    void moreThanNinetyDaysOverdueForcesRedWhateverThePoints() {
        var at90 = score(List.of(overdue(10, 90), normal(1_000)), List.of());
        assertThat(at90.level()).as("90 days is not more than 90").isEqualTo(Level.YELLOW);
        var at91 = score(List.of(overdue(10, 91), normal(1_000)), List.of());
        assertThat(at91.signals()).extracting(WarningRules.Signal::rule).contains("OVERDUE_90");
        assertThat(at91.score()).isEqualTo(30);
        assertThat(at91.level()).isEqualTo(Level.RED);
    }

    @Test
    void qualificationsExpiringOrRecentlyExpiredAreTenPointsEachAndNotAWarningAlone() {
        var s = score(List.of(), List.of(new QualificationFact("高新技术企业", TODAY.plusDays(60)),
                new QualificationFact("专精特新中小企业", TODAY.minusDays(1))));
        assertThat(s.signals()).extracting(WarningRules.Signal::rule).containsExactly("QUALIFICATION_EXPIRY",
                "QUALIFICATION_EXPIRED");
        assertThat(s.score()).isEqualTo(20);
        assertThat(s.level()).isEqualTo(Level.YELLOW);
        assertThat(score(List.of(), List.of(new QualificationFact("高新技术企业", TODAY.minusDays(181)))).signals())
                .as("long expired: no longer a fresh signal").isEmpty();
    }

    @Test
    void aDisabledRuleOrARepaidLoanDoesNotFire() {
        List<Rule> off = RULES.stream().map(r -> r.code().equals("LOAN_OVERDUE") ? new Rule(r.code(), r.name(),
                r.signal(), r.threshold(), r.weight(), r.forcesRed(), false, r.note()) : r).toList();
        assertThat(WarningRules.score(List.of(overdue(100, 5), normal(900)), List.of(), off, LEVELS, TODAY).signals())
                .isEmpty();
        assertThat(score(List.of(new LoanFact("REPAID", TODAY, 0, null)), List.of()).signals()).isEmpty();
    }
}
