package org.sanrong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.enterprise.EnterpriseRecord;
import org.sanrong.reference.Industry;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.springframework.beans.factory.annotation.Autowired;

/** The synthetic Dongguan: reproducible, valid against the reference data, and shaped as documented. */
@SanrongTest
class PopulationGeneratorTest {

    static final int N = 20_000;
    static List<EnterpriseRecord> population;

    @Autowired
    ReferenceData reference;

    @BeforeAll
    static void generate() {
        population = new PopulationGenerator(PopulationGenerator.DEFAULT_SEED).list(N);
    }

    @Test
    void sameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        assertThat(new PopulationGenerator(PopulationGenerator.DEFAULT_SEED).list(2_000))
                .isEqualTo(population.subList(0, 2_000));
        List<EnterpriseRecord> other = new PopulationGenerator(7).list(2_000);
        assertThat(other.get(0).creditCode()).isNotEqualTo(population.get(0).creditCode());
        assertThat(other).doesNotContainAnyElementsOf(population.subList(0, 2_000));
        // any enterprise can be produced alone, whatever was generated before
        assertThat(new PopulationGenerator(PopulationGenerator.DEFAULT_SEED).enterprise(12_345))
                .isEqualTo(population.get(12_345));
    }

    @Test
    void everyCreditCodeIsValidDongguanAndUnique() {
        Set<String> codes = new HashSet<>();
        for (EnterpriseRecord e : population) {
            assertThat(UnifiedSocialCreditCode.check(e.creditCode())).as(e.creditCode()).isEmpty();
            assertThat(e.creditCode()).startsWith("91441900");
            assertThat(codes.add(e.creditCode())).as("duplicate %s", e.creditCode()).isTrue();
        }
    }

    @Test
    void namesAreUniqueChineseCompanyNames() {
        Set<String> names = new HashSet<>();
        for (EnterpriseRecord e : population) {
            assertThat(e.name()).endsWith("有限公司").hasSizeLessThanOrEqualTo(100);
            assertThat(names.add(e.name())).as("duplicate %s", e.name()).isTrue();
        }
        // the brand part is two characters for the first enterprises of a seed
        assertThat(population.get(0).name()).matches(".{2,9}有限公司");
    }

    @Test
    void codesComeFromTheReferenceDataAndValuesAreSane() {
        for (EnterpriseRecord e : population) {
            assertThat(reference.town(e.townCode())).as(e.townCode()).isPresent();
            assertThat(reference.industry(e.industryCode())).as(e.industryCode())
                    .hasValueSatisfying(i -> assertThat(i.level()).isEqualTo(Industry.Level.CLASS));
            assertThat(e.registeredOn()).isBeforeOrEqualTo(PopulationGenerator.AS_OF);
            assertThat(e.registeredCapitalFen()).isPositive();
            assertThat(e.revenueFen()).isNotNegative();
            assertThat(e.rdExpenseFen()).isNotNegative().isLessThanOrEqualTo(e.revenueFen());
            assertThat(e.rdStaff()).isNotNegative().isLessThanOrEqualTo(e.headcount());
            assertThat(e.headcount()).isPositive();
            assertThat(e.contactMobile()).matches("1[3-9][0-9]0000[0-9]{4}");
            assertThat(e.figuresYear()).isEqualTo(PopulationGenerator.FIGURES_YEAR);
            assertThat(e.qualifications()).allSatisfy(q -> assertThat(reference.qualificationKind(q)).isPresent());
            if (e.qualifications().contains("LITTLE_GIANT")) {
                assertThat(e.qualifications()).contains("SRDI_SME");
            }
        }
    }

    @Test
    void industriesAreWeightedLikeDongguan() {
        Map<String, Integer> byDivision = count(e -> true, e -> e.industryCode().substring(0, 3));
        List<String> ranked = byDivision.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        assertThat(ranked.subList(0, 2)).containsExactly("C39", "C38");
        assertThat(share(e -> e.industryCode().startsWith("C39"))).isBetween(0.20, 0.30);
        assertThat(share(e -> e.industryCode().startsWith("C"))).isBetween(0.70, 0.85);
        assertThat(share(e -> e.industryCode().startsWith("I65"))).isBetween(0.05, 0.11);
    }

    @Test
    void townsAreWeightedWithSongshanLakeFirst() {
        Map<String, Integer> byTown = count(e -> true, EnterpriseRecord::townCode);
        String top = byTown.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(top).isEqualTo("441900401");
        assertThat(share(e -> e.townCode().equals("441900401"))).isBetween(0.065, 0.11);
        assertThat(share(e -> e.townCode().equals("441900402"))).isLessThan(0.01);
        assertThat(byTown).hasSize(36);
    }

    @Test
    void qualificationsAppearAtTheirDocumentedRates() {
        assertThat(rate("HIGH_TECH")).isBetween(0.08, 0.10);
        assertThat(rate("TECH_SME")).isBetween(0.11, 0.13);
        assertThat(rate("SRDI_SME")).isBetween(0.025, 0.035);
        assertThat(rate("LITTLE_GIANT")).isBetween(0.0015, 0.0045);
        assertThat(rate("SMALL_TO_SCALE")).isBetween(0.016, 0.024);
        // high-tech enterprises spend at least 3% of revenue on R&D and hold some IP
        population.stream().filter(e -> e.qualifications().contains("HIGH_TECH")).forEach(e -> {
            assertThat(e.inventionPatents() + e.utilityPatents()).isPositive();
            if (e.revenueFen() > 100_000_000L) {
                assertThat(e.rdExpenseFen() * 100.0 / e.revenueFen()).isGreaterThanOrEqualTo(2.99);
            }
        });
    }

    @Test
    void sizesAreLogNormalWithHeadcountFollowingRevenue() {
        double[] revenueWan = population.stream().filter(e -> e.revenueFen() > 0)
                .mapToDouble(e -> e.revenueFen() / 1e6).sorted().toArray();
        double median = revenueWan[revenueWan.length / 2];
        assertThat(median).isBetween(400.0, 1_500.0);
        // a long right tail (σ = 1.5 in log space): the 99th percentile is over 20 times the median
        assertThat(revenueWan[(int) (revenueWan.length * 0.99)]).isGreaterThan(20 * median);
        double[] x = population.stream().filter(e -> e.revenueFen() > 0).mapToDouble(e -> Math.log(e.revenueFen()))
                .toArray();
        double[] y = population.stream().filter(e -> e.revenueFen() > 0).mapToDouble(e -> Math.log(e.headcount()))
                .toArray();
        assertThat(correlation(x, y)).isGreaterThan(0.7);
    }

    private double rate(String qualification) {
        return share(e -> e.qualifications().contains(qualification));
    }

    private static double share(Predicate<EnterpriseRecord> p) {
        return population.stream().filter(p).count() / (double) N;
    }

    private static Map<String, Integer> count(Predicate<EnterpriseRecord> p,
            java.util.function.Function<EnterpriseRecord, String> key) {
        Map<String, Integer> m = new HashMap<>();
        population.stream().filter(p).forEach(e -> m.merge(key.apply(e), 1, Integer::sum));
        return m;
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
