package org.sanrong.advisory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sanrong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The adviser repository. */
@Repository
class Advisers {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Advisers(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Adviser a) {
        jdbc.sql("""
                INSERT INTO advisory.adviser (id, institution_id, institution_name, username, display_name,
                    specialities, phone, introduction, active, named_by, named_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS varchar[]), ?, ?, ?, ?, ?)""")
                .params(a.id().value(), a.institutionId(), a.institutionName(), a.username(), a.displayName(),
                        array(a.specialities()), cipher.encrypt(a.phone()), a.introduction(), a.active(), a.namedBy(),
                        Timestamp.from(a.namedAt()))
                .update();
    }

    void update(Adviser a) {
        jdbc.sql("UPDATE advisory.adviser SET specialities = CAST(? AS varchar[]), phone = ?, introduction = ?, "
                + "active = ? WHERE id = ?")
                .params(array(a.specialities()), cipher.encrypt(a.phone()), a.introduction(), a.active(),
                        a.id().value()).update();
    }

    Optional<Adviser> find(Adviser.Id id) {
        return jdbc.sql("SELECT * FROM advisory.adviser WHERE id = ?").param(id.value()).query(this::map)
                .optional();
    }

    Optional<Adviser> findForUpdate(Adviser.Id id) {
        return jdbc.sql("SELECT * FROM advisory.adviser WHERE id = ? FOR UPDATE").param(id.value())
                .query(this::map).optional();
    }

    Optional<Adviser> byUsername(String username) {
        return jdbc.sql("SELECT * FROM advisory.adviser WHERE username = ?").param(username).query(this::map)
                .optional();
    }

    List<Adviser> ofInstitution(UUID institutionId) {
        return jdbc.sql("SELECT * FROM advisory.adviser WHERE institution_id = ? ORDER BY active DESC, named_at")
                .param(institutionId).query(this::map).list();
    }

    List<Adviser> active() {
        return jdbc.sql("SELECT * FROM advisory.adviser WHERE active ORDER BY institution_name, display_name")
                .query(this::map).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM advisory.adviser").query(Long.class).single();
    }

    Adviser map(ResultSet rs, int n) throws SQLException {
        return new Adviser(new Adviser.Id(rs.getObject("id", UUID.class)), rs.getObject("institution_id", UUID.class),
                rs.getString("institution_name"), rs.getString("username"), rs.getString("display_name"),
                specialities(rs.getArray("specialities")), cipher.decrypt(rs.getString("phone")), rs.getString("introduction"),
                rs.getBoolean("active"), rs.getString("named_by"), rs.getTimestamp("named_at").toInstant());
    }

    private static Set<Speciality> specialities(Array array) throws SQLException {
        EnumSet<Speciality> set = EnumSet.noneOf(Speciality.class);
        for (String s : (String[]) array.getArray()) {
            set.add(Speciality.valueOf(s));
        }
        return set;
    }

    static String array(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }
}
