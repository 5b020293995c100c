package org.sanrong.subsidy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Batches in {@code subsidy.batch} and {@code subsidy.batch_item}. */
@Repository
class BatchRows {

    private final JdbcClient jdbc;

    BatchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Batch b) {
        jdbc.sql("""
                INSERT INTO subsidy.batch (id, policy_code, year, allocation, status, available_fen, total_fen, made_by,
                    made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.id(), b.policyCode(), b.year(), b.allocation().name(), b.status().name(), b.availableFen(),
                        b.totalFen(), b.madeBy(), Timestamp.from(b.madeAt())).update();
        for (Batch.Item i : b.items()) {
            jdbc.sql("""
                    INSERT INTO subsidy.batch_item (batch_id, entitlement_id, rank, claimed_fen, allocated_fen,
                        selected) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(b.id(), i.entitlementId(), i.rank(), i.claimedFen(), i.allocatedFen(), i.selected())
                    .update();
        }
    }

    Optional<Batch> find(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM subsidy.batch WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "")).param(id)
                .query((rs, n) -> new Batch(rs.getObject("id", UUID.class), rs.getString("policy_code"),
                        rs.getInt("year"), Policy.Allocation.valueOf(rs.getString("allocation")),
                        Batch.Status.valueOf(rs.getString("status")), rs.getLong("available_fen"),
                        rs.getLong("total_fen"), rs.getString("made_by"), rs.getTimestamp("made_at").toInstant(),
                        rs.getString("checked_by"), rs.getString("second_by"),
                        rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant(), List.of()))
                .optional().map(b -> new Batch(b.id(), b.policyCode(), b.year(), b.allocation(), b.status(),
                        b.availableFen(), b.totalFen(), b.madeBy(), b.madeAt(), b.checkedBy(), b.secondBy(),
                        b.paidAt(), items(b.id())));
    }

    List<Batch.Item> items(UUID batchId) {
        return jdbc.sql("""
                SELECT i.*, e.beneficiary_name, e.enterprise_code, e.event_date FROM subsidy.batch_item i
                JOIN subsidy.entitlement e ON e.id = i.entitlement_id WHERE i.batch_id = ? ORDER BY i.rank""")
                .param(batchId)
                .query((rs, n) -> new Batch.Item(rs.getObject("entitlement_id", UUID.class), rs.getInt("rank"),
                        rs.getString("beneficiary_name"), rs.getString("enterprise_code"),
                        rs.getDate("event_date").toLocalDate(), rs.getLong("claimed_fen"), rs.getLong("allocated_fen"),
                        rs.getBoolean("selected"),
                        rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant()))
                .list();
    }

    List<Batch> all(int limit) {
        return jdbc.sql("SELECT id FROM subsidy.batch ORDER BY made_at DESC LIMIT ?").param(limit)
                .query(UUID.class).list().stream().map(id -> find(id, false).orElseThrow()).toList();
    }

    List<UUID> unfinished() {
        return jdbc.sql("SELECT id FROM subsidy.batch WHERE status = 'PAYING' ORDER BY made_at").query(UUID.class)
                .list();
    }

    /** Selected, not yet paid amounts of the policy's year in any batch: money the budget has promised. */
    long committedFen(String policyCode, int year) {
        return jdbc.sql("""
                SELECT coalesce(sum(i.allocated_fen), 0) FROM subsidy.batch_item i JOIN subsidy.batch b ON b.id = i.batch_id
                WHERE b.policy_code = ? AND b.year = ? AND i.selected AND i.paid_at IS NULL""")
                .params(policyCode, year).query(Long.class).single();
    }

    void status(UUID id, Batch.Status status, @Nullable String checkedBy, @Nullable String secondBy, Instant at) {
        jdbc.sql("""
                UPDATE subsidy.batch SET status = ?, checked_by = coalesce(?::varchar, checked_by),
                    checked_at = CASE WHEN ?::varchar IS NOT NULL AND checked_at IS NULL THEN ? ELSE checked_at END,
                    second_by = coalesce(?::varchar, second_by),
                    second_at = CASE WHEN ?::varchar IS NOT NULL AND second_at IS NULL THEN ? ELSE second_at END,
                    paid_at = CASE WHEN ?::varchar = 'PAID' THEN ? ELSE paid_at END WHERE id = ?""")
                .params(status.name(), checkedBy, checkedBy, Timestamp.from(at), secondBy, secondBy,
                        Timestamp.from(at), status.name(), Timestamp.from(at), id).update();
    }

    void select(UUID batchId, List<UUID> selected) {
        jdbc.sql("UPDATE subsidy.batch_item SET selected = (entitlement_id IN (:ids)) WHERE batch_id = :b")
                .param("ids", selected.isEmpty() ? List.of(new UUID(0, 0)) : selected).param("b", batchId).update();
        jdbc.sql("""
                UPDATE subsidy.batch SET total_fen = (SELECT coalesce(sum(allocated_fen), 0) FROM subsidy.batch_item
                WHERE batch_id = ? AND selected) WHERE id = ?""").params(batchId, batchId).update();
    }

    boolean markItemPaid(UUID batchId, UUID entitlementId, Instant at) {
        return jdbc.sql("UPDATE subsidy.batch_item SET paid_at = ? WHERE batch_id = ? AND entitlement_id = ? "
                + "AND paid_at IS NULL").params(Timestamp.from(at), batchId, entitlementId).update() == 1;
    }

    boolean inBatch(UUID entitlementId) {
        return jdbc.sql("SELECT count(*) FROM subsidy.batch_item WHERE entitlement_id = ?").param(entitlementId)
                .query(Long.class).single() > 0;
    }

    /** Approved entitlements of the policy's year not yet in a batch, in the order they were approved. */
    List<Entitlement> candidates(Entitlements entitlements, String policyCode, int year) {
        return jdbc.sql("""
                SELECT e.id FROM subsidy.entitlement e WHERE e.policy_code = ? AND e.year = ? AND e.status = 'APPROVED'
                AND NOT EXISTS (SELECT 1 FROM subsidy.batch_item i WHERE i.entitlement_id = e.id)
                ORDER BY e.approved_at, e.id""").params(policyCode, year).query(UUID.class).list().stream()
                .map(id -> entitlements.find(new Entitlement.Id(id)).orElseThrow()).toList();
    }
}
