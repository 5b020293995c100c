package org.sanrong.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductQuery;
import org.sanrong.catalog.ProductRef;
import org.sanrong.catalog.ProductVersionView;
import org.sanrong.catalog.Terms;
import org.sanrong.demand.DemandTerms;
import org.sanrong.demand.DemandView;
import org.sanrong.demand.Demands;
import org.sanrong.demand.FinancingDemand;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Fen;
import org.sanrong.platform.NotFoundException;
import org.sanrong.reference.ReferenceData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 智能匹配, demand to products: hard eligibility first (every criterion of the product's published version against
 * the enterprise, and the demand's own limits: kind, minimum amount, rate ceiling), then a fit score for the
 * eligible, broken down by factor. Every ineligible product says which rules it fails.
 */
@Service
public class Matchmaking {

    private final ProductCatalog catalog;
    private final Demands demands;
    private final EnterpriseBook enterprises;
    private final ReferenceData reference;
    private final EnterpriseEligibility eligibility;
    private final Clock clock;

    Matchmaking(ProductCatalog catalog, Demands demands, EnterpriseBook enterprises, ReferenceData reference,
            EnterpriseEligibility eligibility, Clock clock) {
        this.eligibility = eligibility;
        this.catalog = catalog;
        this.demands = demands;
        this.enterprises = enterprises;
        this.reference = reference;
        this.clock = clock;
    }

    /** Every product on the shelf judged for a demand: eligible ones by score, then the others with reasons. */
    @Transactional(readOnly = true)
    public List<ProductMatch> forDemand(UUID demandId, SignedInUser user) {
        DemandView demand = demands.view(new FinancingDemand.Id(demandId), user);
        EnterpriseFacts facts = enterprises.facts(demand.enterpriseCreditCode())
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        LocalDate today = LocalDate.now(clock);
        List<ProductMatch> matches = new ArrayList<>();
        for (ProductVersionView product : shelf()) {
            matches.add(judge(product, facts, demand.terms(), today));
        }
        matches.sort(ORDER);
        return matches;
    }

    /**
     * Pairs of eligible products for a demand, best first: different kinds that complement each other (a loan and
     * a guarantee, equity and debt), or two money products whose amounts together cover the need where neither
     * does alone. Scored by the pair's mean fit, with a bonus when together they cover the whole amount.
     */
    @Transactional(readOnly = true)
    public List<FinancingPackage> packagesFor(UUID demandId, SignedInUser user) {
        DemandView demand = demands.view(new FinancingDemand.Id(demandId), user);
        List<ProductMatch> eligible = forDemand(demandId, user).stream().filter(ProductMatch::eligible).toList();
        Long need = demand.terms().amountFen();
        List<FinancingPackage> packages = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            for (int j = i + 1; j < eligible.size(); j++) {
                ProductMatch a = eligible.get(i);
                ProductMatch b = eligible.get(j);
                long money = money(a) + money(b);
                boolean complementary = a.kind() != b.kind();
                boolean adds = need != null && money >= need && Math.max(money(a), money(b)) < need;
                if (!complementary && !adds) {
                    continue;
                }
                int coverage = need == null || need == 0 ? 100 : (int) Math.min(100, 100 * money / need);
                int score = Math.min(100, (a.score() + b.score()) / 2 + (coverage == 100 ? 5 : 0));
                String explanation = a.productName() + "（" + a.kind().label() + "）+ " + b.productName() + "（"
                        + b.kind().label() + "）" + (need == null ? "" : "，合计可覆盖需求的 " + coverage + "%");
                packages.add(new FinancingPackage(List.of(a, b), score, coverage, explanation));
            }
        }
        packages.sort(Comparator.comparingInt(FinancingPackage::score).reversed()
                .thenComparing(Comparator.comparingInt(FinancingPackage::coveragePercent).reversed()));
        return packages.stream().limit(5).toList();
    }

    /** Money a product can bring: its maximum amount for loans, investment and leasing; none for cover. */
    private long money(ProductMatch m) {
        return switch (m.kind()) {
            case DEBT, EQUITY, LEASING -> catalog.version(m.product()).map(v -> v.content().terms().maxAmountFen())
                    .map(x -> x == null ? 0L : x).orElse(0L);
            case GUARANTEE, INSURANCE -> 0L;
        };
    }

    /**
     * The institution's inbox (匹配需求): open demands it may see, each with its own product that fits best; demands
     * none of its products can serve are left out.
     */
    @Transactional(readOnly = true)
    public List<MatchedDemand> inbox(SignedInUser user) {
        if (!user.hasRole(org.sanrong.identity.Role.INSTITUTION)) {
            throw new AccessDeniedException("匹配需求面向金融机构");
        }
        List<ProductVersionView> own = shelf().stream().filter(p -> p.institutionId().equals(user.organisationId()))
                .toList();
        LocalDate today = LocalDate.now(clock);
        List<MatchedDemand> inbox = new ArrayList<>();
        for (DemandView demand : demands.open(org.sanrong.demand.OpenDemandQuery.none(), user, 0, 200).items()) {
            enterprises.facts(demand.enterpriseCreditCode()).ifPresent(facts -> own.stream()
                    .map(p -> judge(p, facts, demand.terms(), today)).filter(ProductMatch::eligible)
                    .max(Comparator.comparingInt(ProductMatch::score))
                    .ifPresent(best -> inbox.add(new MatchedDemand(demand, best))));
        }
        inbox.sort(Comparator.comparingInt((MatchedDemand m) -> m.best().score()).reversed());
        return inbox;
    }

    /** Products the enterprise qualifies for on its facts alone (no demand yet), best known first. */
    @Transactional(readOnly = true)
    public List<ProductMatch> forEnterprise(String creditCode, SignedInUser user) {
        boolean own = enterprises.ownCreditCode(user).map(creditCode::equals).orElse(false);
        boolean official = user.hasRole(org.sanrong.identity.Role.GOV) || user.hasRole(org.sanrong.identity.Role.ADMIN);
        if (!own && !official) {
            throw new AccessDeniedException("只能查看本企业可申请的产品");
        }
        EnterpriseFacts facts = enterprises.facts(creditCode).orElseThrow(() -> new NotFoundException("企业不存在"));
        LocalDate today = LocalDate.now(clock);
        return shelf().stream().map(p -> judge(p, facts, null, today)).sorted(ORDER).toList();
    }

    /**
     * A published product's reach among all registered enterprises. Government sees who; the product's institution
     * sees counts, and names only of enterprises with an open demand it may see; other institutions may not ask.
     */
    @Transactional(readOnly = true)
    public ProductReach reach(UUID productId, SignedInUser user) {
        ProductVersionView product = catalog.current(productId)
                .orElseThrow(() -> new NotFoundException("产品不存在或未上架"));
        boolean official = user.hasRole(org.sanrong.identity.Role.GOV) || user.hasRole(org.sanrong.identity.Role.ADMIN);
        if (!official && !product.institutionId().equals(user.organisationId())) {
            throw new AccessDeniedException("只能查看本机构产品的覆盖情况");
        }
        EligibilityCriteria criteria = product.content().criteria();
        EnterpriseFilter filter = CriteriaFilters.of(criteria);
        java.util.Map<String, Long> byTown = new java.util.LinkedHashMap<>();
        for (var town : reference.towns()) {
            if (!filter.towns().isEmpty() && !filter.towns().contains(town.code())) {
                continue;
            }
            long n = eligibility.count(new EnterpriseFilter(Set.of(town.code()), filter.industryIncludes(),
                    filter.industryExcludes(), filter.stages(), filter.allQualifications(), filter.anyQualifications(),
                    filter.minYears(), filter.minRevenueFen(), filter.maxRevenueFen(), filter.minHeadcount(),
                    filter.maxHeadcount()));
            if (n > 0) {
                byTown.put(town.name(), n);
            }
        }
        List<String> codes = eligibility.eligible(filter);
        List<org.sanrong.enterprise.EnterpriseCard> named = new ArrayList<>();
        if (official) {
            codes.stream().sorted().limit(50).forEach(code -> enterprises.card(code).ifPresent(named::add));
        } else {
            Set<String> eligibleCodes = new java.util.HashSet<>(codes);
            demands.open(org.sanrong.demand.OpenDemandQuery.none(), user, 0, 200).items().stream()
                    .map(DemandView::enterpriseCreditCode).distinct().filter(eligibleCodes::contains).limit(50)
                    .forEach(code -> enterprises.card(code).ifPresent(named::add));
        }
        var names = EligibilityCriteria.Names.of(reference);
        return new ProductReach(product.name(), codes.size(), byTown, named, !official,
                CriteriaFilters.notCounted(criteria).stream().map(r -> criteria.label(r, names)).toList());
    }

    private static final Comparator<ProductMatch> ORDER = Comparator.comparing(ProductMatch::eligible).reversed()
            .thenComparing(Comparator.comparingInt(ProductMatch::score).reversed())
            .thenComparing(ProductMatch::productName);

    private List<ProductVersionView> shelf() {
        List<ProductVersionView> shelf = new ArrayList<>();
        catalog.search(new ProductQuery(null, null, null, null, null, null, ProductQuery.Sort.NEWEST), 0, 10_000)
                .items().forEach(row -> catalog.version(new ProductRef(row.id(), row.version())).ifPresent(shelf::add));
        return shelf;
    }

    /** Hard rules, then the score. {@code demand} null: the enterprise's facts alone, any security assumed. */
    ProductMatch judge(ProductVersionView product, EnterpriseFacts e, @Nullable DemandTerms demand, LocalDate today) {
        EligibilityCriteria criteria = product.content().criteria();
        Terms terms = product.content().terms();
        Set<Collateral> offered = demand == null ? EnumSet.allOf(Collateral.class)
                : demand.collateral().isEmpty() ? EnumSet.of(Collateral.NONE) : demand.collateral();
        var facts = new org.sanrong.catalog.EnterpriseFacts(e.townCode(), e.industryCode(), e.stage(),
                e.qualifications(), e.registeredOn(), e.revenueFen(), e.headcount(), null, null, offered);
        List<String> failed = new ArrayList<>();
        if (demand != null && !demand.kinds().contains(product.type().kind())) {
            failed.add("需求未接受" + product.type().kind().label());
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
        criteria.evaluate(facts, today, reference).failed().forEach(c -> failed.add("不符合：" + c.label()));
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
            f.add(new ProductMatch.Factor("额度匹配", 20, 30, "额度由机构按企业情况核定"));
        } else if (terms.maxAmountFen() >= need) {
            f.add(new ProductMatch.Factor("额度匹配", 30, 30, "最高 " + Fen.formatWan(terms.maxAmountFen()) + "，可覆盖全部需求"));
        } else {
            int points = (int) (30 * terms.maxAmountFen() / need);
            f.add(new ProductMatch.Factor("额度匹配", points, 30, "最高 " + Fen.formatWan(terms.maxAmountFen())
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
            f.add(new ProductMatch.Factor("资金成本", 15, 25, "非利率类产品，费用按产品条款"));
        } else if (ceiling == null || ceiling.signum() == 0) {
            f.add(new ProductMatch.Factor("资金成本", 15, 25, "最低年利率 " + pct(terms.minRate()) + "%"));
        } else {
            // 25 points at half the ceiling or less, falling linearly to 10 at the ceiling
            BigDecimal share = terms.minRate().divide(ceiling, 4, RoundingMode.HALF_UP);
            int points = share.compareTo(new BigDecimal("0.5")) <= 0 ? 25
                    : 25 - share.subtract(new BigDecimal("0.5")).multiply(BigDecimal.valueOf(30)).intValue();
            f.add(new ProductMatch.Factor("资金成本", Math.max(10, points), 25, "最低年利率 " + pct(terms.minRate())
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
        return f;
    }

    private static String range(@Nullable Integer min, @Nullable Integer max) {
        return (min == null ? "" : min) + "-" + (max == null ? "" : max);
    }

    private static String pct(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString();
    }
}
