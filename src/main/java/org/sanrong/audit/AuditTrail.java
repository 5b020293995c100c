package org.sanrong.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.platform.OrganisationMember;
import org.sanrong.platform.RequestOrigin;
import org.sanrong.platform.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail's one entrance: write a line, search lines. */
@Service
public class AuditTrail {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action of the signed-in user (or "anonymous"), taking actor, organisation and client address from
     * the current request. Joins the caller's transaction, so an action rolled back leaves no line either.
     */
    public void record(String action, String target, Outcome outcome, @Nullable String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth != null && auth.isAuthenticated() ? auth.getName() : "anonymous";
        UUID organisation = auth != null && auth.getPrincipal() instanceof OrganisationMember m
                ? m.organisationId() : null;
        record(actor, organisation, action, target, outcome, detail);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, @Nullable UUID organisationId, String action, String target, Outcome outcome,
            @Nullable String detail) {
        jdbc.sql("""
                INSERT INTO audit.audit_entry (at, actor, organisation_id, action, target, ip, outcome, detail)
                VALUES (:at, :actor, :org, :action, :target, :ip, :outcome, :detail)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", truncate(actor, 100))
                .param("org", organisationId)
                .param("action", truncate(action, 60))
                .param("target", truncate(target, 200))
                .param("ip", RequestOrigin.clientAddress())
                .param("outcome", outcome.name())
                .param("detail", detail == null ? null : truncate(detail, 1000))
                .update();
    }

    /**
     * Records an outcome that must stay on the trail even when the surrounding work fails (a refused login, a
     * denied read), so it is written in its own transaction.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(String actor, @Nullable UUID organisationId, String action, String target,
            Outcome outcome, @Nullable String detail) {
        record(actor, organisationId, action, target, outcome, detail);
    }

    @Transactional(readOnly = true)
    public ResultPage<AuditEntry> search(AuditQuery query, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" AND actor = ?");
            params.add(query.actor().strip());
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" AND action = ?");
            params.add(query.action().strip());
        }
        if (query.target() != null && !query.target().isBlank()) {
            where.append(" AND target = ?");
            params.add(query.target().strip());
        }
        if (query.organisationId() != null) {
            where.append(" AND organisation_id = ?");
            params.add(query.organisationId());
        }
        if (query.from() != null) {
            where.append(" AND at >= ?");
            params.add(startOf(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND at < ?");
            params.add(startOf(query.to().plusDays(1)));
        }
        long total = jdbc.sql("SELECT count(*) FROM audit.audit_entry" + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) Math.max(0, page) * size);
        List<AuditEntry> entries = jdbc.sql("""
                SELECT id, at, actor, organisation_id, action, target, ip, outcome, detail
                FROM audit.audit_entry""" + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getObject("organisation_id", UUID.class), rs.getString("action"),
                        rs.getString("target"), rs.getString("ip"), Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("detail")))
                .list();
        return new ResultPage<>(entries, page, size, total);
    }

    /** Lines recorded since the start of today, China time; for dashboards. */
    @Transactional(readOnly = true)
    public long countToday() {
        return jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE at >= ?")
                .param(startOf(LocalDate.now(clock.withZone(CHINA)))).query(Long.class).single();
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(CHINA).toInstant());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
