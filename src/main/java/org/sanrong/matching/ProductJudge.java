package org.sanrong.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.catalog.ProductVersionView;
import org.sanrong.catalog.Terms;
import org.sanrong.demand.DemandTerms;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.platform.Fen;

/**
 * Judges one product for one enterprise and demand: the hard rules (the product's criteria, and the demand's kind,
 * minimum amount and rate ceiling), then the fit score by factor. Pure: no database, so it ranks thousands of
 * products per demand in memory (see the matching benchmark).
 */
public final class ProductJudge {

    private static final java.util.Map<org.sanrong.catalog.FinancingKind, String> NOT_ACCEPTED = java.util.Arrays
            .stream(org.sanrong.catalog.FinancingKind.values()).collect(java.util.stream.Collectors.toMap(k -> k,
                    k -> "需求未接受" + k.label(), (a, b) -> a, () -> new java.util.EnumMap<>(
                            org.sanrong.catalog.FinancingKind.class)));

    private final EligibilityCriteria.Names names;
    /** A published version never changes, so the wording of its rules is built once (ranking is mostly reasons). */
    private final java.util.Map<org.sanrong.catalog.ProductRef, java.util.Map<EligibilityCriteria.Rule, String>> reasons =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final ApprovalRates rates;
    private final CreditStandings standings;

    public ProductJudge(EligibilityCriteria.Names names) {
        this(names, ApprovalRates.NONE);
    }

    public ProductJudge(EligibilityCriteria.Names names, ApprovalRates rates) {
        this(names, rates, CreditStandings.NONE);
    }

    public ProductJudge(EligibilityCriteria.Names names, ApprovalRates rates, CreditStandings standings) {
        this.names = names;
        this.rates = rates;
        this.standings = standings;
    }

    /** Hard rules, then the score. {@code demand} null: the enterprise's facts alone, any security assumed. */
    public ProductMatch judge(ProductVersionView product, EnterpriseFacts e, @Nullable DemandTerms demand, LocalDate today) {
        EligibilityCriteria criteria = product.content().criteria();
        Terms terms = product.content().terms();
        Set<Collateral> offered = demand == null ? EnumSet.allOf(Collateral.class)
                : demand.collateral().isEmpty() ? EnumSet.of(Collateral.NONE) : demand.collateral();
        CreditStandings.Standing rating = standings.of(e.creditCode());
        var facts = new org.sanrong.catalog.EnterpriseFacts(e.townCode(), e.industryCode(), e.stage(),
                e.qualifications(), e.registeredOn(), e.revenueFen(), e.headcount(),
                rating == null ? null : rating.grade(), rating == null ? null : rating.innovationScore(), offered);
        List<String> failed = new ArrayList<>();
        if (demand != null && !demand.kinds().contains(product.type().kind())) {
            failed.add(NOT_ACCEPTED.get(product.type().kind()));
        }
        if (demand != null && demand.amountFen() != null && terms.minAmountFen() != null
                && demand.amountFen() < terms.minAmountFen()) {
            failed.add("起贷（投）金额 " + Fen.formatWan(terms.minAmountFen()) + "，高于需求金额");
        }
        if (demand != null && demand.maxAnnualRatePercent() != null && terms.minRate() != null
                && terms.minRate().compareTo(demand.maxAnnualRatePercent()) > 0) {
            failed.add("最低年利率 " + terms.minRate().stripTrailingZeros().toPlainString() + "%，高于可接受上限 "
                    + demand.maxAnnualRatePercent().stripTrailingZeros().toPlainString() + "%");
        }
        List<EligibilityCriteria.Rule> failing = criteria.failing(facts, today);
        if (!failing.isEmpty()) {
            var wording = reasons.computeIfAbsent(product.ref(), ref -> new java.util.concurrent.ConcurrentHashMap<>());
            for (EligibilityCriteria.Rule rule : failing) {
                failed.add(wording.computeIfAbsent(rule, r -> "不符合：" + criteria.label(r, names)));
            }
        }
        List<ProductMatch.Factor> factors = failed.isEmpty() ? factors(product, e, demand, criteria, terms)
                : List.of();
        int score = factors.stream().mapToInt(ProductMatch.Factor::points).sum();
        return new ProductMatch(product.ref(), product.name(), product.type().name(), product.type().kind(),
                product.institutionId(), product.institutionName(), failed.isEmpty(), score, factors, failed);
    }

    private List<ProductMatch.Factor> factors(ProductVersionView product, EnterpriseFacts e,
            @Nullable DemandTerms demand, EligibilityCriteria criteria, Terms terms) {
        List<ProductMatch.Factor> f = new ArrayList<>();
        Long need = demand == null ? null : demand.amountFen();
        if (need == null || terms.maxAmountFen() == null) {
            f.add(new ProductMatch.Factor("额度匹配", 17, 25, "额度由机构按企业情况核定"));
        } else if (terms.maxAmountFen() >= need) {
            f.add(new ProductMatch.Factor("额度匹配", 25, 25, "最高 " + Fen.formatWan(terms.maxAmountFen()) + "，可覆盖全部需求"));
        } else {
            int points = (int) (25 * terms.maxAmountFen() / need);
            f.add(new ProductMatch.Factor("额度匹配", points, 25, "最高 " + Fen.formatWan(terms.maxAmountFen())
                    + "，可覆盖需求的 " + (100 * terms.maxAmountFen() / need) + "%，其余可组合其他产品"));
        }
        Integer months = demand == null ? null : demand.termMonths();
        if (months == null || terms.minTermMonths() == null && terms.maxTermMonths() == null) {
            f.add(new ProductMatch.Factor("期限匹配", 10, 15, "期限可协商"));
        } else if ((terms.minTermMonths() == null || months >= terms.minTermMonths())
                && (terms.maxTermMonths() == null || months <= terms.maxTermMonths())) {
            f.add(new ProductMatch.Factor("期限匹配", 15, 15, months + " 个月在产品期限范围内"));
        } else {
            f.add(new ProductMatch.Factor("期限匹配", 5, 15, "产品期限 " + range(terms.minTermMonths(),
                    terms.maxTermMonths()) + " 个月，与需求的 " + months + " 个月不一致"));
        }
        BigDecimal ceiling = demand == null ? null : demand.maxAnnualRatePercent();
        if (terms.minRate() == null) {
            f.add(new ProductMatch.Factor("资金成本", 12, 20, "非利率类产品，费用按产品条款"));
        } else if (ceiling == null || ceiling.signum() == 0) {
            f.add(new ProductMatch.Factor("资金成本", 12, 20, "最低年利率 " + pct(terms.minRate()) + "%"));
        } else {
            // 20 points at half the ceiling or less, falling linearly to 8 at the ceiling
            BigDecimal share = terms.minRate().divide(ceiling, 4, RoundingMode.HALF_UP);
            int points = share.compareTo(new BigDecimal("0.5")) <= 0 ? 20
                    : 20 - share.subtract(new BigDecimal("0.5")).multiply(BigDecimal.valueOf(24)).intValue();
            f.add(new ProductMatch.Factor("资金成本", Math.max(8, points), 20, "最低年利率 " + pct(terms.minRate())
                    + "%，可接受上限 " + pct(ceiling) + "%"));
        }
        if (criteria.collateral().isEmpty() || criteria.collateral().contains(Collateral.NONE)) {
            f.add(new ProductMatch.Factor("担保要求", 15, 15, "无需抵押担保"));
        } else {
            f.add(new ProductMatch.Factor("担保要求", 10, 15, "需提供" + criteria.collateral().stream()
                    .map(Collateral::label).reduce((a, b) -> a + "或" + b).orElse("") + "，企业可提供"));
        }
        Set<String> asked = new java.util.HashSet<>(criteria.qualificationsAllOf());
        asked.addAll(criteria.qualificationsAnyOf());
        long held = asked.stream().filter(e.qualifications()::contains).count();
        if (held > 0) {
            f.add(new ProductMatch.Factor("资质加分", 10, 10, "企业持有产品看重的资质 " + held + " 项"));
        } else if (!e.qualifications().isEmpty()) {
            f.add(new ProductMatch.Factor("资质加分", 6, 10, "企业持有有效资质 " + e.qualifications().size() + " 项"));
        } else {
            f.add(new ProductMatch.Factor("资质加分", 2, 10, "企业暂无有效资质"));
        }
        if (!criteria.towns().isEmpty() && e.townCode() != null && criteria.towns().contains(e.townCode())) {
            f.add(new ProductMatch.Factor("机构覆盖", 5, 5, "产品专门服务本镇街企业"));
        } else {
            f.add(new ProductMatch.Factor("机构覆盖", 3, 5, "产品面向全市"));
        }
        f.add(approvalFactor(rates.of(product.institutionId(), e.stage())));
        return f;
    }

    /** 审批通过率: 10 points at a 100% approval rate; 5 (neutral) while there are too few decisions to tell. */
    static ProductMatch.Factor approvalFactor(ApprovalRates.Record r) {
        if (!r.enough()) {
            return new ProductMatch.Factor("审批通过率", 5, 10, "该机构的审批记录尚少，暂按中等计");
        }
        int percent = (int) Math.round(100.0 * r.approved() / r.decided());
        int points = (int) Math.round(10.0 * r.approved() / r.decided());
        return new ProductMatch.Factor("审批通过率", points, 10, (r.similar() ? "同阶段企业" : "全部申请") + "审批通过率 "
                + percent + "%（" + r.approved() + "/" + r.decided() + "）");
    }

    private static String range(@Nullable Integer min, @Nullable Integer max) {
        return (min == null ? "" : min) + "-" + (max == null ? "" : max);
    }

    private static String pct(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString();
    }

}
