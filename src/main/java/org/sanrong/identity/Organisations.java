package org.sanrong.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.sanrong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation repository. Plain SQL keeps the mapping of typed ids and value objects in one visible place. */
@Repository
class Organisations {

    private final JdbcClient jdbc;

    private final PersonalDataCipher cipher;

    Organisations(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Organisation o) {
        jdbc.sql("""
                INSERT INTO identity.organisation (id, kind, institution_type, name, credit_code, status,
                    contact_name, contact_mobile, registered_at, approved_at, approved_by)
                VALUES (:id, :kind, :type, :name, :code, :status, :cname, :cmobile, :registered, :approved, :by)""")
                .param("id", o.id().value())
                .param("kind", o.kind().name())
                .param("type", o.institutionType() == null ? null : o.institutionType().name())
                .param("name", o.name())
                .param("code", o.creditCode() == null ? null : o.creditCode().value())
                .param("status", o.status().name())
                .param("cname", cipher.encrypt(o.contact().name()))
                .param("cmobile", cipher.encrypt(o.contact().mobile()))
                .param("registered", ts(o.registeredAt()))
                .param("approved", ts(o.approvedAt()))
                .param("by", o.approvedBy())
                .update();
    }

    /** Saves the state that named methods may change. */
    void update(Organisation o) {
        jdbc.sql("UPDATE identity.organisation SET status = :status, approved_at = :approved, approved_by = :by "
                + "WHERE id = :id")
                .param("status", o.status().name())
                .param("approved", ts(o.approvedAt()))
                .param("by", o.approvedBy())
                .param("id", o.id().value())
                .update();
    }

    Optional<Organisation> find(Organisation.Id id) {
        return jdbc.sql("SELECT * FROM identity.organisation WHERE id = ?").param(id.value())
                .query(this::map).optional();
    }

    /** Locks the row for the rest of the transaction, so concurrent approvals cannot both pass. */
    Optional<Organisation> findForUpdate(Organisation.Id id) {
        return jdbc.sql("SELECT * FROM identity.organisation WHERE id = ? FOR UPDATE").param(id.value())
                .query(this::map).optional();
    }

    java.util.List<Organisation> ofKind(OrganisationKind kind) {
        return jdbc.sql("SELECT * FROM identity.organisation WHERE kind = ? ORDER BY registered_at").param(kind.name())
                .query(this::map).list();
    }

    boolean existsByCreditCode(String code) {
        return jdbc.sql("SELECT count(*) FROM identity.organisation WHERE credit_code = ?").param(code)
                .query(Long.class).single() > 0;
    }

    Organisation map(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("institution_type");
        String code = rs.getString("credit_code");
        return new Organisation(new Organisation.Id(rs.getObject("id", UUID.class)),
                OrganisationKind.valueOf(rs.getString("kind")),
                type == null ? null : InstitutionType.valueOf(type),
                rs.getString("name"),
                code == null ? null : new UnifiedSocialCreditCode(code),
                new Organisation.Contact(cipher.decrypt(rs.getString("contact_name")),
                        cipher.decrypt(rs.getString("contact_mobile"))),
                rs.getTimestamp("registered_at").toInstant(),
                Organisation.Status.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("approved_at")),
                rs.getString("approved_by"));
    }

    static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
