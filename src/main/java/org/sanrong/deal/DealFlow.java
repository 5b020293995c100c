package org.sanrong.deal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductVersionView;
import org.sanrong.demand.DemandClosed;
import org.sanrong.demand.DemandStatus;
import org.sanrong.demand.DemandView;
import org.sanrong.demand.Demands;
import org.sanrong.demand.FinancingDemand;
import org.sanrong.enterprise.ConsentGrants;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.matching.Matchmaking;
import org.sanrong.matching.ProductMatch;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.sanrong.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 融资对接 use cases. The enterprise applies, accepts or declines offers and may withdraw at any time; the institution
 * picks up, decides with a reason and records the outcome; government reads everything. Every write is audited; a
 * refused one (someone else's deal, a move the state machine does not allow) is audited as DENIED or FAILURE and
 * changes nothing. Deadlines are working days ({@link WorkingCalendar}); {@link #sweep} marks the late and sends the
 * demand on to the next-best institutions.
 */
@Service
public class DealFlow {

    private final Deals deals;
    private final ProductCatalog catalog;
    private final Demands demands;
    private final Matchmaking matchmaking;
    private final EnterpriseBook enterprises;
    private final ConsentGrants consents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final WorkingCalendar calendar;
    private final DealNotices notices;
    private final Clock clock;
    private final int pickUpDays;
    private final int decisionDays;
    private final int rerouteCount;
    private final org.sanrong.identity.OrganisationRegistry registry;
    private final org.sanrong.matching.ProductJudge judge;

    DealFlow(Deals deals, ProductCatalog catalog, Demands demands, Matchmaking matchmaking,
            EnterpriseBook enterprises, ConsentGrants consents, AuditTrail audit, ApplicationEventPublisher events,
            WorkingCalendar calendar, DealNotices notices, Clock clock,
            @Value("${sanrong.deal.pick-up-working-days:3}") int pickUpDays,
            @Value("${sanrong.deal.decision-working-days:3}") int decisionDays,
            @Value("${sanrong.deal.reroute-count:3}") int rerouteCount,
            org.sanrong.identity.OrganisationRegistry registry, org.sanrong.reference.ReferenceData reference) {
        this.registry = registry;
        this.judge = new org.sanrong.matching.ProductJudge(org.sanrong.catalog.EligibilityCriteria.Names.of(reference));
        this.deals = deals;
        this.catalog = catalog;
        this.demands = demands;
        this.matchmaking = matchmaking;
        this.enterprises = enterprises;
        this.consents = consents;
        this.audit = audit;
        this.events = events;
        this.calendar = calendar;
        this.notices = notices;
        this.clock = clock;
        this.pickUpDays = pickUpDays;
        this.decisionDays = decisionDays;
        this.rerouteCount = rerouteCount;
    }

    // ---- opening ----------------------------------------------------------------------------------------------

    /**
     * The enterprise applies to a published product it qualifies for, for one of its open demands or on its own.
     * Refused with the failing rules when it does not qualify.
     */
    @Transactional
    public Deal.Id apply(Application a, SignedInUser user) {
        String code = enterprises.ownCreditCode(user).filter(c -> user.hasRole(Role.ENTERPRISE))
                .orElseThrow(() -> new AccessDeniedException("只有企业可以申请融资产品"));
        ProductVersionView product = catalog.current(a.productId())
                .orElseThrow(() -> new InvalidRequestException("productId", "产品不存在或已下架"));
        DemandView demand = null;
        if (a.demandId() != null) {
            demand = demands.view(new FinancingDemand.Id(a.demandId()), user);
            if (!demand.own() || !demand.status().open()) {
                throw new InvalidRequestException("demandId", "只能为本企业已发布、未结束的融资需求申请");
            }
        }
        ProductMatch judged = matchmaking.judge(product, code, demand == null ? null : demand.terms());
        if (!judged.eligible()) {
            throw new InvalidRequestException("productId", "不符合该产品的申请条件：" + String.join("；",
                    judged.failedRules()));
        }
        Long amount = a.amountFen() != null ? a.amountFen() : demand != null ? demand.terms().amountFen() : null;
        if (amount == null) {
            throw new InvalidRequestException("amountFen", "请填写申请金额");
        }
        var terms = product.content().terms();
        if (terms.minAmountFen() != null && amount < terms.minAmountFen()) {
            throw new InvalidRequestException("amountFen", "申请金额低于产品的起贷（投）金额 "
                    + org.sanrong.platform.Fen.formatWan(terms.minAmountFen()));
        }
        if (terms.maxAmountFen() != null && amount > terms.maxAmountFen()) {
            throw new InvalidRequestException("amountFen", "申请金额超过产品的最高额度 "
                    + org.sanrong.platform.Fen.formatWan(terms.maxAmountFen()));
        }
        Integer term = a.termMonths() != null ? a.termMonths() : demand != null ? demand.terms().termMonths() : null;
        String purpose = a.purpose() != null && !a.purpose().isBlank() ? a.purpose()
                : demand != null ? demand.terms().purpose() : null;
        EnterpriseCard card = enterprises.card(code).orElseThrow();
        Deal.Parties parties = new Deal.Parties(a.demandId(), demand != null && demand.terms().oneLenderAtATime(),
                code, card.name(), card.stage(), user.organisationId(), product.institutionId(), product.institutionName(),
                product.ref(), product.name(), product.type().name(), product.type().kind());
        Instant now = clock.instant();
        Deal deal = Deal.open(DealOrigin.APPLICATION, parties, amount, term, purpose, user.username(), now,
                calendar.deadline(now, pickUpDays));
        insert(deal, user, "APPLY_DEAL");
        if (a.sharesData()) {
            consents.grant(code, product.institutionId(), null, "融资申请：" + product.name(), LocalDate.now(clock),
                    LocalDate.now(clock).plusYears(1), user);
        }
        notices.applied(deal);
        return deal.id();
    }

    /**
     * The institution picks up (接单) a published demand it may see and has an eligible product for; its best such
     * product is the one the deal is about. For a one-lender demand the first pick-up wins; the database decides a
     * race, and the loser is told who has it, without changing anything.
     */
    @Transactional
    public Deal.Id pickUpDemand(UUID demandId, SignedInUser user) {
        requireRole(user, Role.INSTITUTION, "只有金融机构可以接单");
        DemandView demand = demands.view(new FinancingDemand.Id(demandId), user);
        if (!demand.status().open()) {
            throw InvalidRequestException.conflict("demandId", "该需求已结束，不能接单");
        }
        ProductMatch best = matchmaking.bestOf(user.organisationId(), demand)
                .orElseThrow(() -> InvalidRequestException.conflict("demandId", "本机构没有符合该需求的上架产品，不能接单"));
        for (Deal existing : deals.ofDemand(demandId)) {
            if (existing.parties().institutionId().equals(user.organisationId()) && existing.status().active()) {
                throw InvalidRequestException.conflict("demandId", "本机构已在对接该需求");
            }
        }
        EnterpriseCard card = enterprises.card(demand.enterpriseCreditCode()).orElseThrow();
        ProductVersionView product = catalog.version(best.product()).orElseThrow();
        UUID enterpriseOrg = demandOwner(demand);
        Deal.Parties parties = new Deal.Parties(demandId, demand.terms().oneLenderAtATime(),
                demand.enterpriseCreditCode(), card.name(), card.stage(), enterpriseOrg, user.organisationId(),
                product.institutionName(), product.ref(), product.name(), product.type().name(),
                product.type().kind());
        Instant now = clock.instant();
        Long amount = demand.terms().amountFen();
        Deal deal = Deal.open(DealOrigin.PICK_UP, parties, amount == null ? 1 : amount, demand.terms().termMonths(),
                demand.terms().purpose(), user.username(), now, calendar.deadline(now, decisionDays));
        insert(deal, user, "PICK_UP_DEAL");
        demands.startProgress(new FinancingDemand.Id(demandId), user.username());
        notices.pickedUp(deal);
        return deal.id();
    }

    /**
     * After a roadshow, an investor's interest in a presenter opens an equity deal: the investor's best-scoring
     * eligible EQUITY product on the shelf (one without an open deal with this enterprise already), under review at
     * once, with no deadline (due diligence takes months), marked {@code roadshow:<eventId>}. The amount is what the
     * enterprise asked for, brought within the product's range. Refused (nothing saved) when the investor has no such
     * product or the enterprise is not on the platform. The roadshow module checks attendance before calling.
     */
    @Transactional
    public Deal.Id openFromRoadshow(UUID eventId, String enterpriseCreditCode, @Nullable Long amountSoughtFen,
            SignedInUser investor) {
        requireRole(investor, Role.INSTITUTION, "只有金融机构可以表达投资意向");
        EnterpriseCard card = enterprises.card(enterpriseCreditCode)
                .orElseThrow(() -> new InvalidRequestException("creditCode", "企业不存在"));
        UUID enterpriseOrg = registry.search(enterpriseCreditCode, OrganisationKind.ENTERPRISE, null, 0, 5).items()
                .stream().filter(o -> enterpriseCreditCode.equals(o.creditCode())).map(OrganisationView::id)
                .findFirst().orElseThrow(() -> InvalidRequestException.conflict("creditCode",
                        "该企业尚未在平台注册账号，不能建立对接"));
        EnterpriseFacts facts = enterprises.facts(enterpriseCreditCode).orElseThrow();
        java.time.LocalDate today = LocalDate.now(clock);
        List<ProductMatch> judged = catalog.shelf().stream()
                .filter(p -> p.institutionId().equals(investor.organisationId()))
                .filter(p -> p.type().kind() == FinancingKind.EQUITY)
                .map(p -> judge.judge(p, facts, null, today))
                .sorted(Comparator.comparing(ProductMatch::eligible).reversed()
                        .thenComparing(Comparator.comparingInt(ProductMatch::score).reversed()))
                .toList();
        if (judged.isEmpty()) {
            throw InvalidRequestException.conflict("productId",
                    "本机构在金融超市没有上架的股权投资产品，不能建立对接；请先发布股权投资产品");
        }
        ProductMatch best = judged.stream().filter(ProductMatch::eligible)
                .filter(m -> !deals.openOnProduct(enterpriseCreditCode, m.product().productId())).findFirst()
                .orElseThrow(() -> InvalidRequestException.conflict("productId", judged.getFirst().eligible()
                        ? "本机构与该企业已有进行中的股权投资对接（" + judged.getFirst().productName() + "），请在该案件中继续"
                        : "本机构的股权投资产品都不适合该企业：" + judged.getFirst().productName() + " "
                                + String.join("；", judged.getFirst().failedRules())));
        ProductVersionView product = catalog.version(best.product()).orElseThrow();
        var terms = product.content().terms();
        long amount = amountSoughtFen != null && amountSoughtFen > 0 ? amountSoughtFen
                : terms.minAmountFen() != null ? terms.minAmountFen()
                : terms.maxAmountFen() != null ? terms.maxAmountFen() : 0L;
        if (terms.minAmountFen() != null) {
            amount = Math.max(amount, terms.minAmountFen());
        }
        if (terms.maxAmountFen() != null) {
            amount = Math.min(amount, terms.maxAmountFen());
        }
        if (amount <= 0) {
            throw new InvalidRequestException("amountFen", "请注明企业的融资金额");
        }
        Deal.Parties parties = new Deal.Parties(null, false, enterpriseCreditCode, card.name(), card.stage(),
                enterpriseOrg, investor.organisationId(), product.institutionName(), product.ref(), product.name(),
                product.type().name(), product.type().kind());
        Deal deal = Deal.open(DealOrigin.ROADSHOW, parties, amount, null, "路演后表达投资意向", investor.username(),
                clock.instant(), null, "roadshow:" + eventId);
        insert(deal, investor, "OPEN_ROADSHOW_DEAL");
        notices.fromRoadshow(deal);
        return deal.id();
    }

    /**
     * The deals that came from one source outside the deal module ({@code roadshow:<eventId>}), oldest first: all of
     * them for government, a party's own for an enterprise or institution.
     */
    @Transactional(readOnly = true)
    public List<DealView> bySource(String ref, SignedInUser user) {
        return deals.bySource(ref).stream().map(d -> java.util.Map.entry(d, partyOf(d, user)))
                .filter(e -> e.getValue() != Party.NONE)
                .map(e -> DealView.of(e.getKey(), actions(e.getKey(), e.getValue()))).toList();
    }

    /** The institution picks up an application or a referral waiting for it. */
    @Transactional
    public void pickUp(Deal.Id id, SignedInUser user) {
        Deal deal = institutionsOwn(id, user, "PICK_UP_DEAL");
        Instant now = clock.instant();
        change(deal, user, "PICK_UP_DEAL", d -> d.pickUp(user.username(), now, calendar.deadline(now, decisionDays)));
        if (deal.parties().demandId() != null) {
            demands.startProgress(new FinancingDemand.Id(deal.parties().demandId()), user.username());
        }
        notices.pickedUp(deal);
    }

    // ---- deciding ---------------------------------------------------------------------------------------------

    @Transactional
    public void requestMaterials(Deal.Id id, String request, SignedInUser user) {
        Deal deal = institutionsOwn(id, user, "REQUEST_MATERIALS");
        change(deal, user, "REQUEST_MATERIALS", d -> d.requestMaterials(request, user.username(), clock.instant()));
        notices.materialsRequested(deal);
    }

    @Transactional
    public void provideMaterials(Deal.Id id, String note, SignedInUser user) {
        Deal deal = enterprisesOwn(id, user, "PROVIDE_MATERIALS");
        Instant now = clock.instant();
        change(deal, user, "PROVIDE_MATERIALS", d -> d.provideMaterials(note, user.username(), now,
                d.origin() == DealOrigin.ROADSHOW ? null : calendar.deadline(now, decisionDays)));
        notices.materialsProvided(deal);
    }

    @Transactional
    public void approve(Deal.Id id, Offer offer, SignedInUser user) {
        Deal deal = institutionsOwn(id, user, "APPROVE_DEAL");
        change(deal, user, "APPROVE_DEAL", d -> d.approve(offer, user.username(), clock.instant()));
        notices.decided(deal);
    }

    @Transactional
    public void decline(Deal.Id id, DeclineReason reason, @Nullable String note, SignedInUser user) {
        Deal deal = institutionsOwn(id, user, "DECLINE_DEAL");
        change(deal, user, "DECLINE_DEAL", d -> d.decline(reason, note, user.username(), clock.instant()));
        notices.decided(deal);
    }

    // ---- the enterprise's answers -----------------------------------------------------------------------------

    @Transactional
    public void acceptOffer(Deal.Id id, SignedInUser user) {
        Deal deal = enterprisesOwn(id, user, "ACCEPT_OFFER");
        change(deal, user, "ACCEPT_OFFER", d -> d.acceptOffer(user.username(), clock.instant()));
        notices.offerAnswered(deal);
    }

    @Transactional
    public void declineOffer(Deal.Id id, @Nullable String note, SignedInUser user) {
        Deal deal = enterprisesOwn(id, user, "DECLINE_OFFER");
        change(deal, user, "DECLINE_OFFER", d -> d.declineOffer(note, user.username(), clock.instant()));
        notices.offerAnswered(deal);
    }

    @Transactional
    public void withdraw(Deal.Id id, @Nullable String reason, SignedInUser user) {
        Deal deal = enterprisesOwn(id, user, "WITHDRAW_DEAL");
        change(deal, user, "WITHDRAW_DEAL", d -> d.withdraw(reason, user.username(), clock.instant()));
        notices.withdrawn(deal);
    }

    // ---- outcome ----------------------------------------------------------------------------------------------

    @Transactional
    public void recordDisbursement(Deal.Id id, Disbursement disbursement, SignedInUser user) {
        Deal deal = institutionsOwn(id, user, "DISBURSE_LOAN");
        LocalDate today = LocalDate.now(clock);
        change(deal, user, "DISBURSE_LOAN", d -> d.recordDisbursement(disbursement, user.username(), clock.instant(),
                today, decidedOn(d)));
        deals.appendStatusReport(deal.id(), disbursement.disbursedOn(), LoanStatus.NORMAL, disbursement.amountFen(),
                clock.instant(), user.username());
        demandRaised(deal, user);
        notices.funded(deal);
    }

    @Transactional
    public void recordInvestment(Deal.Id id, Investment investment, SignedInUser user) {
        Deal deal = institutionsOwn(id, user, "RECORD_INVESTMENT");
        LocalDate today = LocalDate.now(clock);
        change(deal, user, "RECORD_INVESTMENT", d -> d.recordInvestment(investment, user.username(), clock.instant(),
                today, decidedOn(d)));
        demandRaised(deal, user);
        notices.funded(deal);
    }

    @Transactional
    public void reportLoanStatus(Deal.Id id, LoanStatus status, LocalDate asOf, @Nullable Long outstandingFen,
            SignedInUser user) {
        Deal deal = institutionsOwn(id, user, "REPORT_LOAN_STATUS");
        change(deal, user, "REPORT_LOAN_STATUS", d -> d.reportLoanStatus(status, asOf, outstandingFen,
                user.username(), clock.instant(), LocalDate.now(clock)));
        deals.appendStatusReport(deal.id(), asOf, status, deal.outstandingFen(), clock.instant(), user.username());
    }

    // ---- deadlines --------------------------------------------------------------------------------------------

    /**
     * Marks every deal whose institution let its clock run out by {@code now} as overdue, tells the enterprise, and
     * sends each demand on to the next-best eligible institutions not tried yet. Answers how many were overdue.
     */
    @Transactional
    public int sweep(Instant now) {
        int n = 0;
        for (Deal deal : deals.pastDeadline(now)) {
            deal.markOverdue(now);
            save(deal);
            audit.record("system", null, "DEAL_OVERDUE", target(deal.id()), Outcome.SUCCESS,
                    deal.parties().institutionName());
            List<Deal> referrals = reroute(deal, now);
            notices.overdue(deal, referrals);
            n++;
        }
        return n;
    }

    private List<Deal> reroute(Deal late, Instant now) {
        UUID demandId = late.parties().demandId();
        if (demandId == null || rerouteCount <= 0) {
            return List.of();
        }
        DemandView demand = demands.find(new FinancingDemand.Id(demandId)).orElse(null);
        if (demand == null || !demand.status().open()) {
            return List.of();
        }
        Set<UUID> tried = new java.util.HashSet<>(deals.institutionsTried(demandId));
        Map<UUID, ProductMatch> bestPerInstitution = new LinkedHashMap<>();
        for (ProductMatch m : matchmaking.rank(demand)) {
            if (m.eligible() && !tried.contains(m.institutionId())) {
                bestPerInstitution.putIfAbsent(m.institutionId(), m);
            }
        }
        List<Deal> referrals = new ArrayList<>();
        for (ProductMatch m : bestPerInstitution.values().stream()
                .sorted(Comparator.comparingInt(ProductMatch::score).reversed()).limit(rerouteCount).toList()) {
            ProductVersionView product = catalog.version(m.product()).orElse(null);
            if (product == null) {
                continue;
            }
            Deal.Parties parties = new Deal.Parties(demandId, demand.terms().oneLenderAtATime(),
                    late.parties().enterpriseCreditCode(), late.parties().enterpriseName(),
                    late.parties().enterpriseStage(), late.parties().enterpriseOrganisationId(), product.institutionId(), product.institutionName(),
                    product.ref(), product.name(), product.type().name(), product.type().kind());
            Deal referral = Deal.open(DealOrigin.REFERRAL, parties, late.amountFen(), late.termMonths(),
                    late.purpose(), "system", now, calendar.deadline(now, pickUpDays));
            deals.insert(referral);
            publish(referral);
            audit.record("system", null, "REFER_DEAL", target(referral.id()), Outcome.SUCCESS,
                    "转自 " + late.parties().institutionName() + " → " + product.institutionName());
            referrals.add(referral);
        }
        return referrals;
    }

    /** When a demand ends, the cases still waiting for a pick-up on it end too. */
    @ApplicationModuleListener
    void on(DemandClosed event) {
        Instant now = clock.instant();
        for (Deal deal : deals.ofDemand(event.demandId())) {
            if (deal.status() == DealStatus.AWAITING_PICKUP) {
                deal.supersede("融资需求已结束（" + label(event.outcome()) + "）", now);
                save(deal);
                notices.superseded(deal);
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** One deal, if the user is a party or government; otherwise "not found". Officials' reads are audited. */
    @Transactional(readOnly = true)
    public DealView view(Deal.Id id, SignedInUser user) {
        Deal deal = deals.find(id).orElseThrow(DealNotFound::new);
        Party party = partyOf(deal, user);
        if (party == Party.NONE) {
            throw new DealNotFound();
        }
        if (party == Party.OFFICIAL) {
            audit.record(user.username(), user.organisationId(), "VIEW_DEAL", target(id), Outcome.SUCCESS, null);
        }
        return DealView.of(deal, actions(deal, party));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(Deal.Id id, SignedInUser user) {
        view(id, user);
        return deals.timeline(id);
    }

    @Transactional(readOnly = true)
    public List<LoanStatusEntry> statusReports(Deal.Id id, SignedInUser user) {
        view(id, user);
        return deals.statusReports(id);
    }

    /** The enterprise's deals, latest first. */
    @Transactional(readOnly = true)
    public List<DealView> ofEnterprise(SignedInUser user) {
        requireRole(user, Role.ENTERPRISE, "只有企业有自己的融资申请");
        return deals.ofEnterprise(user.organisationId()).stream().map(d -> DealView.of(d, actions(d, Party.ENTERPRISE)))
                .toList();
    }

    /** The institution's deals, those with the nearest deadline first. */
    @Transactional(readOnly = true)
    public ResultPage<DealView> ofInstitution(@Nullable DealStatus status, SignedInUser user, int page, int size) {
        requireRole(user, Role.INSTITUTION, "只有金融机构有自己的对接案件");
        List<DealView> items = deals.ofInstitution(user.organisationId(), status, size, (long) page * size).stream()
                .map(d -> DealView.of(d, actions(d, Party.INSTITUTION))).toList();
        return new ResultPage<>(items, page, size, deals.countOfInstitution(user.organisationId(), status));
    }

    /** The deals on one demand, for its enterprise and for government. */
    @Transactional(readOnly = true)
    public List<DealView> ofDemand(UUID demandId, SignedInUser user) {
        DemandView demand = demands.view(new FinancingDemand.Id(demandId), user);
        boolean official = user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
        if (!demand.own() && !official) {
            return deals.ofDemand(demandId).stream()
                    .filter(d -> d.parties().institutionId().equals(user.organisationId()))
                    .map(d -> DealView.of(d, actions(d, Party.INSTITUTION))).toList();
        }
        Party party = official ? Party.OFFICIAL : Party.ENTERPRISE;
        return deals.ofDemand(demandId).stream().map(d -> DealView.of(d, actions(d, party))).toList();
    }

    /**
     * The enterprise's next-best products after a "no", a lapse or a withdrawal: eligible products of other
     * institutions, for the deal's demand when it has one, best first.
     */
    @Transactional(readOnly = true)
    public List<ProductMatch> alternatives(Deal.Id id, SignedInUser user, int limit) {
        Deal deal = deals.find(id).orElseThrow(DealNotFound::new);
        if (partyOf(deal, user) != Party.ENTERPRISE) {
            throw new DealNotFound();
        }
        Set<UUID> busy = new java.util.HashSet<>();
        busy.add(deal.parties().institutionId());
        List<ProductMatch> ranked;
        UUID demandId = deal.parties().demandId();
        DemandView demand = demandId == null ? null
                : demands.view(new FinancingDemand.Id(demandId), user);
        if (demand != null && demand.status().open()) {
            deals.ofDemand(demandId).stream().filter(d -> d.status().active())
                    .forEach(d -> busy.add(d.parties().institutionId()));
            ranked = matchmaking.rank(demand);
        } else {
            ranked = matchmaking.forEnterprise(deal.parties().enterpriseCreditCode(), user);
        }
        return ranked.stream().filter(ProductMatch::eligible).filter(m -> !busy.contains(m.institutionId()))
                .limit(limit).toList();
    }

    /** The user's organisation's deals by status (every status present), for home pages. */
    @Transactional(readOnly = true)
    public Map<DealStatus, Long> counts(SignedInUser user) {
        return deals.counts(user.hasRole(Role.INSTITUTION) ? "institution_id" : "enterprise_org_id",
                user.organisationId());
    }

    /** How many deals there are, all told. */
    @Transactional(readOnly = true)
    public long count() {
        return deals.count();
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private enum Party { ENTERPRISE, INSTITUTION, OFFICIAL, NONE }

    private Party partyOf(Deal deal, SignedInUser user) {
        if (user.hasRole(Role.ENTERPRISE) && deal.parties().enterpriseOrganisationId().equals(user.organisationId())) {
            return Party.ENTERPRISE;
        }
        if (user.hasRole(Role.INSTITUTION) && deal.parties().institutionId().equals(user.organisationId())) {
            return Party.INSTITUTION;
        }
        if (user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN)) {
            return Party.OFFICIAL;
        }
        return Party.NONE;
    }

    private static Set<DealView.Action> actions(Deal d, Party party) {
        Set<DealView.Action> a = EnumSet.noneOf(DealView.Action.class);
        DealStatus s = d.status();
        boolean equity = d.parties().kind() == FinancingKind.EQUITY;
        if (party == Party.INSTITUTION) {
            if (s == DealStatus.AWAITING_PICKUP) {
                a.add(DealView.Action.PICK_UP);
            }
            if (s == DealStatus.UNDER_REVIEW || s == DealStatus.AWAITING_PICKUP) {
                a.add(DealView.Action.DECIDE);
            }
            if (s == DealStatus.ACCEPTED) {
                a.add(equity ? DealView.Action.INVEST : DealView.Action.DISBURSE);
            }
            if (s == DealStatus.FUNDED && !equity && d.loanStatus() != LoanStatus.REPAID) {
                a.add(DealView.Action.REPORT_STATUS);
            }
        } else if (party == Party.ENTERPRISE) {
            if (s == DealStatus.MATERIALS_REQUESTED) {
                a.add(DealView.Action.PROVIDE_MATERIALS);
            }
            if (s == DealStatus.OFFERED) {
                a.add(DealView.Action.ACCEPT_OFFER);
                a.add(DealView.Action.DECLINE_OFFER);
            }
            if (s.active()) {
                a.add(DealView.Action.WITHDRAW);
            }
        }
        return a;
    }

    /** The deal, locked, if the user's institution is its lender; otherwise audited as DENIED and refused. */
    private Deal institutionsOwn(Deal.Id id, SignedInUser user, String action) {
        Deal deal = deals.findForUpdate(id).orElseThrow(DealNotFound::new);
        if (partyOf(deal, user) != Party.INSTITUTION) {
            deny(deal, user, action, "非本机构的对接案件");
        }
        return deal;
    }

    private Deal enterprisesOwn(Deal.Id id, SignedInUser user, String action) {
        Deal deal = deals.findForUpdate(id).orElseThrow(DealNotFound::new);
        if (partyOf(deal, user) != Party.ENTERPRISE) {
            deny(deal, user, action, "非本企业的融资申请");
        }
        return deal;
    }

    private void deny(Deal deal, SignedInUser user, String action, String why) {
        audit.recordIndependently(user.username(), user.organisationId(), action, target(deal.id()), Outcome.DENIED,
                why);
        if (partyOf(deal, user) == Party.NONE) {
            throw new DealNotFound();
        }
        throw new AccessDeniedException(why);
    }

    /**
     * Applies a state change, saves it and publishes its events; a move the state machine refuses becomes a 409 and
     * bad values a 400, each audited as FAILURE with nothing changed.
     */
    private void change(Deal deal, SignedInUser user, String action, Consumer<Deal> move) {
        try {
            move.accept(deal);
        } catch (IllegalStateException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(deal.id()),
                    Outcome.FAILURE, e.getMessage());
            throw InvalidRequestException.conflict("status", e.getMessage());
        } catch (InvalidRequestException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(deal.id()),
                    Outcome.FAILURE, String.join("；", e.fieldErrors().isEmpty() ? List.of(String.valueOf(
                            e.getMessage())) : e.fieldErrors().values()));
            throw e;
        }
        try {
            save(deal);
        } catch (DuplicateKeyException e) {
            throw raced(deal, user, action, e);
        }
        audit.record(user.username(), user.organisationId(), action, target(deal.id()), Outcome.SUCCESS,
                deal.status().name());
    }

    private void insert(Deal deal, SignedInUser user, String action) {
        try {
            deals.insert(deal);
        } catch (DuplicateKeyException e) {
            throw raced(deal, user, action, e);
        }
        publish(deal);
        audit.record(user.username(), user.organisationId(), action, target(deal.id()), Outcome.SUCCESS,
                deal.parties().productName() + " " + org.sanrong.platform.Fen.formatWan(deal.amountFen()));
    }

    /** A unique index refused the row: another institution holds a one-lender demand, or this one is already on it. */
    private InvalidRequestException raced(Deal deal, SignedInUser user, String action, DuplicateKeyException e) {
        String message = String.valueOf(e.getMessage());
        String why = message.contains("deal_one_lender_engaged") ? "该需求为独家对接，已由其他机构接单，请等待其结束后再试"
                : message.contains("deal_open_per_product") ? "已有该产品未结束的申请"
                : "本机构已在对接该需求";
        audit.recordIndependently(user.username(), user.organisationId(), action, target(deal.id()), Outcome.FAILURE,
                why);
        return InvalidRequestException.conflict("demandId", why);
    }

    private void save(Deal deal) {
        deals.update(deal);
        publish(deal);
    }

    private void publish(Deal deal) {
        deal.drainEvents().forEach(events::publishEvent);
    }

    private void demandRaised(Deal deal, SignedInUser user) {
        UUID demandId = deal.parties().demandId();
        if (demandId == null) {
            return;
        }
        long raised = deals.ofDemand(demandId).stream().filter(d -> d.status() == DealStatus.FUNDED)
                .mapToLong(d -> d.disbursement() != null ? d.disbursement().amountFen()
                        : d.investment() != null ? d.investment().amountFen() : 0L).sum();
        DemandView demand = demands.find(new FinancingDemand.Id(demandId)).orElse(null);
        if (demand != null && demand.status() == DemandStatus.IN_PROGRESS) {
            demands.markSatisfied(new FinancingDemand.Id(demandId), raised, user.username());
        }
    }

    private UUID demandOwner(DemandView demand) {
        return demands.ownerOrganisation(new FinancingDemand.Id(demand.id()));
    }

    private LocalDate decidedOn(Deal d) {
        Instant decided = d.decidedAt();
        return decided == null ? LocalDate.now(clock) : LocalDate.ofInstant(decided, clock.getZone());
    }

    private static void requireRole(SignedInUser user, Role role, String message) {
        if (!user.hasRole(role)) {
            throw new AccessDeniedException(message);
        }
    }

    private static String label(DemandStatus s) {
        return switch (s) {
            case SATISFIED -> "已满足";
            case PARTLY_SATISFIED -> "部分满足";
            case CLOSED -> "已关闭";
            case EXPIRED -> "已过期";
            default -> s.name();
        };
    }

    static String target(Deal.Id id) {
        return "deal:" + id.value();
    }

    private static final class DealNotFound extends NotFoundException {
        DealNotFound() {
            super("对接案件不存在");
        }
    }
}
