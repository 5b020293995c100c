package org.sanrong.advisory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The repository of enterprises' requests for an adviser. */
@Repository
class AdviceRequests {

    private final JdbcClient jdbc;

    AdviceRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AdviceRequest r) {
        EnterpriseRef e = r.enterprise();
        jdbc.sql("""
                INSERT INTO advisory.request (id, enterprise_credit_code, enterprise_name, enterprise_org_id, town_code,
                    industry_code, speciality, description, requested_by, requested_at, requested_on, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id().value(), e.creditCode(), e.name(), e.organisationId(), e.townCode(), e.industryCode(),
                        r.speciality().name(), r.description(), r.requestedBy(), Timestamp.from(r.requestedAt()),
                        Date.valueOf(r.requestedOn()), r.status().name())
                .update();
    }

    void update(AdviceRequest r) {
        jdbc.sql("UPDATE advisory.request SET status = ?, assignment_id = ?, closed_at = ? WHERE id = ?")
                .params(r.status().name(), r.assignmentId(), r.closedAt() == null ? null
                        : Timestamp.from(r.closedAt()), r.id().value())
                .update();
    }

    Optional<AdviceRequest> findForUpdate(AdviceRequest.Id id) {
        return jdbc.sql("SELECT * FROM advisory.request WHERE id = ? FOR UPDATE").param(id.value())
                .query(AdviceRequests::map).optional();
    }

    List<AdviceRequest> open() {
        return jdbc.sql("SELECT * FROM advisory.request WHERE status = 'OPEN' ORDER BY requested_at")
                .query(AdviceRequests::map).list();
    }

    List<AdviceRequest> ofEnterprise(UUID organisationId) {
        return jdbc.sql("SELECT * FROM advisory.request WHERE enterprise_org_id = ? ORDER BY requested_at DESC")
                .param(organisationId).query(AdviceRequests::map).list();
    }

    long countOpen() {
        return jdbc.sql("SELECT count(*) FROM advisory.request WHERE status = 'OPEN'").query(Long.class).single();
    }

    static AdviceRequest map(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new AdviceRequest(new AdviceRequest.Id(rs.getObject("id", UUID.class)),
                new EnterpriseRef(rs.getString("enterprise_credit_code").strip(), rs.getString("enterprise_name"),
                        rs.getObject("enterprise_org_id", UUID.class), rs.getString("town_code"),
                        rs.getString("industry_code")),
                Speciality.valueOf(rs.getString("speciality")), rs.getString("description"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getDate("requested_on").toLocalDate(), AdviceRequest.Status.valueOf(rs.getString("status")),
                rs.getObject("assignment_id", UUID.class), closed == null ? null : closed.toInstant());
    }
}
