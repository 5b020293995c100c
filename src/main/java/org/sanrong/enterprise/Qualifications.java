package org.sanrong.enterprise;

import java.io.InputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.sanrong.platform.Spreadsheets;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 资质与白名单: the enterprise declares a qualification with its certificate; government verifies or rejects it
 * with a reason; offices' lists are imported as verified entries. A qualification counts while verified and
 * within its validity, so one that expires stops counting on its expiry date without anyone acting.
 */
@Service
public class Qualifications {

    /** Column headers of a whitelist file, as offices send them. */
    public static final List<String> WHITELIST_COLUMNS = List.of("统一社会信用代码", "企业名称", "证书编号", "有效期起",
            "有效期至");

    private final Enterprises enterprises;
    private final Attachments attachments;
    private final ReferenceData reference;
    private final OrganisationRegistry registry;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Qualifications(Enterprises enterprises, Attachments attachments, ReferenceData reference,
            OrganisationRegistry registry, AuditTrail audit, JdbcClient jdbc, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.enterprises = enterprises;
        this.attachments = attachments;
        this.reference = reference;
        this.registry = registry;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A declaration with its certificate scan; only the enterprise itself declares. */
    @Transactional
    public UUID declare(String creditCode, @Nullable String kind, @Nullable String certificateNo,
            @Nullable String issuer, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
            @Nullable String fileName, byte @Nullable [] file, SignedInUser user) {
        Enterprise enterprise = enterprises.findByCreditCode(creditCode)
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        if (!user.organisationId().equals(enterprise.organisationId())) {
            throw new AccessDeniedException("只能为本企业申报资质");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null || reference.qualificationKind(kind).isEmpty()) {
            errors.put("kind", "请选择资质类型");
        }
        if (certificateNo == null || certificateNo.isBlank()) {
            errors.put("certificateNo", "请填写证书编号");
        } else if (certificateNo.strip().length() > 60) {
            errors.put("certificateNo", "证书编号不能超过60个字符");
        }
        if (issuer != null && issuer.strip().length() > 100) {
            errors.put("issuer", "发证机关不能超过100个字");
        }
        checkValidity(errors, validFrom, validUntil);
        if (file == null || file.length == 0) {
            errors.put("attachment", "请上传证书扫描件（PDF、PNG 或 JPEG）");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID attachment = attachments.store(fileName == null ? "" : fileName, file, user.username(), clock.instant());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO enterprise.qualification (id, enterprise_id, kind, certificate_no, issuer, valid_from,
                    valid_until, status, source, attachment_id, declared_at, declared_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'DECLARED', 'DECLARED', ?, ?, ?)""")
                .params(id, enterprise.id().value(), kind, certificateNo.strip(), blankToNull(issuer),
                        date(validFrom), date(validUntil), attachment, Timestamp.from(clock.instant()),
                        user.username())
                .update();
        audit.record("DECLARE_QUALIFICATION", ConsentGrants.target(creditCode), Outcome.SUCCESS, kind);
        return id;
    }

    @Transactional
    public void verify(UUID id, SignedInUser user) {
        review(id, user, "VERIFIED", null);
    }

    @Transactional
    public void reject(UUID id, @Nullable String reason, SignedInUser user) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "请填写驳回理由");
        }
        review(id, user, "REJECTED", reason.strip());
    }

    private void review(UUID id, SignedInUser user, String status, @Nullable String reason) {
        if (!Viewer.of(user, registry).official()) {
            throw new AccessDeniedException("只有政府部门可以核验资质");
        }
        QualificationView q = find(id).orElseThrow(() -> new NotFoundException("资质申报不存在"));
        if (q.status() != QualificationView.Status.DECLARED) {
            throw new InvalidRequestException("该资质已核验或已驳回");
        }
        jdbc.sql("UPDATE enterprise.qualification SET status = ?, reviewed_at = ?, reviewed_by = ?, review_reason = ? "
                + "WHERE id = ? AND status = 'DECLARED'")
                .params(status, Timestamp.from(clock.instant()), user.username(), reason, id).update();
        Enterprise enterprise = enterprises.findByCreditCode(q.creditCode()).orElseThrow();
        events.publishEvent(new EnterpriseProfileChanged(enterprise.id().value(), q.creditCode(),
                java.util.Set.of("qualifications")));
        audit.record(status.equals("VERIFIED") ? "VERIFY_QUALIFICATION" : "REJECT_QUALIFICATION",
                ConsentGrants.target(q.creditCode()), Outcome.SUCCESS, q.kind() + (reason == null ? "" : " " + reason));
    }

    @Transactional(readOnly = true)
    public Optional<QualificationView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE q.id = ?").param(id).query(this::map).optional();
    }

    /** All qualifications of an enterprise, newest first; public facts, like the card. */
    @Transactional(readOnly = true)
    public List<QualificationView> of(String creditCode) {
        return jdbc.sql(SELECT + " WHERE e.credit_code = ? ORDER BY q.declared_at DESC").param(creditCode)
                .query(this::map).list();
    }

    /** Declarations waiting for a government review, oldest first. */
    @Transactional(readOnly = true)
    public ResultPage<QualificationView> pending(int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM enterprise.qualification WHERE status = 'DECLARED'")
                .query(Long.class).single();
        List<QualificationView> rows = jdbc.sql(SELECT + " WHERE q.status = 'DECLARED' ORDER BY q.declared_at "
                + "LIMIT ? OFFSET ?").params(size, (long) page * size).query(this::map).list();
        return new ResultPage<>(rows, page, size, total);
    }

    /** The live whitelist of a kind: verified and within validity today. */
    @Transactional(readOnly = true)
    public ResultPage<QualificationView> whitelist(String kind, int page, int size) {
        Date today = Date.valueOf(LocalDate.now(clock));
        long total = jdbc.sql("SELECT count(*) FROM enterprise.qualification q WHERE q.kind = ? AND " + LIVE)
                .params(kind, today, today).query(Long.class).single();
        List<QualificationView> rows = jdbc.sql(SELECT + " WHERE q.kind = ? AND " + LIVE
                + " ORDER BY e.name LIMIT ? OFFSET ?").params(kind, today, today, size, (long) page * size)
                .query(this::map).list();
        return new ResultPage<>(rows, page, size, total);
    }

    @Transactional(readOnly = true)
    public void forEachOnWhitelist(String kind, Consumer<QualificationView> sink) {
        Date today = Date.valueOf(LocalDate.now(clock));
        try (var rows = jdbc.sql(SELECT + " WHERE q.kind = ? AND " + LIVE + " ORDER BY e.name")
                .params(kind, today, today).withFetchSize(2_000).query(this::map).stream()) {
            rows.forEach(sink);
        }
    }

    /**
     * Imports an office's whitelist (Excel, columns {@link #WHITELIST_COLUMNS}) as verified qualifications of
     * {@code kind}, matched by credit code. Good rows are applied and bad rows reported, each with its line and
     * reason; a file whose header is wrong is refused whole. Re-importing the same certificate updates it.
     */
    @Transactional
    public WhitelistImportReport importWhitelist(String kind, InputStream xlsx, SignedInUser user) {
        if (!Viewer.of(user, registry).official()) {
            throw new AccessDeniedException("只有政府部门可以导入白名单");
        }
        if (reference.qualificationKind(kind).isEmpty()) {
            throw new InvalidRequestException("kind", "未知的资质类型：" + kind);
        }
        List<Spreadsheets.Row> rows = new ArrayList<>();
        try {
            Spreadsheets.read(xlsx, rows::add);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("file", "无法读取该文件，请上传 Excel（.xlsx）文件");
        }
        if (rows.isEmpty() || !rows.getFirst().cells().subList(0, Math.min(5, rows.getFirst().cells().size()))
                .equals(WHITELIST_COLUMNS)) {
            throw new InvalidRequestException("file", "表头应为：" + String.join("、", WHITELIST_COLUMNS));
        }
        LocalDate today = LocalDate.now(clock);
        int applied = 0;
        List<WhitelistImportReport.Rejected> rejected = new ArrayList<>();
        for (Spreadsheets.Row row : rows.subList(1, rows.size())) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            String code = UnifiedSocialCreditCode.normalise(row.cell(0));
            Optional<String> problem = UnifiedSocialCreditCode.check(code).map(v -> v.message());
            Optional<Enterprise> enterprise = problem.isPresent() ? Optional.empty()
                    : enterprises.findByCreditCode(code);
            if (problem.isEmpty() && enterprise.isEmpty()) {
                problem = Optional.of("企业库中没有该统一社会信用代码的企业");
            }
            LocalDate from = null;
            LocalDate until = null;
            if (problem.isEmpty()) {
                try {
                    from = row.cell(3).isBlank() ? null : LocalDate.parse(row.cell(3));
                    until = row.cell(4).isBlank() ? null : LocalDate.parse(row.cell(4));
                    Map<String, String> errors = new LinkedHashMap<>();
                    checkValidity(errors, from, until);
                    if (!errors.isEmpty()) {
                        problem = Optional.of(errors.values().iterator().next());
                    }
                } catch (DateTimeParseException e) {
                    problem = Optional.of("日期格式应为 yyyy-MM-dd");
                }
            }
            if (problem.isEmpty() && row.cell(2).length() > 60) {
                problem = Optional.of("证书编号不能超过60个字符");
            }
            if (problem.isPresent()) {
                rejected.add(new WhitelistImportReport.Rejected(row.line(), row.cell(0), problem.get()));
                continue;
            }
            upsertImported(enterprise.get().id(), kind, blankToNull(row.cell(2)), from, until, user.username());
            events.publishEvent(new EnterpriseProfileChanged(enterprise.get().id().value(), code,
                    java.util.Set.of("qualifications")));
            applied++;
        }
        audit.record("IMPORT_WHITELIST", "qualification:" + kind, Outcome.SUCCESS,
                "applied " + applied + ", rejected " + rejected.size());
        return new WhitelistImportReport(kind, applied, rejected);
    }

    private void upsertImported(Enterprise.Id enterprise, String kind, @Nullable String certificateNo,
            @Nullable LocalDate from, @Nullable LocalDate until, String by) {
        var now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE enterprise.qualification SET valid_from = ?, valid_until = ?, status = 'VERIFIED',
                    reviewed_at = ?, reviewed_by = ? WHERE enterprise_id = ? AND kind = ? AND source = 'IMPORTED'
                    AND certificate_no IS NOT DISTINCT FROM ?""")
                .params(date(from), date(until), now, by, enterprise.value(), kind, certificateNo).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO enterprise.qualification (id, enterprise_id, kind, certificate_no, issuer, valid_from,
                        valid_until, status, source, declared_at, declared_by, reviewed_at, reviewed_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'VERIFIED', 'IMPORTED', ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), enterprise.value(), kind, certificateNo,
                            reference.qualificationKind(kind).map(k -> k.issuer()).orElse(null), date(from),
                            date(until), now, by, now, by)
                    .update();
        }
    }

    /** A certificate scan, for the enterprise itself and for government staff. */
    @Transactional(readOnly = true)
    public Attachment attachment(UUID qualificationId, SignedInUser user) {
        QualificationView q = find(qualificationId).orElseThrow(() -> new NotFoundException("资质不存在"));
        Enterprise enterprise = enterprises.findByCreditCode(q.creditCode()).orElseThrow();
        if (!user.organisationId().equals(enterprise.organisationId()) && !Viewer.of(user, registry).official()) {
            throw new AccessDeniedException("无权查看该证书");
        }
        if (q.attachmentId() == null) {
            throw new NotFoundException("该资质没有附件");
        }
        var stored = attachments.find(q.attachmentId()).orElseThrow(() -> new NotFoundException("附件不存在"));
        return new Attachment(stored.fileName(), stored.contentType(), stored.content());
    }

    /** A stored file as a download. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    private void checkValidity(Map<String, String> errors, @Nullable LocalDate from, @Nullable LocalDate until) {
        LocalDate today = LocalDate.now(clock);
        if (from != null && from.isAfter(today)) {
            errors.put("validFrom", "发证（有效期起）日期不能晚于今天");
        }
        if (until != null && from != null && until.isBefore(from)) {
            errors.put("validUntil", "有效期至不能早于有效期起");
        }
    }

    private static final String LIVE = "q.status = 'VERIFIED' AND (q.valid_until IS NULL OR q.valid_until >= ?) "
            + "AND (q.valid_from IS NULL OR q.valid_from <= ?)";
    private static final String SELECT = "SELECT q.*, e.credit_code, e.name AS enterprise_name "
            + "FROM enterprise.qualification q JOIN enterprise.enterprise e ON e.id = q.enterprise_id";

    private QualificationView map(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        return new QualificationView(rs.getObject("id", UUID.class), rs.getString("credit_code"),
                rs.getString("enterprise_name"), kind,
                reference.qualificationKind(kind).map(k -> k.name()).orElse(kind), rs.getString("certificate_no"),
                rs.getString("issuer"), localDate(rs.getDate("valid_from")), localDate(rs.getDate("valid_until")),
                QualificationView.Status.valueOf(rs.getString("status")), rs.getString("source"),
                rs.getObject("attachment_id", UUID.class), rs.getTimestamp("declared_at").toInstant(),
                rs.getString("declared_by"),
                rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
                rs.getString("reviewed_by"), rs.getString("review_reason"));
    }

    private static @Nullable LocalDate localDate(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Date date(@Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
