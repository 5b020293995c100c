package org.sanrong.warning;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.datahub.EnterpriseDataImported;
import org.sanrong.datahub.EnterpriseHubData;
import org.sanrong.datahub.HubData;
import org.sanrong.datahub.HubRecord;
import org.sanrong.datahub.HubSource;
import org.sanrong.deal.LoanStatusReported;
import org.sanrong.enterprise.ConsentGrants;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.sanrong.enterprise.QualificationView;
import org.sanrong.enterprise.Qualifications;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 风险预警: keeps each loan's state from the deal events, scores an enterprise whenever its loans change (and daily,
 * as overdue days grow), opens a warning case when a level is reached, and runs the queue: assign, verify within the
 * level's working days, close with the finding and measures, then score again. Government sees every case; a lender
 * sees the cases of its borrowers that consented to it. Every write is audited.
 */
@Service
public class EarlyWarning {

    private final JdbcClient jdbc;
    private final Qualifications qualifications;
    private final EnterpriseBook enterprises;
    private final ConsentGrants consents;
    private final OrganisationRegistry organisations;
    private final Membership membership;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HubData hub;
    private final EnterpriseSnapshots registry;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final java.util.concurrent.locks.ReentrantLock sweeping = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ScheduledExecutorService background =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "warning-sweep");
                t.setDaemon(true);
                return t;
            });

    EarlyWarning(JdbcClient jdbc, Qualifications qualifications, EnterpriseBook enterprises, ConsentGrants consents,
            OrganisationRegistry organisations, Membership membership, WorkingCalendar calendar, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, HubData hub, EnterpriseSnapshots registry,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.hub = hub;
        this.registry = registry;
        this.jdbc = jdbc;
        this.qualifications = qualifications;
        this.enterprises = enterprises;
        this.consents = consents;
        this.organisations = organisations;
        this.membership = membership;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- the loan record ---------------------------------------------------------------------------------------

    @ApplicationModuleListener
    void on(LoanDisbursed e) {
        jdbc.sql("INSERT INTO warning.loan (deal_id, credit_code, institution_id, status, as_of, outstanding_fen) "
                + "VALUES (?, ?, ?, 'NORMAL', ?, ?) ON CONFLICT (deal_id) DO NOTHING")
                .params(e.dealId(), e.enterpriseCreditCode(), e.institutionId(), Date.valueOf(e.disbursedOn()),
                        e.amountFen()).update();
        rescore(e.enterpriseCreditCode());
    }

    @ApplicationModuleListener
    void on(LoanStatusReported e) {
        boolean late = e.status().name().equals("OVERDUE") || e.status().name().equals("NON_PERFORMING");
        int changed = jdbc.sql("""
                INSERT INTO warning.loan (deal_id, credit_code, institution_id, status, as_of, outstanding_fen,
                    overdue_since) VALUES (:deal, :code, :inst, :status, :asOf, COALESCE(:outstanding, 0),
                    CASE WHEN :late THEN CAST(:asOf AS date) END)
                ON CONFLICT (deal_id) DO UPDATE SET status = EXCLUDED.status, as_of = EXCLUDED.as_of,
                    outstanding_fen = COALESCE(:outstanding, warning.loan.outstanding_fen),
                    overdue_since = CASE WHEN NOT :late THEN NULL
                        ELSE COALESCE(warning.loan.overdue_since, EXCLUDED.as_of) END
                WHERE warning.loan.as_of <= EXCLUDED.as_of""")
                .param("deal", e.dealId()).param("code", e.enterpriseCreditCode()).param("inst", e.institutionId())
                .param("status", e.status().name()).param("asOf", Date.valueOf(e.asOf()))
                .param("outstanding", e.status().name().equals("REPAID") ? Long.valueOf(0) : e.outstandingFen())
                .param("late", late).update();
        if (changed > 0) {
            rescore(e.enterpriseCreditCode());
        }
    }

    /**
     * Hub data changed: the enterprises it names are scored again, or every enterprise when the batch was too large
     * to name them.
     */
    @ApplicationModuleListener
    void on(EnterpriseDataImported e) {
        if (e.complete()) {
            // on the sweep thread, 500 to a transaction, so no long transaction of this listener holds their rows
            Set<String> codes = Set.copyOf(e.creditCodes());
            background.execute(() -> {
                try {
                    rescore(codes);
                } catch (RuntimeException ex) {
                    org.slf4j.LoggerFactory.getLogger(EarlyWarning.class).error("Re-scoring after an import failed; "
                            + "the nightly sweep will catch up", ex);
                }
            });
        } else {
            sweepLater();
        }
    }

    /** One sweep in the background a second from now, however many large imports ask for it meanwhile. */
    void sweepLater() {
        if (queued.compareAndSet(false, true)) {
            background.schedule(() -> {
                queued.set(false);
                try {
                    sweep();
                } catch (RuntimeException ex) {
                    org.slf4j.LoggerFactory.getLogger(EarlyWarning.class).error("Warning sweep failed", ex);
                }
            }, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * Every enterprise of the registry (and any with loans or a score), scored again: overdue days grow while
     * nothing is reported, and the hub signals' windows move on.
     */
    @Scheduled(cron = "${sanrong.warning.sweep-cron:0 20 1 * * *}", zone = "Asia/Shanghai")
    public int sweep() {
        sweeping.lock();
        try {
            long started = System.nanoTime();
            java.util.TreeSet<String> codes = new java.util.TreeSet<>(registry.creditCodes());
            codes.addAll(jdbc.sql("SELECT DISTINCT credit_code FROM warning.loan UNION SELECT credit_code FROM "
                    + "warning.score").query(String.class).list());
            rescore(codes);
            org.slf4j.LoggerFactory.getLogger(EarlyWarning.class).info("Warning sweep: {} enterprises scored, {} "
                    + "warnings open, in {} ms", codes.size(), jdbc.sql("SELECT count(*) FROM warning.warning_case "
                    + "WHERE status <> 'CLOSED'").query(Long.class).single(), (System.nanoTime() - started) / 1_000_000);
            return codes.size();
        } finally {
            sweeping.unlock();
        }
    }

    /** Scores these enterprises again, reading their hub data 500 at a time, one transaction per 500. */
    public void rescore(java.util.Collection<String> codes) {
        List<String> all = List.copyOf(new java.util.TreeSet<>(codes));
        sweeping.lock(); // one batch at a time, in code order: concurrent imports would lock the same rows in turn
        try {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                transactions.executeWithoutResult(tx -> {
                    Map<String, EnterpriseHubData> data = hub.of(chunk);
                    for (String code : chunk) {
                        rescore(code, data.getOrDefault(code, EnterpriseHubData.empty(code)));
                    }
                });
            }
        } finally {
            sweeping.unlock();
        }
    }

    /** The enterprise's score as the rules would give it now, without keeping it or opening anything. */
    @Transactional(readOnly = true)
    public WarningRules.Score assess(String code) {
        return compute(code, hub.of(code));
    }

    private WarningRules.Score compute(String code, EnterpriseHubData data) {
        LocalDate today = LocalDate.now(clock);
        List<WarningRules.LoanFact> loans = jdbc.sql("SELECT * FROM warning.loan WHERE credit_code = ?").param(code)
                .query((rs, n) -> new WarningRules.LoanFact(rs.getString("status"), rs.getDate("as_of").toLocalDate(),
                        rs.getLong("outstanding_fen"), rs.getDate("overdue_since") == null ? null
                                : rs.getDate("overdue_since").toLocalDate())).list();
        List<WarningRules.QualificationFact> quals = qualifications.of(code).stream()
                .filter(q -> q.status() == QualificationView.Status.VERIFIED)
                .map(q -> new WarningRules.QualificationFact(q.kindName(), q.validUntil())).toList();
        return WarningRules.score(loans, quals, facts(code, data), rules(), levels(), today);
    }

    // ---- scoring -----------------------------------------------------------------------------------------------

    /**
     * Scores the enterprise and keeps the score; opens a case when a level is reached and none is open (unless the
     * last closed case had the same level and signals: the enterprise was re-scored after it and nothing changed),
     * or raises the open case when the level went up.
     */
    @Transactional
    public WarningRules.Score rescore(String code) {
        return rescore(code, hub.of(code));
    }

    private WarningRules.Score rescore(String code, EnterpriseHubData data) {
        WarningRules.Score s = compute(code, data);
        String signals = describe(s.signals());
        // the open case first, then the score: the order the queue's own writes (close, then re-score) take them
        Optional<WarningCase> open = jdbc.sql(SELECT + " WHERE credit_code = ? AND status <> 'CLOSED' FOR UPDATE")
                .param(code).query((rs, n) -> map(rs)).optional();
        if (s.signals().isEmpty() && open.isEmpty() && jdbc.sql("SELECT count(*) FROM warning.score WHERE "
                + "credit_code = ?").param(code).query(Long.class).single() == 0) {
            return s; // nothing to say and nothing said before: no row for every quiet enterprise of the city
        }
        jdbc.sql("INSERT INTO warning.score (credit_code, score, level, signals, scored_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (credit_code) DO UPDATE SET score = EXCLUDED.score, level = EXCLUDED.level, signals = "
                + "EXCLUDED.signals, scored_at = EXCLUDED.scored_at")
                .params(code, s.score(), s.level() == null ? null : s.level().name(), signals,
                        Timestamp.from(clock.instant())).update();
        if (s.level() == null) {
            return s;
        }
        if (open.isPresent()) {
            WarningCase c = open.get();
            if (s.level().ordinal() < c.level().ordinal()) {
                Instant due = calendar.deadline(clock.instant(), verifyDays(s.level()));
                jdbc.sql("UPDATE warning.warning_case SET level = ?, score = ?, signals = ?, due_at = LEAST(due_at, ?) "
                        + "WHERE id = ?").params(s.level().name(), s.score(), signals, Timestamp.from(due), c.id())
                        .update();
                events.publishEvent(new WarningRaised(c.id(), code, s.level(), s.score()));
            } else {
                jdbc.sql("UPDATE warning.warning_case SET score = ?, signals = ? WHERE id = ?")
                        .params(s.score(), signals, c.id()).update();
            }
            return s;
        }
        Optional<WarningCase> lastClosed = jdbc.sql(SELECT + " WHERE credit_code = ? AND status = 'CLOSED' ORDER BY "
                + "closed_at DESC LIMIT 1").param(code).query((rs, n) -> map(rs)).optional();
        if (lastClosed.isPresent() && lastClosed.get().level().ordinal() <= s.level().ordinal()
                && codesOf(lastClosed.get().signals()).equals(codesOf(signals))) {
            return s;
        }
        UUID id = UUID.randomUUID();
        EnterpriseCard card = enterprises.card(code).orElse(null);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO warning.warning_case (id, credit_code, enterprise, town_code, section_code, level, score, "
                + "signals, status, opened_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")
                .params(id, code, card == null ? code : card.name(), card == null ? null : card.townCode(),
                        card == null || card.industryCode() == null ? null : card.industryCode().substring(0, 1),
                        s.level().name(), s.score(), signals, Timestamp.from(now),
                        Timestamp.from(calendar.deadline(now, verifyDays(s.level())))).update();
        audit.record("system", null, "RAISE_WARNING", target(id), Outcome.SUCCESS, s.level().label() + " " + signals);
        events.publishEvent(new WarningRaised(id, code, s.level(), s.score()));
        return s;
    }

    // ---- the queue ---------------------------------------------------------------------------------------------

    /** The cases the user may see, open ones first and the most urgent level first. */
    @Transactional(readOnly = true)
    public List<WarningCase> queue(WarningCase.@Nullable Status status, SignedInUser user) {
        List<WarningCase> all = jdbc.sql(SELECT + " WHERE (CAST(:status AS varchar) IS NULL OR status = :status) "
                + "ORDER BY (status = 'CLOSED'), CASE level WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 ELSE 2 END, due_at")
                .param("status", status == null ? null : status.name()).query((rs, n) -> map(rs)).list();
        if (official(user)) {
            return all;
        }
        if (!user.hasRole(Role.INSTITUTION)) {
            throw new AccessDeniedException("风险预警面向政府部门和放贷机构");
        }
        Set<String> visible = lenderCodes(user);
        return all.stream().filter(c -> visible.contains(c.creditCode())).toList();
    }

    @Transactional(readOnly = true)
    public WarningCase find(UUID id, SignedInUser user) {
        WarningCase c = jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("预警不存在"));
        if (!official(user) && !(user.hasRole(Role.INSTITUTION) && lenderCodes(user).contains(c.creditCode()))) {
            throw new NotFoundException("预警不存在");
        }
        return c;
    }

    /** Assigns an open case to a government user who will verify it. */
    @Transactional
    public void assign(UUID id, @Nullable String assignee, SignedInUser user) {
        WarningCase c = official(id, user, "ASSIGN_WARNING");
        requireStatus(c, user, "ASSIGN_WARNING", "只有待分派或核查中的预警可以分派", WarningCase.Status.OPEN,
                WarningCase.Status.ASSIGNED);
        boolean staff = assignee != null && membership.account(assignee.strip()).flatMap(a -> organisations.find(
                a.organisationId())).map(o -> o.kind() == org.sanrong.identity.OrganisationKind.GOVERNMENT
                        || lenders(c.creditCode()).contains(o.id())).orElse(false);
        if (!staff) {
            throw failed(c, user, "ASSIGN_WARNING", "assignee",
                    "请选择政府部门的工作人员，或已获企业授权的放贷机构的工作人员（用户名）");
        }
        jdbc.sql("UPDATE warning.warning_case SET status = 'ASSIGNED', assignee = ?, assigned_at = ? WHERE id = ?")
                .params(assignee.strip(), Timestamp.from(clock.instant()), id).update();
        audit.record(user.username(), user.organisationId(), "ASSIGN_WARNING", target(id), Outcome.SUCCESS, assignee);
    }

    /** Records the verification (核查) of an assigned case. */
    @Transactional
    public void verify(UUID id, @Nullable String note, SignedInUser user) {
        WarningCase c = handler(id, user, "VERIFY_WARNING");
        requireStatus(c, user, "VERIFY_WARNING", "请先分派再核查", WarningCase.Status.ASSIGNED);
        if (note == null || note.isBlank()) {
            throw failed(c, user, "VERIFY_WARNING", "verification", "请填写核查情况");
        }
        jdbc.sql("UPDATE warning.warning_case SET status = 'VERIFIED', verification = ?, verified_by = ?, verified_at = ? "
                + "WHERE id = ?").params(clip(note), user.username(), Timestamp.from(clock.instant()), id).update();
        audit.record(user.username(), user.organisationId(), "VERIFY_WARNING", target(id), Outcome.SUCCESS,
                c.late(clock.instant()) ? "超时核查" : "按时核查");
    }

    /** Closes a verified case with the finding and the measures taken; the enterprise is then scored again. */
    @Transactional
    public void close(UUID id, @Nullable String finding, @Nullable String measures, SignedInUser user) {
        WarningCase c = handler(id, user, "CLOSE_WARNING");
        requireStatus(c, user, "CLOSE_WARNING", "请先核查再办结", WarningCase.Status.VERIFIED);
        if (finding == null || finding.isBlank()) {
            throw failed(c, user, "CLOSE_WARNING", "finding", "请填写核查结论");
        }
        if (measures == null || measures.isBlank()) {
            throw failed(c, user, "CLOSE_WARNING", "measures", "请填写采取的措施");
        }
        jdbc.sql("UPDATE warning.warning_case SET status = 'CLOSED', finding = ?, measures = ?, closed_by = ?, "
                + "closed_at = ? WHERE id = ?").params(clip(finding), clip(measures), user.username(),
                        Timestamp.from(clock.instant()), id).update();
        audit.record(user.username(), user.organisationId(), "CLOSE_WARNING", target(id), Outcome.SUCCESS, finding);
        rescore(c.creditCode());
    }

    // ---- rules and the cockpit's figures ---------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<WarningRules.Rule> rules() {
        return jdbc.sql("SELECT * FROM warning.rule ORDER BY code").query((rs, n) -> new WarningRules.Rule(
                rs.getString("code"), rs.getString("name"), rs.getString("signal"), rs.getBigDecimal("threshold"),
                rs.getInt("weight"), rs.getBoolean("forces_red"), rs.getBoolean("enabled"), rs.getString("note"),
                rs.getObject("window_days", Integer.class))).list();
    }

    @Transactional(readOnly = true)
    public List<WarningRules.LevelRule> levels() {
        return jdbc.sql("SELECT * FROM warning.level ORDER BY min_score DESC").query((rs, n) ->
                new WarningRules.LevelRule(WarningRules.Level.valueOf(rs.getString("level")), rs.getInt("min_score"),
                        rs.getInt("verify_days"))).list();
    }

    /** Government changes a rule's weight, threshold, whether it forces red and whether it is on; audited. */
    @Transactional
    public void changeRule(String code, int weight, @Nullable BigDecimal threshold, boolean forcesRed,
            boolean enabled, SignedInUser user) {
        Integer window = rules().stream().filter(r -> r.code().equals(code)).findFirst()
                .map(WarningRules.Rule::windowDays).orElse(null);
        changeRule(code, weight, threshold, forcesRed, enabled, window, user);
    }

    /** The same with the window (days) of a hub rule. */
    @Transactional
    public void changeRule(String code, int weight, @Nullable BigDecimal threshold, boolean forcesRed,
            boolean enabled, @Nullable Integer windowDays, SignedInUser user) {
        if (!official(user)) {
            audit.recordIndependently(user.username(), user.organisationId(), "CHANGE_WARNING_RULE", "warning-rule:"
                    + code, Outcome.DENIED, null);
            throw new AccessDeniedException("预警规则由政府部门设置");
        }
        if (weight < 0 || weight > 100) {
            throw new InvalidRequestException("weight", "分值须在0至100之间");
        }
        if (threshold != null && threshold.signum() < 0) {
            throw new InvalidRequestException("threshold", "阈值不能为负");
        }
        if (windowDays != null && (windowDays < 1 || windowDays > 3660)) {
            throw new InvalidRequestException("windowDays", "窗口期须在1至3660天之间");
        }
        int n = jdbc.sql("UPDATE warning.rule SET weight = ?, threshold = ?, forces_red = ?, enabled = ?, "
                + "window_days = ? WHERE code = ?").params(weight, threshold, forcesRed, enabled, windowDays, code)
                .update();
        if (n == 0) {
            throw new NotFoundException("规则不存在");
        }
        audit.record(user.username(), user.organisationId(), "CHANGE_WARNING_RULE", "warning-rule:" + code,
                Outcome.SUCCESS, "分值 " + weight + "，阈值 " + threshold
                        + (windowDays == null ? "" : "，窗口 " + windowDays + " 天") + (forcesRed ? "，直接红色" : "")
                        + (enabled ? "" : "，停用"));
    }

    /** The cockpit's figures: open cases by level, handled-on-time rate, open cases by town and by industry. */
    public record Summary(Map<WarningRules.Level, Long> openByLevel, long closed, long closedOnTime,
            Map<String, Long> openByTown, Map<String, Long> openBySection) {
        public @Nullable BigDecimal onTimePercent() {
            return closed == 0 ? null : BigDecimal.valueOf(closedOnTime * 1000 / closed).movePointLeft(1);
        }
    }

    @Transactional(readOnly = true)
    public Summary summary(SignedInUser user) {
        if (!official(user)) {
            throw new AccessDeniedException("预警统计面向政府部门");
        }
        List<WarningCase> all = queue(null, user);
        Map<WarningRules.Level, Long> byLevel = new LinkedHashMap<>();
        for (WarningRules.Level l : WarningRules.Level.values()) {
            byLevel.put(l, all.stream().filter(c -> c.status() != WarningCase.Status.CLOSED && c.level() == l).count());
        }
        List<WarningCase> closed = all.stream().filter(c -> c.status() == WarningCase.Status.CLOSED).toList();
        Instant now = clock.instant();
        List<WarningCase> open = all.stream().filter(c -> c.status() != WarningCase.Status.CLOSED).toList();
        return new Summary(byLevel, closed.size(), closed.stream().filter(c -> !c.late(now)).count(),
                open.stream().collect(Collectors.groupingBy(c -> c.townCode() == null ? "-" : c.townCode(),
                        LinkedHashMap::new, Collectors.counting())),
                open.stream().collect(Collectors.groupingBy(c -> c.sectionCode() == null ? "-" : c.sectionCode(),
                        LinkedHashMap::new, Collectors.counting())));
    }

    // ---- the hub's facts and registry changes ------------------------------------------------------------------

    /** The enterprise's hub data as the rules read it, with the legal-representative changes recorded here. */
    WarningRules.HubFacts facts(String code, EnterpriseHubData data) {
        List<HubSignals.Judgement> judgements = data.records(HubSource.JUDGEMENTS).stream()
                .map(r -> new HubSignals.Judgement(r.occurredOn(), r.kind(), r.againstEnterprise())).toList();
        List<LocalDate> penalties = data.records(HubSource.PENALTIES).stream().map(HubRecord::occurredOn).toList();
        List<HubSignals.TaxPeriod> tax = data.series(HubSource.TAX).stream()
                .map(p -> new HubSignals.TaxPeriod(p.lastMonth(), p.taxPaidFen(), p.taxGrade())).toList();
        List<HubSignals.Monthly> headcount = data.series(HubSource.SOCIAL_INSURANCE).stream()
                .filter(p -> p.socialHeadcount() != null)
                .map(p -> new HubSignals.Monthly(p.period(), p.socialHeadcount())).toList();
        List<HubSignals.Monthly> power = data.series(HubSource.UTILITIES).stream()
                .filter(p -> p.powerKwh() != null).map(p -> new HubSignals.Monthly(p.period(), p.powerKwh()))
                .toList();
        List<LocalDate> changes = jdbc.sql("SELECT changed_on FROM warning.legal_rep_change WHERE credit_code = ?")
                .param(code).query((rs, n) -> rs.getDate(1).toLocalDate()).list();
        return new WarningRules.HubFacts(judgements, penalties, tax, headcount, power, changes);
    }

    /** A change of legal representative, recorded once per registry reference; the enterprise is scored again. */
    @Transactional
    public void recordLegalRepresentativeChange(@Nullable String code, @Nullable LocalDate changedOn,
            @Nullable String reference, SignedInUser user) {
        String action = "RECORD_LEGAL_REP_CHANGE";
        String target = "enterprise:" + code;
        if (!official(user)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.DENIED, null);
            throw new AccessDeniedException("法定代表人变更由政府部门录入");
        }
        String problem = code == null || enterprises.card(code).isEmpty() ? "creditCode:请填写已登记企业的统一社会信用代码"
                : changedOn == null || changedOn.isAfter(LocalDate.now(clock)) ? "changedOn:请填写不晚于今天的变更日期"
                : reference == null || reference.isBlank() || reference.strip().length() > 100
                        ? "reference:请填写变更登记的文号或编号（100字以内）" : null;
        if (problem != null) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.FAILURE,
                    problem.substring(problem.indexOf(':') + 1));
            throw new InvalidRequestException(problem.substring(0, problem.indexOf(':')),
                    problem.substring(problem.indexOf(':') + 1));
        }
        jdbc.sql("INSERT INTO warning.legal_rep_change (credit_code, changed_on, reference, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (credit_code, reference) DO UPDATE SET changed_on = "
                + "EXCLUDED.changed_on").params(code, Date.valueOf(changedOn), reference.strip(), user.username(),
                        Timestamp.from(clock.instant())).update();
        audit.record(user.username(), user.organisationId(), action, target, Outcome.SUCCESS,
                changedOn + " " + reference.strip());
        rescore(code);
    }

    // ---- pieces ------------------------------------------------------------------------------------------------

    private static final String SELECT = "SELECT * FROM warning.warning_case";

    private static WarningCase map(ResultSet rs, int... n) throws SQLException {
        return new WarningCase(rs.getObject("id", UUID.class), rs.getString("credit_code"), rs.getString("enterprise"),
                rs.getString("town_code"), rs.getString("section_code"),
                WarningRules.Level.valueOf(rs.getString("level")), rs.getInt("score"), rs.getString("signals"),
                WarningCase.Status.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getString("assignee"), rs.getString("verification"),
                rs.getString("verified_by"), instant(rs, "verified_at"), rs.getString("finding"),
                rs.getString("measures"), rs.getString("closed_by"), instant(rs, "closed_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Signals as text, one per line: "CODE|name：detail（+points）". */
    static String describe(List<WarningRules.Signal> signals) {
        List<String> lines = new ArrayList<>();
        for (WarningRules.Signal s : signals) {
            lines.add(s.rule() + "|" + s.name() + "：" + s.detail() + (s.forcesRed() ? "（直接红色）" : "（+" + s.points()
                    + "）"));
        }
        return String.join("\n", lines);
    }

    private static Set<String> codesOf(String signals) {
        return signals.lines().map(l -> l.contains("|") ? l.substring(0, l.indexOf('|')) : l)
                .collect(Collectors.toSet());
    }

    private int verifyDays(WarningRules.Level level) {
        return levels().stream().filter(l -> l.level() == level).findFirst().map(WarningRules.LevelRule::verifyWorkingDays)
                .orElse(5);
    }

    private Set<String> lenderCodes(SignedInUser user) {
        Set<String> lent = Set.copyOf(jdbc.sql("SELECT DISTINCT credit_code FROM warning.loan WHERE institution_id = ?")
                .param(user.organisationId()).query(String.class).list());
        var type = organisations.find(user.organisationId()).map(o -> o.institutionType()).orElse(null);
        Set<String> consenting = consents.consentingTo(user.organisationId(), type);
        return lent.stream().filter(consenting::contains).collect(Collectors.toSet());
    }

    /**
     * The institutions that lent to the enterprise and hold its consent: their staff may be assigned its warning
     * and then verify and close it.
     */
    private Set<UUID> lenders(String code) {
        List<UUID> lent = jdbc.sql("SELECT DISTINCT institution_id FROM warning.loan WHERE credit_code = ?")
                .param(code).query(UUID.class).list();
        Set<UUID> out = new java.util.HashSet<>();
        for (UUID institution : lent) {
            var type = organisations.find(institution).map(o -> o.institutionType()).orElse(null);
            if (consents.consentingTo(institution, type).contains(code)) {
                out.add(institution);
            }
        }
        return out;
    }

    /** Government, or the lender's user the case is assigned to (while the enterprise's consent lasts). */
    private WarningCase handler(UUID id, SignedInUser user, String action) {
        if (official(user)) {
            return find(id, user);
        }
        WarningCase c = jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("预警不存在"));
        if (user.hasRole(Role.INSTITUTION) && user.username().equals(c.assignee())
                && lenders(c.creditCode()).contains(user.organisationId())) {
            return c;
        }
        audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED, null);
        throw new AccessDeniedException("预警由政府部门或被分派的授权放贷机构处置");
    }

    /** Whether the user may verify and close this case (for the page). */
    public boolean mayHandle(WarningCase c, SignedInUser user) {
        return official(user) || (user.hasRole(Role.INSTITUTION) && user.username().equals(c.assignee())
                && lenders(c.creditCode()).contains(user.organisationId()));
    }

    private WarningCase official(UUID id, SignedInUser user, String action) {
        if (!official(user)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    null);
            throw new AccessDeniedException("预警由政府部门处置");
        }
        return find(id, user);
    }

    private void requireStatus(WarningCase c, SignedInUser user, String action, String message,
            WarningCase.Status... allowed) {
        for (WarningCase.Status s : allowed) {
            if (c.status() == s) {
                return;
            }
        }
        audit.recordIndependently(user.username(), user.organisationId(), action, target(c.id()), Outcome.FAILURE,
                message);
        throw InvalidRequestException.conflict("status", message + "（当前：" + c.status().label() + "）");
    }

    private InvalidRequestException failed(WarningCase c, SignedInUser user, String action, String field,
            String message) {
        audit.recordIndependently(user.username(), user.organisationId(), action, target(c.id()), Outcome.FAILURE,
                message);
        return new InvalidRequestException(field, message);
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() <= 2000 ? t : t.substring(0, 2000);
    }

    static String target(UUID id) {
        return "warning:" + id;
    }
}
