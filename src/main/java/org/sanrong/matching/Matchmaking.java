package org.sanrong.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductVersionView;
import org.sanrong.demand.DemandView;
import org.sanrong.demand.Demands;
import org.sanrong.demand.FinancingDemand;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.identity.SignedInUser;
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
    private final ProductJudge judge;
    private final org.sanrong.enterprise.ConsentGrants consents;
    private final org.sanrong.identity.OrganisationRegistry registry;
    private final Clock clock;

    Matchmaking(ProductCatalog catalog, Demands demands, EnterpriseBook enterprises, ReferenceData reference,
            EnterpriseEligibility eligibility, org.sanrong.enterprise.ConsentGrants consents,
            org.sanrong.identity.OrganisationRegistry registry, Clock clock,
            org.springframework.beans.factory.ObjectProvider<ApprovalRates> rates, CreditStandings standings) {
        this.consents = consents;
        this.registry = registry;
        this.eligibility = eligibility;
        this.judge = new ProductJudge(EligibilityCriteria.Names.of(reference), rates.getIfAvailable(() -> ApprovalRates.NONE),
                standings);
        this.catalog = catalog;
        this.demands = demands;
        this.enterprises = enterprises;
        this.reference = reference;
        this.clock = clock;
    }

    /** Every product on the shelf judged for a demand: eligible ones by score, then the others with reasons. */
    @Transactional(readOnly = true)
    public List<ProductMatch> forDemand(UUID demandId, SignedInUser user) {
        return rank(demands.view(new FinancingDemand.Id(demandId), user), catalog.shelf());
    }

    /**
     * Pairs of eligible products for a demand, best first: different kinds that complement each other (a loan and
     * a guarantee, equity and debt), or two money products whose amounts together cover the need where neither
     * does alone. Scored by the pair's mean fit, with a bonus when together they cover the whole amount.
     */
    @Transactional(readOnly = true)
    public List<FinancingPackage> packagesFor(UUID demandId, SignedInUser user) {
        return demandMatches(demandId, user).packages();
    }

    /** A demand's ranked products and its packages, from one reading of the demand and the shelf. */
    public record DemandMatches(List<ProductMatch> matches, List<FinancingPackage> packages) {
    }

    @Transactional(readOnly = true)
    public DemandMatches demandMatches(UUID demandId, SignedInUser user) {
        DemandView demand = demands.view(new FinancingDemand.Id(demandId), user);
        List<ProductVersionView> shelf = catalog.shelf();
        List<ProductMatch> matches = rank(demand, shelf);
        java.util.Map<org.sanrong.catalog.ProductRef, Long> money = new java.util.HashMap<>();
        shelf.forEach(p -> money.put(p.ref(), money(p)));
        return new DemandMatches(matches, packages(demand, matches, money));
    }

    /**
     * Every product on the shelf judged for a demand the caller has already been allowed to read (the deal module
     * picks the next-best institutions with it): eligible ones by score, then the others.
     */
    @Transactional(readOnly = true)
    public List<ProductMatch> rank(DemandView demand) {
        return rank(demand, catalog.shelf());
    }

    /**
     * One product judged for one enterprise (and its demand's terms, when it applies for one): what an application
     * checks, without ranking the whole shelf.
     */
    @Transactional(readOnly = true)
    public ProductMatch judge(ProductVersionView product, String creditCode,
            org.sanrong.demand.@org.jspecify.annotations.Nullable DemandTerms demand) {
        EnterpriseFacts facts = enterprises.facts(creditCode).orElseThrow(() -> new NotFoundException("企业不存在"));
        return judge.judge(product, facts, demand, LocalDate.now(clock));
    }

    /** The institution's best eligible product for a demand, if it has one: what "matched to it" means. */
    @Transactional(readOnly = true)
    public java.util.Optional<ProductMatch> bestOf(UUID institutionId, DemandView demand) {
        EnterpriseFacts facts = enterprises.facts(demand.enterpriseCreditCode())
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        LocalDate today = LocalDate.now(clock);
        return catalog.shelf().stream().filter(p -> p.institutionId().equals(institutionId))
                .map(p -> judge.judge(p, facts, demand.terms(), today)).filter(ProductMatch::eligible)
                .max(Comparator.comparingInt(ProductMatch::score));
    }

    private List<ProductMatch> rank(DemandView demand, List<ProductVersionView> shelf) {
        EnterpriseFacts facts = enterprises.facts(demand.enterpriseCreditCode())
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        LocalDate today = LocalDate.now(clock);
        List<ProductMatch> matches = new ArrayList<>(shelf.size());
        for (ProductVersionView product : shelf) {
            matches.add(judge.judge(product, facts, demand.terms(), today));
        }
        matches.sort(ORDER);
        return matches;
    }

    private static List<FinancingPackage> packages(DemandView demand, List<ProductMatch> matches,
            java.util.Map<org.sanrong.catalog.ProductRef, Long> moneyOf) {
        List<ProductMatch> eligible = matches.stream().filter(ProductMatch::eligible).toList();
        Long need = demand.terms().amountFen();
        List<FinancingPackage> packages = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            for (int j = i + 1; j < eligible.size(); j++) {
                ProductMatch a = eligible.get(i);
                ProductMatch b = eligible.get(j);
                long moneyA = moneyOf.getOrDefault(a.product(), 0L);
                long moneyB = moneyOf.getOrDefault(b.product(), 0L);
                long money = moneyA + moneyB;
                boolean complementary = a.kind() != b.kind();
                boolean adds = need != null && money >= need && Math.max(moneyA, moneyB) < need;
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
    private static long money(ProductVersionView p) {
        Long max = p.content().terms().maxAmountFen();
        return switch (p.type().kind()) {
            case DEBT, EQUITY, LEASING -> max == null ? 0L : max;
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
        List<ProductVersionView> own = catalog.shelf().stream()
                .filter(p -> p.institutionId().equals(user.organisationId())).toList();
        LocalDate today = LocalDate.now(clock);
        List<MatchedDemand> inbox = new ArrayList<>();
        for (DemandView demand : demands.open(org.sanrong.demand.OpenDemandQuery.none(), user, 0, 200).items()) {
            enterprises.facts(demand.enterpriseCreditCode()).ifPresent(facts -> own.stream()
                    .map(p -> judge.judge(p, facts, demand.terms(), today)).filter(ProductMatch::eligible)
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
        return catalog.shelf().stream().map(p -> judge.judge(p, facts, null, today)).sorted(ORDER).toList();
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
            codes.stream().sorted().limit(200).forEach(code -> enterprises.card(code).ifPresent(named::add));
        } else {
            // known to the institution: enterprises that showed it a demand, or granted it consent
            Set<String> eligibleCodes = new java.util.HashSet<>(codes);
            Set<String> known = new java.util.TreeSet<>(consents.consentingTo(user.organisationId(),
                    registry.find(user.organisationId()).map(o -> o.institutionType()).orElse(null)));
            demands.open(org.sanrong.demand.OpenDemandQuery.none(), user, 0, 200).items().stream()
                    .map(DemandView::enterpriseCreditCode).forEach(known::add);
            known.stream().filter(eligibleCodes::contains).limit(200)
                    .forEach(code -> enterprises.card(code).ifPresent(named::add));
        }
        // ranked: those on the platform first (they can apply at once), then by live qualifications, then name
        named.sort(Comparator.comparing((org.sanrong.enterprise.EnterpriseCard c) -> !c.onPlatform())
                .thenComparing(c -> -c.qualifications().size()).thenComparing(c -> c.name()));
        if (named.size() > 50) {
            named.subList(50, named.size()).clear();
        }
        var names = EligibilityCriteria.Names.of(reference);
        return new ProductReach(product.name(), codes.size(), byTown, named, !official,
                CriteriaFilters.notCounted(criteria).stream().map(r -> criteria.label(r, names)).toList());
    }

    /** How well the shelf serves the open demands, for government: served, unserved, mean best score. */
    @Transactional(readOnly = true)
    public MatchStatistics statistics(SignedInUser user) {
        if (!user.hasRole(org.sanrong.identity.Role.GOV) && !user.hasRole(org.sanrong.identity.Role.ADMIN)) {
            throw new AccessDeniedException("匹配统计面向政府部门");
        }
        List<ProductVersionView> shelf = catalog.shelf();
        int open = 0;
        int served = 0;
        long bestScores = 0;
        for (DemandView demand : demands.open(new org.sanrong.demand.OpenDemandQuery(null, null, null, null, null,
                org.sanrong.demand.DemandStatus.PUBLISHED), user, 0, 500).items()) {
            open++;
            var best = rank(demand, shelf).stream().filter(ProductMatch::eligible)
                    .mapToInt(ProductMatch::score).max();
            if (best.isPresent()) {
                served++;
                bestScores += best.getAsInt();
            }
        }
        return new MatchStatistics(open, served, open - served, served == 0 ? 0 : (int) (bestScores / served));
    }

    private static final Comparator<ProductMatch> ORDER = Comparator.comparing(ProductMatch::eligible).reversed()
            .thenComparing(Comparator.comparingInt(ProductMatch::score).reversed())
            .thenComparing(ProductMatch::productName);


}
