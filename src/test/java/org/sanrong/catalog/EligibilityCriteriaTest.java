package org.sanrong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.platform.InvalidRequestException;

/** Criteria check themselves, describe each rule in Chinese, and decide them against an enterprise's facts. */
class EligibilityCriteriaTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    /** The names the city's reference data gives these codes. */
    static final EligibilityCriteria.Names NAMES = new EligibilityCriteria.Names() {
        final Map<String, String> towns = Map.of("441900401", "松山湖", "441900119", "长安镇");
        final Map<String, String> industries = Map.of("C39", "计算机、通信和其他电子设备制造业", "K", "房地产业",
                "I65", "软件和信息技术服务业");
        final Map<String, String> kinds = Map.of("HIGH_TECH", "高新技术企业", "SRDI_SME", "专精特新中小企业",
                "TECH_SME", "科技型中小企业");

        public Optional<String> town(String code) { return Optional.ofNullable(towns.get(code)); }
        public Optional<String> industry(String code) { return Optional.ofNullable(industries.get(code)); }
        public Optional<String> qualification(String code) { return Optional.ofNullable(kinds.get(code)); }
    };

    static EligibilityCriteria full() {
        return new EligibilityCriteria(List.of("441900401", "441900119"), List.of("c39", " I65"), List.of("K"),
                List.of(LifecycleStage.GROWTH, LifecycleStage.START_UP), List.of("HIGH_TECH"),
                List.of("SRDI_SME", "TECH_SME"), 2, 500_000_000L, 50_000_000_000L, 20, 300, "BBB", 60,
                List.of(Collateral.IP, Collateral.REAL_ESTATE));
    }

    static EnterpriseFacts eligible() {
        return new EnterpriseFacts("441900401", "C3911", LifecycleStage.GROWTH, Set.of("HIGH_TECH", "TECH_SME"),
                LocalDate.of(2020, 5, 18), 8_000_000_000L, 120, "A", 75, Set.of(Collateral.IP));
    }

    @Test
    void describesEachRuleInChinese() {
        assertThat(full().describe(NAMES)).containsExactly(
                "注册地在松山湖、长安镇",
                "行业属于 C39 计算机、通信和其他电子设备制造业、I65 软件和信息技术服务业",
                "行业不属于 K 房地产业",
                "处于初创期、成长期",
                "须持有：高新技术企业",
                "须持有其一：专精特新中小企业、科技型中小企业",
                "成立满 2 年",
                "上年营业收入 500万元 至 5亿元",
                "员工人数 20 人 至 300 人",
                "平台信用评级不低于 BBB",
                "创新积分不低于 60 分",
                "能提供以下担保方式之一：房产抵押、知识产权质押");
    }

    @Test
    void describesOpenEndedRangesAndNoCollateral() {
        var c = new EligibilityCriteria(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                150_000_000L, null, null, 50, null, null, List.of(Collateral.NONE));
        assertThat(c.describe(NAMES)).containsExactly("上年营业收入不低于 150万元", "员工人数不高于 50 人", "无需抵押担保");
        assertThat(EligibilityCriteria.NONE.describe(NAMES)).isEmpty();
    }

    @Test
    void eligibleEnterprisePassesEveryRule() {
        var evaluation = full().evaluate(eligible(), TODAY, NAMES);
        assertThat(evaluation.eligible()).isTrue();
        assertThat(evaluation.checks()).hasSize(12).allMatch(EligibilityCriteria.Check::passed);
        assertThat(evaluation.checks().get(0).label()).isEqualTo("注册地在松山湖、长安镇");
    }

    @Test
    void eachBrokenRuleFailsOnItsOwn() {
        EnterpriseFacts e = eligible();
        assertThat(failed(new EnterpriseFacts("441900003", e.industryCode(), e.stage(), e.qualifications(),
                e.registeredOn(), e.revenueFen(), e.headcount(), e.creditGrade(), e.innovationScore(),
                e.collateral()))).containsExactly(EligibilityCriteria.Rule.TOWN);
        assertThat(failed(new EnterpriseFacts(e.townCode(), "C3811", e.stage(), e.qualifications(),
                e.registeredOn(), e.revenueFen(), e.headcount(), e.creditGrade(), e.innovationScore(),
                e.collateral()))).containsExactly(EligibilityCriteria.Rule.INDUSTRY);
        assertThat(failed(new EnterpriseFacts(e.townCode(), e.industryCode(), LifecycleStage.SEED,
                Set.of("TECH_SME"), TODAY.minusYears(2).plusDays(1), 500_000_000L - 1, 301, "BB", 59,
                Set.of(Collateral.EQUIPMENT)))).containsExactly(EligibilityCriteria.Rule.STAGE,
                        EligibilityCriteria.Rule.QUALIFICATIONS_ALL, EligibilityCriteria.Rule.YEARS_IN_OPERATION,
                        EligibilityCriteria.Rule.REVENUE, EligibilityCriteria.Rule.HEADCOUNT,
                        EligibilityCriteria.Rule.CREDIT_GRADE, EligibilityCriteria.Rule.INNOVATION_SCORE,
                        EligibilityCriteria.Rule.COLLATERAL);
        assertThat(failed(new EnterpriseFacts(e.townCode(), e.industryCode(), e.stage(), Set.of("HIGH_TECH"),
                e.registeredOn(), e.revenueFen(), e.headcount(), e.creditGrade(), e.innovationScore(),
                e.collateral()))).containsExactly(EligibilityCriteria.Rule.QUALIFICATIONS_ANY);
    }

    @Test
    void boundariesAreInclusiveAndYearsCountWholeYears() {
        EnterpriseFacts e = eligible();
        assertThat(failed(new EnterpriseFacts(e.townCode(), e.industryCode(), e.stage(), e.qualifications(),
                TODAY.minusYears(2), 50_000_000_000L, 300, "BBB", 60, e.collateral()))).isEmpty();
        assertThat(failed(new EnterpriseFacts(e.townCode(), e.industryCode(), e.stage(), e.qualifications(),
                TODAY.minusYears(2), 500_000_000L, 20, "AAA", 100, e.collateral()))).isEmpty();
    }

    @Test
    void unknownFactsFailTheirRulesButNotAnExcludedIndustry() {
        var unknown = new EnterpriseFacts(null, null, null, Set.of(), null, null, null, null, null, Set.of());
        var checks = full().evaluate(unknown, TODAY);
        assertThat(checks.failed()).extracting(EligibilityCriteria.Check::rule)
                .doesNotContain(EligibilityCriteria.Rule.INDUSTRY_EXCLUDED).hasSize(11);
        assertThat(checks.checks().get(0).label()).as("bare codes without names").isEqualTo("注册地在441900401、441900119");
        var excluded = new EnterpriseFacts("441900401", "K7010", null, Set.of(), null, null, null, null, null,
                Set.of());
        assertThat(full().evaluate(excluded, TODAY).failed()).extracting(EligibilityCriteria.Check::rule)
                .contains(EligibilityCriteria.Rule.INDUSTRY_EXCLUDED);
    }

    @Test
    void productWithoutRulesAdmitsEveryone() {
        var unknown = new EnterpriseFacts(null, null, null, Set.of(), null, null, null, null, null, Set.of());
        assertThat(EligibilityCriteria.NONE.evaluate(unknown, TODAY).eligible()).isTrue();
        var none = new EligibilityCriteria(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                null, null, null, null, null, null, List.of(Collateral.NONE));
        assertThat(none.evaluate(unknown, TODAY).eligible()).isTrue();
    }

    @Test
    void refusesInvalidCriteriaWithFieldMessages() {
        assertThatThrownBy(() -> new EligibilityCriteria(List.of(), List.of("39C"), List.of("C39", "XX"),
                List.of(), List.of(), List.of(), -1, 10L, 5L, 30, 10, "Z", 101,
                List.of(Collateral.NONE, Collateral.IP))).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("industryPrefixes", "行业代码前缀格式不正确：39C（例如 C39、I65）")
                                .containsKeys("excludedIndustryPrefixes", "minYearsInOperation", "maxRevenueFen",
                                        "maxHeadcount", "minCreditGrade", "minInnovationScore", "collateral"));
        assertThatThrownBy(() -> new EligibilityCriteria(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, -5L, null, -1, null, null, null, List.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("minRevenueFen", "营业收入不能为负数").containsKey("minHeadcount"));
    }

    @Test
    void normalisesCodesAndDropsDuplicates() {
        var c = new EligibilityCriteria(List.of(" 441900401", "441900401"), List.of("c39", "C39"), List.of(),
                List.of(LifecycleStage.GROWTH, LifecycleStage.SEED, LifecycleStage.GROWTH), List.of(), List.of(),
                null, null, null, null, null, "bbb", null, List.of());
        assertThat(c.towns()).containsExactly("441900401");
        assertThat(c.industryPrefixes()).containsExactly("C39");
        assertThat(c.stages()).containsExactly(LifecycleStage.SEED, LifecycleStage.GROWTH);
        assertThat(c.minCreditGrade()).isEqualTo("BBB");
    }

    private static List<EligibilityCriteria.Rule> failed(EnterpriseFacts facts) {
        return full().evaluate(facts, TODAY, NAMES).failed().stream().map(EligibilityCriteria.Check::rule).toList();
    }
}
