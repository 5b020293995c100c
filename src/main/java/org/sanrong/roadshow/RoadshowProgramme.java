package org.sanrong.roadshow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductVersionView;
import org.sanrong.deal.Deal;
import org.sanrong.deal.DealFlow;
import org.sanrong.deal.DealStatus;
import org.sanrong.deal.DealView;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.sanrong.listing.ListingReserve;
import org.sanrong.listing.ReserveMember;
import org.sanrong.matching.ProductJudge;
import org.sanrong.matching.ProductMatch;
import org.sanrong.platform.Fen;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.UploadedDocument;
import org.sanrong.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 路演 use cases. Government or an institution announces an event; enterprises apply with a deck (PDF, checked by its
 * content, at most {@code sanrong.roadshow.deck-max-mb}); the organiser selects and, helped by matching's proposals,
 * invites; VC/PE investors register; the organiser marks it held with who attended; each investor that attended marks
 * interest per presenter, which opens an equity deal through {@link DealFlow#openFromRoadshow}. Every write is
 * audited; a refused one changes nothing.
 */
@Service
public class RoadshowProgramme {

    private final Roadshows roadshows;
    private final DealFlow deals;
    private final EnterpriseBook enterprises;
    private final OrganisationRegistry registry;
    private final ProductCatalog catalog;
    private final ListingReserve reserve;
    private final ReferenceData reference;
    private final ProductJudge judge;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long deckMaxBytes;

    RoadshowProgramme(Roadshows roadshows, DealFlow deals, EnterpriseBook enterprises, OrganisationRegistry registry,
            ProductCatalog catalog, ListingReserve reserve, ReferenceData reference, Inbox inbox, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock,
            @Value("${sanrong.roadshow.deck-max-mb:20}") int deckMaxMb) {
        this.roadshows = roadshows;
        this.deals = deals;
        this.enterprises = enterprises;
        this.registry = registry;
        this.catalog = catalog;
        this.reserve = reserve;
        this.reference = reference;
        this.judge = new ProductJudge(EligibilityCriteria.Names.of(reference));
        this.inbox = inbox;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.deckMaxBytes = deckMaxMb * 1024L * 1024L;
    }

    /** The largest deck accepted, in bytes. */
    public long deckMaxBytes() {
        return deckMaxBytes;
    }

    // ---- organising ---------------------------------------------------------------------------------------------

    /** Government or an institution announces an event. */
    @Transactional
    public Roadshow.Id announce(Roadshow.Details details, SignedInUser user) {
        boolean government = official(user);
        if (!government && !user.hasRole(Role.INSTITUTION)) {
            throw new AccessDeniedException("路演由政府部门或金融机构组织");
        }
        Roadshow r = Roadshow.announce(new Roadshow.Organiser(user.organisationId(), user.organisationName(),
                government), details, reference, user.username(), clock.instant());
        roadshows.insert(r);
        audit.record(user.username(), user.organisationId(), "CREATE_ROADSHOW", target(r.id()), Outcome.SUCCESS,
                r.details().title());
        return r.id();
    }

    /** The organiser selects a presenter, or not; the enterprise hears which. */
    @Transactional
    public void decide(Roadshow.Id id, String creditCode, boolean select, SignedInUser user) {
        Roadshow r = organisersOwn(id, user, "SELECT_PRESENTER");
        change(r, user, "SELECT_PRESENTER", x -> x.decide(creditCode, select), creditCode + (select ? " 入选" : " 未入选"));
        Roadshow.Presenter p = r.presenter(creditCode);
        if (p != null) {
            notify(p.enterpriseOrganisationId(), select ? "路演入选：" + r.details().title()
                    : "路演未入选：" + r.details().title(), select ? "贵企业已入选路演「" + r.details().title() + "」，时间 "
                    + day(r.details().startsAt()) + "，地点：" + r.details().venue() + "。"
                    : "感谢申请。本场路演「" + r.details().title() + "」名额有限，贵企业未入选，欢迎参加后续场次。", r.id());
        }
    }

    /** The organiser marks the event held, naming who attended (registered investors not named did not). */
    @Transactional
    public void hold(Roadshow.Id id, Set<UUID> attended, SignedInUser user) {
        Roadshow r = organisersOwn(id, user, "HOLD_ROADSHOW");
        change(r, user, "HOLD_ROADSHOW", x -> x.hold(attended, clock.instant()), attended.size() + " 家机构出席");
        for (Roadshow.Registration g : r.registrations()) {
            if (Boolean.TRUE.equals(g.attended())) {
                notify(g.institutionId(), "请标记投资意向：" + r.details().title(), "感谢出席路演「" + r.details().title()
                        + "」。请在活动页对感兴趣的路演企业标记投资意向，平台将为您建立对接。", r.id());
            }
        }
    }

    @Transactional
    public void cancel(Roadshow.Id id, @Nullable String note, SignedInUser user) {
        Roadshow r = organisersOwn(id, user, "CANCEL_ROADSHOW");
        change(r, user, "CANCEL_ROADSHOW", x -> x.cancel(note), note);
    }

    /** Sends an invitation to an organisation (an investor or an enterprise), with the reasons matching gave. */
    @Transactional
    public void invite(Roadshow.Id id, UUID organisationId, SignedInUser user) {
        Roadshow r = organisersOwn(id, user, "INVITE_INVESTOR");
        if (r.status() != Roadshow.Status.OPEN) {
            throw InvalidRequestException.conflict("status", "路演已" + (r.status() == Roadshow.Status.HELD ? "举办"
                    : "取消") + "，不能再邀请");
        }
        InvitationProposal proposal = proposals(r, user).stream().filter(p -> p.organisationId().equals(organisationId))
                .findFirst().orElse(null);
        OrganisationView org = registry.find(organisationId)
                .orElseThrow(() -> new InvalidRequestException("organisationId", "机构不存在"));
        String reasons = proposal == null ? "主办方邀请" : String.join("；", proposal.reasons());
        roadshows.invite(r.id(), organisationId, org.name(), reasons, clock.instant(), user.username());
        boolean investor = org.institutionType() != null;
        notify(organisationId, "路演邀请：" + r.details().title(), r.organiser().name() + " 邀请贵" + (investor ? "机构"
                : "企业") + (investor ? "报名参加" : "申请参加") + "路演「" + r.details().title() + "」（" + day(r.details()
                .startsAt()) + "，" + r.details().venue() + "）。推荐理由：" + reasons, r.id());
        audit.record(user.username(), user.organisationId(), "INVITE_INVESTOR", target(r.id()), Outcome.SUCCESS,
                org.name());
    }

    // ---- taking part --------------------------------------------------------------------------------------------

    /**
     * An enterprise applies to present, with its pitch, the amount it seeks and its deck (a PDF by content, not above
     * the size limit). A refused deck or a second application saves nothing.
     */
    @Transactional
    public void apply(Roadshow.Id id, @Nullable String pitch, @Nullable Long amountSoughtFen,
            @Nullable String deckName, byte @Nullable [] deck, SignedInUser user) {
        if (!user.hasRole(Role.ENTERPRISE)) {
            throw new AccessDeniedException("只有企业可以申请路演");
        }
        String code = enterprises.ownCreditCode(user).orElseThrow(() -> new AccessDeniedException("只有企业可以申请路演"));
        Roadshow r = roadshows.findForUpdate(id).orElseThrow(RoadshowNotFound::new);
        Map<String, String> errors = new LinkedHashMap<>();
        String p = pitch == null ? "" : pitch.strip();
        if (p.isEmpty()) {
            errors.put("pitch", "请简要介绍项目与融资计划");
        } else if (p.length() > 1000) {
            errors.put("pitch", "项目介绍不能超过1000个字");
        }
        if (amountSoughtFen == null || amountSoughtFen <= 0) {
            errors.put("amountSought", "请填写拟融资金额（万元）");
        } else if (amountSoughtFen > Fen.MAX) {
            errors.put("amountSought", "金额过大，请核对单位（万元）");
        }
        UploadedDocument document = null;
        try {
            document = UploadedDocument.check("deck", deckName, deck, Set.of(UploadedDocument.Kind.PDF), deckMaxBytes);
        } catch (InvalidRequestException e) {
            errors.putAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            failed(user, "APPLY_ROADSHOW", r.id(), String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        EnterpriseCard card = enterprises.card(code).orElseThrow();
        Instant now = clock.instant();
        UUID deckId = roadshows.storeDeck(document, user.username(), now);
        Roadshow.Presenter presenter = new Roadshow.Presenter(code, card.name(), user.organisationId(),
                card.industryCode(), p, amountSoughtFen, deckId, document.fileName(), Roadshow.PresenterStatus.APPLIED,
                now, user.username());
        change(r, user, "APPLY_ROADSHOW", x -> x.apply(presenter), card.name());
        notify(r.organiser().organisationId(), "路演申请：" + card.name(), card.name() + " 申请参加路演「"
                + r.details().title() + "」，拟融资 " + Fen.formatWan(amountSoughtFen) + "。", r.id());
    }

    /** A VC/PE investor registers to attend. */
    @Transactional
    public void register(Roadshow.Id id, SignedInUser user) {
        if (!investor(user)) {
            audit.recordIndependently(user.username(), user.organisationId(), "REGISTER_ROADSHOW", target(id),
                    Outcome.DENIED, "非创投/私募基金");
            throw new AccessDeniedException("路演面向创投、私募股权投资机构报名");
        }
        Roadshow r = roadshows.findForUpdate(id).orElseThrow(RoadshowNotFound::new);
        change(r, user, "REGISTER_ROADSHOW", x -> x.register(new Roadshow.Registration(user.organisationId(),
                user.organisationName(), clock.instant(), user.username(), null)), user.organisationName());
        notify(r.organiser().organisationId(), "投资机构报名：" + user.organisationName(), user.organisationName()
                + " 报名参加路演「" + r.details().title() + "」。", r.id());
    }

    /**
     * After the event, an investor that attended marks interest in a presenter: an equity deal opens with its best
     * eligible equity product (the deal module decides and may refuse: no such product, no account). Refused plainly
     * — nothing saved — when the investor did not register or attend, the event is not held, or it already did.
     */
    @Transactional
    public UUID markInterest(Roadshow.Id id, String creditCode, @Nullable String note, SignedInUser user) {
        if (!user.hasRole(Role.INSTITUTION)) {
            throw new AccessDeniedException("只有投资机构可以表达投资意向");
        }
        Roadshow r = roadshows.findForUpdate(id).orElseThrow(RoadshowNotFound::new);
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
        Roadshow.Presenter p;
        try {
            p = r.checkInterest(user.organisationId(), code);
        } catch (IllegalStateException e) {
            failed(user, "MARK_INTEREST", r.id(), e.getMessage());
            throw InvalidRequestException.conflict("attendance", e.getMessage());
        } catch (InvalidRequestException e) {
            failed(user, "MARK_INTEREST", r.id(), e.getMessage());
            throw e;
        }
        if (roadshows.interested(r.id(), user.organisationId(), code)) {
            throw InvalidRequestException.conflict("creditCode", "贵机构已对该企业表达过投资意向");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 500) {
            throw new InvalidRequestException("note", "说明不能超过500个字");
        }
        Deal.Id deal;
        try {
            deal = deals.openFromRoadshow(r.id().value(), code, p.amountSoughtFen(), user);
        } catch (InvalidRequestException e) {
            failed(user, "MARK_INTEREST", r.id(), e.getMessage());
            throw e;
        }
        Instant now = clock.instant();
        roadshows.recordInterest(r.id(), user.organisationId(), user.organisationName(), p, deal.value(), n, now,
                user.username());
        audit.record(user.username(), user.organisationId(), "MARK_INTEREST", target(r.id()), Outcome.SUCCESS,
                p.enterpriseName() + " → deal:" + deal.value());
        events.publishEvent(new InterestExpressed(r.id().value(), user.organisationId(), code, deal.value(), now));
        return deal.value();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** Events newest first, each with its outcome as the reader may see it. */
    @Transactional(readOnly = true)
    public List<RoadshowView> list(SignedInUser user) {
        return roadshows.recent(200).stream().map(r -> view(r, user)).toList();
    }

    @Transactional(readOnly = true)
    public RoadshowView view(Roadshow.Id id, SignedInUser user) {
        return view(roadshows.find(id).orElseThrow(RoadshowNotFound::new), user);
    }

    /** Whom to invite, for the organiser: investors whose equity products fit the presenters, and enterprises. */
    @Transactional(readOnly = true)
    public List<InvitationProposal> proposals(Roadshow.Id id, SignedInUser user) {
        Roadshow r = roadshows.find(id).orElseThrow(RoadshowNotFound::new);
        if (!organiser(r, user)) {
            throw new AccessDeniedException("只有主办方可以查看邀请建议");
        }
        return proposals(r, user);
    }

    /** A deck, for the organiser, government, the presenter and registered investors. */
    @Transactional(readOnly = true)
    public RoadshowDeck deck(UUID deckId, SignedInUser user) {
        RoadshowDeck d = roadshows.deck(deckId).orElseThrow(() -> new NotFoundException("文件不存在"));
        Roadshow r = roadshows.find(new Roadshow.Id(d.eventId())).orElseThrow(RoadshowNotFound::new);
        boolean own = user.hasRole(Role.ENTERPRISE) && enterprises.ownCreditCode(user).map(d.creditCode()::equals)
                .orElse(false);
        if (!organiser(r, user) && !official(user) && !own && r.registrationOf(user.organisationId()) == null) {
            throw new NotFoundException("文件不存在");
        }
        return d;
    }

    private RoadshowView view(Roadshow r, SignedInUser user) {
        boolean organiser = organiser(r, user);
        boolean seesAll = organiser || official(user);
        String ownCode = user.hasRole(Role.ENTERPRISE) ? enterprises.ownCreditCode(user).orElse(null) : null;
        Roadshow.Presenter own = ownCode == null ? null : r.presenter(ownCode);
        List<Roadshow.Presenter> presenters = r.presenters().stream().filter(p -> seesAll
                || p.status() == Roadshow.PresenterStatus.SELECTED || p.creditCode().equals(ownCode)).toList();
        Roadshow.Registration mine = r.registrationOf(user.organisationId());
        boolean investor = investor(user);
        List<Roadshows.Interest> interests = roadshows.interests(r.id());
        Set<String> marked = interests.stream().filter(i -> i.institutionId().equals(user.organisationId()))
                .map(Roadshows.Interest::creditCode).collect(Collectors.toSet());
        int attended = (int) r.registrations().stream().filter(g -> Boolean.TRUE.equals(g.attended())).count();
        return new RoadshowView(r.id().value(), r.details().title(), r.details().theme(), r.details().format(),
                r.details().venue(), r.details().startsAt(), r.details().industries(), r.organiser().name(),
                r.organiser().government(), r.status(), r.details().capacity(), r.details().presenterSlots(),
                r.heldAt(), r.cancelNote(), presenters, seesAll ? r.registrations() : mine == null ? List.of()
                        : List.of(mine), r.registrations().size(), attended, outcome(r, interests, user), organiser, ownCode,
                ownCode != null && own == null && r.status() == Roadshow.Status.OPEN,
                own == null ? null : own.status(), investor && mine == null && r.status() == Roadshow.Status.OPEN,
                mine != null, mine == null ? null : mine.attended(),
                mine != null && Boolean.TRUE.equals(mine.attended()) && r.status() == Roadshow.Status.HELD, marked,
                organiser ? Set.copyOf(roadshows.invited(r.id())) : Set.of());
    }

    /** Each interest with its deal as the reader may see it (government and the deal's parties see the deal). */
    private RoadshowOutcome outcome(Roadshow r, List<Roadshows.Interest> interests, SignedInUser user) {
        Map<UUID, DealView> visible = new HashMap<>();
        if (!interests.isEmpty()) {
            deals.bySource("roadshow:" + r.id().value(), user).forEach(d -> visible.put(d.id(), d));
        }
        List<RoadshowOutcome.Line> lines = new ArrayList<>();
        int underWay = 0;
        int offered = 0;
        int funded = 0;
        long invested = 0;
        for (Roadshows.Interest i : interests) {
            DealView d = visible.get(i.dealId());
            if (d != null) {
                if (d.status().active()) {
                    underWay++;
                }
                if (d.offer() != null) {
                    offered++;
                }
                if (d.status() == DealStatus.FUNDED && d.investment() != null) {
                    funded++;
                    invested += d.investment().amountFen();
                }
            }
            lines.add(new RoadshowOutcome.Line(i.institutionName(), i.enterpriseName(), i.creditCode(), i.markedAt(),
                    d == null ? null : d.id(), d == null ? null : d.status(),
                    d == null || d.offer() == null ? null : d.offer().amountFen(),
                    d == null || d.offer() == null ? null : d.offer().stakePercent(),
                    d == null || d.investment() == null ? null : d.investment().amountFen(),
                    d == null || d.investment() == null ? null : d.investment().investedOn()));
        }
        return new RoadshowOutcome(interests.size(), underWay, offered, funded, invested, lines);
    }

    /**
     * Matching's proposals. Investors: every VC/PE fund with an equity product on the shelf that one of the
     * presenters (selected ones, else all applicants) is eligible for, with the product, its fit score and its best
     * factors, and whether its investment focus meets the event's industries. Enterprises (government organisers
     * only, since the reserve is theirs): enterprises of the listing reserve on the platform in the event's
     * industries, with how many of the registered investors' equity products fit them.
     */
    private List<InvitationProposal> proposals(Roadshow r, SignedInUser user) {
        LocalDate today = LocalDate.now(clock);
        List<ProductVersionView> equity = catalog.shelf().stream()
                .filter(p -> p.type().kind() == FinancingKind.EQUITY)
                .filter(p -> p.institutionType() == InstitutionType.VC_PE_FUND).toList();
        List<Roadshow.Presenter> presenters = r.selected().isEmpty() ? r.presenters() : r.selected();
        Set<UUID> invited = new HashSet<>(roadshows.invited(r.id()));
        Map<UUID, Integer> scores = new LinkedHashMap<>();
        Map<UUID, List<String>> reasons = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (Roadshow.Presenter p : presenters) {
            EnterpriseFacts facts = enterprises.facts(p.creditCode()).orElse(null);
            if (facts == null) {
                continue;
            }
            Map<UUID, ProductMatch> best = new LinkedHashMap<>();
            Map<UUID, ProductVersionView> bestProduct = new HashMap<>();
            for (ProductVersionView product : equity) {
                ProductMatch m = judge.judge(product, facts, null, today);
                if (m.eligible() && (best.get(m.institutionId()) == null
                        || best.get(m.institutionId()).score() < m.score())) {
                    best.put(m.institutionId(), m);
                    bestProduct.put(m.institutionId(), product);
                }
            }
            best.forEach((institution, m) -> {
                names.put(institution, m.institutionName());
                scores.merge(institution, m.score(), Integer::sum);
                String factors = m.factors().stream().sorted(Comparator.comparingInt(
                        (ProductMatch.Factor f) -> f.max() - f.points())).limit(2).map(ProductMatch.Factor::explanation)
                        .collect(Collectors.joining("，"));
                String focus = focusMeets(bestProduct.get(institution), r.details().industries());
                reasons.computeIfAbsent(institution, k -> new ArrayList<>()).add(p.enterpriseName() + " 符合其「"
                        + m.productName() + "」（匹配度 " + m.score() + " 分" + (factors.isEmpty() ? "" : "：" + factors)
                        + "）" + (focus == null ? "" : "；" + focus));
            });
        }
        List<InvitationProposal> out = new ArrayList<>();
        scores.forEach((institution, score) -> out.add(new InvitationProposal(InvitationProposal.Kind.INVESTOR,
                institution, names.get(institution), score, reasons.get(institution),
                r.registrationOf(institution) != null, invited.contains(institution))));
        if (official(user)) {
            out.addAll(enterpriseProposals(r, equity, invited, today, user));
        }
        out.sort(Comparator.comparing(InvitationProposal::kind)
                .thenComparing(Comparator.comparingInt(InvitationProposal::score).reversed())
                .thenComparing(InvitationProposal::name));
        return out;
    }

    private List<InvitationProposal> enterpriseProposals(Roadshow r, List<ProductVersionView> equity,
            Set<UUID> invited, LocalDate today, SignedInUser user) {
        Set<UUID> registered = r.registrations().stream().map(Roadshow.Registration::institutionId)
                .collect(Collectors.toSet());
        List<ProductVersionView> theirs = equity.stream().filter(p -> registered.contains(p.institutionId())).toList();
        List<String> industries = r.details().industries();
        List<InvitationProposal> out = new ArrayList<>();
        for (ReserveMember m : reserve.onPlatform(user)) {
            if (r.presenter(m.creditCode()) != null) {
                continue;
            }
            boolean inIndustry = industries.isEmpty() || (m.industryCode() != null
                    && industries.stream().anyMatch(m.industryCode()::startsWith));
            if (!inIndustry) {
                continue;
            }
            EnterpriseFacts facts = enterprises.facts(m.creditCode()).orElse(null);
            List<ProductMatch> fits = facts == null ? List.of() : theirs.stream()
                    .map(p -> judge.judge(p, facts, null, today)).filter(ProductMatch::eligible).toList();
            List<String> why = new ArrayList<>();
            why.add("上市后备企业（" + m.grade().label() + "，目标" + m.board().label() + "）");
            if (!industries.isEmpty()) {
                why.add("行业 " + m.industryCode() + " 属于本场路演行业");
            }
            if (!fits.isEmpty()) {
                why.add("符合已报名机构的 " + fits.size() + " 个股权投资产品："
                        + fits.stream().map(ProductMatch::productName).distinct().collect(Collectors.joining("、")));
            }
            int score = fits.stream().mapToInt(ProductMatch::score).sum() + (4 - m.grade().ordinal()) * 10;
            out.add(new InvitationProposal(InvitationProposal.Kind.ENTERPRISE, m.organisationId(), m.name(), score,
                    why, false, invited.contains(m.organisationId())));
        }
        out.sort(Comparator.comparingInt(InvitationProposal::score).reversed());
        return out.size() > 30 ? out.subList(0, 30) : out;
    }

    /** Whether the product's investment focus (industry prefixes) meets the event's industries, in words. */
    private static @Nullable String focusMeets(@Nullable ProductVersionView product, List<String> eventIndustries) {
        if (product == null || eventIndustries.isEmpty()) {
            return null;
        }
        List<String> focus = product.content().criteria().industryPrefixes();
        if (focus.isEmpty()) {
            return "投资不限行业";
        }
        List<String> common = focus.stream().filter(f -> eventIndustries.stream()
                .anyMatch(e -> e.startsWith(f) || f.startsWith(e))).toList();
        return common.isEmpty() ? null : "投资方向与路演行业一致（" + String.join("、", common) + "）";
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private Roadshow organisersOwn(Roadshow.Id id, SignedInUser user, String action) {
        Roadshow r = roadshows.findForUpdate(id).orElseThrow(RoadshowNotFound::new);
        if (!organiser(r, user)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    "非主办方");
            throw new AccessDeniedException("只有主办方可以办理");
        }
        return r;
    }

    private void change(Roadshow r, SignedInUser user, String action, Consumer<Roadshow> move,
            @Nullable String detail) {
        try {
            move.accept(r);
        } catch (IllegalStateException e) {
            failed(user, action, r.id(), e.getMessage());
            throw InvalidRequestException.conflict("status", e.getMessage());
        } catch (InvalidRequestException e) {
            failed(user, action, r.id(), e.getMessage());
            throw e;
        }
        roadshows.update(r);
        audit.record(user.username(), user.organisationId(), action, target(r.id()), Outcome.SUCCESS, detail);
    }

    private void failed(SignedInUser user, String action, Roadshow.Id id, @Nullable String why) {
        audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.FAILURE, why);
    }

    private void notify(UUID organisation, String title, String body, Roadshow.Id id) {
        inbox.send(Notice.of(Notice.Recipient.organisation(organisation), "ROADSHOW",
                title.length() <= Notice.MAX_TITLE ? title : title.substring(0, Notice.MAX_TITLE - 1) + "…",
                body.length() <= Notice.MAX_BODY ? body : body.substring(0, Notice.MAX_BODY - 1) + "…")
                .linkTo("/roadshows/" + id.value()).about(target(id)));
    }

    /** The organising organisation's members, and the platform operator. */
    private static boolean organiser(Roadshow r, SignedInUser user) {
        return r.organiser().organisationId().equals(user.organisationId()) || user.hasRole(Role.ADMIN);
    }

    private boolean investor(SignedInUser user) {
        return user.hasRole(Role.INSTITUTION) && registry.find(user.organisationId())
                .map(o -> o.institutionType() == InstitutionType.VC_PE_FUND).orElse(false);
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    static String target(Roadshow.Id id) {
        return "roadshow:" + id.value();
    }

    static final class RoadshowNotFound extends NotFoundException {
        RoadshowNotFound() {
            super("路演不存在");
        }
    }
}
