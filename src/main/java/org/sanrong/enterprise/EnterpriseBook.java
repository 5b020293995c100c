package org.sanrong.enterprise;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistered;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.sanrong.reference.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 企业库: cards, private profiles under access rules, profile edits with history, and the directory. The access
 * rules live here, not in the pages: every private read goes through {@link #dossier}.
 */
@Service
public class EnterpriseBook {

    /** The lifecycle stage in SQL; must agree with {@link LifecycleStage#derive} (a test holds them together). */
    static final String STAGE_SQL = """
            COALESCE(e.stage_override, CASE
                WHEN COALESCE(l.revenue_fen, 0) >= 20000000000 THEN 'EXPANSION'
                WHEN e.registered_on > CAST(:today AS date) - INTERVAL '2 years' AND COALESCE(l.revenue_fen, 0) = 0
                     AND NOT e.equity_funded THEN 'SEED'
                WHEN e.registered_on > CAST(:today AS date) - INTERVAL '5 years'
                     AND COALESCE(l.revenue_fen, 0) < 2000000000 THEN 'START_UP'
                ELSE 'GROWTH' END)""";
    static final String LIVE_QUALIFICATION = "q.status = 'VERIFIED' AND (q.valid_until IS NULL OR q.valid_until >= "
            + "CAST(:today AS date)) AND (q.valid_from IS NULL OR q.valid_from <= CAST(:today AS date))";
    private static final String FROM = " " + """
             FROM enterprise.enterprise e
             LEFT JOIN LATERAL (SELECT y.revenue_fen FROM enterprise.yearly_figures y WHERE y.enterprise_id = e.id
                                ORDER BY y.year DESC LIMIT 1) l ON true""";

    private final Enterprises enterprises;
    private final EnterpriseRules rules;
    private final ConsentGrants consents;
    private final ReferenceData reference;
    private final OrganisationRegistry registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    EnterpriseBook(Enterprises enterprises, EnterpriseRules rules, ConsentGrants consents, ReferenceData reference,
            OrganisationRegistry registry, AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc,
            Clock clock) {
        this.enterprises = enterprises;
        this.rules = rules;
        this.consents = consents;
        this.reference = reference;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A newly registered enterprise organisation claims its entry in the 企业库 (imported earlier from government
     * lists) or gets a new one. Runs in the registration's transaction, so both happen or neither does.
     */
    @EventListener
    void on(OrganisationRegistered event) {
        if (event.kind() != OrganisationKind.ENTERPRISE || event.creditCode() == null) {
            return;
        }
        var now = clock.instant();
        Optional<Enterprise> existing = enterprises.findByCreditCodeForUpdate(event.creditCode());
        Enterprise enterprise;
        if (existing.isPresent()) {
            enterprise = existing.get();
            try {
                enterprise.linkOrganisation(event.organisationId(), now);
            } catch (IllegalStateException e) {
                throw InvalidRequestException.conflict("creditCode", e.getMessage());
            }
            enterprises.update(enterprise);
        } else {
            enterprise = Enterprise.register(event.creditCode(), event.organisationId(),
                    emptyProfile(event.name()), now);
            enterprises.insert(enterprise);
        }
        events.publishEvent(new EnterpriseRegistered(enterprise.id().value(), enterprise.creditCode(),
                enterprise.profile().name()));
    }

    private static Profile emptyProfile(String name) {
        return new Profile(name, null, null, null, null, null, null, Set.of(), null, 0, 0, 0, 0, 0, false, null,
                null, null);
    }

    /** The credit code of the signed-in user's own enterprise, if it is one. */
    @Transactional(readOnly = true)
    public Optional<String> ownCreditCode(SignedInUser user) {
        return enterprises.findByOrganisation(user.organisationId()).map(Enterprise::creditCode);
    }

    @Transactional(readOnly = true)
    public Optional<EnterpriseCard> card(String creditCode) {
        return enterprises.findByCreditCode(creditCode).map(this::cardOf);
    }

    /**
     * The private profile, if the viewer may see it: the enterprise itself, government and operator staff, or an
     * institution with a live consent grant. Every read by someone else is audited; a refusal too.
     */
    @Transactional
    public EnterpriseDossier dossier(String creditCode, SignedInUser user) {
        Enterprise enterprise = enterprises.findByCreditCode(creditCode)
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        EnterpriseDossier.Access access = accessOf(enterprise, user).orElse(null);
        if (access == null) {
            audit.recordIndependently(user.username(), user.organisationId(), "VIEW_PROFILE",
                    ConsentGrants.target(creditCode), Outcome.DENIED, "无有效授权");
            throw new AccessDeniedException("未获企业授权，不能查看其非公开信息");
        }
        if (access != EnterpriseDossier.Access.OWNER) {
            audit.record("VIEW_PROFILE", ConsentGrants.target(creditCode), Outcome.SUCCESS,
                    access + " " + user.organisationName());
        }
        Profile profile = access == EnterpriseDossier.Access.OWNER ? enterprise.profile()
                : enterprise.profile().withContactsMasked();
        return new EnterpriseDossier(cardOf(enterprise), profile, enterprises.figures(enterprise.id()),
                enterprise.stageOverride(), enterprise.stageOverrideReason(), enterprise.creditCodeException(),
                access);
    }

    /**
     * The contact person in full. The enterprise reads its own freely; government, operator and consented
     * institutions (those who see the dossier) unmask it as an audited action (UNMASK_CONTACT); anyone else is
     * refused and the attempt audited.
     */
    @Transactional
    public ContactPerson contact(String creditCode, SignedInUser user) {
        Enterprise enterprise = enterprises.findByCreditCode(creditCode)
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        EnterpriseDossier.Access access = accessOf(enterprise, user).orElse(null);
        if (access == null) {
            audit.recordIndependently(user.username(), user.organisationId(), "UNMASK_CONTACT",
                    ConsentGrants.target(creditCode), Outcome.DENIED, "无有效授权");
            throw new AccessDeniedException("未获企业授权，不能查看联系人");
        }
        if (access != EnterpriseDossier.Access.OWNER) {
            audit.record("UNMASK_CONTACT", ConsentGrants.target(creditCode), Outcome.SUCCESS,
                    access + " " + user.organisationName());
        }
        Profile p = enterprise.profile();
        return new ContactPerson(p.contactName(), p.contactMobile(), p.contactEmail());
    }

    /** Why the user may read the private profile, or empty when they may not. Decides; does not audit. */
    private Optional<EnterpriseDossier.Access> accessOf(Enterprise enterprise, SignedInUser user) {
        Viewer viewer = Viewer.of(user, registry);
        if (viewer.organisationId().equals(enterprise.organisationId())) {
            return Optional.of(EnterpriseDossier.Access.OWNER);
        }
        if (viewer.official()) {
            return Optional.of(EnterpriseDossier.Access.OFFICIAL);
        }
        if (viewer.institution()
                && consents.liveGrantFor(enterprise.id(), viewer.organisationId(), viewer.institutionType())) {
            return Optional.of(EnterpriseDossier.Access.GRANTED);
        }
        return Optional.empty();
    }

    /**
     * Saves a profile and this year's (or any year's) figures. The enterprise edits its own; operators may edit
     * any. Every changed field is kept in the history and the edit is audited.
     */
    @Transactional
    public void update(String creditCode, Profile profile, List<YearlyFigures> figures, SignedInUser user) {
        Enterprise enterprise = enterprises.findByCreditCodeForUpdate(creditCode)
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        Viewer viewer = Viewer.of(user, registry);
        if (!viewer.organisationId().equals(enterprise.organisationId()) && !viewer.admin()) {
            throw new AccessDeniedException("只能修改本企业的信息");
        }
        profile = profile.keepingMaskedContactsOf(enterprise.profile());
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>(rules.problemsOf(profile, today));
        for (YearlyFigures f : figures) {
            rules.problemsOf(f, today).forEach((field, message) -> errors.putIfAbsent(field, message));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        var now = clock.instant();
        Map<String, @Nullable String[]> changes = new LinkedHashMap<>(enterprise.updateProfile(profile, now));
        List<YearlyFigures> before = enterprises.figures(enterprise.id());
        for (YearlyFigures f : figures) {
            Optional<YearlyFigures> old = before.stream().filter(b -> b.year() == f.year()).findFirst();
            if (old.isEmpty() || !old.get().equals(f)) {
                changes.put("figures", new String[] {old.map(YearlyFigures::describe).orElse(null), f.describe()});
                enterprises.saveFigures(enterprise.id(), f);
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        enterprises.update(enterprise);
        enterprises.appendChanges(enterprise.id(), user.username(), now, changes);
        audit.record("UPDATE_PROFILE", ConsentGrants.target(creditCode), Outcome.SUCCESS,
                String.join(",", changes.keySet()));
        events.publishEvent(new EnterpriseProfileChanged(enterprise.id().value(), creditCode,
                new LinkedHashSet<>(changes.keySet())));
    }

    /**
     * An operator enters an enterprise by hand. A code issued before GB 32100-2015 that fails the check character is
     * accepted only with a recorded reason; any other broken rule is refused.
     */
    @Transactional
    public void create(String creditCode, @Nullable String exceptionReason, Profile profile,
            List<YearlyFigures> figures, SignedInUser user) {
        if (!Viewer.of(user, registry).admin()) {
            throw new AccessDeniedException("只有平台运营方可以录入企业");
        }
        String code = org.sanrong.reference.UnifiedSocialCreditCode.normalise(creditCode);
        var violation = org.sanrong.reference.UnifiedSocialCreditCode.check(code);
        Map<String, String> errors = new LinkedHashMap<>();
        String exception = null;
        if (violation.isPresent()) {
            boolean onlyCheckCharacter = violation.get().rule()
                    == org.sanrong.reference.UnifiedSocialCreditCode.Rule.CHECK_CHARACTER;
            if (!onlyCheckCharacter || exceptionReason == null || exceptionReason.isBlank()) {
                errors.put("creditCode", violation.get().message() + (onlyCheckCharacter
                        ? "；2015年前颁发的代码如确属有效，请填写例外理由" : ""));
            } else {
                exception = exceptionReason.strip();
            }
        } else if (enterprises.findByCreditCode(code).isPresent()) {
            errors.put("creditCode", "企业库中已有该统一社会信用代码");
        }
        LocalDate today = LocalDate.now(clock);
        rules.problemsOf(profile, today).forEach(errors::putIfAbsent);
        figures.forEach(f -> rules.problemsOf(f, today).forEach(errors::putIfAbsent));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        var now = clock.instant();
        Enterprise enterprise = new Enterprise(Enterprise.Id.random(), code, exception, Enterprise.Source.IMPORTED,
                now, profile, null, null, null, now);
        enterprises.insert(enterprise);
        figures.forEach(f -> enterprises.saveFigures(enterprise.id(), f));
        audit.record("CREATE_ENTERPRISE", ConsentGrants.target(code), Outcome.SUCCESS,
                exception == null ? profile.name() : profile.name() + " 代码例外：" + exception);
        events.publishEvent(new EnterpriseRegistered(enterprise.id().value(), code, profile.name()));
    }

    /** Staff set (or clear, with null) the lifecycle stage by hand, with a reason. */
    @Transactional
    public void overrideStage(String creditCode, @Nullable LifecycleStage stage, @Nullable String reason,
            SignedInUser user) {
        if (!Viewer.of(user, registry).official()) {
            throw new AccessDeniedException("只有政府或运营人员可以调整生命周期阶段");
        }
        Enterprise enterprise = enterprises.findByCreditCodeForUpdate(creditCode)
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        var before = enterprise.stageOverride();
        try {
            enterprise.overrideStage(stage, reason, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("stageOverrideReason", e.getMessage());
        }
        enterprises.update(enterprise);
        enterprises.appendChanges(enterprise.id(), user.username(), clock.instant(), Map.of("stageOverride",
                new String[] {before == null ? null : before.name(), stage == null ? null : stage.name()}));
        audit.record("OVERRIDE_STAGE", ConsentGrants.target(creditCode), Outcome.SUCCESS,
                (stage == null ? "清除" : stage.name()) + (reason == null ? "" : " " + reason));
    }

    /** The change history, for the enterprise itself and for staff (not for institutions under consent). */
    @Transactional(readOnly = true)
    public List<ProfileChange> history(String creditCode, SignedInUser user) {
        Enterprise enterprise = enterprises.findByCreditCode(creditCode)
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        var access = accessOf(enterprise, user);
        if (access.isEmpty() || access.get() == EnterpriseDossier.Access.GRANTED) {
            throw new AccessDeniedException("无权查看修改记录");
        }
        return enterprises.history(enterprise.id(), 100);
    }

    /** Who outside the enterprise read its private profile, and when (from the audit trail). */
    @Transactional(readOnly = true)
    public ResultPage<AuditEntry> accessLog(String creditCode, SignedInUser user, int page) {
        Enterprise enterprise = enterprises.findByCreditCode(creditCode)
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        if (!user.organisationId().equals(enterprise.organisationId()) && !Viewer.of(user, registry).official()) {
            throw new AccessDeniedException("只能查看本企业的访问记录");
        }
        return audit.search(new AuditQuery(null, "VIEW_PROFILE", ConsentGrants.target(creditCode), null, null, null),
                page, 20);
    }

    @Transactional(readOnly = true)
    public ResultPage<DirectoryRow> search(DirectoryQuery query, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        long total = jdbc.sql("SELECT count(*)" + FROM + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<DirectoryRow> rows = jdbc.sql(SELECT_ROWS + FROM + where
                + " ORDER BY e.name LIMIT :limit OFFSET :offset").params(params).query(this::row).list();
        return new ResultPage<>(rows, page, size, total);
    }

    /** Streams every row matching the query, in name order, for exports. */
    @Transactional(readOnly = true)
    public void forEach(DirectoryQuery query, Consumer<DirectoryRow> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        try (var stream = jdbc.sql(SELECT_ROWS + FROM + where + " ORDER BY e.name").params(params)
                .withFetchSize(2_000).query(this::row).stream()) {
            stream.forEach(sink);
        }
    }

    /** Counts for the government's and operator's home pages, computed live (a rollup can replace it at scale). */
    @Transactional(readOnly = true)
    public RegistryCensus census() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        Map<String, Long> byTown = new LinkedHashMap<>();
        jdbc.sql("SELECT town_code, count(*) AS n FROM enterprise.enterprise WHERE town_code IS NOT NULL "
                + "GROUP BY town_code ORDER BY n DESC").query(rs -> {
                    byTown.put(townName(rs.getString("town_code")), rs.getLong("n"));
                });
        Map<LifecycleStage, Long> byStage = new LinkedHashMap<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            byStage.put(stage, 0L);
        }
        jdbc.sql("SELECT " + STAGE_SQL + " AS stage, count(*) AS n" + FROM + " GROUP BY 1").params(params)
                .query(rs -> {
                    byStage.put(LifecycleStage.valueOf(rs.getString("stage")), rs.getLong("n"));
                });
        Map<String, Long> byQualification = new LinkedHashMap<>();
        jdbc.sql("SELECT q.kind, count(DISTINCT q.enterprise_id) AS n FROM enterprise.qualification q WHERE "
                + LIVE_QUALIFICATION + " GROUP BY q.kind ORDER BY n DESC").params(params).query(rs -> {
                    String kind = rs.getString("kind");
                    byQualification.put(reference.qualificationKind(kind).map(k -> k.name()).orElse(kind),
                            rs.getLong("n"));
                });
        long total = jdbc.sql("SELECT count(*) FROM enterprise.enterprise").query(Long.class).single();
        long onPlatform = jdbc.sql("SELECT count(*) FROM enterprise.enterprise WHERE organisation_id IS NOT NULL")
                .query(Long.class).single();
        long pending = jdbc.sql("SELECT count(*) FROM enterprise.qualification WHERE status = 'DECLARED'")
                .query(Long.class).single();
        return new RegistryCensus(total, onPlatform, pending, byTown, byStage, byQualification);
    }

    /** Every enterprise's eligibility facts, streamed in no particular order; for the matching index. */
    @Transactional(readOnly = true)
    public void forEachFacts(Consumer<EnterpriseFacts> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        try (var rows = jdbc.sql(SELECT_FACTS + FROM).params(params).withFetchSize(5_000).query(this::factsOf)
                .stream()) {
            rows.forEach(sink);
        }
    }

    /** One enterprise's eligibility facts as of now. */
    @Transactional(readOnly = true)
    public Optional<EnterpriseFacts> facts(String creditCode) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        params.put("code", creditCode);
        return jdbc.sql(SELECT_FACTS + FROM + " WHERE e.credit_code = :code").params(params).query(this::factsOf)
                .optional();
    }

    private static final String SELECT_FACTS = "SELECT e.credit_code, e.town_code, e.industry_code, e.registered_on, "
            + "e.headcount, l.revenue_fen, " + STAGE_SQL + " AS stage, ARRAY(SELECT q.kind FROM enterprise.qualification q "
            + "WHERE q.enterprise_id = e.id AND " + LIVE_QUALIFICATION + ") AS qualifications";

    private EnterpriseFacts factsOf(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Date registered = rs.getDate("registered_on");
        return new EnterpriseFacts(rs.getString("credit_code"), rs.getString("town_code"),
                rs.getString("industry_code"), LifecycleStage.valueOf(rs.getString("stage")),
                Enterprises.texts(rs.getArray("qualifications")),
                registered == null ? null : registered.toLocalDate(), rs.getObject("revenue_fen", Long.class),
                rs.getObject("headcount", Integer.class));
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM enterprise.enterprise").query(Long.class).single();
    }

    private static final String SELECT_ROWS = "SELECT e.credit_code, e.name, e.town_code, e.industry_code, "
            + "e.headcount, e.organisation_id, " + STAGE_SQL + " AS stage, (SELECT string_agg(q.kind, ',' ORDER BY "
            + "q.kind) FROM enterprise.qualification q WHERE q.enterprise_id = e.id AND " + LIVE_QUALIFICATION
            + ") AS qualifications";

    private String where(DirectoryQuery q, Map<String, Object> params) {
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        StringBuilder where = new StringBuilder(" WHERE true");
        if (q.text() != null && !q.text().isBlank()) {
            String text = q.text().strip();
            where.append(" AND (e.name LIKE :text OR e.credit_code = :code)");
            params.put("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("code", text.toUpperCase(java.util.Locale.ROOT));
        }
        if (q.townCode() != null && !q.townCode().isBlank()) {
            where.append(" AND e.town_code = :town");
            params.put("town", q.townCode());
        }
        if (q.industryPrefix() != null && !q.industryPrefix().isBlank()) {
            where.append(" AND e.industry_code LIKE :industry");
            params.put("industry", q.industryPrefix().strip().toUpperCase(java.util.Locale.ROOT) + "%");
        }
        if (q.stage() != null) {
            where.append(" AND ").append(STAGE_SQL).append(" = :stage");
            params.put("stage", q.stage().name());
        }
        if (q.qualification() != null && !q.qualification().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM enterprise.qualification q WHERE q.enterprise_id = e.id "
                    + "AND q.kind = :qualification AND ").append(LIVE_QUALIFICATION).append(")");
            params.put("qualification", q.qualification());
        }
        if (q.size() != null) {
            where.append(" AND e.headcount BETWEEN :minHeadcount AND :maxHeadcount");
            params.put("minHeadcount", q.size().min);
            params.put("maxHeadcount", q.size().max);
        }
        return where.toString();
    }

    private DirectoryRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String town = rs.getString("town_code");
        String industry = rs.getString("industry_code");
        String qualifications = rs.getString("qualifications");
        return new DirectoryRow(rs.getString("credit_code"), rs.getString("name"), townName(town), industry,
                industryName(industry), LifecycleStage.valueOf(rs.getString("stage")),
                rs.getObject("headcount", Integer.class), qualificationNames(qualifications),
                rs.getObject("organisation_id") != null);
    }

    private EnterpriseCard cardOf(Enterprise e) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        params.put("id", e.id().value());
        String kinds = jdbc.sql("SELECT string_agg(q.kind, ',' ORDER BY q.kind) FROM enterprise.qualification q "
                + "WHERE q.enterprise_id = :id AND " + LIVE_QUALIFICATION).params(params).query(String.class)
                .optional().orElse(null);
        List<YearlyFigures> figures = enterprises.figures(e.id());
        Long revenue = figures.isEmpty() ? null : figures.getFirst().revenueFen();
        Profile p = e.profile();
        return new EnterpriseCard(e.creditCode(), p.name(), p.townCode(), townName(p.townCode()), p.industryCode(),
                industryName(p.industryCode()), e.stage(revenue, LocalDate.now(clock)), qualificationNames(kinds),
                e.organisationId() != null);
    }

    private @Nullable String townName(@Nullable String code) {
        return code == null ? null : reference.town(code).map(t -> t.name()).orElse(code);
    }

    private @Nullable String industryName(@Nullable String code) {
        return code == null ? null : reference.industry(code).map(i -> i.name()).orElse(code);
    }

    private List<String> qualificationNames(@Nullable String kinds) {
        if (kinds == null || kinds.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Arrays.stream(kinds.split(",")).distinct().forEach(k ->
                names.add(reference.qualificationKind(k).map(q -> q.name()).orElse(k)));
        return names;
    }
}
