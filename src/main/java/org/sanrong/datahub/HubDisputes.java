package org.sanrong.datahub;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes over hub data: the enterprise raises one on an item of its own data; the platform operator corrects the
 * item (a correction batch, so provenance shows it, and {@link EnterpriseDataImported} so the rating follows) or
 * rejects the dispute with a reason. Each step is audited (DISPUTE_DATA, CORRECT_DATA, REJECT_DISPUTE).
 */
@Service
public class HubDisputes {

    private final JdbcClient jdbc;
    private final HubStore store;
    private final HubImports imports;
    private final DataAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    HubDisputes(JdbcClient jdbc, HubStore store, HubImports imports, DataAccess access, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.imports = imports;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The enterprise disputes an item of its own data: for a periodic source the period key ("2025-03", "2025Q1")
     * and the measure, for a record source the document number. One open dispute per item.
     */
    @Transactional
    public UUID raise(String creditCode, HubSource source, String key, @Nullable Measure measure,
            @Nullable String note, SignedInUser user) {
        if (access.of(creditCode, user).orElse(null) != DataAccess.Access.OWNER) {
            throw new AccessDeniedException("只有企业本身可以对其数据提出异议");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidRequestException("note", "请说明哪里不对，例如正确的数值或依据");
        }
        if (note.strip().length() > 500) {
            throw new InvalidRequestException("note", "异议说明不能超过500个字");
        }
        YearMonth period = null;
        String reference = null;
        String value;
        if (source.periodic()) {
            if (measure == null || measure.source() != source) {
                throw new InvalidRequestException("measure", "请选择有异议的数据项");
            }
            SeriesPoint point = store.series(List.of(creditCode)).getOrDefault(creditCode, List.of()).stream()
                    .filter(p -> p.source() == source && p.key().equals(key.strip())).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("key", "没有该所属期的数据：" + key));
            period = point.period();
            value = measure.format(point);
        } else {
            HubRecord record = store.record(creditCode, source, key.strip())
                    .orElseThrow(() -> new InvalidRequestException("key", "没有该文号的记录：" + key));
            reference = record.reference();
            measure = null;
            value = record.kindName() + " " + record.occurredOn();
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO datahub.dispute (id, credit_code, source, period_start, reference, field,
                        disputed_value, note, status, raised_by, raised_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                    .params(id, creditCode, source.name(), period == null ? null : Date.valueOf(period.atDay(1)),
                            reference, measure == null ? null : measure.name(), HubStore.cut(value, 300),
                            note.strip(), user.username(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw InvalidRequestException.conflict("key", "该数据项已有待处理的异议");
        }
        audit.record(user.username(), user.organisationId(), "DISPUTE_DATA", "enterprise:" + creditCode,
                Outcome.SUCCESS, source + " " + key + (measure == null ? "" : " " + measure) + "：" + note.strip());
        return id;
    }

    /**
     * The operator corrects the disputed item: a figure gets {@code value} (yuan for money, a whole number for
     * counts, A/B/M/C/D for the tax grade); a record is removed ({@code value} ignored).
     */
    @Transactional
    public void correct(UUID id, @Nullable String value, @Nullable String reason, SignedInUser user) {
        DataDispute d = open(id, user);
        String why = reasonOf(reason);
        String corrected;
        if (d.source().periodic()) {
            Measure m = d.measure();
            SeriesPoint point = store.point(d.creditCode(), d.source(), d.period())
                    .orElseThrow(() -> new InvalidRequestException("value", "该所属期的数据已不存在"));
            Long parsed = parse(m, value);
            SeriesPoint fixed = point.with(m, parsed);
            imports.correct(fixed, "异议更正 " + d.id(), user.username(), user.organisationId());
            corrected = m.format(fixed);
        } else {
            HubRecord record = store.record(d.creditCode(), d.source(), d.reference())
                    .orElseThrow(() -> new InvalidRequestException("value", "该记录已不存在"));
            store.deleteRecord(d.creditCode(), d.source(), d.reference());
            imports.recordRemoval(record, "异议更正 " + d.id(), user.username(), user.organisationId());
            corrected = "已删除";
        }
        resolve(d, DataDispute.Status.CORRECTED, why, corrected, user);
        audit.record(user.username(), user.organisationId(), "CORRECT_DATA", "enterprise:" + d.creditCode(),
                Outcome.SUCCESS, d.item() + "：" + d.disputedValue() + " → " + corrected + "；" + why);
    }

    @Transactional
    public void reject(UUID id, @Nullable String reason, SignedInUser user) {
        DataDispute d = open(id, user);
        String why = reasonOf(reason);
        resolve(d, DataDispute.Status.REJECTED, why, null, user);
        audit.record(user.username(), user.organisationId(), "REJECT_DISPUTE", "enterprise:" + d.creditCode(),
                Outcome.SUCCESS, d.item() + "：" + why);
    }

    /** An enterprise's disputes, newest first: for the enterprise itself and staff. */
    @Transactional(readOnly = true)
    public List<DataDispute> of(String creditCode, SignedInUser user) {
        DataAccess.Access a = access.of(creditCode, user).orElse(null);
        if (a == null || a == DataAccess.Access.GRANTED) {
            throw new AccessDeniedException("无权查看该企业的异议");
        }
        return jdbc.sql("SELECT * FROM datahub.dispute WHERE credit_code = ? ORDER BY raised_at DESC")
                .param(creditCode).query((rs, i) -> dispute(rs)).list();
    }

    /** How many disputes of the enterprise are open: the rating shows 有异议 while this is not zero. */
    @Transactional(readOnly = true)
    public int openCount(String creditCode) {
        return jdbc.sql("SELECT count(*) FROM datahub.dispute WHERE credit_code = ? AND status = 'OPEN'")
                .param(creditCode).query(Integer.class).single();
    }

    /** The operator's list, oldest open first; all statuses when {@code status} is null. */
    @Transactional(readOnly = true)
    public ResultPage<DataDispute> list(DataDispute.@Nullable Status status, int page, int size) {
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        long total = jdbc.sql("SELECT count(*) FROM datahub.dispute" + where).query(Long.class).single();
        List<DataDispute> rows = jdbc.sql("SELECT * FROM datahub.dispute" + where
                + " ORDER BY raised_at" + (status == DataDispute.Status.OPEN ? "" : " DESC") + " LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query((rs, i) -> dispute(rs)).list();
        return new ResultPage<>(rows, page, size, total);
    }

    @Transactional(readOnly = true)
    public DataDispute get(UUID id) {
        return jdbc.sql("SELECT * FROM datahub.dispute WHERE id = ?").param(id).query((rs, i) -> dispute(rs))
                .optional().orElseThrow(() -> new NotFoundException("异议不存在"));
    }

    private DataDispute open(UUID id, SignedInUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("异议由平台运营人员处理");
        }
        DataDispute d = jdbc.sql("SELECT * FROM datahub.dispute WHERE id = ? FOR UPDATE").param(id)
                .query((rs, i) -> dispute(rs)).optional().orElseThrow(() -> new NotFoundException("异议不存在"));
        if (d.status() != DataDispute.Status.OPEN) {
            throw InvalidRequestException.conflict("status", "该异议已处理");
        }
        return d;
    }

    private void resolve(DataDispute d, DataDispute.Status status, String reason, @Nullable String corrected,
            SignedInUser user) {
        jdbc.sql("""
                UPDATE datahub.dispute SET status = ?, resolved_by = ?, resolved_at = ?, resolution = ?,
                    corrected_value = ? WHERE id = ?""")
                .params(status.name(), user.username(), Timestamp.from(clock.instant()), reason,
                        HubStore.cut(corrected, 300), d.id())
                .update();
    }

    private static String reasonOf(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "请填写处理理由");
        }
        if (reason.strip().length() > 500) {
            throw new InvalidRequestException("reason", "处理理由不能超过500个字");
        }
        return reason.strip();
    }

    /** A corrected figure from text, in the measure's unit. */
    static Long parse(Measure m, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("value", "请填写更正后的数值");
        }
        String v = value.strip().replace(",", "");
        if (m == Measure.TAX_GRADE) {
            int i = "ABMCD".indexOf(v.toUpperCase(Locale.ROOT));
            if (v.length() != 1 || i < 0) {
                throw new InvalidRequestException("value", "纳税信用等级应为 A、B、M、C、D 之一");
            }
            return (long) (5 - i);
        }
        try {
            BigDecimal n = new BigDecimal(v);
            if (n.signum() < 0) {
                throw new InvalidRequestException("value", "数值不能为负");
            }
            if (m.money()) {
                if (n.stripTrailingZeros().scale() > 2) {
                    throw new InvalidRequestException("value", "金额最多两位小数（元）");
                }
                return org.sanrong.platform.Fen.ofYuan(n);
            }
            return n.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidRequestException("value", "不是数字：" + value);
        }
    }

    private static DataDispute dispute(ResultSet rs) throws SQLException {
        Date period = rs.getDate("period_start");
        String field = rs.getString("field");
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new DataDispute(rs.getObject("id", UUID.class), rs.getString("credit_code"),
                HubSource.valueOf(rs.getString("source")),
                period == null ? null : YearMonth.from(period.toLocalDate()), rs.getString("reference"),
                field == null ? null : Measure.valueOf(field), rs.getString("disputed_value"), rs.getString("note"),
                DataDispute.Status.valueOf(rs.getString("status")), rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(), rs.getString("resolved_by"),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolution"),
                rs.getString("corrected_value"));
    }
}
