package org.sanrong.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.deal.LoanStatus;
import org.sanrong.deal.LoanStatusReported;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseFacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every loan indicator by hand, on events fed to the read model with dates in years no other test uses (2001-2002)
 * and institutions of their own, so the figures are exactly those of the loans below.
 */
@SanrongTest
class StatisticsTest {

    @Autowired
    LoanBook book;

    @Autowired
    Statistics statistics;

    @Autowired
    EnterpriseBook enterprises;

    @Autowired
    JdbcClient jdbc;

    static LoanDisbursed loan(UUID deal, UUID bank, String code, String type, long amount, String on) {
        LocalDate d = LocalDate.parse(on);
        return new LoanDisbursed(deal, "L-" + deal.toString().substring(0, 8), bank, code, UUID.randomUUID(), type,
                amount, new BigDecimal("3.5"), 12, d, d.plusYears(1), null);
    }

    static LoanStatusReported report(LoanDisbursed l, LoanStatus s, String asOf, Long outstanding) {
        return new LoanStatusReported(l.dealId(), l.loanNumber(), l.institutionId(), l.enterpriseCreditCode(), s,
                LocalDate.parse(asOf), outstanding);
    }

    /**
     * Bank A: L1 to E1, credit loan 1,000,000 on 2001-06-15, reported 800,000 on 2002-01-31 and OVERDUE 700,000 on
     * 2002-03-05; L2 to E2, mortgage 3,000,000 on 2002-02-10, repaid 2002-03-25; L3 to E1, IP pledge 500,000 on
     * 2002-03-20.
     */
    @Test
    void balanceIncreaseSinceTheStartOfTheYearAndAmountIssuedAreThreeFigures() {
        UUID bank = UUID.randomUUID();
        String e1 = TestData.creditCode();
        String e2 = TestData.creditCode();
        LoanDisbursed l1 = loan(UUID.randomUUID(), bank, e1, "CREDIT_LOAN", 1_000_000, "2001-06-15");
        LoanDisbursed l2 = loan(UUID.randomUUID(), bank, e2, "MORTGAGE_LOAN", 3_000_000, "2002-02-10");
        LoanDisbursed l3 = loan(UUID.randomUUID(), bank, e1, "IP_PLEDGE_LOAN", 500_000, "2002-03-20");
        book.disbursed(l1);
        book.statusReported(report(l1, LoanStatus.NORMAL, "2002-01-31", 800_000L));
        book.disbursed(l2);
        book.statusReported(report(l1, LoanStatus.OVERDUE, "2002-03-05", 700_000L));
        book.disbursed(l3);
        book.statusReported(report(l2, LoanStatus.REPAID, "2002-03-25", null));
        book.invested(new InvestmentRecorded(UUID.randomUUID(), bank, e1, UUID.randomUUID(), 900_000,
                new BigDecimal("5"), LocalDate.of(2002, 3, 2)));
        // the same events again change nothing
        book.disbursed(l3);
        book.statusReported(report(l1, LoanStatus.OVERDUE, "2002-03-05", 700_000L));

        Selection march = Selection.of(YearMonth.of(2002, 3)).withInstitution(bank);
        Figures f = statistics.figures(march);
        Totals t = f.totals();
        assertThat(t.balanceFen()).as("700,000 + 0 + 500,000").isEqualTo(1_200_000);
        assertThat(t.startOfYearFen()).as("L1 at the end of 2001").isEqualTo(1_000_000);
        assertThat(t.increaseSinceStartOfYearFen()).isEqualTo(200_000);
        assertThat(t.issuedMonthFen()).as("L3 in March").isEqualTo(500_000);
        assertThat(t.issuedMonthCount()).isEqualTo(1);
        assertThat(t.issuedYtdFen()).as("L2 + L3").isEqualTo(3_500_000);
        assertThat(t.issuedYtdCount()).isEqualTo(2);
        assertThat(t.yearAgoFen()).isZero();
        assertThat(t.yearOnYearPercent()).as("no base a year earlier").isNull();
        assertThat(t.creditBalanceFen()).isEqualTo(700_000);
        assertThat(t.creditSharePercent()).as("700,000 / 1,200,000").isEqualByComparingTo("58.3");
        assertThat(t.creditIssuedYtdFen()).isZero();
        assertThat(t.loans()).as("L1 and L3 have a balance").isEqualTo(2);
        assertThat(t.overdueFen()).isEqualTo(700_000);
        assertThat(t.nplFen()).isZero();
        assertThat(t.firstBorrowersMonth()).isZero();
        assertThat(t.firstBorrowersYtd()).as("E2's first loan in February; E1's was in 2001").isEqualTo(1);
        assertThat(f.borrowers()).as("E1 only: E2 repaid").isEqualTo(1);
        assertThat(f.borrowersStartOfYear()).isEqualTo(1);
        assertThat(f.investedMonthFen()).isEqualTo(900_000);
        assertThat(f.investedYtdFen()).isEqualTo(900_000);

        Totals february = statistics.figures(march.withMonth(YearMonth.of(2002, 2))).totals();
        assertThat(february.balanceFen()).as("800,000 + 3,000,000").isEqualTo(3_800_000);
        assertThat(february.issuedMonthFen()).isEqualTo(3_000_000);
        assertThat(february.firstBorrowersMonth()).isEqualTo(1);
        assertThat(statistics.figures(march.withMonth(YearMonth.of(2002, 2))).borrowers()).isEqualTo(2);

        Totals june = statistics.figures(march.withMonth(YearMonth.of(2002, 6))).totals();
        assertThat(june.yearAgoFen()).as("L1 at the end of June 2001").isEqualTo(1_000_000);
        assertThat(june.yearOnYearPercent()).as("(1,200,000 − 1,000,000) / 1,000,000").isEqualByComparingTo("20.0");
        assertThat(june.issuedMonthFen()).isZero();

        assertThat(statistics.breakdown(march, Statistics.Dimension.PRODUCT_TYPE))
                .extracting(Totals::key, Totals::balanceFen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREDIT_LOAN", 700_000L),
                        org.assertj.core.groups.Tuple.tuple("IP_PLEDGE_LOAN", 500_000L),
                        org.assertj.core.groups.Tuple.tuple("MORTGAGE_LOAN", 0L));
        var trend = statistics.trend(march, 3);
        assertThat(trend).extracting(TrendPoint::balanceFen).containsExactly(800_000L, 3_800_000L, 1_200_000L);
        assertThat(trend).extracting(TrendPoint::issuedFen).containsExactly(0L, 3_000_000L, 500_000L);

        var loans = statistics.loans(march, 0, 10);
        assertThat(loans.total()).as("L1 and L3 with a balance, L2 issued this year").isEqualTo(3);
        assertThat(loans.items()).extracting(LoanLine::dealId).containsExactly(l1.dealId(), l3.dealId(), l2.dealId());
        assertThat(loans.items().getFirst().status()).isEqualTo("OVERDUE");
    }

    /** A listed borrower in the tech category: its town, its category and the growth of its bank against 15%. */
    @Test
    void techCreditGrowthIsJudgedAgainstTheTargetAndCountsOnlyListedBorrowers() {
        EnterpriseFacts tech = listedEnterprise("HIGH_TECH");
        UUID bank = UUID.randomUUID();
        LoanDisbursed first = loan(UUID.randomUUID(), bank, tech.creditCode(), "CREDIT_LOAN", 2_000_000, "2001-06-01");
        book.disbursed(first);
        book.statusReported(report(first, LoanStatus.NORMAL, "2001-06-30", 1_000_000L));
        book.disbursed(loan(UUID.randomUUID(), bank, tech.creditCode(), "CREDIT_LOAN", 120_000, "2002-06-20"));

        Selection june = Selection.of(YearMonth.of(2002, 6));
        GrowthRow row = statistics.techCreditGrowth(june).stream().filter(g -> bank.equals(g.institutionId()))
                .findFirst().orElseThrow();
        assertThat(row.balanceFen()).isEqualTo(1_120_000);
        assertThat(row.yearAgoFen()).isEqualTo(1_000_000);
        assertThat(row.growthPercent()).as("12% is within 5 points below 15%").isEqualByComparingTo("12.0");
        assertThat(row.light()).isEqualTo(Light.YELLOW);

        Selection mine = june.withInstitution(bank).withCategory("HIGH_TECH");
        assertThat(statistics.breakdown(mine, Statistics.Dimension.TOWN)).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo(tech.townCode());
            assertThat(t.balanceFen()).isEqualTo(1_120_000);
        });
        assertThat(statistics.breakdown(mine, Statistics.Dimension.DIVISION)).singleElement()
                .extracting(Totals::key).isEqualTo(tech.industryCode().substring(0, 3));
        assertThat(statistics.figures(mine.withIndustry(tech.industryCode().substring(0, 1))).totals().balanceFen())
                .isEqualTo(1_120_000);
        assertThat(statistics.figures(mine.withIndustry("Z".equals(tech.industryCode().substring(0, 1)) ? "A" : "Z"))
                .totals().balanceFen()).isZero();
        assertThat(statistics.figures(mine.withCategory("TECH")).totals().balanceFen()).isEqualTo(1_120_000);
        assertThat(statistics.figures(june.withInstitution(bank)).totals().balanceFen()).isEqualTo(1_120_000);
        List<Totals> byCategory = statistics.breakdown(june.withInstitution(bank), Statistics.Dimension.CATEGORY);
        assertThat(byCategory.getFirst().balanceFen()).as("all enterprises").isEqualTo(1_120_000);
        assertThat(byCategory).filteredOn(c -> c.name().equals("高新技术企业")).singleElement()
                .extracting(Totals::balanceFen).isEqualTo(1_120_000L);
    }

    /** 获贷率 at the end of January 2001: of four listed enterprises one has a loan then (another repaid). */
    @Test
    void loanAccessRateUsesTheListAsItStoodOnTheReportingDate() {
        YearMonth january = YearMonth.of(2001, 1);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(TestData.creditCode());
        }
        jdbc.sql("DELETE FROM stats.list_member WHERE month = ? AND category = 'SRDI'").param(Date.valueOf(
                january.atDay(1))).update();
        for (String c : codes) {
            jdbc.sql("INSERT INTO stats.list_member (month, category, credit_code) VALUES (?, 'SRDI', ?)")
                    .params(Date.valueOf(january.atDay(1)), c).update();
        }
        jdbc.sql("INSERT INTO stats.list_refresh (month, category, refreshed_at, members) VALUES (?, 'SRDI', now(), 4) "
                + "ON CONFLICT DO NOTHING").param(Date.valueOf(january.atDay(1))).update();
        UUID bank = UUID.randomUUID();
        book.disbursed(loan(UUID.randomUUID(), bank, codes.get(0), "CREDIT_LOAN", 500, "2001-01-05"));
        LoanDisbursed repaid = loan(UUID.randomUUID(), bank, codes.get(1), "CREDIT_LOAN", 500, "2001-01-06");
        book.disbursed(repaid);
        book.statusReported(report(repaid, LoanStatus.REPAID, "2001-01-20", null));
        // a loan in February does not count for January's list
        book.disbursed(loan(UUID.randomUUID(), bank, codes.get(2), "CREDIT_LOAN", 500, "2001-02-01"));

        Figures.AccessRate srdi = statistics.figures(Selection.of(january)).accessRates().stream()
                .filter(a -> a.category().equals("SRDI")).findFirst().orElseThrow();
        assertThat(srdi.listKept()).isTrue();
        assertThat(srdi.listed()).isEqualTo(4);
        assertThat(srdi.withLoan()).isEqualTo(1);
        assertThat(srdi.percent()).isEqualByComparingTo("25.0");
        assertThat(statistics.figures(Selection.of(YearMonth.of(2000, 12))).accessRates())
                .as("no list was kept for that month").allMatch(a -> !a.listKept() && a.percent() == null);
    }

    /**
     * 获贷率 per town, industry and institution on the list as kept: of the four listed in March 2001, two (one with
     * a loan) in town X1 making C3311, two (none with a loan then) in X2 making I6510.
     */
    @Test
    void loanAccessRateByTownIndustryAndInstitutionUsesThePlacesTheListKept() {
        YearMonth march = YearMonth.of(2001, 3);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(TestData.creditCode());
        }
        jdbc.sql("DELETE FROM stats.list_member WHERE month = ? AND category = 'HIGH_TECH'").param(Date.valueOf(
                march.atDay(1))).update();
        String[][] places = {{"X1", "C3311"}, {"X1", "C3311"}, {"X2", "I6510"}, {"X2", "I6510"}};
        for (int i = 0; i < 4; i++) {
            jdbc.sql("INSERT INTO stats.list_member (month, category, credit_code, town_code, industry_code) "
                    + "VALUES (?, 'HIGH_TECH', ?, ?, ?)").params(Date.valueOf(march.atDay(1)), codes.get(i),
                            places[i][0], places[i][1]).update();
        }
        jdbc.sql("INSERT INTO stats.list_refresh (month, category, refreshed_at, members) VALUES (?, 'HIGH_TECH', now(), 4) "
                + "ON CONFLICT DO NOTHING").param(Date.valueOf(march.atDay(1))).update();
        UUID bank = UUID.randomUUID();
        book.disbursed(loan(UUID.randomUUID(), bank, codes.get(0), "CREDIT_LOAN", 500, "2001-03-05"));
        book.disbursed(loan(UUID.randomUUID(), bank, codes.get(2), "CREDIT_LOAN", 500, "2001-04-01"));

        java.util.function.Function<Selection, Figures.AccessRate> rate = sel -> statistics.accessRates(sel).stream()
                .filter(a -> a.category().equals("HIGH_TECH")).findFirst().orElseThrow();
        Figures.AccessRate x1 = rate.apply(Selection.of(march).withTown("X1"));
        assertThat(x1.listed()).isEqualTo(2);
        assertThat(x1.withLoan()).isEqualTo(1);
        assertThat(x1.percent()).isEqualByComparingTo("50.0");
        Figures.AccessRate x2 = rate.apply(Selection.of(march).withTown("X2"));
        assertThat(x2.listed()).isEqualTo(2);
        assertThat(x2.withLoan()).as("its loan came in April").isZero();
        assertThat(rate.apply(Selection.of(march).withIndustry("C")).withLoan()).isEqualTo(1);
        assertThat(rate.apply(Selection.of(march).withIndustry("C33")).listed()).isEqualTo(2);
        assertThat(rate.apply(Selection.of(march).withIndustry("I")).percent()).isEqualByComparingTo("0.0");
        assertThat(rate.apply(Selection.of(march).withTown("X1").withInstitution(UUID.randomUUID())).withLoan())
                .as("no loan from that institution").isZero();
        assertThat(rate.apply(Selection.of(march).withTown("X1").withInstitution(bank)).withLoan()).isEqualTo(1);
    }

    /** The cube answers city-wide questions; it must agree with the roll-up it summarises, and so must a rebuild. */
    @Test
    void theCubeAgreesWithTheRollUpForEveryDimensionAndCategory() {
        balanceIncreaseSinceTheStartOfTheYearAndAmountIssuedAreThreeFigures();
        techCreditGrowthIsJudgedAgainstTheTargetAndCountsOnlyListedBorrowers();
        List<String> categories = new ArrayList<>();
        categories.add(null);
        statistics.settings().categories().forEach(c -> categories.add(c.code()));
        List<YearMonth> months = List.of(YearMonth.of(2001, 6), YearMonth.of(2002, 3), YearMonth.of(2002, 6),
                YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")));
        for (int round = 0; round < 2; round++) {
            for (YearMonth m : months) {
                List<Selection> selections = new ArrayList<>();
                for (String c : categories) {
                    Selection city = Selection.of(m).withCategory(c);
                    selections.add(city);
                    for (Totals t : statistics.breakdown(city, Statistics.Dimension.TOWN)) {
                        selections.add(city.withTown(t.key()));
                    }
                    for (Totals t : statistics.breakdown(city, Statistics.Dimension.INSTITUTION).stream().limit(5)
                            .toList()) {
                        selections.add(city.withInstitution(UUID.fromString(t.key())));
                    }
                    selections.add(city.withIndustry("C"));
                    selections.add(city.withIndustry("C39"));
                    selections.add(new Selection(m, c, "CREDIT_LOAN", null, null, null));
                }
                for (Selection s : selections) {
                    for (Statistics.Dimension d : List.of(Statistics.Dimension.TOWN, Statistics.Dimension.INSTITUTION,
                            Statistics.Dimension.SECTION, Statistics.Dimension.DIVISION,
                            Statistics.Dimension.PRODUCT_TYPE, Statistics.Dimension.CATEGORY)) {
                        List<Totals> cube = statistics.breakdown(s, d);
                        statistics.useCube(false);
                        try {
                            assertThat(cube).as("%s %s", s, d)
                                    .containsExactlyInAnyOrderElementsOf(statistics.breakdown(s, d));
                        } finally {
                            statistics.useCube(true);
                        }
                    }
                    Totals cube = statistics.figures(s).totals();
                    List<TrendPoint> cubeTrend = statistics.trend(s, 18);
                    statistics.useCube(false);
                    try {
                        assertThat(cube).isEqualTo(statistics.figures(s).totals());
                        assertThat(cubeTrend).isEqualTo(statistics.trend(s, 18));
                    } finally {
                        statistics.useCube(true);
                    }
                }
            }
            book.rebuildCube();
        }
    }

    /** Working days from a deal reaching the institution to its decision: 1 (Friday to Monday) and 2; median 1.5. */
    @Test
    void medianResponseCountsWorkingDays() {
        UUID bank = UUID.randomUUID();
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        book.dealOpened(new org.sanrong.deal.DealOpened(a, org.sanrong.deal.DealOrigin.APPLICATION, null, "x", bank,
                UUID.randomUUID(), 1, 100, java.time.LocalDateTime.of(2002, 1, 4, 10, 0).atZone(china).toInstant()));
        book.decided(new org.sanrong.deal.ApplicationDecided(a, bank, UUID.randomUUID(), "x", true, null,
                java.time.LocalDateTime.of(2002, 1, 7, 9, 0).atZone(china).toInstant()));
        book.dealOpened(new org.sanrong.deal.DealOpened(b, org.sanrong.deal.DealOrigin.APPLICATION, null, "y", bank,
                UUID.randomUUID(), 1, 100, java.time.LocalDateTime.of(2002, 1, 7, 10, 0).atZone(china).toInstant()));
        book.decided(new org.sanrong.deal.ApplicationDecided(b, bank, UUID.randomUUID(), "y", false, null,
                java.time.LocalDateTime.of(2002, 1, 9, 16, 0).atZone(china).toInstant()));
        assertThat(statistics.figures(Selection.of(YearMonth.of(2002, 1)).withInstitution(bank))
                .medianResponseWorkingDays()).isEqualTo(1.5);
    }

    private EnterpriseFacts listedEnterprise(String kind) {
        AtomicReference<EnterpriseFacts> found = new AtomicReference<>();
        enterprises.forEachFacts(f -> {
            if (found.get() == null && f.qualifications().contains(kind) && f.townCode() != null
                    && f.industryCode() != null && f.industryCode().length() >= 3) {
                found.set(f);
            }
        });
        assertThat(found.get()).as("the demo population has a listed enterprise").isNotNull();
        return found.get();
    }

    @Autowired
    StatisticsFeed feed;

    /** 风险补偿 in May 2001: two claims this month (one twice), one in April, one in June; one bank filtered. */
    @Test
    void compensationPaidCountsEachClaimOnceByMonthYearAndInstitution() {
        UUID bank = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID may = UUID.randomUUID();
        String code = TestData.creditCode();
        feed.on(new org.sanrong.riskshare.CompensationPaid(may, "TECH", bank, "L1", code, 300_00L,
                LocalDate.of(2001, 5, 10)));
        feed.on(new org.sanrong.riskshare.CompensationPaid(may, "TECH", bank, "L1", code, 300_00L,
                LocalDate.of(2001, 5, 10)));
        feed.on(new org.sanrong.riskshare.CompensationPaid(UUID.randomUUID(), "TECH", other, "L2", code, 200_00L,
                LocalDate.of(2001, 5, 31)));
        feed.on(new org.sanrong.riskshare.CompensationPaid(UUID.randomUUID(), "TECH", bank, "L3", code, 100_00L,
                LocalDate.of(2001, 4, 2)));
        feed.on(new org.sanrong.riskshare.CompensationPaid(UUID.randomUUID(), "TECH", bank, "L4", code, 900_00L,
                LocalDate.of(2001, 6, 1)));
        // the listener runs asynchronously (after its publisher's commit), even when called directly
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            Statistics.Compensation c = statistics.compensation(Selection.of(YearMonth.of(2001, 5)));
            assertThat(c.claimsMonth()).isEqualTo(2);
            assertThat(c.paidMonthFen()).isEqualTo(500_00L);
            assertThat(c.claimsYtd()).isEqualTo(3);
            assertThat(c.paidYtdFen()).isEqualTo(600_00L);
            assertThat(statistics.compensation(Selection.of(YearMonth.of(2001, 5)).withInstitution(bank)))
                    .isEqualTo(new Statistics.Compensation(1, 300_00L, 2, 400_00L));
        });
    }

    @Test
    void subsidiesPaidCountEachEntitlementOnceByMonthYearAndRecipient() {
        UUID fund = UUID.randomUUID();
        UUID paidTwice = UUID.randomUUID();
        String code = TestData.creditCode();
        feed.on(new org.sanrong.subsidy.SubsidyPaid(paidTwice, "GZ-ANGEL-2021", fund, code, 1_500_000_00L,
                LocalDate.of(2002, 5, 10)));
        feed.on(new org.sanrong.subsidy.SubsidyPaid(paidTwice, "GZ-ANGEL-2021", fund, code, 1_500_000_00L,
                LocalDate.of(2002, 5, 10)));
        feed.on(new org.sanrong.subsidy.SubsidyPaid(UUID.randomUUID(), "GD-INTEREST-2025", null, code, 70_000_00L,
                LocalDate.of(2002, 5, 31)));
        feed.on(new org.sanrong.subsidy.SubsidyPaid(UUID.randomUUID(), "GZ-ANGEL-2021", fund, code, 30_000_00L,
                LocalDate.of(2002, 1, 2)));
        feed.on(new org.sanrong.subsidy.SubsidyPaid(UUID.randomUUID(), "GZ-ANGEL-2021", fund, code, 9_000_00L,
                LocalDate.of(2002, 6, 1)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(statistics.subsidiesPaid(Selection.of(YearMonth.of(2002, 5)))).as("May 2002: 1,500,000 + "
                    + "70,000 in the month; with January's 30,000 in the year; June not yet")
                    .isEqualTo(new Statistics.SubsidiesPaid(2, 1_570_000_00L, 3, 1_600_000_00L));
            assertThat(statistics.subsidiesPaid(Selection.of(YearMonth.of(2002, 5)).withInstitution(fund)))
                    .isEqualTo(new Statistics.SubsidiesPaid(1, 1_500_000_00L, 2, 1_530_000_00L));
        });
    }
}
