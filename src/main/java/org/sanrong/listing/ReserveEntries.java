package org.sanrong.listing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reserve entries: the aggregate in one row, its milestones and its log beside it. */
@Repository
class ReserveEntries {

    private final JdbcClient jdbc;

    ReserveEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ReserveEntry e) {
        ReserveEntry.Enterprise p = e.enterprise();
        jdbc.sql("""
                INSERT INTO listing.reserve_entry (id, credit_code, enterprise_name, town_code, industry_code,
                    enterprise_org_id, grade, board, status, by_rule, reason, enrolled_at, enrolled_by, enrolled_by_org,
                    row_version)
                VALUES (:id, :code, :name, :town, :industry, :org, :grade, :board, :status, :byRule, :reason, :at, :by,
                    :byOrg, 0)""")
                .param("id", e.id().value())
                .param("code", p.creditCode())
                .param("name", p.name())
                .param("town", p.townCode())
                .param("industry", p.industryCode())
                .param("org", p.organisationId())
                .param("grade", e.grade().name())
                .param("board", e.board().name())
                .param("status", e.status().name())
                .param("byRule", e.byRule())
                .param("reason", e.reason())
                .param("at", Timestamp.from(e.enrolledAt()))
                .param("by", e.enrolledBy())
                .param("byOrg", e.enrolledByOrganisation())
                .update();
        update(e);
    }

    /** Saves the changing part and any new milestone, refusing a concurrent change. */
    void update(ReserveEntry e) {
        ReserveEntry.MilestoneRecord latest = e.latest();
        ReserveEntry.Enterprise p = e.enterprise();
        int n = jdbc.sql("""
                UPDATE listing.reserve_entry SET enterprise_name = :name, town_code = :town, industry_code = :industry,
                    enterprise_org_id = :org, grade = :grade, board = :board, status = :status, sponsor = :sponsor,
                    law_firm = :lawFirm, auditor = :auditor, market_value_fen = :mv, market_value_on = :mvOn,
                    market_value_by = :mvBy, latest_milestone = :latest, latest_milestone_on = :latestOn,
                    closed_at = :closed, closed_note = :closedNote, row_version = row_version + 1
                WHERE id = :id AND row_version = :version""")
                .param("id", e.id().value())
                .param("version", e.version())
                .param("name", p.name())
                .param("town", p.townCode())
                .param("industry", p.industryCode())
                .param("org", p.organisationId())
                .param("grade", e.grade().name())
                .param("board", e.board().name())
                .param("status", e.status().name())
                .param("sponsor", e.sponsor())
                .param("lawFirm", e.lawFirm())
                .param("auditor", e.auditor())
                .param("mv", e.marketValueFen())
                .param("mvOn", e.marketValueOn() == null ? null : Date.valueOf(e.marketValueOn()))
                .param("mvBy", e.marketValueBy())
                .param("latest", latest == null ? null : latest.milestone().name())
                .param("latestOn", latest == null ? null : Date.valueOf(latest.reachedOn()))
                .param("closed", e.closedAt() == null ? null : Timestamp.from(e.closedAt()))
                .param("closedNote", e.closedNote())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("后备企业记录已被他人修改，请刷新后重试");
        }
        e.versionSaved(e.version() + 1);
        List<String> stored = jdbc.sql("SELECT milestone FROM listing.milestone WHERE entry_id = ?")
                .param(e.id().value()).query(String.class).list();
        for (ReserveEntry.MilestoneRecord m : e.milestones()) {
            if (!stored.contains(m.milestone().name())) {
                jdbc.sql("""
                        INSERT INTO listing.milestone (entry_id, milestone, reached_on, evidence_id, note, recorded_at,
                            recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(e.id().value(), m.milestone().name(), Date.valueOf(m.reachedOn()), m.evidenceId(),
                                m.note(), Timestamp.from(m.recordedAt()), m.recordedBy())
                        .update();
            }
        }
        List<ReserveEntry.Step> steps = e.drainSteps();
        if (!steps.isEmpty()) {
            int next = jdbc.sql("SELECT COALESCE(max(seq), 0) FROM listing.entry_step WHERE entry_id = ?")
                    .param(e.id().value()).query(Integer.class).single();
            for (ReserveEntry.Step s : steps) {
                jdbc.sql("INSERT INTO listing.entry_step (entry_id, seq, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(e.id().value(), ++next, Timestamp.from(s.at()), s.actor(), s.kind(), s.detail())
                        .update();
            }
        }
    }

    /** The enterprise's entry that is not removed (there is at most one). */
    Optional<ReserveEntry> live(String creditCode) {
        return one("SELECT * FROM listing.reserve_entry WHERE credit_code = ? AND status <> 'REMOVED'", creditCode);
    }

    Optional<ReserveEntry> liveForUpdate(String creditCode) {
        return one("SELECT * FROM listing.reserve_entry WHERE credit_code = ? AND status <> 'REMOVED' FOR UPDATE",
                creditCode);
    }

    Optional<ReserveEntry> find(ReserveEntry.Id id) {
        return one("SELECT * FROM listing.reserve_entry WHERE id = ?", id.value());
    }

    private Optional<ReserveEntry> one(String sql, Object param) {
        Optional<Row> row = jdbc.sql(sql).param(param).query(ReserveEntries::row).optional();
        return row.map(r -> r.entry(milestones(r.id)));
    }

    /** Codes of every enterprise with an entry that is not removed. */
    java.util.Set<String> liveCodes() {
        return new java.util.HashSet<>(jdbc.sql("SELECT credit_code FROM listing.reserve_entry WHERE status <> 'REMOVED'")
                .query(String.class).list());
    }

    List<ReserveLogLine> log(ReserveEntry.Id id) {
        return jdbc.sql("SELECT * FROM listing.entry_step WHERE entry_id = ? ORDER BY seq").param(id.value())
                .query((rs, n) -> new ReserveLogLine(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("kind"), rs.getString("detail"))).list();
    }

    private List<ReserveEntry.MilestoneRecord> milestones(UUID entry) {
        return jdbc.sql("""
                SELECT m.*, d.file_name FROM listing.milestone m JOIN listing.document d ON d.id = m.evidence_id
                WHERE m.entry_id = ?""").param(entry)
                .query((rs, n) -> new ReserveEntry.MilestoneRecord(Milestone.valueOf(rs.getString("milestone")),
                        rs.getDate("reached_on").toLocalDate(), rs.getObject("evidence_id", UUID.class),
                        rs.getString("file_name"), rs.getString("note"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by"))).list();
    }

    private record Row(UUID id, ReserveEntry.Enterprise enterprise, boolean byRule, String reason, Instant enrolledAt,
            String enrolledBy, UUID enrolledByOrg, ReserveGrade grade, ListingBoard board, ReserveEntry.Status status,
            @Nullable String sponsor, @Nullable String lawFirm, @Nullable String auditor, @Nullable Long mv,
            java.time.@Nullable LocalDate mvOn, @Nullable String mvBy, @Nullable Instant closedAt,
            @Nullable String closedNote, int version) {

        ReserveEntry entry(List<ReserveEntry.MilestoneRecord> milestones) {
            return new ReserveEntry(new ReserveEntry.Id(id), enterprise, byRule, reason, enrolledAt, enrolledBy,
                    enrolledByOrg, grade, board, status, sponsor, lawFirm, auditor, mv, mvOn, mvBy, closedAt, closedNote,
                    new ArrayList<>(milestones), version);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Date mvOn = rs.getDate("market_value_on");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Row(rs.getObject("id", UUID.class), new ReserveEntry.Enterprise(rs.getString("credit_code"),
                rs.getString("enterprise_name"), rs.getString("town_code"), rs.getString("industry_code"),
                rs.getObject("enterprise_org_id", UUID.class)), rs.getBoolean("by_rule"), rs.getString("reason"),
                rs.getTimestamp("enrolled_at").toInstant(), rs.getString("enrolled_by"),
                rs.getObject("enrolled_by_org", UUID.class), ReserveGrade.valueOf(rs.getString("grade")),
                ListingBoard.valueOf(rs.getString("board")), ReserveEntry.Status.valueOf(rs.getString("status")),
                rs.getString("sponsor"), rs.getString("law_firm"), rs.getString("auditor"),
                rs.getObject("market_value_fen", Long.class), mvOn == null ? null : mvOn.toLocalDate(),
                rs.getString("market_value_by"), closed == null ? null : closed.toInstant(), rs.getString("closed_note"),
                rs.getInt("row_version"));
    }
}
