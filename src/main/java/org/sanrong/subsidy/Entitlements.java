package org.sanrong.subsidy;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Entitlements in {@code subsidy.entitlement}; a state change is written only from the state it was read in. */
@Repository
class Entitlements {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Entitlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores it unless the policy already has one for the event; a NOT_ELIGIBLE one is completed when the event now
     * qualifies (e.g. a listing milestone reported again with its proceeds). Answers what was stored.
     */
    Optional<Entitlement> insertOrComplete(Entitlement e, List<String> capKeys, @Nullable String exclusiveKey) {
        Optional<UUID> id = jdbc.sql("""
                INSERT INTO subsidy.entitlement (id, policy_code, policy_version, event_key, beneficiary_key,
                    beneficiary_org, beneficiary_name, enterprise_code, event_date, year, amount_fen, calculation,
                    status, computed_at, cap_keys, exclusive_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (policy_code, event_key) DO UPDATE SET policy_version = EXCLUDED.policy_version,
                    amount_fen = EXCLUDED.amount_fen, calculation = EXCLUDED.calculation, status = EXCLUDED.status,
                    computed_at = EXCLUDED.computed_at, cap_keys = EXCLUDED.cap_keys,
                    exclusive_key = EXCLUDED.exclusive_key
                WHERE subsidy.entitlement.status = 'NOT_ELIGIBLE' AND EXCLUDED.amount_fen > 0
                RETURNING id""")
                .params(e.id().value(), e.policyCode(), e.policyVersion(), e.eventKey(), e.beneficiaryKey(),
                        e.beneficiaryOrg(), e.beneficiaryName(), e.enterpriseCode(), Date.valueOf(e.eventDate()),
                        e.year(), e.amountFen(), JSON.writeValueAsString(e.calculation()), e.status().name(),
                        Timestamp.from(e.computedAt()), capKeys.toArray(String[]::new), exclusiveKey)
                .query(UUID.class).optional();
        return id.flatMap(x -> find(new Entitlement.Id(x)));
    }

    /** Serialises computations for one beneficiary under a policy, so caps count every earlier grant. */
    void lockBeneficiary(String policyCode, String beneficiaryKey) {
        lockKey("subsidy|" + policyCode + "|" + beneficiaryKey);
    }

    void lockKey(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(key).query((rs, n) -> 1).single();
    }

    /** What the beneficiary was granted under the policy within a cap's scope. */
    long grantedFen(String policyCode, String beneficiaryKey, String capKey) {
        return jdbc.sql("SELECT coalesce(sum(amount_fen), 0) FROM subsidy.entitlement WHERE policy_code = ? "
                + "AND beneficiary_key = ? AND ? = ANY(cap_keys)").params(policyCode, beneficiaryKey, capKey)
                .query(Long.class).single();
    }

    /** Another policy that already subsidises the same cost (one cost, one policy). */
    Optional<String> exclusiveHolder(String exclusiveKey, String policyCode) {
        return jdbc.sql("SELECT policy_code FROM subsidy.entitlement WHERE exclusive_key = ? AND policy_code <> ? "
                + "AND amount_fen > 0 ORDER BY computed_at LIMIT 1").params(exclusiveKey, policyCode)
                .query(String.class).optional();
    }

    Optional<Entitlement> find(Entitlement.Id id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id.value()).query(this::row).optional();
    }

    Optional<Entitlement> findForUpdate(Entitlement.Id id) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(id.value()).query(this::row).optional();
    }

    List<Entitlement> ofBeneficiaries(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE beneficiary_key IN (:keys) ORDER BY computed_at DESC, id")
                .param("keys", keys).query(this::row).list();
    }

    List<Entitlement> all(int limit) {
        return jdbc.sql(SELECT + " ORDER BY computed_at DESC, id LIMIT ?").param(limit).query(this::row).list();
    }

    List<Entitlement> withStatus(List<EntitlementStatus> statuses, int limit) {
        return jdbc.sql(SELECT + " WHERE status IN (:s) ORDER BY computed_at, id LIMIT :limit")
                .param("s", statuses.stream().map(Enum::name).toList()).param("limit", limit)
                .query(this::row).list();
    }

    List<Entitlement> ofEvent(String eventKey) {
        return jdbc.sql(SELECT + " WHERE event_key = ? ORDER BY policy_code").param(eventKey).query(this::row).list();
    }

    void update(Entitlement e, EntitlementStatus from, Instant at) {
        int n = jdbc.sql("""
                UPDATE subsidy.entitlement SET status = ?, confirmed_by = ?,
                    confirmed_at = CASE WHEN ? = 'CONFIRMED' THEN ? ELSE confirmed_at END,
                    noticed_by = ?, notice_until = ?, noticed_at = CASE WHEN ? = 'NOTICED' THEN ? ELSE noticed_at END,
                    approved_by = ?, approved_at = CASE WHEN ? = 'APPROVED' THEN ? ELSE approved_at END,
                    paid_by = ?, paid_at = ?, paid_fen = CASE WHEN ? = 'PAID' THEN amount_fen ELSE paid_fen END
                WHERE id = ? AND status = ?""")
                .params(e.status().name(), e.confirmedBy(), e.status().name(), Timestamp.from(at), e.noticedBy(),
                        e.noticeUntil() == null ? null : Date.valueOf(e.noticeUntil()), e.status().name(),
                        Timestamp.from(at), e.approvedBy(), e.status().name(), Timestamp.from(at), e.paidBy(),
                        e.paidAt() == null ? null : Timestamp.from(e.paidAt()), e.status().name(), e.id().value(),
                        from.name())
                .update();
        if (n != 1) {
            throw new IllegalStateException("entitlement " + e.id().value() + " changed concurrently");
        }
    }

    Optional<Long> paidFen(Entitlement.Id id) {
        return jdbc.sql("SELECT coalesce(paid_fen, amount_fen) FROM subsidy.entitlement WHERE id = ?")
                .param(id.value()).query(Long.class).optional();
    }

    /** Pays an approved entitlement with the amount its batch allocated; false when it was not APPROVED. */
    boolean markPaid(Entitlement.Id id, long paidFen, String by, Instant at) {
        return jdbc.sql("UPDATE subsidy.entitlement SET status = 'PAID', paid_fen = ?, paid_by = ?, paid_at = ? "
                + "WHERE id = ? AND status = 'APPROVED'").params(paidFen, by, Timestamp.from(at), id.value())
                .update() == 1;
    }

    private static final String SELECT = """
            SELECT id, policy_code, policy_version, event_key, beneficiary_key, beneficiary_org, beneficiary_name,
                enterprise_code, event_date, year, amount_fen, calculation::text AS calculation, status, computed_at,
                confirmed_by, noticed_by, notice_until, approved_by, paid_by, paid_at
            FROM subsidy.entitlement""";

    private Entitlement row(ResultSet rs, int n) throws SQLException {
        Date until = rs.getDate("notice_until");
        Timestamp paid = rs.getTimestamp("paid_at");
        return new Entitlement(new Entitlement.Id(rs.getObject("id", UUID.class)), rs.getString("policy_code"),
                rs.getInt("policy_version"), rs.getString("event_key"), rs.getString("beneficiary_key"),
                rs.getObject("beneficiary_org", UUID.class), rs.getString("beneficiary_name"),
                rs.getString("enterprise_code"), rs.getDate("event_date").toLocalDate(), rs.getInt("year"),
                rs.getLong("amount_fen"), JSON.readValue(rs.getString("calculation"), Calculation.class),
                EntitlementStatus.valueOf(rs.getString("status")), rs.getTimestamp("computed_at").toInstant(),
                rs.getString("confirmed_by"), rs.getString("noticed_by"), until == null ? null : until.toLocalDate(),
                rs.getString("approved_by"), rs.getString("paid_by"), paid == null ? null : paid.toInstant());
    }

}
