package org.sanrong.listing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.enterprise.EnterpriseProfileChanged;
import org.sanrong.enterprise.EnterpriseRegistered;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.sanrong.platform.Fen;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.sanrong.platform.UploadedDocument;
import org.sanrong.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上市后备企业库 use cases. Government enrols (by hand or by rule), grades, retargets and removes; government and the
 * enterprise itself record milestones with evidence, intermediaries, the market-value estimate and the figures the
 * portrait needs. Every write is audited; a refused one changes nothing and is audited as DENIED or FAILURE. Other
 * readers (institutions) are told the entry does not exist.
 */
@Service
public class ListingReserve {

    static final Set<UploadedDocument.Kind> EVIDENCE = Set.of(UploadedDocument.Kind.PDF, UploadedDocument.Kind.PNG,
            UploadedDocument.Kind.JPEG);
    /** More than this many enterprises in one rule is almost surely a rule too loose to mean "reserve". */
    static final int RULE_LIMIT = 2_000;

    private final ReserveEntries entries;
    private final ListingDocuments documents;
    private final EnterpriseBook enterprises;
    private final OrganisationRegistry registry;
    private final ReferenceData reference;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long evidenceMaxBytes;

    ListingReserve(ReserveEntries entries, ListingDocuments documents, EnterpriseBook enterprises,
            OrganisationRegistry registry, ReferenceData reference, AuditTrail audit, ApplicationEventPublisher events,
            Inbox inbox, JdbcClient jdbc, Clock clock,
            @Value("${sanrong.listing.evidence-max-mb:10}") int evidenceMaxMb) {
        this.entries = entries;
        this.documents = documents;
        this.enterprises = enterprises;
        this.registry = registry;
        this.reference = reference;
        this.audit = audit;
        this.events = events;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.evidenceMaxBytes = evidenceMaxMb * 1024L * 1024L;
    }

    // ---- enrolling --------------------------------------------------------------------------------------------

    /** 手工入库. Refused when the enterprise is not in the 企业库 or is in the reserve already. */
    @Transactional
    public ReserveEntry.Id enrol(Enrolment e, SignedInUser user) {
        requireOfficial(user, "ENROL_RESERVE", target(e.creditCode()));
        String code = e.creditCode() == null ? "" : e.creditCode().strip().toUpperCase(java.util.Locale.ROOT);
        EnterpriseCard card = enterprises.card(code)
                .orElseThrow(() -> new InvalidRequestException("creditCode", "企业库中没有该统一社会信用代码的企业"));
        refuseDuplicate(code, user, "ENROL_RESERVE");
        ReserveEntry entry = ReserveEntry.enrol(snapshot(card), e.grade() == null ? ReserveGrade.D : e.grade(),
                e.board() == null ? ListingBoard.CHINEXT : e.board(), false, e.reason(), e.sponsor(), e.lawFirm(),
                e.auditor(), user.username(), user.organisationId(), clock.instant());
        insert(entry, user, "ENROL_RESERVE");
        return entry.id();
    }

    /** What a rule would enrol, without enrolling anyone. */
    @Transactional(readOnly = true)
    public RulePreview preview(EnrolmentRule rule, SignedInUser user) {
        requireOfficial(user, "ENROL_RESERVE_BY_RULE", "listing:rule");
        Selection s = select(rule);
        List<RulePreview.Candidate> shown = new ArrayList<>();
        for (EnterpriseFacts f : s.candidates().stream().limit(100).toList()) {
            EnterpriseCard card = enterprises.card(f.creditCode()).orElseThrow();
            shown.add(new RulePreview.Candidate(f.creditCode(), card.name(), card.townName(), card.industryCode(),
                    f.revenueFen(), card.qualifications()));
        }
        return new RulePreview(s.reason(), s.matched(), s.alreadyEnrolled(), s.profitUnknown(), s.candidates().size(),
                shown);
    }

    /** 按规则入库: enrols every candidate of the rule (none twice), each with the rule as its reason; answers how many. */
    @Transactional
    public int enrolByRule(EnrolmentRule rule, SignedInUser user) {
        requireOfficial(user, "ENROL_RESERVE_BY_RULE", "listing:rule");
        Selection s = select(rule);
        if (s.candidates().size() > RULE_LIMIT) {
            throw new InvalidRequestException("rule", "该规则将入库 " + s.candidates().size() + " 家企业，超过单次上限 "
                    + RULE_LIMIT + " 家，请收紧条件");
        }
        Instant now = clock.instant();
        for (EnterpriseFacts f : s.candidates()) {
            EnterpriseCard card = enterprises.card(f.creditCode()).orElseThrow();
            ReserveEntry entry = ReserveEntry.enrol(snapshot(card), rule.grade() == null ? ReserveGrade.D
                    : rule.grade(), rule.board() == null ? ListingBoard.CHINEXT : rule.board(), true, s.reason(),
                    null, null, null, user.username(), user.organisationId(), now);
            insert(entry, user, "ENROL_RESERVE_BY_RULE");
        }
        return s.candidates().size();
    }

    private record Selection(String reason, int matched, int alreadyEnrolled, int profitUnknown,
            List<EnterpriseFacts> candidates) {
    }

    private Selection select(EnrolmentRule rule) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (rule.empty()) {
            errors.put("rule", "请至少设定一个条件（资质、营业收入、净利润、镇街或行业）");
        }
        for (String q : rule.qualifications()) {
            if (reference.qualificationKind(q).isEmpty()) {
                errors.put("qualifications", "未知的资质类型：" + q);
            }
        }
        if (rule.townCode() != null && reference.town(rule.townCode()).isEmpty()) {
            errors.put("townCode", "未知的镇街代码：" + rule.townCode());
        }
        if (rule.industryPrefix() != null && !ReferenceData.isPlausibleIndustryPrefix(rule.industryPrefix())) {
            errors.put("industryPrefix", "行业代码应为门类字母加数字，例如 C39");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Set<String> enrolled = entries.liveCodes();
        Map<String, Long> profits = rule.minNetProfitFen() == null ? Map.of() : latestProfits();
        int[] counts = new int[3];
        List<EnterpriseFacts> candidates = new ArrayList<>();
        enterprises.forEachFacts(f -> {
            if (!rule.qualifications().isEmpty() && f.qualifications().stream()
                    .noneMatch(rule.qualifications()::contains)) {
                return;
            }
            if (rule.minRevenueFen() != null && (f.revenueFen() == null || f.revenueFen() < rule.minRevenueFen())) {
                return;
            }
            if (rule.townCode() != null && !rule.townCode().equals(f.townCode())) {
                return;
            }
            if (rule.industryPrefix() != null && (f.industryCode() == null
                    || !f.industryCode().startsWith(rule.industryPrefix()))) {
                return;
            }
            if (rule.minNetProfitFen() != null) {
                Long profit = profits.get(f.creditCode());
                if (profit == null) {
                    counts[2]++;
                    return;
                }
                if (profit < rule.minNetProfitFen()) {
                    return;
                }
            }
            counts[0]++;
            if (enrolled.contains(f.creditCode())) {
                counts[1]++;
                return;
            }
            candidates.add(f);
        });
        candidates.sort(java.util.Comparator.comparing(EnterpriseFacts::creditCode));
        return new Selection(describe(rule), counts[0], counts[1], counts[2], candidates);
    }

    /** The latest year's net profit entered for listing, per enterprise. */
    private Map<String, Long> latestProfits() {
        Map<String, Long> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (credit_code) credit_code, net_profit_fen FROM listing.financials
                WHERE net_profit_fen IS NOT NULL ORDER BY credit_code, year DESC""")
                .query(rs -> {
                    out.put(rs.getString("credit_code").strip(), rs.getLong("net_profit_fen"));
                });
        return out;
    }

    /** The rule in words, as each enrolment's reason: "按规则入库：专精特新"小巨人"企业或瞪羚企业；营业收入不低于…". */
    private String describe(EnrolmentRule rule) {
        List<String> parts = new ArrayList<>();
        if (!rule.qualifications().isEmpty()) {
            parts.add(String.join("或", rule.qualifications().stream().sorted()
                    .map(q -> reference.qualificationKind(q).map(k -> k.name()).orElse(q)).toList()));
        }
        if (rule.minRevenueFen() != null) {
            parts.add("最近一年营业收入不低于" + Fen.formatWan(rule.minRevenueFen()));
        }
        if (rule.minNetProfitFen() != null) {
            parts.add("最近一年净利润不低于" + Fen.formatWan(rule.minNetProfitFen()));
        }
        if (rule.townCode() != null) {
            parts.add(reference.town(rule.townCode()).map(t -> t.name()).orElse(rule.townCode()));
        }
        if (rule.industryPrefix() != null) {
            parts.add("行业 " + rule.industryPrefix() + reference.industry(rule.industryPrefix())
                    .map(i -> " " + i.name()).orElse(""));
        }
        String text = "按规则入库：" + String.join("；", parts);
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private void refuseDuplicate(String code, SignedInUser user, String action) {
        Optional<ReserveEntry> existing = entries.live(code);
        if (existing.isPresent()) {
            ReserveEntry e = existing.get();
            String why = "该企业已在上市后备企业库中（" + e.grade().label() + "，" + e.board().label() + "，"
                    + LocalDate.ofInstant(e.enrolledAt(), clock.getZone()) + " 入库），不能重复入库";
            audit.recordIndependently(user.username(), user.organisationId(), action, target(code), Outcome.FAILURE,
                    why);
            throw InvalidRequestException.conflict("creditCode", why);
        }
    }

    private void insert(ReserveEntry entry, SignedInUser user, String action) {
        try {
            entries.insert(entry);
        } catch (DuplicateKeyException e) {
            String why = "该企业已在上市后备企业库中，不能重复入库";
            audit.recordIndependently(user.username(), user.organisationId(), action,
                    target(entry.enterprise().creditCode()), Outcome.FAILURE, why);
            throw InvalidRequestException.conflict("creditCode", why);
        }
        audit.record(user.username(), user.organisationId(), action, target(entry.enterprise().creditCode()),
                Outcome.SUCCESS, entry.grade().name() + " " + entry.board().label() + " " + entry.reason());
        UUID org = entry.enterprise().organisationId();
        if (org != null) {
            inbox.send(Notice.of(Notice.Recipient.organisation(org), "LISTING", "已入选上市后备企业库",
                    clipBody("贵企业已入选上市后备企业库（" + entry.grade().label() + "，目标板块：" + entry.board().label()
                            + "）。可在“上市服务”中登记上市进程、查看上市画像、提出诉求。"))
                    .linkTo("/enterprise/listing").about(target(entry.enterprise().creditCode())));
        }
    }

    // ---- following ------------------------------------------------------------------------------------------

    /**
     * Records a milestone with its evidence (PDF, PNG or JPEG by content, at most {@code sanrong.listing.evidence-max-mb}).
     * Government or the enterprise itself; refused in order or date as {@link ReserveEntry#recordMilestone} says.
     */
    @Transactional
    public void recordMilestone(String creditCode, @Nullable Milestone milestone, @Nullable LocalDate reachedOn,
            @Nullable String note, @Nullable String fileName, byte @Nullable [] evidence, SignedInUser user) {
        ReserveEntry entry = writable(creditCode, user, "RECORD_MILESTONE", false);
        Map<String, String> errors = new LinkedHashMap<>();
        if (milestone == null) {
            errors.put("milestone", "请选择里程碑");
        }
        if (reachedOn == null) {
            errors.put("reachedOn", "请填写日期");
        }
        UploadedDocument document = null;
        try {
            document = UploadedDocument.check("evidence", fileName, evidence, EVIDENCE, evidenceMaxBytes);
        } catch (InvalidRequestException e) {
            errors.putAll(e.fieldErrors());
        }
        if (milestone != null && reachedOn != null) {
            try {
                entry.checkMilestone(milestone, reachedOn, LocalDate.now(clock));
            } catch (InvalidRequestException e) {
                if (e.status() == 409) {
                    failed(user, "RECORD_MILESTONE", creditCode, e.getMessage());
                    throw e;
                }
                errors.putAll(e.fieldErrors());
            } catch (IllegalStateException e) {
                failed(user, "RECORD_MILESTONE", creditCode, e.getMessage());
                throw InvalidRequestException.conflict("status", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            failed(user, "RECORD_MILESTONE", creditCode, String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        Instant now = clock.instant();
        UUID evidenceId = documents.store(document, user.username(), now);
        UploadedDocument d = document;
        change(entry, user, "RECORD_MILESTONE", e -> e.recordMilestone(milestone, reachedOn, evidenceId, d.fileName(),
                note, user.username(), now, LocalDate.now(clock)), milestone.label() + " " + reachedOn);
        tellOtherSide(entry, user, "上市进程：" + milestone.label(), entry.enterprise().name() + " 于 " + reachedOn
                + " " + milestone.label() + "（" + entry.board().label() + "）。");
    }

    @Transactional
    public void regrade(String creditCode, @Nullable ReserveGrade grade, @Nullable String reason, SignedInUser user) {
        ReserveEntry entry = writable(creditCode, user, "REGRADE_RESERVE", true);
        if (grade == null) {
            throw new InvalidRequestException("grade", "请选择分级");
        }
        change(entry, user, "REGRADE_RESERVE", e -> e.regrade(grade, reason, user.username(), clock.instant()),
                grade.name());
    }

    @Transactional
    public void retarget(String creditCode, @Nullable ListingBoard board, @Nullable String reason,
            SignedInUser user) {
        ReserveEntry entry = writable(creditCode, user, "RETARGET_RESERVE", true);
        if (board == null) {
            throw new InvalidRequestException("board", "请选择目标板块");
        }
        change(entry, user, "RETARGET_RESERVE", e -> e.retarget(board, reason, user.username(), clock.instant()),
                board.label());
    }

    @Transactional
    public void engage(String creditCode, @Nullable String sponsor, @Nullable String lawFirm,
            @Nullable String auditor, SignedInUser user) {
        ReserveEntry entry = writable(creditCode, user, "ENGAGE_INTERMEDIARIES", false);
        change(entry, user, "ENGAGE_INTERMEDIARIES", e -> e.engage(sponsor, lawFirm, auditor, user.username(),
                clock.instant()), null);
    }

    @Transactional
    public void estimateMarketValue(String creditCode, @Nullable Long fen, @Nullable LocalDate on,
            SignedInUser user) {
        ReserveEntry entry = writable(creditCode, user, "ESTIMATE_MARKET_VALUE", false);
        if (fen == null) {
            throw new InvalidRequestException("marketValue", "请填写预计市值（万元）");
        }
        LocalDate today = LocalDate.now(clock);
        change(entry, user, "ESTIMATE_MARKET_VALUE", e -> e.estimateMarketValue(fen, on == null ? today : on,
                user.username(), clock.instant(), today), Fen.formatYi(fen));
    }

    @Transactional
    public void remove(String creditCode, @Nullable String reason, SignedInUser user) {
        ReserveEntry entry = writable(creditCode, user, "REMOVE_RESERVE", true);
        change(entry, user, "REMOVE_RESERVE", e -> e.remove(reason, user.username(), clock.instant()), reason);
    }

    /**
     * Saves the figures the listing rules need beyond the 企业库's (net profit, operating cash flow, ROE), year by year;
     * a year with nothing given is deleted. Years in the future, or more than ten years back, are refused.
     */
    @Transactional
    public void saveFigures(String creditCode, List<ListingFigures> figures, SignedInUser user) {
        ReserveEntry entry = writable(creditCode, user, "SAVE_LISTING_FIGURES", false);
        int thisYear = LocalDate.now(clock).getYear();
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (ListingFigures f : figures) {
            if (f.year() > thisYear || f.year() < thisYear - 10) {
                errors.putIfAbsent("year", "年度须在 " + (thisYear - 10) + " 至 " + thisYear + " 之间");
            }
            if (!seen.add(f.year())) {
                errors.putIfAbsent("year", f.year() + " 年填写了两次");
            }
            if (f.roePercent() != null && (f.roePercent().abs().compareTo(BigDecimal.valueOf(1000)) > 0
                    || f.roePercent().stripTrailingZeros().scale() > 2)) {
                errors.putIfAbsent("roe", "净资产收益率须在 -1000% 至 1000% 之间，最多两位小数");
            }
            for (Long v : java.util.Arrays.asList(f.netProfitFen(), f.operatingCashFlowFen())) {
                if (v != null && Math.abs(v) > Fen.MAX) {
                    errors.putIfAbsent("netProfit", "金额过大，请核对单位（万元）");
                }
            }
        }
        if (!errors.isEmpty()) {
            failed(user, "SAVE_LISTING_FIGURES", creditCode, String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        String code = entry.enterprise().creditCode();
        for (ListingFigures f : figures) {
            if (f.empty()) {
                jdbc.sql("DELETE FROM listing.financials WHERE credit_code = ? AND year = ?").params(code, f.year())
                        .update();
                continue;
            }
            jdbc.sql("""
                    INSERT INTO listing.financials (credit_code, year, net_profit_fen, operating_cash_flow_fen,
                        roe_percent, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (credit_code, year) DO UPDATE SET net_profit_fen = EXCLUDED.net_profit_fen,
                        operating_cash_flow_fen = EXCLUDED.operating_cash_flow_fen, roe_percent = EXCLUDED.roe_percent,
                        updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                    .params(code, f.year(), f.netProfitFen(), f.operatingCashFlowFen(), f.roePercent(),
                            Timestamp.from(clock.instant()), user.username())
                    .update();
        }
        audit.record(user.username(), user.organisationId(), "SAVE_LISTING_FIGURES", target(code), Outcome.SUCCESS,
                figures.stream().map(f -> String.valueOf(f.year())).reduce((a, b) -> a + "," + b).orElse(""));
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** The signed-in enterprise's own credit code, if it is one. */
    @Transactional(readOnly = true)
    public Optional<String> ownCode(SignedInUser user) {
        return user.hasRole(Role.ENTERPRISE) ? enterprises.ownCreditCode(user) : Optional.empty();
    }

    /** One entry (the live one), for government and the enterprise itself; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public ReserveEntryView view(String creditCode, SignedInUser user) {
        ReserveEntry entry = entries.live(normalise(creditCode)).orElseThrow(EntryNotFound::new);
        boolean own = own(entry, user);
        if (!own && !official(user)) {
            throw new EntryNotFound();
        }
        List<ReserveEntryView.MilestoneLine> lines = new ArrayList<>();
        Map<Milestone, ReserveEntry.MilestoneRecord> reached = new EnumMap<>(Milestone.class);
        entry.milestones().forEach(m -> reached.put(m.milestone(), m));
        for (Milestone m : Milestone.values()) {
            ReserveEntry.MilestoneRecord r = reached.get(m);
            if (r != null) {
                lines.add(new ReserveEntryView.MilestoneLine(m, r.reachedOn(), r.evidenceId(), r.evidenceName(),
                        r.note(), r.recordedBy()));
            } else if (entry.board().milestones().contains(m)) {
                lines.add(new ReserveEntryView.MilestoneLine(m, null, null, null, null, null));
            }
        }
        ReserveEntry.Enterprise p = entry.enterprise();
        return new ReserveEntryView(entry.id().value(), p.creditCode(), p.name(), townName(p.townCode()),
                p.industryCode(), industryName(p.industryCode()), entry.grade(), entry.board(), entry.status(),
                entry.byRule(), entry.reason(), entry.enrolledAt(), entry.enrolledBy(), entry.sponsor(),
                entry.lawFirm(), entry.auditor(), entry.marketValueFen(), entry.marketValueOn(), entry.marketValueBy(),
                entry.closedAt(), entry.closedNote(), lines, entry.status() == ReserveEntry.Status.ACTIVE
                        ? entry.next() : null, entries.log(entry.id()), figures(p.creditCode()), official(user), own);
    }

    /** The figures entered for listing, latest year first. */
    @Transactional(readOnly = true)
    public List<ListingFigures> figures(String creditCode) {
        return jdbc.sql("SELECT * FROM listing.financials WHERE credit_code = ? ORDER BY year DESC")
                .param(normalise(creditCode))
                .query((rs, n) -> new ListingFigures(rs.getInt("year"), rs.getObject("net_profit_fen", Long.class),
                        rs.getObject("operating_cash_flow_fen", Long.class), plain(rs.getBigDecimal("roe_percent"))))
                .list();
    }

    /** The reserve, for government: filtered, by grade then name. */
    @Transactional(readOnly = true)
    public ResultPage<ReserveRow> search(ReserveQuery q, SignedInUser user, int page, int size) {
        if (!official(user)) {
            throw new AccessDeniedException("上市后备企业库面向政府部门");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ");
        if (q.status() == null) {
            where.append("status <> 'REMOVED'");
        } else {
            where.append("status = :status");
            params.put("status", q.status().name());
        }
        if (q.grade() != null) {
            where.append(" AND grade = :grade");
            params.put("grade", q.grade().name());
        }
        if (q.board() != null) {
            where.append(" AND board = :board");
            params.put("board", q.board().name());
        }
        if (q.milestone() != null) {
            where.append(" AND latest_milestone = :milestone");
            params.put("milestone", q.milestone().name());
        }
        if (q.townCode() != null && !q.townCode().isBlank()) {
            where.append(" AND town_code = :town");
            params.put("town", q.townCode().strip());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (enterprise_name LIKE :text OR credit_code = :code)");
            String t = q.text().strip();
            params.put("text", "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("code", t.toUpperCase(java.util.Locale.ROOT));
        }
        long total = jdbc.sql("SELECT count(*) FROM listing.reserve_entry" + where).params(params).query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<ReserveRow> rows = jdbc.sql("SELECT * FROM listing.reserve_entry" + where
                + " ORDER BY grade, enterprise_name LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> {
                    String town = rs.getString("town_code");
                    String industry = rs.getString("industry_code");
                    Date latestOn = rs.getDate("latest_milestone_on");
                    return new ReserveRow(rs.getString("credit_code"), rs.getString("enterprise_name"), townName(town),
                            industry, industryName(industry), ReserveGrade.valueOf(rs.getString("grade")),
                            ListingBoard.valueOf(rs.getString("board")),
                            ReserveEntry.Status.valueOf(rs.getString("status")),
                            Milestone.parse(rs.getString("latest_milestone")),
                            latestOn == null ? null : latestOn.toLocalDate(), rs.getBoolean("by_rule"),
                            rs.getTimestamp("enrolled_at").toInstant(), rs.getString("sponsor"));
                }).list();
        return new ResultPage<>(rows, page, size, total);
    }

    /** Active entries of enterprises on the platform, by grade: whom government may invite (to a roadshow, say). */
    @Transactional(readOnly = true)
    public List<ReserveMember> onPlatform(SignedInUser user) {
        if (!official(user)) {
            throw new AccessDeniedException("上市后备企业库面向政府部门");
        }
        return jdbc.sql("SELECT * FROM listing.reserve_entry WHERE status = 'ACTIVE' AND enterprise_org_id IS NOT NULL "
                + "ORDER BY grade, enterprise_name LIMIT 1000")
                .query((rs, n) -> new ReserveMember(rs.getString("credit_code"), rs.getString("enterprise_name"),
                        rs.getString("industry_code"), ReserveGrade.valueOf(rs.getString("grade")),
                        ListingBoard.valueOf(rs.getString("board")), rs.getObject("enterprise_org_id", UUID.class)))
                .list();
    }

    /** The whole reserve in figures for government's board: a fixed handful of statements. */
    @Transactional(readOnly = true)
    public ReserveBoard board(SignedInUser user) {
        if (!official(user)) {
            throw new AccessDeniedException("上市后备企业库面向政府部门");
        }
        String live = " FROM listing.reserve_entry WHERE status <> 'REMOVED'";
        Map<ReserveGrade, Long> byGrade = new EnumMap<>(ReserveGrade.class);
        for (ReserveGrade g : ReserveGrade.values()) {
            byGrade.put(g, 0L);
        }
        jdbc.sql("SELECT grade, count(*) AS n" + live + " AND status = 'ACTIVE' GROUP BY grade").query(rs -> {
            byGrade.put(ReserveGrade.valueOf(rs.getString("grade")), rs.getLong("n"));
        });
        Map<ListingBoard, Long> byBoard = new EnumMap<>(ListingBoard.class);
        for (ListingBoard b : ListingBoard.values()) {
            byBoard.put(b, 0L);
        }
        jdbc.sql("SELECT board, count(*) AS n" + live + " GROUP BY board").query(rs -> {
            byBoard.put(ListingBoard.valueOf(rs.getString("board")), rs.getLong("n"));
        });
        Map<String, Long> byStage = new LinkedHashMap<>();
        byStage.put("尚无里程碑", 0L);
        for (Milestone m : Milestone.values()) {
            byStage.put(m.label(), 0L);
        }
        jdbc.sql("SELECT latest_milestone, count(*) AS n" + live + " GROUP BY latest_milestone").query(rs -> {
            Milestone m = Milestone.parse(rs.getString("latest_milestone"));
            byStage.put(m == null ? "尚无里程碑" : m.label(), rs.getLong("n"));
        });
        Map<String, Long> byTown = new LinkedHashMap<>();
        jdbc.sql("SELECT town_code, count(*) AS n" + live + " GROUP BY town_code ORDER BY n DESC, town_code")
                .query(rs -> {
                    String t = rs.getString("town_code");
                    byTown.put(t == null ? "未知" : townName(t), rs.getLong("n"));
                });
        Map<String, Long> byIndustry = new LinkedHashMap<>();
        jdbc.sql("SELECT substr(industry_code, 1, 3) AS division, count(*) AS n" + live
                + " GROUP BY 1 ORDER BY n DESC, 1 LIMIT 15").query(rs -> {
                    String d = rs.getString("division");
                    byIndustry.put(d == null ? "未知" : d + " " + industryName(d), rs.getLong("n"));
                });
        Map<String, Long> funnel = new LinkedHashMap<>();
        long all = byBoard.values().stream().mapToLong(Long::longValue).sum();
        funnel.put("后备库", all);
        Map<Milestone, Long> reached = new EnumMap<>(Milestone.class);
        jdbc.sql("SELECT m.milestone, count(*) AS n FROM listing.milestone m JOIN listing.reserve_entry e "
                + "ON e.id = m.entry_id WHERE e.status <> 'REMOVED' GROUP BY m.milestone").query(rs -> {
                    reached.put(Milestone.valueOf(rs.getString("milestone")), rs.getLong("n"));
                });
        for (Milestone m : Milestone.values()) {
            funnel.put(m.label(), reached.getOrDefault(m, 0L));
        }
        long listed = reached.getOrDefault(Milestone.LISTED, 0L);
        Timestamp now = Timestamp.from(clock.instant());
        long open = jdbc.sql("SELECT count(*) FROM listing.request WHERE status = 'OPEN'").query(Long.class).single();
        long overdue = jdbc.sql("SELECT count(*) FROM listing.request WHERE status = 'OPEN' AND deadline <= ?")
                .param(now).query(Long.class).single();
        return new ReserveBoard(byGrade.values().stream().mapToLong(Long::longValue).sum(), listed, byGrade, byBoard,
                byStage, byTown, byIndustry, funnel, open, overdue);
    }

    /** An evidence document, for whoever may read its entry. */
    @Transactional(readOnly = true)
    public StoredDocument document(UUID id, SignedInUser user) {
        StoredDocument d = documents.find(id).orElseThrow(() -> new NotFoundException("文件不存在"));
        view(d.creditCode(), user);
        return d;
    }

    /** The live entry as the other modules of this package need it (portrait, requests), access checked. */
    ReserveEntry readable(String creditCode, SignedInUser user) {
        ReserveEntry entry = entries.live(normalise(creditCode)).orElseThrow(EntryNotFound::new);
        if (!own(entry, user) && !official(user)) {
            throw new EntryNotFound();
        }
        return entry;
    }

    // ---- keeping the snapshot current ---------------------------------------------------------------------------

    @ApplicationModuleListener
    void on(EnterpriseProfileChanged event) {
        refresh(event.creditCode());
    }

    @ApplicationModuleListener
    void on(EnterpriseRegistered event) {
        refresh(event.creditCode());
    }

    /** Name, town, industry and platform account of the enterprise, as the 企业库 has them now. */
    private void refresh(String creditCode) {
        entries.liveForUpdate(creditCode).ifPresent(entry -> enterprises.card(creditCode).ifPresent(card -> {
            ReserveEntry.Enterprise now = snapshot(card);
            if (!now.equals(entry.enterprise())) {
                entries.update(entry.withEnterprise(now));
            }
        }));
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private ReserveEntry.Enterprise snapshot(EnterpriseCard card) {
        return new ReserveEntry.Enterprise(card.creditCode(), card.name(), card.townCode(), card.industryCode(),
                card.onPlatform() ? organisationOf(card.creditCode()) : null);
    }

    private @Nullable UUID organisationOf(String creditCode) {
        return registry.search(creditCode, OrganisationKind.ENTERPRISE, null, 0, 5).items().stream()
                .filter(o -> creditCode.equals(o.creditCode())).map(OrganisationView::id).findFirst().orElse(null);
    }

    /** The live entry, locked, if the user may change it ({@code officialOnly}: government alone). */
    private ReserveEntry writable(String creditCode, SignedInUser user, String action, boolean officialOnly) {
        String code = normalise(creditCode);
        ReserveEntry entry = entries.liveForUpdate(code).orElseThrow(EntryNotFound::new);
        boolean own = own(entry, user);
        if (official(user) || (own && !officialOnly)) {
            return entry;
        }
        audit.recordIndependently(user.username(), user.organisationId(), action, target(code), Outcome.DENIED,
                own ? "仅政府部门可以操作" : "非本企业");
        if (!own) {
            throw new EntryNotFound();
        }
        throw new AccessDeniedException("该操作由政府部门办理");
    }

    /** Applies a change, saves it, publishes its events and audits it; a refused change is audited and 4xx. */
    private void change(ReserveEntry entry, SignedInUser user, String action, Consumer<ReserveEntry> move,
            @Nullable String detail) {
        String code = entry.enterprise().creditCode();
        try {
            move.accept(entry);
        } catch (IllegalStateException e) {
            failed(user, action, code, e.getMessage());
            throw InvalidRequestException.conflict("status", e.getMessage());
        } catch (InvalidRequestException e) {
            failed(user, action, code, String.join("；", e.fieldErrors().isEmpty()
                    ? List.of(String.valueOf(e.getMessage())) : e.fieldErrors().values()));
            throw e;
        }
        entries.update(entry);
        entry.drainEvents().forEach(events::publishEvent);
        audit.record(user.username(), user.organisationId(), action, target(code), Outcome.SUCCESS, detail);
    }

    private void failed(SignedInUser user, String action, String code, @Nullable String why) {
        audit.recordIndependently(user.username(), user.organisationId(), action, target(code), Outcome.FAILURE, why);
    }

    /** The enterprise hears what government did, and the enrolling office what the enterprise did. */
    private void tellOtherSide(ReserveEntry entry, SignedInUser user, String title, String body) {
        UUID to = own(entry, user) ? entry.enrolledByOrganisation() : entry.enterprise().organisationId();
        String link = own(entry, user) ? "/listing/reserve/" + entry.enterprise().creditCode() : "/enterprise/listing";
        if (to != null) {
            inbox.send(Notice.of(Notice.Recipient.organisation(to), "LISTING", clip(title), clipBody(body)).linkTo(link)
                    .about(target(entry.enterprise().creditCode())));
        }
    }

    private void requireOfficial(SignedInUser user, String action, String target) {
        if (!official(user)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.DENIED,
                    "仅政府部门可以办理");
            throw new AccessDeniedException("上市后备企业入库由政府部门办理");
        }
    }

    static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }

    /** Whether the user is the enterprise itself (asked of the 企业库, not of the entry's snapshot). */
    private boolean own(ReserveEntry entry, SignedInUser user) {
        return user.hasRole(Role.ENTERPRISE) && enterprises.ownCreditCode(user)
                .map(entry.enterprise().creditCode()::equals).orElse(false);
    }

    private @Nullable String townName(@Nullable String code) {
        return code == null ? null : reference.town(code).map(t -> t.name()).orElse(code);
    }

    private @Nullable String industryName(@Nullable String code) {
        return code == null ? null : reference.industry(code).map(i -> i.name()).orElse(code);
    }

    private static @Nullable BigDecimal plain(@Nullable BigDecimal b) {
        if (b == null) {
            return null;
        }
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static String normalise(@Nullable String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String clipBody(String s) {
        return s.length() <= Notice.MAX_BODY ? s : s.substring(0, Notice.MAX_BODY - 1) + "…";
    }

    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 99) + "…";
    }

    static String target(@Nullable String creditCode) {
        return "listing:" + creditCode;
    }

    static final class EntryNotFound extends NotFoundException {
        EntryNotFound() {
            super("该企业不在上市后备企业库中");
        }
    }
}
