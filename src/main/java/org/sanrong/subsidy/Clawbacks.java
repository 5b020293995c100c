package org.sanrong.subsidy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clawbacks in {@code subsidy.clawback}. */
@Repository("subsidyClawbacks")
class Clawbacks {

    private final JdbcClient jdbc;

    Clawbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID entitlementId, long amountFen, String reason, LocalDate brokenOn, String by,
            Instant at) {
        jdbc.sql("INSERT INTO subsidy.clawback (id, entitlement_id, amount_fen, reason, broken_on, status, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, 'DUE', ?, ?)").params(id, entitlementId, amountFen, reason,
                        Date.valueOf(brokenOn), by, Timestamp.from(at)).update();
    }

    Optional<Clawback> find(UUID id, boolean forUpdate) {
        return jdbc.sql(SELECT + " WHERE c.id = ?" + (forUpdate ? " FOR UPDATE OF c" : "")).param(id).query(this::row)
                .optional();
    }

    List<Clawback> ofBeneficiaries(List<String> keys) {
        return keys.isEmpty() ? List.of() : jdbc.sql(SELECT + " WHERE e.beneficiary_key IN (:k) ORDER BY c.created_at DESC")
                .param("k", keys).query(this::row).list();
    }

    List<Clawback> all() {
        return jdbc.sql(SELECT + " ORDER BY c.created_at DESC LIMIT 500").query(this::row).list();
    }

    void recovered(UUID id, String by, Instant at) {
        jdbc.sql("UPDATE subsidy.clawback SET status = 'RECOVERED', recovered_by = ?, recovered_at = ? WHERE id = ? "
                + "AND status = 'DUE'").params(by, Timestamp.from(at), id).update();
    }

    private static final String SELECT = """
            SELECT c.*, e.policy_code, e.beneficiary_key, e.beneficiary_name FROM subsidy.clawback c
            JOIN subsidy.entitlement e ON e.id = c.entitlement_id""";

    private Clawback row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Clawback(rs.getObject("id", UUID.class), rs.getObject("entitlement_id", UUID.class),
                rs.getString("policy_code"), rs.getString("beneficiary_key"), rs.getString("beneficiary_name"),
                rs.getLong("amount_fen"), rs.getString("reason"), rs.getDate("broken_on").toLocalDate(),
                Clawback.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("recovered_by"));
    }
}
