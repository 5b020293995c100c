package org.sanrong.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Percentages, growth rates and lights by hand. */
class RatiosTest {

    static final BigDecimal TARGET = new BigDecimal("15");
    static final BigDecimal AMBER = new BigDecimal("5");

    @Test
    void growthIsTheChangeOverTheBaseToOneDecimalHalfUp() {
        assertThat(Ratios.growth(115, 100)).isEqualByComparingTo("15.0");
        assertThat(Ratios.growth(2_000, 3_000)).isEqualByComparingTo("-33.3");
        assertThat(Ratios.growth(1_000_625, 1_000_000)).as("0.0625% rounds half up to 0.1").isEqualByComparingTo("0.1");
        assertThat(Ratios.growth(5, 0)).isNull();
        assertThat(Ratios.percent(1, 3)).isEqualByComparingTo("33.3");
        assertThat(Ratios.percent(2, 3)).isEqualByComparingTo("66.7");
    }

    @Test
    void lightsAreGreenAtTheTargetYellowWithinTheBandAndRedBelow() {
        assertThat(Ratios.light(new BigDecimal("15.0"), TARGET, AMBER)).isEqualTo(Light.GREEN);
        assertThat(Ratios.light(new BigDecimal("14.9"), TARGET, AMBER)).isEqualTo(Light.YELLOW);
        assertThat(Ratios.light(new BigDecimal("10.0"), TARGET, AMBER)).isEqualTo(Light.YELLOW);
        assertThat(Ratios.light(new BigDecimal("9.9"), TARGET, AMBER)).isEqualTo(Light.RED);
        assertThat(Ratios.light(null, TARGET, AMBER)).isEqualTo(Light.NONE);
    }

    @Test
    void twoIncreasesCompareInclusiveGrowthWithAllLoansAndBorrowersWithTheStartOfTheYear() {
        TwoIncreases met = new TwoIncreases(1_200, 1_000, 11_000, 10_000, 30, 30);
        assertThat(met.inclusiveGrowthPercent()).isEqualByComparingTo("20.0");
        assertThat(met.allGrowthPercent()).isEqualByComparingTo("10.0");
        assertThat(met.balanceMet()).isTrue();
        assertThat(met.borrowersMet()).isTrue();
        TwoIncreases missed = new TwoIncreases(1_050, 1_000, 11_000, 10_000, 29, 30);
        assertThat(missed.balanceMet()).isFalse();
        assertThat(missed.borrowersMet()).isFalse();
        assertThat(new TwoIncreases(100, 0, 100, 50, 1, 0).balanceMet()).as("no base").isNull();
    }

    @Test
    void matchSuccessIsDemandsMetOfDemandsEnded() {
        Figures f = new Figures(Selection.of(java.time.YearMonth.of(2026, 3)), new Totals("", "", 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0), 0, 0, 0, 0, 0, 2, 5, 0, 3, 4, null, java.util.List.of(
                        new Figures.AccessRate("TECH", "科技", true, 8, 3)));
        assertThat(f.matchSuccessPercent()).as("3 of 4").isEqualByComparingTo("75.0");
        assertThat(f.accessRates().getFirst().percent()).as("3 of 8").isEqualByComparingTo("37.5");
    }

    /** 普惠小微: fewer than 300 staff or less than 20 million yuan revenue, with at most 10 million on the platform. */
    @Test
    void theInclusiveCategoryFollowsTheSizeRuleAndTheCreditLimit() {
        StatsProperties properties = new StatsProperties(null, null, null, null, null, null);
        BorrowerProfiles profiles = new BorrowerProfiles(null, properties);
        int inclusive = properties.bitOf("INCLUSIVE");
        int tech = properties.bitOf("TECH");
        int highTech = properties.bitOf("HIGH_TECH");
        var small = new org.sanrong.enterprise.EnterpriseFacts("c", "T", "C39", org.sanrong.enterprise.LifecycleStage.GROWTH,
                java.util.Set.of("HIGH_TECH"), null, 3_000_000_000L, 120);
        assertThat(profiles.categories(small, 1_000_000_000L)).isEqualTo(inclusive | tech | highTech);
        assertThat(profiles.categories(small, 1_000_000_001L)).as("more than 10 million on the platform")
                .isEqualTo(tech | highTech);
        var medium = new org.sanrong.enterprise.EnterpriseFacts("c", "T", "C39",
                org.sanrong.enterprise.LifecycleStage.GROWTH, java.util.Set.of(), null, 2_000_000_000L, 300);
        assertThat(profiles.categories(medium, 0)).as("300 staff and 20 million revenue is medium").isZero();
        var lowRevenue = new org.sanrong.enterprise.EnterpriseFacts("c", "T", "C39",
                org.sanrong.enterprise.LifecycleStage.GROWTH, java.util.Set.of("LITTLE_GIANT"), null, 1_999_999_999L,
                500);
        assertThat(profiles.categories(lowRevenue, 0)).isEqualTo(inclusive | tech | properties.bitOf("SRDI"));
        var unknown = new org.sanrong.enterprise.EnterpriseFacts("c", null, null,
                org.sanrong.enterprise.LifecycleStage.SEED, java.util.Set.of(), null, null, null);
        assertThat(profiles.categories(unknown, 0)).as("size unknown: not counted").isZero();
    }

    @Test
    void medianOfWorkingDays() {
        assertThat(Statistics.median(java.util.List.of(3, 1, 2))).isEqualTo(2.0);
        assertThat(Statistics.median(java.util.List.of(4, 1, 2, 3))).isEqualTo(2.5);
        assertThat(Statistics.median(java.util.List.of())).isNull();
    }
}
