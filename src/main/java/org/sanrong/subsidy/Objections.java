package org.sanrong.subsidy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.PersonalData;
import org.sanrong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Objections in {@code subsidy.objection}. */
@Repository("subsidyObjections")
class Objections {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Objections(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(UUID id, UUID entitlementId, String text, String name, String phone, @Nullable String by, Instant at) {
        jdbc.sql("INSERT INTO subsidy.objection (id, entitlement_id, text, name, phone, raised_by, raised_at, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')").params(id, entitlementId, text, cipher.encrypt(name),
                        cipher.encrypt(phone), by, Timestamp.from(at)).update();
    }

    long open(UUID entitlementId) {
        return jdbc.sql("SELECT count(*) FROM subsidy.objection WHERE entitlement_id = ? AND status = 'OPEN'")
                .param(entitlementId).query(Long.class).single();
    }

    List<UUID> withOpen() {
        return jdbc.sql("SELECT DISTINCT entitlement_id FROM subsidy.objection WHERE status = 'OPEN'")
                .query(UUID.class).list();
    }

    Optional<Objection> find(UUID id, boolean forUpdate) {
        return jdbc.sql(SELECT + " WHERE o.id = ?" + (forUpdate ? " FOR UPDATE OF o" : "")).param(id)
                .query(this::row).optional();
    }

    List<Objection> all(boolean openOnly) {
        return jdbc.sql(SELECT + (openOnly ? " WHERE o.status = 'OPEN'" : "") + " ORDER BY o.raised_at DESC LIMIT 500")
                .query(this::row).list();
    }

    void resolve(UUID id, Objection.Status status, String resolution, String by, Instant at) {
        jdbc.sql("UPDATE subsidy.objection SET status = ?, resolution = ?, resolved_by = ?, resolved_at = ? "
                + "WHERE id = ? AND status = 'OPEN'").params(status.name(), resolution, by, Timestamp.from(at), id)
                .update();
    }

    private static final String SELECT = """
            SELECT o.*, e.policy_code, e.beneficiary_name FROM subsidy.objection o
            JOIN subsidy.entitlement e ON e.id = o.entitlement_id""";

    private Objection row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Objection(rs.getObject("id", UUID.class), rs.getObject("entitlement_id", UUID.class),
                rs.getString("policy_code"), rs.getString("beneficiary_name"), rs.getString("text"),
                cipher.decrypt(rs.getString("name")), PersonalData.maskMobile(cipher.decrypt(rs.getString("phone"))),
                rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(), Objection.Status.valueOf(rs.getString("status")),
                rs.getString("resolution"), rs.getString("resolved_by"));
    }
}
