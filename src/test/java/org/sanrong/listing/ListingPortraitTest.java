package org.sanrong.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Portrait arithmetic on hand-made figures, against the shipped criteria files: which sets are met, the distance to
 * each criterion in its unit, unknowns for missing figures, and the nearest set; the exact comparisons agree with a
 * plain high-precision division on random figures.
 */
class ListingPortraitTest {

    static final ListingCriteria CRITERIA = new ListingCriteria(new DefaultResourceLoader(),
            "classpath:listing/boards.csv", "classpath:listing/criteria.csv");

    /** 万元 to fen. */
    static Long wan(long wan) {
        return wan * 1_000_000L;
    }

    static FinancialYear year(int y, long revenueWan, long rdWan, Long profitWan, Long cashWan) {
        return new FinancialYear(y, wan(revenueWan), wan(rdWan), profitWan == null ? null : wan(profitWan),
                cashWan == null ? null : wan(cashWan), null);
    }

    static Standard.Result set(ListingPortrait p, String name) {
        return p.standards().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static Criterion.Result criterion(Standard.Result s, Criterion.Metric metric) {
        return s.criteria().stream().filter(c -> c.criterion().metric() == metric).findFirst().orElseThrow();
    }

    @Test
    void theFilesHoldEveryBoardWithItsSetsAndSources() {
        assertThat(CRITERIA.of(ListingBoard.STAR).standards()).extracting(Standard::name)
                .containsExactly("第一套（甲）", "第一套（乙）", "第二套", "第三套", "第四套", "第五套");
        assertThat(CRITERIA.of(ListingBoard.CHINEXT).standards()).hasSize(3);
        assertThat(CRITERIA.of(ListingBoard.BSE).standards()).hasSize(5);
        assertThat(CRITERIA.of(ListingBoard.MAIN).standards()).hasSize(4);
        assertThat(CRITERIA.of(ListingBoard.OVERSEAS).standards()).isEmpty();
        assertThat(CRITERIA.of(ListingBoard.NEEQ).verified()).as("from memory, said so").isFalse();
        assertThat(CRITERIA.all()).allSatisfy(b -> assertThat(b.rules()).isNotBlank());
        assertThat(CRITERIA.of(ListingBoard.CHINEXT).rules()).contains("2024年修订");
        assertThat(CRITERIA.of(ListingBoard.STAR).standards().get(2).criteria().getLast().label())
                .isEqualTo("最近3年研发投入合计占营业收入合计的比例不低于15%");
    }

    @Test
    void starBoardSetsMetAndDistancesOnHandMadeFigures() {
        // revenue 1.8亿, 2.2亿, 2.6亿; R&D 3,000万, 3,400万, 3,800万 (ratio 10,200 / 66,000 = 15.45%);
        // profit -500万, 2,200万, 3,000万; cash 2,000万, 3,000万, 4,000万; market value 16亿
        List<FinancialYear> years = List.of(year(2023, 18_000, 3_000, -500L, 2_000L),
                year(2024, 22_000, 3_400, 2_200L, 3_000L), year(2025, 26_000, 3_800, 3_000L, 4_000L));
        ListingPortrait p = ListingPortrait.of("X", "测试", CRITERIA.of(ListingBoard.STAR), years,
                wan(160_000), null);
        assertThat(p.latestYear()).isEqualTo(2025);
        assertThat(p.met()).extracting(Standard.Result::name).containsExactly("第一套（甲）", "第一套（乙）", "第二套");

        Standard.Result third = set(p, "第三套");
        assertThat(third.met()).isFalse();
        assertThat(criterion(third, Criterion.Metric.REVENUE).gap()).as("3亿 − 2.6亿")
                .isEqualByComparingTo("0.40");
        assertThat(criterion(third, Criterion.Metric.OPERATING_CASH_FLOW).actual()).isEqualByComparingTo("0.90");
        assertThat(criterion(third, Criterion.Metric.OPERATING_CASH_FLOW).gap()).isEqualByComparingTo("0.10");
        assertThat(criterion(third, Criterion.Metric.MARKET_VALUE).gap()).as("20亿 − 16亿").isEqualByComparingTo("4.00");
        assertThat(third.open()).isEqualTo(3);

        Standard.Result fifth = set(p, "第五套");
        assertThat(criterion(fifth, Criterion.Metric.MARKET_VALUE).gap()).as("40亿 − 16亿").isEqualByComparingTo("24.00");
        assertThat(fifth.note()).contains("定性条件");

        Standard.Result second = set(p, "第二套");
        assertThat(criterion(second, Criterion.Metric.RD_RATIO).actual()).isEqualByComparingTo("15.45");
        assertThat(p.nearest().name()).isEqualTo("第一套（甲）");
    }

    @Test
    void nearestIsTheSetWithFewestOpenCriteriaThenTheSmallestShortfall() {
        // 创业板: profit 3,800万 then 5,200万 (sum 9,000万: 1,000万 short of 1亿; latest 800万 short of 6,000万);
        // revenue 3.18亿 (0.82亿 short of 4亿); market value 18亿
        List<FinancialYear> years = List.of(year(2024, 26_500, 2_390, 3_800L, 4_100L),
                year(2025, 31_800, 2_950, 5_200L, 6_350L));
        ListingPortrait p = ListingPortrait.of("X", "星河", CRITERIA.of(ListingBoard.CHINEXT), years, wan(180_000),
                null);
        assertThat(p.met()).isEmpty();
        Standard.Result first = set(p, "第一套");
        assertThat(first.open()).isEqualTo(2);
        assertThat(criterion(first, Criterion.Metric.NET_PROFIT).label()).isEqualTo("最近2年净利润均为正");
        assertThat(first.criteria()).extracting(Criterion.Result::gap).extracting(BigDecimal::toPlainString)
                .containsExactly("0", "0.10", "800.00");
        assertThat(p.nearest().name()).as("one open criterion beats two").isEqualTo("第二套");
        assertThat(p.nearest().criteria()).filteredOn(c -> Boolean.FALSE.equals(c.met())).singleElement()
                .satisfies(c -> {
                    assertThat(c.label()).isEqualTo("最近一年营业收入不低于4亿元");
                    assertThat(c.gap()).isEqualByComparingTo("0.82");
                    assertThat(c.unit()).isEqualTo("亿元");
                });
    }

    @Test
    void aLossIsTheDistanceToAPositiveProfitPlusOneDisplayUnit() {
        List<FinancialYear> years = List.of(year(2024, 20_000, 1_000, 100L, 10L), year(2025, 20_000, 1_000, -300L,
                10L));
        ListingPortrait p = ListingPortrait.of("X", "亏损", CRITERIA.of(ListingBoard.CHINEXT), years, wan(200_000),
                null);
        Criterion.Result positive = criterion(set(p, "第二套"), Criterion.Metric.NET_PROFIT);
        assertThat(positive.met()).isFalse();
        assertThat(positive.actual()).isEqualByComparingTo("-300.00");
        assertThat(positive.gap()).as("more than 300万 turns it positive").isEqualByComparingTo("300.01");
    }

    @Test
    void missingFiguresLeaveASetUnknownSayingWhat() {
        List<FinancialYear> years = List.of(year(2025, 31_800, 2_950, null, null));
        ListingPortrait p = ListingPortrait.of("X", "缺数", CRITERIA.of(ListingBoard.MAIN), years, null, null);
        Standard.Result third = set(p, "第三套");
        assertThat(third.met()).as("revenue 3.18亿 fails 10亿; the rest unknown").isFalse();
        assertThat(criterion(third, Criterion.Metric.MARKET_VALUE).missing()).isEqualTo("未填写预计市值");
        Standard.Result first = set(p, "第一套（甲）");
        assertThat(first.met()).isNull();
        assertThat(first.criteria().getFirst().missing()).isEqualTo("缺少2023年净利润、2024年净利润、2025年净利润");
    }

    @Test
    void beijingBoardAverageGrowthAndRoe() {
        // revenue 9,000万 then 12,000万: average 1.05亿 ≥ 1亿, growth 33.33% ≥ 30%; cash flow positive
        List<FinancialYear> years = List.of(
                new FinancialYear(2024, wan(9_000), wan(700), wan(1_600), wan(-100), new BigDecimal("9.5")),
                new FinancialYear(2025, wan(12_000), wan(900), wan(1_400), wan(800), new BigDecimal("7.0")));
        ListingPortrait p = ListingPortrait.of("X", "北交所", CRITERIA.of(ListingBoard.BSE), years, wan(50_000),
                null);
        Standard.Result second = set(p, "第二套");
        assertThat(second.met()).isTrue();
        assertThat(criterion(second, Criterion.Metric.REVENUE).actual()).isEqualByComparingTo("1.05");
        assertThat(criterion(second, Criterion.Metric.REVENUE_GROWTH).actual()).isEqualByComparingTo("33.33");
        Standard.Result first = set(p, "第一套（甲）");
        assertThat(criterion(first, Criterion.Metric.NET_PROFIT).gap()).as("weakest year 1,400万 vs 1,500万")
                .isEqualByComparingTo("100.00");
        assertThat(criterion(first, Criterion.Metric.ROE).actual()).isEqualByComparingTo("8.25");
        assertThat(criterion(first, Criterion.Metric.ROE).met()).isTrue();
        assertThat(p.trend()).extracting(ListingPortrait.TrendYear::revenueGrowthPercent).containsExactly(null,
                new BigDecimal("33.33"));
    }

    @Test
    void exactThresholdsMeetAndOneFenLessDoesNot() {
        Criterion ratio = new Criterion(Criterion.Metric.RD_RATIO, Criterion.Measure.SUM, 2, false,
                new BigDecimal("8"), Criterion.Unit.PERCENT, null);
        // 8% exactly: R&D 1,600 of revenue 20,000
        Map<Integer, FinancialYear> exact = Map.of(2024, year(2024, 10_000, 800, null, null), 2025,
                year(2025, 10_000, 800, null, null));
        assertThat(ratio.assess(exact, 2025, null).met()).isTrue();
        Map<Integer, FinancialYear> lessByAFen = Map.of(2024, year(2024, 10_000, 800, null, null), 2025,
                new FinancialYear(2025, wan(10_000), wan(800) - 1, null, null, null));
        assertThat(ratio.assess(lessByAFen, 2025, null).met()).isFalse();
        assertThat(ratio.assess(lessByAFen, 2025, null).gap()).as("rounded up to 0.01 point")
                .isEqualByComparingTo("0.01");
        assertThat(ratio.assess(lessByAFen, 2025, null).actual()).as("shown below the line it misses")
                .isEqualByComparingTo("7.99");
    }

    @Test
    void exactComparisonsAgreeWithHighPrecisionDivision() {
        Random random = new Random(20260101);
        Criterion ratio = new Criterion(Criterion.Metric.RD_RATIO, Criterion.Measure.SUM, 3, false,
                new BigDecimal("15"), Criterion.Unit.PERCENT, null);
        Criterion growth = new Criterion(Criterion.Metric.REVENUE_GROWTH, Criterion.Measure.LATEST, 2, false,
                new BigDecimal("30"), Criterion.Unit.PERCENT, null);
        Criterion average = new Criterion(Criterion.Metric.REVENUE, Criterion.Measure.AVERAGE, 2, false,
                new BigDecimal("1"), Criterion.Unit.YI, null);
        MathContext mc = new MathContext(40);
        for (int i = 0; i < 5_000; i++) {
            long[] revenue = new long[3];
            long[] rd = new long[3];
            for (int k = 0; k < 3; k++) {
                revenue[k] = 1 + (long) (random.nextDouble() * 20_000_000_000L);
                // near the 15% line often enough to test the edge
                rd[k] = random.nextBoolean() ? revenue[k] * 15 / 100 + random.nextInt(3) - 1
                        : (long) (random.nextDouble() * revenue[k] * 0.3);
            }
            Map<Integer, FinancialYear> byYear = Map.of(
                    2023, new FinancialYear(2023, revenue[0], rd[0], null, null, null),
                    2024, new FinancialYear(2024, revenue[1], rd[1], null, null, null),
                    2025, new FinancialYear(2025, revenue[2], rd[2], null, null, null));
            BigDecimal sumRd = BigDecimal.valueOf(rd[0] + rd[1] + rd[2]);
            BigDecimal sumRevenue = BigDecimal.valueOf(revenue[0] + revenue[1] + revenue[2]);
            boolean ratioReference = sumRd.divide(sumRevenue, mc).multiply(BigDecimal.valueOf(100))
                    .compareTo(BigDecimal.valueOf(15)) >= 0;
            assertThat(ratio.assess(byYear, 2025, null).met()).isEqualTo(ratioReference);
            boolean growthReference = BigDecimal.valueOf(revenue[2] - revenue[1]).divide(BigDecimal.valueOf(revenue[1]),
                    mc).multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf(30)) >= 0;
            assertThat(growth.assess(byYear, 2025, null).met()).isEqualTo(growthReference);
            boolean averageReference = BigDecimal.valueOf(revenue[1] + revenue[2]).divide(BigDecimal.valueOf(2), mc)
                    .compareTo(BigDecimal.valueOf(10_000_000_000L)) >= 0;
            assertThat(average.assess(byYear, 2025, null).met()).isEqualTo(averageReference);
        }
    }

    @Test
    void aMalformedCriteriaFileFailsNamingItsLine() {
        List<String> boards = List.of("board,name,rules,article,effective,verified,note",
                "MAIN,主板,r,a,2024-04-30,yes,n", "CHINEXT,创业板,r,a,,yes,n", "STAR,科创板,r,a,,yes,n",
                "BSE,北交所,r,a,,yes,n", "NEEQ,新三板,r,a,,no,n", "OVERSEAS,境外,r,,,no,n");
        List<String> criteria = List.of("# comment", "board,standard,metric,measure,years,operator,threshold,unit,note",
                "MAIN,第一套,NET_PROFIT,SUM,3,GE,2,亿元,", "MAIN,第二套,NET_PROFIT,SUM,3,GE,2,千元,");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListingCriteria.parse(boards, criteria, "b.csv",
                "c.csv")).hasMessageContaining("c.csv line 4").hasMessageContaining("千元");
    }
}
