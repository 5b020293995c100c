package org.sanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.warning.HubSignals.Judgement;
import org.sanrong.warning.HubSignals.Monthly;
import org.sanrong.warning.HubSignals.TaxPeriod;
import org.sanrong.warning.WarningRules.HubFacts;
import org.sanrong.warning.WarningRules.Level;
import org.sanrong.warning.WarningRules.Rule;

/** Every hub rule by hand with the defaults of V65, at and around each threshold and window. */
class HubSignalsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final List<Rule> RULES = List.of(
            new Rule("COURT_JUDGEMENT", "涉诉判决", "COURT_JUDGEMENT", new BigDecimal("1"), 15, false, true, "", 365),
            new Rule("COURT_DEFAULTER", "失信被执行人", "COURT_DEFAULTER", null, 0, true, true, "", 730),
            new Rule("PENALTY", "行政处罚", "PENALTY", new BigDecimal("1"), 10, false, true, "", 365),
            new Rule("TAX_ARREARS", "欠缴税款", "TAX_ARREARS", new BigDecimal("2"), 20, false, true, "", 365),
            new Rule("TAX_GRADE_FALL", "纳税信用等级下降", "TAX_GRADE_FALL", new BigDecimal("1"), 15, false, true, "",
                    365),
            new Rule("SOCIAL_DROP", "社保人数骤降", "SOCIAL_HEADCOUNT_DROP", new BigDecimal("30"), 20, false, true, "",
                    120),
            new Rule("UTILITY_COLLAPSE", "用电量骤降", "UTILITY_COLLAPSE", new BigDecimal("30"), 25, false, true, "",
                    120),
            new Rule("LEGAL_REP_CHANGES", "法定代表人频繁变更", "LEGAL_REP_CHANGES", new BigDecimal("2"), 15, false,
                    true, "", 365));
    static final List<WarningRules.LevelRule> LEVELS = List.of(new WarningRules.LevelRule(Level.RED, 70, 3),
            new WarningRules.LevelRule(Level.ORANGE, 40, 5), new WarningRules.LevelRule(Level.YELLOW, 20, 10));

    static HubFacts facts(List<Judgement> judgements, List<LocalDate> penalties, List<TaxPeriod> tax,
            List<Monthly> headcount, List<Monthly> power, List<LocalDate> changes) {
        return new HubFacts(judgements, penalties, tax, headcount, power, changes);
    }

    static WarningRules.Score score(HubFacts hub) {
        return WarningRules.score(List.of(), List.of(), hub, RULES, LEVELS, TODAY);
    }

    static List<String> fired(HubFacts hub) {
        return score(hub).signals().stream().map(WarningRules.Signal::rule).toList();
    }

    @Test
    void aJudgementAgainstTheEnterpriseWithinAYearCountsOnTheDay365AndNotOn366() {
        assertThat(fired(facts(List.of(new Judgement(TODAY.minusDays(365), "CIVIL", true)), List.of(), List.of(),
                List.of(), List.of(), List.of()))).containsExactly("COURT_JUDGEMENT");
        assertThat(fired(facts(List.of(new Judgement(TODAY.minusDays(366), "CIVIL", true)), List.of(), List.of(),
                List.of(), List.of(), List.of()))).isEmpty();
        assertThat(fired(facts(List.of(new Judgement(TODAY.minusDays(3), "CIVIL", false)), List.of(), List.of(),
                List.of(), List.of(), List.of()))).as("as plaintiff: not a signal").isEmpty();
        var s = score(facts(List.of(new Judgement(TODAY.minusDays(3), "CIVIL", true)), List.of(), List.of(),
                List.of(), List.of(), List.of()));
        assertThat(s.score()).isEqualTo(15);
        assertThat(s.level()).as("15 points alone stay below yellow (20)").isNull();
    }

    @Test
    void twoJudgementsNeededWhenTheThresholdIsTwo() {
        List<Rule> two = List.of(new Rule("COURT_JUDGEMENT", "涉诉判决", "COURT_JUDGEMENT", new BigDecimal("2"), 15,
                false, true, "", 365));
        var one = facts(List.of(new Judgement(TODAY.minusDays(1), "CIVIL", true)), List.of(), List.of(), List.of(),
                List.of(), List.of());
        assertThat(WarningRules.score(List.of(), List.of(), one, two, LEVELS, TODAY).signals()).isEmpty();
        var both = facts(List.of(new Judgement(TODAY.minusDays(1), "CIVIL", true),
                new Judgement(TODAY.minusDays(2), "ENFORCEMENT", true)), List.of(), List.of(), List.of(), List.of(),
                List.of());
        assertThat(WarningRules.score(List.of(), List.of(), both, two, LEVELS, TODAY).signals().getFirst().detail())
                .contains("2 件");
    }

    @Test
    void aDefaulterListingForcesRedWithZeroPoints() {
        var s = score(facts(List.of(new Judgement(TODAY.minusDays(730), "DEFAULTER", true)), List.of(), List.of(),
                List.of(), List.of(), List.of()));
        assertThat(s.signals()).as("730 days: outside the judgement window, inside the defaulter's")
                .extracting(WarningRules.Signal::rule).containsExactly("COURT_DEFAULTER");
        assertThat(s.score()).isZero();
        assertThat(fired(facts(List.of(new Judgement(TODAY.minusDays(731), "DEFAULTER", true)), List.of(), List.of(),
                List.of(), List.of(), List.of()))).as("731 days: outside both windows").isEmpty();
        assertThat(s.level()).isEqualTo(Level.RED);
    }

    @Test
    void penaltiesWithinTheWindowAddTenAndWithAJudgementMakeYellow() {
        var s = score(facts(List.of(new Judgement(TODAY.minusDays(10), "CIVIL", true)),
                List.of(TODAY.minusDays(365)), List.of(), List.of(), List.of(), List.of()));
        assertThat(s.signals()).extracting(WarningRules.Signal::rule).containsExactly("COURT_JUDGEMENT", "PENALTY");
        assertThat(s.score()).isEqualTo(25);
        assertThat(s.level()).isEqualTo(Level.YELLOW);
        assertThat(fired(facts(List.of(), List.of(TODAY.minusDays(366)), List.of(), List.of(), List.of(),
                List.of()))).isEmpty();
    }

    @Test
    void twoTaxPeriodsWithNothingPaidAreArrearsOneIsNot() {
        TaxPeriod zeroSep = new TaxPeriod(YearMonth.of(2026, 9), 0L, null);
        TaxPeriod zeroOct = new TaxPeriod(OCT, 0L, null);
        TaxPeriod paidAug = new TaxPeriod(YearMonth.of(2026, 8), 150_00L, null);
        TaxPeriod unreported = new TaxPeriod(YearMonth.of(2026, 7), null, null);
        assertThat(fired(facts(List.of(), List.of(), List.of(unreported, paidAug, zeroOct), List.of(), List.of(),
                List.of()))).as("one zero period, an unreported one is not zero").isEmpty();
        var s = score(facts(List.of(), List.of(), List.of(paidAug, zeroSep, zeroOct), List.of(), List.of(),
                List.of()));
        assertThat(s.signals()).extracting(WarningRules.Signal::rule).containsExactly("TAX_ARREARS");
        assertThat(s.score()).isEqualTo(20);
        assertThat(s.level()).isEqualTo(Level.YELLOW);
        // a zero period that ended 366 days ago (2025-11-24 is not a month end; 2025-10 ended 2025-10-31, 390 days)
        TaxPeriod old = new TaxPeriod(YearMonth.of(2025, 10), 0L, null);
        assertThat(fired(facts(List.of(), List.of(), List.of(old, zeroOct), List.of(), List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void aTaxGradeOneStepDownFiresTheSameOrBetterDoesNot() {
        assertThat(score(facts(List.of(), List.of(), List.of(new TaxPeriod(YearMonth.of(2025, 12), 1L, "A"),
                new TaxPeriod(OCT, 1L, "B")), List.of(), List.of(), List.of())).signals().getFirst().detail())
                .isEqualTo("纳税信用等级由 A 降为 B");
        assertThat(fired(facts(List.of(), List.of(), List.of(new TaxPeriod(YearMonth.of(2025, 12), 1L, "B"),
                new TaxPeriod(OCT, 1L, "B")), List.of(), List.of(), List.of()))).isEmpty();
        assertThat(fired(facts(List.of(), List.of(), List.of(new TaxPeriod(YearMonth.of(2025, 12), 1L, "C"),
                new TaxPeriod(OCT, 1L, "B")), List.of(), List.of(), List.of()))).isEmpty();
        List<Rule> twoSteps = List.of(new Rule("TAX_GRADE_FALL", "纳税信用等级下降", "TAX_GRADE_FALL",
                new BigDecimal("2"), 15, false, true, "", 365));
        var bToM = facts(List.of(), List.of(), List.of(new TaxPeriod(YearMonth.of(2025, 12), 1L, "B"),
                new TaxPeriod(OCT, 1L, "M")), List.of(), List.of(), List.of());
        var bToC = facts(List.of(), List.of(), List.of(new TaxPeriod(YearMonth.of(2025, 12), 1L, "B"),
                new TaxPeriod(OCT, 1L, "C")), List.of(), List.of(), List.of());
        assertThat(WarningRules.score(List.of(), List.of(), bToM, twoSteps, LEVELS, TODAY).signals()).isEmpty();
        assertThat(WarningRules.score(List.of(), List.of(), bToC, twoSteps, LEVELS, TODAY).signals()).hasSize(1);
    }

    @Test
    void headcountDownByExactlyThirtyPercentIsNotMoreThanThirty() {
        List<Monthly> at30 = List.of(new Monthly(OCT.minusMonths(3), 100), new Monthly(OCT.minusMonths(2), 90),
                new Monthly(OCT.minusMonths(1), 80), new Monthly(OCT, 70));
        assertThat(fired(facts(List.of(), List.of(), List.of(), at30, List.of(), List.of()))).isEmpty();
        List<Monthly> at31 = List.of(new Monthly(OCT.minusMonths(3), 100), new Monthly(OCT, 69));
        var s = score(facts(List.of(), List.of(), List.of(), at31, List.of(), List.of()));
        assertThat(s.signals()).extracting(WarningRules.Signal::rule).containsExactly("SOCIAL_DROP");
        assertThat(s.signals().getFirst().detail()).contains("下降 31.0%");
        assertThat(s.score()).isEqualTo(20);
        // the latest month must be within 120 days: 2026-07 ended 2026-07-31, 117 days before; 2026-06: 147
        List<Monthly> july = List.of(new Monthly(YearMonth.of(2026, 4), 100), new Monthly(YearMonth.of(2026, 7), 10));
        List<Monthly> june = List.of(new Monthly(YearMonth.of(2026, 3), 100), new Monthly(YearMonth.of(2026, 6), 10));
        assertThat(fired(facts(List.of(), List.of(), List.of(), july, List.of(), List.of()))).hasSize(1);
        assertThat(fired(facts(List.of(), List.of(), List.of(), june, List.of(), List.of()))).isEmpty();
        List<Monthly> noBase = List.of(new Monthly(OCT.minusMonths(2), 100), new Monthly(OCT, 10));
        assertThat(fired(facts(List.of(), List.of(), List.of(), noBase, List.of(), List.of())))
                .as("no figure three months before").isEmpty();
    }

    @Test
    void powerAtThirtyPercentOfTheLastThreeMonthsAverageIsACollapseAboveIsNot() {
        // average of 90, 100, 110 = 100; 30 is exactly 30%
        List<Monthly> at30 = List.of(new Monthly(OCT.minusMonths(3), 90), new Monthly(OCT.minusMonths(2), 100),
                new Monthly(OCT.minusMonths(1), 110), new Monthly(OCT, 30));
        var s = score(facts(List.of(), List.of(), List.of(), List.of(), at30, List.of()));
        assertThat(s.signals()).extracting(WarningRules.Signal::rule).containsExactly("UTILITY_COLLAPSE");
        assertThat(s.signals().getFirst().detail()).contains("30.0%");
        assertThat(s.score()).isEqualTo(25);
        assertThat(s.level()).isEqualTo(Level.YELLOW);
        List<Monthly> at31 = List.of(new Monthly(OCT.minusMonths(3), 90), new Monthly(OCT.minusMonths(2), 100),
                new Monthly(OCT.minusMonths(1), 110), new Monthly(OCT, 31));
        assertThat(fired(facts(List.of(), List.of(), List.of(), List.of(), at31, List.of()))).isEmpty();
        List<Monthly> gap = List.of(new Monthly(OCT.minusMonths(3), 90), new Monthly(OCT.minusMonths(1), 110),
                new Monthly(OCT, 0));
        assertThat(fired(facts(List.of(), List.of(), List.of(), List.of(), gap, List.of())))
                .as("a month missing from the three: no average").isEmpty();
    }

    @Test
    void twoChangesOfLegalRepresentativeWithinAYear() {
        assertThat(fired(facts(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(TODAY.minusDays(10))))).isEmpty();
        assertThat(fired(facts(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(TODAY.minusDays(10), TODAY.minusDays(365))))).containsExactly("LEGAL_REP_CHANGES");
        assertThat(fired(facts(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(TODAY.minusDays(10), TODAY.minusDays(366))))).isEmpty();
    }

    @Test
    void hubSignalsAddUpWithLoanSignalsIntoOrange() {
        // overdue loan 30 + utility collapse 25 = 55: orange (40..69)
        var hub = facts(List.of(), List.of(), List.of(), List.of(), List.of(new Monthly(OCT.minusMonths(3), 100),
                new Monthly(OCT.minusMonths(2), 100), new Monthly(OCT.minusMonths(1), 100), new Monthly(OCT, 0)),
                List.of());
        List<Rule> rules = new java.util.ArrayList<>(RULES);
        rules.add(new Rule("LOAN_OVERDUE", "贷款逾期", "LOAN_OVERDUE", null, 30, false, true, ""));
        var s = WarningRules.score(List.of(new WarningRules.LoanFact("OVERDUE", TODAY, 100, TODAY.minusDays(5))),
                List.of(), hub, rules, LEVELS, TODAY);
        assertThat(s.score()).isEqualTo(55);
        assertThat(s.level()).isEqualTo(Level.ORANGE);
    }
}
