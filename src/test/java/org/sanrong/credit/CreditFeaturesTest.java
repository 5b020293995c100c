package org.sanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanrong.datahub.EnterpriseHubData;
import org.sanrong.datahub.HubRecord;
import org.sanrong.datahub.HubSource;
import org.sanrong.datahub.SeriesPoint;
import org.sanrong.enterprise.EnterpriseSnapshot;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.enterprise.YearlyFigures;

/** The feature catalogue on hand-made enterprises, every expected value worked out by hand. */
class CreditFeaturesTest {

    static final YearMonth AS_OF = YearMonth.of(2026, 10);
    static final String CODE = "91441900MA4W7K3L0X";
    static final long WAN = 1_000_000L; // fen

    static EnterpriseSnapshot enterprise(Set<String> qualifications) {
        return new EnterpriseSnapshot(CODE, "东莞测试科技有限公司", null, LocalDate.of(2016, 10, 31), 500 * WAN,
                "441900401", "C3982", 100, 3, 10, 1, 2, 4, false, LifecycleStage.GROWTH,
                List.of(new YearlyFigures(2025, 10_000 * WAN, 500 * WAN, 20),
                        new YearlyFigures(2024, 8_000 * WAN, 300 * WAN, 15)), qualifications);
    }

    static double f(double[] v, CreditFeature feature) {
        return v[feature.ordinal()];
    }

    /** Two years of monthly data: tax 8万 then 10万 a month, headcount rising to 100, power 8,000 then 10,000 kWh. */
    static EnterpriseHubData hub() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            YearMonth m = AS_OF.minusMonths(k);
            boolean recent = k < 12;
            series.add(SeriesPoint.tax(CODE, m, 1, (recent ? 10 : 8) * 10_000 * 100L, k == 0 ? "A" : "B"));
            // headcount 100 now, 95 three months ago, 80 a year ago; one drop over 5% (from 90 to 84) five months ago
            int heads = k == 0 ? 100 : k <= 2 ? 96 : k == 3 ? 95 : k == 4 ? 84 : k < 12 ? 90 : 80;
            series.add(SeriesPoint.social(CODE, m, heads, heads / 2));
            series.add(SeriesPoint.utilities(CODE, m, 300L, recent ? 10_000L : 8_000L, null));
        }
        List<HubRecord> records = List.of(
                judgement("（2026）粤1971民初1号", LocalDate.of(2026, 5, 1), "CIVIL", "DEFENDANT", 10 * WAN),
                judgement("（2025）粤1971民初2号", LocalDate.of(2024, 11, 1), "CIVIL", "DEFENDANT", 20 * WAN),
                judgement("（2025）粤1971民初3号", LocalDate.of(2025, 3, 1), "CIVIL", "PLAINTIFF", 99 * WAN),
                judgement("（2024）粤1971民初4号", LocalDate.of(2024, 10, 31), "CIVIL", "DEFENDANT", 50 * WAN),
                judgement("（2026）粤1971执5号", LocalDate.of(2026, 8, 8), "ENFORCEMENT", "RESPONDENT", 5 * WAN),
                new HubRecord(CODE, HubSource.PENALTIES, "东环罚〔2026〕1号", LocalDate.of(2026, 1, 5), "FINE", null,
                        5 * WAN, "东莞市生态环境局", null, null),
                new HubRecord(CODE, HubSource.PENALTIES, "东环罚〔2023〕9号", LocalDate.of(2023, 1, 5), "FINE", null,
                        9 * WAN, "东莞市生态环境局", null, null),
                ip("ZL1", LocalDate.of(2025, 6, 1), "INVENTION", "VALID"),
                ip("ZL2", LocalDate.of(2020, 6, 1), "INVENTION", "VALID"),
                ip("ZL3", LocalDate.of(2015, 6, 1), "INVENTION", "LAPSED"),
                ip("ZL4", LocalDate.of(2026, 2, 1), "UTILITY", "VALID"),
                ip("ZL5", LocalDate.of(2019, 2, 1), "UTILITY", "VALID"),
                ip("RJ6", LocalDate.of(2025, 12, 1), "SOFTWARE", "VALID"),
                ip("TM7", LocalDate.of(2026, 1, 1), "TRADEMARK", "VALID"));
        return new EnterpriseHubData(CODE, series, records);
    }

    static HubRecord judgement(String ref, LocalDate on, String kind, String role, long amount) {
        return new HubRecord(CODE, HubSource.JUDGEMENTS, ref, on, kind, role, amount, "东莞市第一人民法院", null, null);
    }

    static HubRecord ip(String ref, LocalDate on, String kind, String status) {
        return new HubRecord(CODE, HubSource.IP, ref, on, kind, null, null, null, null, status);
    }

    @Test
    void computesTheCatalogueFromProfileAndHubData() {
        double[] v = Features.compute(enterprise(Set.of("HIGH_TECH", "TECH_SME")), hub(), AS_OF);
        assertThat(v).hasSize(CreditFeature.values().length).hasSizeBetween(30, 60);

        assertThat(f(v, CreditFeature.YEARS_IN_OPERATION)).isEqualTo(10.0);
        assertThat(f(v, CreditFeature.REGISTERED_CAPITAL_WAN)).isEqualTo(500.0);
        assertThat(f(v, CreditFeature.LIVE_QUALIFICATIONS)).isEqualTo(2);
        assertThat(f(v, CreditFeature.HIGH_TECH)).isEqualTo(1);
        assertThat(f(v, CreditFeature.SRDI)).isEqualTo(0);
        assertThat(f(v, CreditFeature.TECH_SME)).isEqualTo(1);
        assertThat(f(v, CreditFeature.EQUITY_FUNDED)).isEqualTo(0);
        assertThat(f(v, CreditFeature.REVENUE_WAN)).isEqualTo(10_000);
        assertThat(f(v, CreditFeature.REVENUE_GROWTH_PCT)).isEqualTo(25.0);
        assertThat(f(v, CreditFeature.RD_INTENSITY_PCT)).isEqualTo(5.0);
        assertThat(f(v, CreditFeature.RD_STAFF_PCT)).isEqualTo(20.0);

        // tax: 12 × 10万 against 12 × 8万
        assertThat(f(v, CreditFeature.TAX_12M_WAN)).isEqualTo(120.0);
        assertThat(f(v, CreditFeature.TAX_GROWTH_YOY_PCT)).isCloseTo(25.0, within(1e-9));
        assertThat(f(v, CreditFeature.TAX_PAID_MONTHS_12M)).isEqualTo(12);
        assertThat(f(v, CreditFeature.TAX_CREDIT_GRADE)).as("the latest grade, A").isEqualTo(5);
        assertThat(f(v, CreditFeature.TAX_TO_REVENUE_PCT)).isCloseTo(1.2, within(1e-9));
        assertThat(f(v, CreditFeature.TAX_DATA_MONTHS)).isEqualTo(24);
        // 12 months of 10万 and 12 of 8万: mean 9, standard deviation 1, so 1/9
        assertThat(f(v, CreditFeature.TAX_VOLATILITY)).isEqualTo(0.111);

        // social insurance: 100 now, 95 three months ago, 80 a year ago; one drop from 90 to 84
        assertThat(f(v, CreditFeature.SOCIAL_HEADCOUNT)).isEqualTo(100);
        assertThat(f(v, CreditFeature.SOCIAL_TREND_12M_PCT)).isCloseTo(25.0, within(1e-9));
        assertThat(f(v, CreditFeature.SOCIAL_TREND_3M_PCT)).isCloseTo(100.0 * (100.0 / 95 - 1), within(1e-9));
        assertThat(f(v, CreditFeature.SOCIAL_DROP_MONTHS_12M)).isEqualTo(1);
        assertThat(f(v, CreditFeature.FUND_SHARE_PCT)).isEqualTo(50.0);
        assertThat(f(v, CreditFeature.SOCIAL_COVERAGE_PCT)).isEqualTo(100.0);

        // utilities
        assertThat(f(v, CreditFeature.POWER_YOY_PCT)).isCloseTo(25.0, within(1e-9));
        assertThat(f(v, CreditFeature.POWER_3M_YOY_PCT)).isCloseTo(25.0, within(1e-9));
        assertThat(f(v, CreditFeature.WATER_YOY_PCT)).isCloseTo(0.0, within(1e-9));
        assertThat(f(v, CreditFeature.GAS_YOY_PCT)).as("no gas reported").isNaN();
        assertThat(f(v, CreditFeature.POWER_PER_HEAD_KWH)).isEqualTo(100.0);
        assertThat(f(v, CreditFeature.POWER_ZERO_MONTHS_12M)).isEqualTo(0);

        // no customs data: no trade, not unknown
        assertThat(f(v, CreditFeature.EXPORT_12M_WAN)).isEqualTo(0);
        assertThat(f(v, CreditFeature.IMPORT_12M_WAN)).isEqualTo(0);
        assertThat(f(v, CreditFeature.EXPORT_SHARE_PCT)).isEqualTo(0);
        assertThat(f(v, CreditFeature.EXPORT_GROWTH_YOY_PCT)).isNaN();

        // within 2024-11-01 … 2026-10-31: two as defendant and one enforcement, not the plaintiff case or the old one
        assertThat(f(v, CreditFeature.JUDGEMENTS_24M)).isEqualTo(3);
        assertThat(f(v, CreditFeature.JUDGEMENT_AMOUNT_24M_WAN)).isEqualTo(35.0);
        assertThat(f(v, CreditFeature.ENFORCEMENTS_24M)).isEqualTo(1);
        assertThat(f(v, CreditFeature.PENALTIES_24M)).isEqualTo(1);
        assertThat(f(v, CreditFeature.PENALTY_AMOUNT_24M_WAN)).isEqualTo(5.0);

        // IP from the hub (it has records): valid ones only; new in 24 months leaves trademarks out
        assertThat(f(v, CreditFeature.INVENTION_PATENTS)).isEqualTo(2);
        assertThat(f(v, CreditFeature.IP_TOTAL)).isEqualTo(5);
        assertThat(f(v, CreditFeature.TRADEMARKS)).isEqualTo(1);
        assertThat(f(v, CreditFeature.IP_NEW_24M)).isEqualTo(3);
        assertThat(f(v, CreditFeature.INVENTION_PER_100_STAFF)).isEqualTo(2.0);
    }

    @Test
    void withoutHubDataTheProfileSpeaksForIpAndSeriesAreMissing() {
        double[] v = Features.compute(enterprise(Set.of()), EnterpriseHubData.empty(CODE), AS_OF);
        assertThat(f(v, CreditFeature.INVENTION_PATENTS)).as("declared in the profile").isEqualTo(3);
        assertThat(f(v, CreditFeature.IP_TOTAL)).isEqualTo(3 + 10 + 1 + 2);
        assertThat(f(v, CreditFeature.TRADEMARKS)).isEqualTo(4);
        assertThat(f(v, CreditFeature.INVENTION_PER_100_STAFF)).as("per declared staff").isEqualTo(3.0);
        assertThat(f(v, CreditFeature.TAX_12M_WAN)).isNaN();
        assertThat(f(v, CreditFeature.SOCIAL_HEADCOUNT)).isNaN();
        assertThat(f(v, CreditFeature.POWER_YOY_PCT)).isNaN();
        assertThat(f(v, CreditFeature.TAX_DATA_MONTHS)).isEqualTo(0);
        assertThat(f(v, CreditFeature.JUDGEMENTS_24M)).isEqualTo(0);
    }

    @Test
    void aSeriesThreeMonthsBehindIsStaleAndQuartersSpreadOverTheirMonths() {
        List<SeriesPoint> series = new ArrayList<>();
        // quarterly tax 30万 a quarter, 2024Q4 … 2026Q3: the anchor is September, within the two months' lag
        for (YearMonth q = YearMonth.of(2024, 10); !q.isAfter(YearMonth.of(2026, 7)); q = q.plusMonths(3)) {
            series.add(SeriesPoint.tax(CODE, q, 3, 30 * 10_000 * 100L, null));
        }
        // social insurance stopped in June: four months before October
        for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.of(2026, 6)); m = m.plusMonths(1)) {
            series.add(SeriesPoint.social(CODE, m, 50, 10));
        }
        double[] v = Features.compute(enterprise(Set.of()), new EnterpriseHubData(CODE, series, List.of()), AS_OF);
        assertThat(f(v, CreditFeature.TAX_12M_WAN)).isCloseTo(120.0, within(1e-9));
        assertThat(f(v, CreditFeature.TAX_GROWTH_YOY_PCT)).isCloseTo(0.0, within(1e-9));
        assertThat(f(v, CreditFeature.TAX_PAID_MONTHS_12M)).isEqualTo(12);
        assertThat(f(v, CreditFeature.TAX_DATA_MONTHS)).as("November 2024 … September 2026").isEqualTo(23);
        assertThat(f(v, CreditFeature.SOCIAL_HEADCOUNT)).as("stale").isNaN();
        assertThat(f(v, CreditFeature.SOCIAL_TREND_12M_PCT)).isNaN();
        assertThat(f(v, CreditFeature.FUND_SHARE_PCT)).isNaN();
    }

    @Test
    void anEnterpriseIsGradedOnlyWithEnoughGovernmentData() {
        assertThat(Features.sufficient(Features.compute(enterprise(Set.of()), hub(), AS_OF))).isTrue();
        assertThat(Features.sufficient(Features.compute(enterprise(Set.of()), EnterpriseHubData.empty(CODE),
                AS_OF))).as("profile alone").isFalse();
        List<SeriesPoint> fiveMonths = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            fiveMonths.add(SeriesPoint.tax(CODE, AS_OF.minusMonths(k), 1, 100L, null));
        }
        assertThat(Features.sufficient(Features.compute(enterprise(Set.of()),
                new EnterpriseHubData(CODE, fiveMonths, List.of()), AS_OF))).isFalse();
        fiveMonths.add(SeriesPoint.tax(CODE, AS_OF.minusMonths(5), 1, 100L, null));
        assertThat(Features.sufficient(Features.compute(enterprise(Set.of()),
                new EnterpriseHubData(CODE, fiveMonths, List.of()), AS_OF))).as("six months of tax").isTrue();
        assertThat(Features.sufficient(Features.compute(enterprise(Set.of()), new EnterpriseHubData(CODE,
                List.of(SeriesPoint.social(CODE, AS_OF, 12, 3)), List.of()), AS_OF))).as("a current headcount").isTrue();
    }

    @Test
    void innovationScoreFollowsItsDocumentedWeights() {
        double[] v = Features.compute(enterprise(Set.of("HIGH_TECH", "TECH_SME")), hub(), AS_OF);
        InnovationScore s = InnovationScore.of(v, 500, Set.of("HIGH_TECH", "TECH_SME"));
        double ip = 5 * log2(1 + 2) + 2.5 * log2(1 + 3) + 2.5 * log2(1 + 3);
        double rd = 2 * 5.0 + 10.0 / 3 * Math.log10(501);
        double talent = 0.5 * 20;
        double qualifications = 8 + 3;
        assertThat(s.ip()).isEqualTo(Math.round(ip * 10) / 10.0);
        assertThat(s.rd()).isEqualTo(Math.round(rd * 10) / 10.0);
        assertThat(s.talent()).isEqualTo(10.0);
        assertThat(s.qualifications()).isEqualTo(11.0);
        assertThat(s.total()).isEqualTo((int) Math.round(ip + rd + talent + qualifications));

        double[] strong = v.clone();
        strong[CreditFeature.INVENTION_PATENTS.ordinal()] = 1_000;
        strong[CreditFeature.IP_TOTAL.ordinal()] = 5_000;
        strong[CreditFeature.IP_NEW_24M.ordinal()] = 500;
        strong[CreditFeature.RD_INTENSITY_PCT.ordinal()] = 40;
        strong[CreditFeature.RD_STAFF_PCT.ordinal()] = 90;
        assertThat(InnovationScore.of(strong, 1e6, Set.of("HIGH_TECH", "SRDI_SME", "LITTLE_GIANT", "UNICORN"))
                .total()).as("every part capped: 35 + 30 + 15 + 20").isEqualTo(100);
        assertThat(InnovationScore.of(Features.compute(enterprise(Set.of()), EnterpriseHubData.empty(CODE), AS_OF),
                0, Set.of()).qualifications()).isZero();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
