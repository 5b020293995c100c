package org.sanrong.riskshare;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The claim repository: the claim in one row, its pool shares, its history and its recoveries beside it. */
@Repository
class Claims {

    private final JdbcClient jdbc;

    Claims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Claim c) {
        Claim.Application a = c.application();
        jdbc.sql("""
                INSERT INTO riskshare.claim (id, institution_id, institution_name, loan_number, deal_id,
                    enterprise_credit_code, enterprise_name, loan_amount_fen, loss_fen, overdue_since, lawsuit_case_no,
                    lawsuit_accepted_on, documents, note, claim_year, submitted_at, submitted_by, status, steps,
                    step_days, step_index, step_started_at, step_deadline, entitlement_fen)
                VALUES (:id, :inst, :iname, :loan, :deal, :credit, :ename, :amount, :loss, :overdue, :caseNo,
                    :accepted, :documents, :note, :year, :submitted, :by, :status, :steps, :days, :index, :started,
                    :deadline, :entitlement)""")
                .param("id", c.id().value())
                .param("inst", a.institutionId())
                .param("iname", a.institutionName())
                .param("loan", a.loanNumber())
                .param("deal", a.dealId())
                .param("credit", a.enterpriseCreditCode())
                .param("ename", a.enterpriseName())
                .param("amount", a.loanAmountFen())
                .param("loss", a.lossFen())
                .param("overdue", date(a.overdueSince()))
                .param("caseNo", a.lawsuitCaseNo())
                .param("accepted", date(a.lawsuitAcceptedOn()))
                .param("documents", a.documents().toArray(String[]::new))
                .param("note", a.note())
                .param("year", c.claimYear())
                .param("submitted", Timestamp.from(c.submittedAt()))
                .param("by", c.submittedBy())
                .param("status", c.status().name())
                .param("steps", c.reviewSteps().stream().map(Claim.ReviewStep::name).toArray(String[]::new))
                .param("days", c.reviewSteps().stream().map(Claim.ReviewStep::workingDays).toArray(Integer[]::new))
                .param("index", c.stepIndex())
                .param("started", ts(c.stepStartedAt()))
                .param("deadline", ts(c.stepDeadline()))
                .param("entitlement", c.entitlementFen())
                .update();
        for (Claim.Share s : c.shares()) {
            jdbc.sql("""
                    INSERT INTO riskshare.claim_share (claim_id, filing_id, scheme_code, scheme_version, pay_order, ratio,
                        own_fen, amount_fen, calculation, status, returned_fen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.id().value(), s.filingId(), s.schemeCode(), s.schemeVersion(), s.payOrder(), s.ratio(),
                            s.ownFen(), s.amountFen(), s.calculation().toArray(String[]::new), s.status().name(),
                            s.returnedFen())
                    .update();
        }
        appendSteps(c);
    }

    void update(Claim c) {
        int n = jdbc.sql("""
                UPDATE riskshare.claim SET status = :status, step_index = :index, step_started_at = :started,
                    step_deadline = :deadline, recovered_fen = :recovered, closed_at = :closed,
                    row_version = row_version + 1
                WHERE id = :id AND row_version = :version""")
                .param("id", c.id().value())
                .param("version", c.version())
                .param("status", c.status().name())
                .param("index", c.stepIndex())
                .param("started", ts(c.stepStartedAt()))
                .param("deadline", ts(c.stepDeadline()))
                .param("recovered", c.recoveredFen())
                .param("closed", ts(c.closedAt()))
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("补偿申请已被他人处理，请刷新后重试：" + c.id().value());
        }
        c.versionSaved(c.version() + 1);
        for (Claim.Share s : c.shares()) {
            jdbc.sql("UPDATE riskshare.claim_share SET status = ?, returned_fen = ? WHERE claim_id = ? AND filing_id = ?")
                    .params(s.status().name(), s.returnedFen(), c.id().value(), s.filingId()).update();
        }
        appendSteps(c);
    }

    private void appendSteps(Claim c) {
        List<Claim.Step> steps = c.drainSteps();
        if (steps.isEmpty()) {
            return;
        }
        int seq = jdbc.sql("SELECT coalesce(max(seq), 0) FROM riskshare.claim_step WHERE claim_id = ?")
                .param(c.id().value()).query(Integer.class).single();
        for (Claim.Step s : steps) {
            jdbc.sql("INSERT INTO riskshare.claim_step (claim_id, seq, at, actor, kind, step_name, detail) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(c.id().value(), ++seq, Timestamp.from(s.at()), s.actor(), s.kind(), s.stepName(),
                            s.detail() == null ? null : s.detail().length() > 1000 ? s.detail().substring(0, 1000)
                                    : s.detail())
                    .update();
        }
    }

    Optional<Claim> find(Claim.Id id) {
        return one(SELECT + " WHERE id = ?", id.value());
    }

    Optional<Claim> findForUpdate(Claim.Id id) {
        return one(SELECT + " WHERE id = ? FOR UPDATE", id.value());
    }

    /** The live (not rejected) claim on a loan, if any. */
    Optional<Claim> liveOfLoan(UUID institutionId, String loanNumber) {
        return many(SELECT + " WHERE institution_id = ? AND loan_number = ? AND status <> 'REJECTED'", institutionId,
                loanNumber).stream().findFirst();
    }

    List<Claim> ofInstitution(UUID institutionId, int limit) {
        return many(SELECT + " WHERE institution_id = ? ORDER BY submitted_at DESC LIMIT ?", institutionId, limit);
    }

    /** Claims of a status, the nearest deadline first (then the oldest). */
    List<Claim> withStatus(ClaimStatus status, int limit) {
        return many(SELECT + " WHERE status = ? ORDER BY step_deadline NULLS LAST, submitted_at LIMIT ?", status.name(),
                limit);
    }

    List<Claim> recent(int limit) {
        return many(SELECT + " ORDER BY submitted_at DESC LIMIT ?", limit);
    }

    /** Claims (not rejected) with a share in the pool, of the institution and claim year, locked. */
    List<Claim> inPoolYear(String schemeCode, UUID institutionId, int year) {
        return many(SELECT + " WHERE institution_id = ? AND claim_year = ? AND status <> 'REJECTED' AND id IN "
                + "(SELECT claim_id FROM riskshare.claim_share WHERE scheme_code = ?) ORDER BY submitted_at FOR UPDATE",
                institutionId, year, schemeCode);
    }

    /** Loss claimed (not rejected) in the year with a share in the pool, by the institution. */
    long claimedLoss(String schemeCode, UUID institutionId, int year) {
        return jdbc.sql("""
                SELECT coalesce(sum(c.loss_fen), 0) FROM riskshare.claim c
                WHERE c.institution_id = ? AND c.claim_year = ? AND c.status <> 'REJECTED'
                  AND EXISTS (SELECT 1 FROM riskshare.claim_share s WHERE s.claim_id = c.id AND s.scheme_code = ?)""")
                .params(institutionId, year, schemeCode).query(Long.class).single();
    }

    /** Who reviewed the claim's steps so far. */
    List<String> reviewers(Claim.Id id) {
        return jdbc.sql("SELECT actor FROM riskshare.claim_step WHERE claim_id = ? AND kind = 'REVIEWED' ORDER BY seq")
                .param(id.value()).query(String.class).list();
    }

    List<ClaimEntry> history(Claim.Id id) {
        return jdbc.sql("SELECT at, actor, kind, step_name, detail FROM riskshare.claim_step WHERE claim_id = ? "
                + "ORDER BY seq").param(id.value())
                .query((rs, n) -> new ClaimEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    // ---- recoveries -------------------------------------------------------------------------------------------

    void insertRecovery(RecoveryView r, Map<UUID, String> schemeOfFiling, Map<UUID, Long> parts) {
        jdbc.sql("""
                INSERT INTO riskshare.recovery (id, claim_id, amount_fen, recovered_on, pool_share_fen, reported_at,
                    reported_by) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.claimId(), r.amountFen(), Date.valueOf(r.recoveredOn()), r.poolShareFen(),
                        Timestamp.from(r.reportedAt()), r.reportedBy())
                .update();
        parts.forEach((filing, fen) -> jdbc.sql("INSERT INTO riskshare.recovery_share (recovery_id, filing_id, "
                + "scheme_code, amount_fen) VALUES (?, ?, ?, ?)").params(r.id(), filing, schemeOfFiling.get(filing), fen)
                .update());
    }

    Optional<RecoveryView> recoveryForUpdate(UUID id) {
        return jdbc.sql(RECOVERY + " WHERE id = ? FOR UPDATE").param(id).query(Claims::recovery).optional();
    }

    List<RecoveryView> recoveries(Claim.Id claim) {
        return jdbc.sql(RECOVERY + " WHERE claim_id = ? ORDER BY reported_at").param(claim.value())
                .query(Claims::recovery).list();
    }

    /** Each pool's part of a recovery: filing id → fen, with its scheme code. */
    Map<UUID, Map.Entry<String, Long>> recoveryParts(UUID recoveryId) {
        Map<UUID, Map.Entry<String, Long>> out = new HashMap<>();
        jdbc.sql("SELECT filing_id, scheme_code, amount_fen FROM riskshare.recovery_share WHERE recovery_id = ?")
                .param(recoveryId).query((rs, n) -> out.put(rs.getObject(1, UUID.class),
                        Map.entry(rs.getString(2), rs.getLong(3)))).list();
        return out;
    }

    void remitted(UUID recoveryId, String actor, Instant at) {
        jdbc.sql("UPDATE riskshare.recovery SET remitted_at = ?, remitted_by = ? WHERE id = ? AND remitted_at IS NULL")
                .params(Timestamp.from(at), actor, recoveryId).update();
    }

    private static final String RECOVERY = "SELECT id, claim_id, amount_fen, recovered_on, pool_share_fen, "
            + "reported_at, reported_by, remitted_at, remitted_by FROM riskshare.recovery";

    private static RecoveryView recovery(ResultSet rs, int n) throws SQLException {
        Timestamp remitted = rs.getTimestamp("remitted_at");
        return new RecoveryView(rs.getObject("id", UUID.class), rs.getObject("claim_id", UUID.class),
                rs.getLong("amount_fen"), rs.getDate("recovered_on").toLocalDate(), rs.getLong("pool_share_fen"),
                rs.getTimestamp("reported_at").toInstant(), rs.getString("reported_by"),
                remitted == null ? null : remitted.toInstant(), rs.getString("remitted_by"));
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    private static final String SELECT = """
            SELECT id, institution_id, institution_name, loan_number, deal_id, enterprise_credit_code, enterprise_name,
                loan_amount_fen, loss_fen, overdue_since, lawsuit_case_no, lawsuit_accepted_on, documents, note,
                claim_year, submitted_at, submitted_by, status, steps, step_days, step_index, step_started_at,
                step_deadline, entitlement_fen, recovered_fen, closed_at, row_version
            FROM riskshare.claim""";

    private Optional<Claim> one(String sql, Object... params) {
        return many(sql, params).stream().findFirst();
    }

    private List<Claim> many(String sql, Object... params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(Claims::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Claim.Share>> shares = new HashMap<>();
        jdbc.sql("""
                SELECT claim_id, filing_id, scheme_code, scheme_version, pay_order, ratio, own_fen, amount_fen,
                    calculation, status, returned_fen
                FROM riskshare.claim_share WHERE claim_id = ANY(?) ORDER BY pay_order, scheme_code""")
                .param(rows.stream().map(r -> r.id).toArray(UUID[]::new))
                .query((rs, n) -> shares.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Claim.Share(rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getInt(5),
                                rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), Filings.texts(rs.getArray(9)),
                                Claim.ShareStatus.valueOf(rs.getString(10)), rs.getLong(11))))
                .list();
        return rows.stream().map(r -> r.claim(shares.getOrDefault(r.id, List.of()))).toList();
    }

    private record Row(UUID id, Claim.Application application, int year, Instant submittedAt, String submittedBy,
            ClaimStatus status, List<Claim.ReviewStep> steps, int index, @Nullable Instant started,
            @Nullable Instant deadline, long entitlement, long recovered, @Nullable Instant closed, int version) {

        Claim claim(List<Claim.Share> shares) {
            return new Claim(new Claim.Id(id), application, year, submittedAt, submittedBy, status, steps, index,
                    started, deadline, entitlement, recovered, closed, shares, version);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Claim.Application a = new Claim.Application(rs.getObject("institution_id", UUID.class),
                rs.getString("institution_name"), rs.getString("loan_number"), rs.getObject("deal_id", UUID.class),
                rs.getString("enterprise_credit_code"), rs.getString("enterprise_name"), rs.getLong("loan_amount_fen"),
                rs.getLong("loss_fen"), localDate(rs.getDate("overdue_since")), rs.getString("lawsuit_case_no"),
                localDate(rs.getDate("lawsuit_accepted_on")), Filings.texts(rs.getArray("documents")),
                rs.getString("note"));
        List<String> names = Filings.texts(rs.getArray("steps"));
        Object[] days = (Object[]) rs.getArray("step_days").getArray();
        List<Claim.ReviewStep> steps = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            steps.add(new Claim.ReviewStep(names.get(i), ((Number) days[i]).intValue()));
        }
        return new Row(rs.getObject("id", UUID.class), a, rs.getInt("claim_year"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
                ClaimStatus.valueOf(rs.getString("status")), steps, rs.getInt("step_index"),
                instant(rs.getTimestamp("step_started_at")), instant(rs.getTimestamp("step_deadline")),
                rs.getLong("entitlement_fen"), rs.getLong("recovered_fen"), instant(rs.getTimestamp("closed_at")),
                rs.getInt("row_version"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static @Nullable LocalDate localDate(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Date date(@Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
