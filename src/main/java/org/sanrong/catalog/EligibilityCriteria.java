package org.sanrong.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.reference.Industry;
import org.sanrong.reference.QualificationKind;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.Town;

/**
 * Who a product is for, as data: each non-empty component is one rule, and an enterprise is eligible when it
 * passes every rule. Built valid (no negative or inverted range, plausible industry prefixes, a known credit
 * grade); whether the codes exist in the city's reference data is {@link #problemsWith}. Each rule describes itself
 * in Chinese ({@link #describe}), and {@link #evaluate} decides it against an enterprise's facts: the reference the
 * matching index is tested against. A rule on an unknown fact fails, except an excluded industry: an enterprise of
 * unknown industry is not in it (as {@code matching.EnterpriseFilter} reads it).
 *
 * @param towns town codes (注册地), any of
 * @param industryPrefixes GB/T 4754 code prefixes the enterprise's industry must start with (any of)
 * @param excludedIndustryPrefixes prefixes it must not start with
 * @param stages lifecycle stages, any of
 * @param qualificationsAllOf qualification codes the enterprise must all hold
 * @param qualificationsAnyOf qualification codes it must hold at least one of
 * @param minYearsInOperation whole years since registration
 * @param minCreditGrade lowest platform rating accepted (AAA best ... C), null until ratings exist
 * @param minInnovationScore lowest innovation score (0-100), null until scores exist
 * @param collateral security the product accepts; the enterprise must offer one; NONE means none needed
 */
public record EligibilityCriteria(List<String> towns, List<String> industryPrefixes,
        List<String> excludedIndustryPrefixes, List<LifecycleStage> stages, List<String> qualificationsAllOf,
        List<String> qualificationsAnyOf, @Nullable Integer minYearsInOperation, @Nullable Long minRevenueFen,
        @Nullable Long maxRevenueFen, @Nullable Integer minHeadcount, @Nullable Integer maxHeadcount,
        @Nullable String minCreditGrade, @Nullable Integer minInnovationScore, List<Collateral> collateral) {

    /** Platform ratings from best to worst. */
    public static final List<String> CREDIT_GRADES = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C");
    public static final EligibilityCriteria NONE = new EligibilityCriteria(List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), null, null, null, null, null, null, null, List.of());

    /** The rules, in the order they are described and evaluated. */
    public enum Rule {
        TOWN, INDUSTRY, INDUSTRY_EXCLUDED, STAGE, QUALIFICATIONS_ALL, QUALIFICATIONS_ANY, YEARS_IN_OPERATION,
        REVENUE, HEADCOUNT, CREDIT_GRADE, INNOVATION_SCORE, COLLATERAL
    }

    /** Names for the codes in labels; {@link #of(ReferenceData)} for the city's, {@link #CODES} for bare codes. */
    public interface Names {
        Optional<String> town(String code);

        Optional<String> industry(String code);

        Optional<String> qualification(String code);

        Names CODES = new Names() {
            public Optional<String> town(String code) { return Optional.empty(); }
            public Optional<String> industry(String code) { return Optional.empty(); }
            public Optional<String> qualification(String code) { return Optional.empty(); }
        };

        static Names of(ReferenceData reference) {
            return new Names() {
                public Optional<String> town(String code) { return reference.town(code).map(Town::name); }
                public Optional<String> industry(String code) { return reference.industry(code).map(Industry::name); }
                public Optional<String> qualification(String code) {
                    return reference.qualificationKind(code).map(QualificationKind::name);
                }
            };
        }
    }

    /** One rule with its label and whether the enterprise passed it. */
    public record Check(Rule rule, String label, boolean passed) {
    }

    /** Every rule's outcome; eligible when all passed (a product without rules is open to all). */
    public record Evaluation(List<Check> checks) {
        public Evaluation {
            checks = List.copyOf(checks);
        }

        public boolean eligible() {
            return checks.stream().allMatch(Check::passed);
        }

        public List<Check> failed() {
            return checks.stream().filter(c -> !c.passed()).toList();
        }
    }

    public EligibilityCriteria {
        towns = distinct(towns, s -> s.strip());
        industryPrefixes = distinct(industryPrefixes, s -> s.strip().toUpperCase(Locale.ROOT));
        excludedIndustryPrefixes = distinct(excludedIndustryPrefixes, s -> s.strip().toUpperCase(Locale.ROOT));
        stages = stages == null ? List.of() : stages.stream().distinct().sorted().toList();
        qualificationsAllOf = distinct(qualificationsAllOf, String::strip);
        qualificationsAnyOf = distinct(qualificationsAnyOf, String::strip);
        collateral = collateral == null ? List.of() : collateral.stream().distinct().sorted().toList();
        minCreditGrade = minCreditGrade == null || minCreditGrade.isBlank() ? null
                : minCreditGrade.strip().toUpperCase(Locale.ROOT);
        Map<String, String> problems = new LinkedHashMap<>();
        for (String p : industryPrefixes) {
            if (!ReferenceData.isPlausibleIndustryPrefix(p)) {
                problems.putIfAbsent("industryPrefixes", "行业代码前缀格式不正确：" + p + "（例如 C39、I65）");
            }
        }
        for (String p : excludedIndustryPrefixes) {
            if (!ReferenceData.isPlausibleIndustryPrefix(p)) {
                problems.putIfAbsent("excludedIndustryPrefixes", "行业代码前缀格式不正确：" + p + "（例如 K、C3130）");
            }
            if (industryPrefixes.contains(p)) {
                problems.putIfAbsent("excludedIndustryPrefixes", "同一行业不能既要求又排除：" + p);
            }
        }
        if (minYearsInOperation != null && (minYearsInOperation < 0 || minYearsInOperation > 100)) {
            problems.put("minYearsInOperation", "成立年限须在 0 至 100 年之间");
        }
        if (minRevenueFen != null && minRevenueFen < 0) {
            problems.put("minRevenueFen", "营业收入不能为负数");
        }
        if (maxRevenueFen != null && maxRevenueFen < 0) {
            problems.put("maxRevenueFen", "营业收入不能为负数");
        }
        if (minRevenueFen != null && maxRevenueFen != null && minRevenueFen > maxRevenueFen) {
            problems.putIfAbsent("maxRevenueFen", "营业收入上限不能低于下限");
        }
        if (minHeadcount != null && minHeadcount < 0) {
            problems.put("minHeadcount", "员工人数不能为负数");
        }
        if (maxHeadcount != null && maxHeadcount < 0) {
            problems.put("maxHeadcount", "员工人数不能为负数");
        }
        if (minHeadcount != null && maxHeadcount != null && minHeadcount > maxHeadcount) {
            problems.putIfAbsent("maxHeadcount", "员工人数上限不能低于下限");
        }
        if (minCreditGrade != null && !CREDIT_GRADES.contains(minCreditGrade)) {
            problems.put("minCreditGrade", "信用等级须为 " + String.join("、", CREDIT_GRADES) + " 之一");
        }
        if (minInnovationScore != null && (minInnovationScore < 0 || minInnovationScore > 100)) {
            problems.put("minInnovationScore", "创新积分须在 0 至 100 之间");
        }
        if (collateral.contains(Collateral.NONE) && collateral.size() > 1) {
            problems.put("collateral", "选择“无需抵押担保”时不能再选其他担保方式");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static List<String> distinct(@Nullable Collection<String> values,
            java.util.function.UnaryOperator<String> normalise) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(normalise.apply(v));
            }
        }
        return List.copyOf(out);
    }

    /** Codes that the city's reference data does not know, by field; empty when all are known. */
    public Map<String, String> problemsWith(ReferenceData reference) {
        Map<String, String> problems = new LinkedHashMap<>();
        towns.stream().filter(t -> reference.town(t).isEmpty()).findFirst()
                .ifPresent(t -> problems.put("towns", "未知的镇街代码：" + t));
        industryPrefixes.stream().filter(p -> reference.industry(p).isEmpty()).findFirst()
                .ifPresent(p -> problems.put("industryPrefixes", "未知的国民经济行业代码：" + p));
        excludedIndustryPrefixes.stream().filter(p -> reference.industry(p).isEmpty()).findFirst()
                .ifPresent(p -> problems.put("excludedIndustryPrefixes", "未知的国民经济行业代码：" + p));
        qualificationsAllOf.stream().filter(q -> reference.qualificationKind(q).isEmpty()).findFirst()
                .ifPresent(q -> problems.put("qualificationsAllOf", "未知的资质类型：" + q));
        qualificationsAnyOf.stream().filter(q -> reference.qualificationKind(q).isEmpty()).findFirst()
                .ifPresent(q -> problems.put("qualificationsAnyOf", "未知的资质类型：" + q));
        return problems;
    }

    /** The rules this product has, in order. */
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        if (!towns.isEmpty()) rules.add(Rule.TOWN);
        if (!industryPrefixes.isEmpty()) rules.add(Rule.INDUSTRY);
        if (!excludedIndustryPrefixes.isEmpty()) rules.add(Rule.INDUSTRY_EXCLUDED);
        if (!stages.isEmpty()) rules.add(Rule.STAGE);
        if (!qualificationsAllOf.isEmpty()) rules.add(Rule.QUALIFICATIONS_ALL);
        if (!qualificationsAnyOf.isEmpty()) rules.add(Rule.QUALIFICATIONS_ANY);
        if (minYearsInOperation != null && minYearsInOperation > 0) rules.add(Rule.YEARS_IN_OPERATION);
        if (minRevenueFen != null || maxRevenueFen != null) rules.add(Rule.REVENUE);
        if (minHeadcount != null || maxHeadcount != null) rules.add(Rule.HEADCOUNT);
        if (minCreditGrade != null) rules.add(Rule.CREDIT_GRADE);
        if (minInnovationScore != null) rules.add(Rule.INNOVATION_SCORE);
        if (!collateral.isEmpty()) rules.add(Rule.COLLATERAL);
        return rules;
    }

    /** Each rule in Chinese, e.g. "注册地在松山湖、长安镇", "成立满 2 年"; the matching engine shows these. */
    public List<String> describe(ReferenceData reference) {
        return describe(Names.of(reference));
    }

    public List<String> describe(Names names) {
        return rules().stream().map(r -> label(r, names)).toList();
    }

    public String label(Rule rule, Names names) {
        return switch (rule) {
            case TOWN -> "注册地在" + towns.stream().map(t -> names.town(t).orElse(t))
                    .collect(Collectors.joining("、"));
            case INDUSTRY -> "行业属于 " + industryPrefixes.stream().map(p -> industry(p, names))
                    .collect(Collectors.joining("、"));
            case INDUSTRY_EXCLUDED -> "行业不属于 " + excludedIndustryPrefixes.stream().map(p -> industry(p, names))
                    .collect(Collectors.joining("、"));
            case STAGE -> "处于" + stages.stream().map(EligibilityCriteria::stageLabel)
                    .collect(Collectors.joining("、"));
            case QUALIFICATIONS_ALL -> "须持有：" + qualificationsAllOf.stream()
                    .map(q -> names.qualification(q).orElse(q)).collect(Collectors.joining("、"));
            case QUALIFICATIONS_ANY -> "须持有其一：" + qualificationsAnyOf.stream()
                    .map(q -> names.qualification(q).orElse(q)).collect(Collectors.joining("、"));
            case YEARS_IN_OPERATION -> "成立满 " + minYearsInOperation + " 年";
            case REVENUE -> "上年营业收入" + range(minRevenueFen == null ? null : money(minRevenueFen),
                    maxRevenueFen == null ? null : money(maxRevenueFen));
            case HEADCOUNT -> "员工人数" + range(minHeadcount == null ? null : minHeadcount + " 人",
                    maxHeadcount == null ? null : maxHeadcount + " 人");
            case CREDIT_GRADE -> "平台信用评级不低于 " + minCreditGrade;
            case INNOVATION_SCORE -> "创新积分不低于 " + minInnovationScore + " 分";
            case COLLATERAL -> collateral.contains(Collateral.NONE) ? Collateral.NONE.label()
                    : "能提供以下担保方式之一：" + collateral.stream().map(Collateral::label)
                            .collect(Collectors.joining("、"));
        };
    }

    /**
     * Decides every rule against an enterprise's facts on a given day. Pure: no database, no clock. A rule whose
     * fact is unknown fails.
     */
    public Evaluation evaluate(EnterpriseFacts facts, LocalDate today, Names names) {
        List<Check> checks = new ArrayList<>();
        for (Rule rule : rules()) {
            checks.add(new Check(rule, label(rule, names), passes(rule, facts, today)));
        }
        return new Evaluation(checks);
    }

    /** The rules the facts fail, in order, without building labels: the fast path for ranking many products. */
    public List<Rule> failing(EnterpriseFacts facts, LocalDate today) {
        List<Rule> failed = new ArrayList<>(2);
        for (Rule rule : rules()) {
            if (!passes(rule, facts, today)) {
                failed.add(rule);
            }
        }
        return failed;
    }

    public Evaluation evaluate(EnterpriseFacts facts, LocalDate today, ReferenceData reference) {
        return evaluate(facts, today, Names.of(reference));
    }

    /** With bare codes in the labels. */
    public Evaluation evaluate(EnterpriseFacts facts, LocalDate today) {
        return evaluate(facts, today, Names.CODES);
    }

    private boolean passes(Rule rule, EnterpriseFacts f, LocalDate today) {
        return switch (rule) {
            case TOWN -> f.townCode() != null && towns.contains(f.townCode());
            case INDUSTRY -> f.industryCode() != null && startsWithAny(f.industryCode(), industryPrefixes);
            // as the matching index reads it: an enterprise of unknown industry is not in an excluded one
            case INDUSTRY_EXCLUDED -> f.industryCode() == null
                    || !startsWithAny(f.industryCode(), excludedIndustryPrefixes);
            case STAGE -> f.stage() != null && stages.contains(f.stage());
            case QUALIFICATIONS_ALL -> f.qualifications().containsAll(qualificationsAllOf);
            case QUALIFICATIONS_ANY -> qualificationsAnyOf.stream().anyMatch(f.qualifications()::contains);
            case YEARS_IN_OPERATION -> f.registeredOn() != null && !f.registeredOn().isAfter(today)
                    && Period.between(f.registeredOn(), today).getYears() >= minYearsInOperation;
            case REVENUE -> f.revenueFen() != null && within(f.revenueFen(), minRevenueFen, maxRevenueFen);
            case HEADCOUNT -> f.headcount() != null && within((long) f.headcount(),
                    minHeadcount == null ? null : (long) minHeadcount,
                    maxHeadcount == null ? null : (long) maxHeadcount);
            case CREDIT_GRADE -> f.creditGrade() != null && CREDIT_GRADES.contains(f.creditGrade())
                    && CREDIT_GRADES.indexOf(f.creditGrade()) <= CREDIT_GRADES.indexOf(minCreditGrade);
            case INNOVATION_SCORE -> f.innovationScore() != null && f.innovationScore() >= minInnovationScore;
            case COLLATERAL -> collateral.contains(Collateral.NONE)
                    || collateral.stream().anyMatch(f.collateral()::contains);
        };
    }

    private static boolean startsWithAny(String code, List<String> prefixes) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        Predicate<String> starts = c::startsWith;
        return prefixes.stream().anyMatch(starts);
    }

    private static boolean within(long value, @Nullable Long min, @Nullable Long max) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    private static String industry(String prefix, Names names) {
        return names.industry(prefix).map(n -> prefix + " " + n).orElse(prefix);
    }

    private static String range(@Nullable String min, @Nullable String max) {
        if (min != null && max != null) {
            return " " + min + " 至 " + max;
        }
        return min != null ? "不低于 " + min : "不高于 " + max;
    }

    static String stageLabel(LifecycleStage stage) {
        return switch (stage) {
            case SEED -> "种子期";
            case START_UP -> "初创期";
            case GROWTH -> "成长期";
            case EXPANSION -> "壮大期";
        };
    }

    /** Money as people say it: 500万元, 5亿元, 1.5亿元, 80.5万元. */
    static String money(long fen) {
        BigDecimal yuan = BigDecimal.valueOf(fen, 2);
        BigDecimal yi = BigDecimal.valueOf(100_000_000L);
        if (yuan.compareTo(yi) >= 0) {
            return plain(yuan.divide(yi)) + "亿元";
        }
        return plain(yuan.divide(BigDecimal.valueOf(10_000L))) + "万元";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
