package org.sanrong.demand;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseProfileChanged;
import org.sanrong.identity.Organisation;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 融资需求 use cases. Access is decided here, not in pages: the enterprise writes and reads its own demands;
 * institutions read open demands meant for them (public data only, so those reads are not audited); government and
 * operator staff read all. Every write is audited, and a write refused for not being the owner is audited as DENIED.
 */
@Service
public class Demands {

    private final FinancingDemands demands;
    private final EnterpriseBook book;
    private final OrganisationRegistry registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int expireAfterDays;

    Demands(FinancingDemands demands, EnterpriseBook book, OrganisationRegistry registry, AuditTrail audit,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
            @Value("${sanrong.demand.expire-after-days:30}") int expireAfterDays) {
        this.demands = demands;
        this.book = book;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.expireAfterDays = expireAfterDays;
    }

    /** A new demand of the user's enterprise; published at once when asked, all or nothing. */
    @Transactional
    public FinancingDemand.Id create(DemandTerms terms, boolean publish, SignedInUser user) {
        String code = book.ownCreditCode(user).filter(c -> user.hasRole(Role.ENTERPRISE))
                .orElseThrow(() -> new AccessDeniedException("只有企业可以发布融资需求"));
        checkInstitutions(terms);
        Instant now = clock.instant();
        FinancingDemand demand = FinancingDemand.draft(code, user.organisationId(), terms, user.username(), now,
                today());
        if (publish) {
            demand.publish(now, today());
        }
        demands.insert(demand, card(code));
        audit.record(user.username(), user.organisationId(), "CREATE_DEMAND", target(demand.id()), Outcome.SUCCESS,
                describe(demand));
        if (publish) {
            demands.appendVersion(demand, user.username(), now);
            audit.record(user.username(), user.organisationId(), "PUBLISH_DEMAND", target(demand.id()),
                    Outcome.SUCCESS, "v1");
        }
        publishEvents(demand);
        return demand.id();
    }

    /** Saves new terms; a published demand gets its next version, kept with the earlier ones. */
    @Transactional
    public int revise(FinancingDemand.Id id, DemandTerms terms, SignedInUser user) {
        FinancingDemand demand = owned(id, user, "UPDATE_DEMAND");
        checkInstitutions(terms);
        Instant now = clock.instant();
        boolean newVersion;
        try {
            newVersion = demand.revise(terms, now, today());
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
        demands.update(demand, card(demand.enterpriseCreditCode()));
        if (newVersion) {
            demands.appendVersion(demand, user.username(), now);
        }
        audit.record(user.username(), user.organisationId(), "UPDATE_DEMAND", target(id), Outcome.SUCCESS,
                demand.status() == DemandStatus.DRAFT ? "草稿" : "v" + demand.version());
        publishEvents(demand);
        return demand.version();
    }

    @Transactional
    public void publish(FinancingDemand.Id id, SignedInUser user) {
        FinancingDemand demand = owned(id, user, "PUBLISH_DEMAND");
        checkInstitutions(demand.terms());
        Instant now = clock.instant();
        try {
            demand.publish(now, today());
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
        demands.update(demand, card(demand.enterpriseCreditCode()));
        demands.appendVersion(demand, user.username(), now);
        audit.record(user.username(), user.organisationId(), "PUBLISH_DEMAND", target(id), Outcome.SUCCESS, "v1");
        publishEvents(demand);
    }

    @Transactional
    public void close(FinancingDemand.Id id, @Nullable String reason, SignedInUser user) {
        FinancingDemand demand = owned(id, user, "CLOSE_DEMAND");
        try {
            demand.close(reason, clock.instant());
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
        demands.update(demand, null);
        audit.record(user.username(), user.organisationId(), "CLOSE_DEMAND", target(id), Outcome.SUCCESS,
                demand.closedReason());
        publishEvents(demand);
    }

    /** An institution has taken the demand up (called by the deal module when it comes). */
    @Transactional
    public void startProgress(FinancingDemand.Id id, String actor) {
        FinancingDemand demand = demands.findForUpdate(id).orElseThrow(DemandNotFound::new);
        try {
            demand.startProgress(clock.instant());
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
        demands.update(demand, null);
        audit.record(actor, null, "START_DEMAND", target(id), Outcome.SUCCESS, null);
        publishEvents(demand);
    }

    /** The financing came through, in full or in part (called by the deal module when it comes). */
    @Transactional
    public void markSatisfied(FinancingDemand.Id id, long raisedFen, String actor) {
        FinancingDemand demand = demands.findForUpdate(id).orElseThrow(DemandNotFound::new);
        try {
            demand.markSatisfied(raisedFen, clock.instant());
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
        demands.update(demand, null);
        audit.record(actor, null, "SATISFY_DEMAND", target(id), Outcome.SUCCESS,
                demand.status() + " " + raisedFen);
        publishEvents(demand);
    }

    /**
     * Expires every open demand whose needed-by date passed more than {@code sanrong.demand.expire-after-days}
     * (default 30) days ago. Run hourly by {@link DemandExpiry} and at start; answers how many expired.
     */
    @Transactional
    public int expireOverdue() {
        LocalDate today = today();
        Instant now = clock.instant();
        int n = 0;
        for (FinancingDemand demand : demands.openNeededBefore(today.minusDays(expireAfterDays))) {
            if (!demand.overdue(today, expireAfterDays)) {
                continue;
            }
            demand.expire(now);
            demands.update(demand, null);
            audit.record("system", null, "EXPIRE_DEMAND", target(demand.id()), Outcome.SUCCESS,
                    "需求日期 " + demand.terms().neededBy());
            publishEvents(demand);
            n++;
        }
        return n;
    }

    /** The user's enterprise's demands, latest first. */
    @Transactional(readOnly = true)
    public List<DemandView> mine(SignedInUser user) {
        if (!user.hasRole(Role.ENTERPRISE)) {
            throw new AccessDeniedException("只有企业有自己的融资需求");
        }
        EnterpriseCard card = book.ownCreditCode(user).flatMap(book::card).orElse(null);
        return demands.ofOrganisation(user.organisationId()).stream().map(d -> view(d, card, true)).toList();
    }

    /** One demand, if the user may see it; otherwise "not found", so its existence does not leak. */
    @Transactional(readOnly = true)
    public DemandView view(FinancingDemand.Id id, SignedInUser user) {
        FinancingDemand demand = demands.find(id).orElseThrow(DemandNotFound::new);
        Reader reader = readerOf(demand, user);
        EnterpriseCard card = card(demand.enterpriseCreditCode());
        return switch (reader) {
            case OWNER -> view(demand, card, true);
            case OFFICIAL -> view(demand, card, false);
            case INSTITUTION -> new DemandView(demand.id().value(), demand.enterpriseCreditCode(), card.name(),
                    demand.status(), demand.version(), demand.terms().withoutChosenList(), null, null,
                    demand.createdAt(), demand.updatedAt(), demand.publishedAt(), card, false);
            case NONE -> throw new DemandNotFound();
        };
    }

    /**
     * A demand with its full terms, for a module acting on the platform's own behalf (the deal module re-routing an
     * overdue demand); never shown to a user as it is.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<DemandView> find(FinancingDemand.Id id) {
        return demands.find(id).map(d -> view(d, card(d.enterpriseCreditCode()), false));
    }

    /** The organisation of the enterprise that owns the demand (the deal module addresses it). */
    @Transactional(readOnly = true)
    public UUID ownerOrganisation(FinancingDemand.Id id) {
        return demands.find(id).orElseThrow(DemandNotFound::new).organisationId();
    }

    /** Every published version, newest first; for the owner and staff (institutions see the current one). */
    @Transactional(readOnly = true)
    public List<DemandVersion> versions(FinancingDemand.Id id, SignedInUser user) {
        FinancingDemand demand = demands.find(id).orElseThrow(DemandNotFound::new);
        Reader reader = readerOf(demand, user);
        if (reader != Reader.OWNER && reader != Reader.OFFICIAL) {
            throw new DemandNotFound();
        }
        return demands.versions(id);
    }

    @Transactional(readOnly = true)
    public DemandVersion version(FinancingDemand.Id id, int version, SignedInUser user) {
        return versions(id, user).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("该版本不存在"));
    }

    /**
     * The 需求大厅: open demands the institution may see (visibility ALL, or CHOSEN naming it), with the enterprise's
     * public card; government and operator staff see every demand but drafts. A page is three statements plus one
     * card per distinct enterprise on it.
     */
    @Transactional(readOnly = true)
    public ResultPage<DemandView> open(OpenDemandQuery q, SignedInUser user, int page, int size) {
        boolean official = official(user);
        if (!official && !user.hasRole(Role.INSTITUTION)) {
            throw new AccessDeniedException("需求大厅面向金融机构和政府部门");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ");
        if (official) {
            if (q.status() != null && q.status() != DemandStatus.DRAFT) {
                where.append("status = :status");
                params.put("status", q.status().name());
            } else if (q.status() == null) {
                where.append("status <> 'DRAFT'");
            } else {
                where.append("false");
            }
        } else {
            where.append("status IN ('PUBLISHED', 'IN_PROGRESS') AND (visibility = 'ALL' "
                    + "OR CAST(:org AS uuid) = ANY(chosen_institutions))");
            params.put("org", user.organisationId());
        }
        if (q.kind() != null) {
            where.append(" AND CAST(:kind AS varchar) = ANY(kinds)");
            params.put("kind", q.kind().name());
        }
        if (q.minAmountFen() != null) {
            where.append(" AND amount_fen >= :min");
            params.put("min", q.minAmountFen());
        }
        if (q.maxAmountFen() != null) {
            where.append(" AND amount_fen <= :max");
            params.put("max", q.maxAmountFen());
        }
        if (q.townCode() != null && !q.townCode().isBlank()) {
            where.append(" AND town_code = :town");
            params.put("town", q.townCode().strip());
        }
        if (q.industryPrefix() != null && !q.industryPrefix().isBlank()) {
            where.append(" AND industry_code LIKE :industry");
            params.put("industry", q.industryPrefix().strip().toUpperCase(Locale.ROOT)
                    .replace("%", "").replace("_", "") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM demand.financing_demand" + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) Math.max(0, page) * size);
        List<FinancingDemand> rows = jdbc.sql("SELECT * FROM demand.financing_demand" + where
                + " ORDER BY published_at DESC NULLS LAST, updated_at DESC LIMIT :limit OFFSET :offset")
                .params(params).query(FinancingDemands::map).list();
        Map<String, EnterpriseCard> cards = new HashMap<>();
        List<DemandView> views = rows.stream().map(d -> {
            EnterpriseCard card = cards.computeIfAbsent(d.enterpriseCreditCode(), this::card);
            return official ? view(d, card, false)
                    : new DemandView(d.id().value(), d.enterpriseCreditCode(), card.name(), d.status(), d.version(),
                            d.terms().withoutChosenList(), null, null, d.createdAt(), d.updatedAt(), d.publishedAt(),
                            card, false);
        }).toList();
        return new ResultPage<>(views, page, size, total);
    }

    /** How many demands are in each status (every status present, zero when none); for home pages. */
    @Transactional(readOnly = true)
    public Map<DemandStatus, Long> counts() {
        Map<DemandStatus, Long> counts = new EnumMap<>(DemandStatus.class);
        for (DemandStatus s : DemandStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT status, count(*) AS n FROM demand.financing_demand GROUP BY status").query(rs -> {
            counts.put(DemandStatus.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    /** Sum of the amounts asked by open (published or in-progress) demands, in fen. */
    @Transactional(readOnly = true)
    public long openAmountFen() {
        return jdbc.sql("SELECT COALESCE(sum(amount_fen), 0) FROM demand.financing_demand "
                + "WHERE status IN ('PUBLISHED', 'IN_PROGRESS')").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM demand.financing_demand").query(Long.class).single();
    }

    /** Keeps the copy of the enterprise's town and industry that the hall filters by current. */
    @ApplicationModuleListener
    void on(EnterpriseProfileChanged event) {
        book.card(event.creditCode()).ifPresent(demands::refreshCard);
    }

    private enum Reader { OWNER, OFFICIAL, INSTITUTION, NONE }

    private Reader readerOf(FinancingDemand demand, SignedInUser user) {
        if (user.hasRole(Role.ENTERPRISE) && demand.organisationId().equals(user.organisationId())) {
            return Reader.OWNER;
        }
        if (official(user)) {
            return Reader.OFFICIAL;
        }
        if (user.hasRole(Role.INSTITUTION) && demand.status().open()
                && (demand.terms().visibility() == Visibility.ALL
                        || demand.terms().chosenInstitutions().contains(user.organisationId()))) {
            return Reader.INSTITUTION;
        }
        return Reader.NONE;
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }

    /** The demand, locked, if the user's enterprise owns it; a refusal is audited even though the request fails. */
    private FinancingDemand owned(FinancingDemand.Id id, SignedInUser user, String action) {
        FinancingDemand demand = demands.findForUpdate(id).orElseThrow(DemandNotFound::new);
        boolean owner = user.hasRole(Role.ENTERPRISE) && demand.organisationId().equals(user.organisationId())
                && book.ownCreditCode(user).map(demand.enterpriseCreditCode()::equals).orElse(false);
        if (!owner) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    "非本企业的融资需求");
            throw new AccessDeniedException("只能修改本企业的融资需求");
        }
        return demand;
    }

    /** Chosen institutions must be active institutions on the platform. */
    private void checkInstitutions(DemandTerms terms) {
        for (UUID id : terms.chosenInstitutions()) {
            boolean active = registry.find(id).filter(o -> o.kind() == OrganisationKind.INSTITUTION
                    && o.status() == Organisation.Status.ACTIVE).isPresent();
            if (!active) {
                throw new InvalidRequestException("chosenInstitutions", "指定的金融机构不存在或未启用：" + id);
            }
        }
    }

    private EnterpriseCard card(String creditCode) {
        return book.card(creditCode).orElseThrow(() -> new IllegalStateException("企业库中没有 " + creditCode));
    }

    private DemandView view(FinancingDemand d, @Nullable EnterpriseCard card, boolean own) {
        return new DemandView(d.id().value(), d.enterpriseCreditCode(),
                card != null ? card.name() : d.enterpriseCreditCode(), d.status(), d.version(), d.terms(), d.raisedFen(),
                d.closedReason(), d.createdAt(), d.updatedAt(), d.publishedAt(), card, own);
    }

    private void publishEvents(FinancingDemand demand) {
        demand.drainEvents().forEach(events::publishEvent);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static String target(FinancingDemand.Id id) {
        return "demand:" + id.value();
    }

    private static String describe(FinancingDemand d) {
        DemandTerms t = d.terms();
        return d.status() + " " + (t.amountFen() == null ? "" : org.sanrong.platform.Fen.formatWan(t.amountFen()))
                + " " + t.kinds();
    }

    private static final class DemandNotFound extends NotFoundException {
        DemandNotFound() {
            super("融资需求不存在");
        }
    }
}
