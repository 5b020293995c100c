package org.sanrong.advisory;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assignment repository, with each assignment's service records and the board's aggregates. */
@Repository
class Assignments {

    /** An assignment with its adviser's name and contact and its services' count and mean rating, for lists. */
    record Row(Assignment assignment, String adviserName, String adviserUsername, String adviserPhone,
            String institutionName, long services, @Nullable BigDecimal meanRating) {
    }

    private final JdbcClient jdbc;

    private final org.sanrong.platform.PersonalDataCipher cipher;

    Assignments(JdbcClient jdbc, org.sanrong.platform.PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Assignment a) {
        EnterpriseRef e = a.enterprise();
        jdbc.sql("""
                INSERT INTO advisory.assignment (id, adviser_id, institution_id, enterprise_credit_code, enterprise_name,
                    enterprise_org_id, town_code, industry_code, basis, request_id, started_on, assigned_on, assigned_by,
                    assigned_at, note, status, row_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(a.id().value(), a.adviserId().value(), a.institutionId(), e.creditCode(), e.name(),
                        e.organisationId(), e.townCode(), e.industryCode(), a.basis().name(),
                        a.requestId() == null ? null : a.requestId().value(), Date.valueOf(a.startedOn()),
                        Date.valueOf(a.assignedOn()), a.assignedBy(), Timestamp.from(a.assignedAt()), a.note(),
                        a.status().name())
                .update();
    }

    void update(Assignment a) {
        int n = jdbc.sql("""
                UPDATE advisory.assignment SET status = ?, ended_at = ?, first_service_on = ?,
                    row_version = row_version + 1 WHERE id = ? AND row_version = ?""")
                .params(a.status().name(), a.endedAt() == null ? null : Timestamp.from(a.endedAt()),
                        a.firstServiceOn() == null ? null : Date.valueOf(a.firstServiceOn()), a.id().value(),
                        a.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("指派已被他人修改，请刷新后重试");
        }
        a.versionSaved(a.version() + 1);
    }

    Optional<Assignment> findForUpdate(Assignment.Id id) {
        return jdbc.sql("SELECT * FROM advisory.assignment WHERE id = ? FOR UPDATE").param(id.value())
                .query(Assignments::map).optional();
    }

    Optional<Row> row(Assignment.Id id) {
        return jdbc.sql(ROWS + " WHERE a.id = ?").param(id.value()).query(this::joinedRow).optional();
    }

    List<Row> ofEnterprise(UUID organisationId) {
        return jdbc.sql(ROWS + " WHERE a.enterprise_org_id = ? ORDER BY a.status, a.assigned_at DESC")
                .param(organisationId).query(this::joinedRow).list();
    }

    List<Row> ofAdviser(Adviser.Id adviser) {
        return jdbc.sql(ROWS + " WHERE a.adviser_id = ? ORDER BY a.status, a.first_service_on NULLS FIRST, "
                + "a.assigned_at DESC").param(adviser.value()).query(this::joinedRow).list();
    }

    List<Row> ofInstitution(UUID institutionId) {
        return jdbc.sql(ROWS + " WHERE a.institution_id = ? ORDER BY a.assigned_at DESC").param(institutionId)
                .query(this::joinedRow).list();
    }

    List<Row> recent(int limit, long offset) {
        return jdbc.sql(ROWS + " ORDER BY a.assigned_at DESC LIMIT ? OFFSET ?").params(limit, offset)
                .query(this::joinedRow).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM advisory.assignment").query(Long.class).single();
    }

    /** The credit codes of the enterprises the adviser serves under a live assignment. */
    java.util.Set<String> liveEnterprisesOf(Adviser.Id adviser) {
        return new java.util.HashSet<>(jdbc.sql("SELECT enterprise_credit_code FROM advisory.assignment "
                + "WHERE adviser_id = ? AND status = 'ACTIVE'").param(adviser.value())
                .query((rs, n) -> rs.getString(1).strip()).list());
    }

    private static final String ROWS = """
            SELECT a.*, d.display_name AS adviser_name, d.username AS adviser_username, d.phone AS adviser_phone,
                d.institution_name,
                (SELECT count(*) FROM advisory.service s WHERE s.assignment_id = a.id) AS services,
                (SELECT avg(s.rating) FROM advisory.service s WHERE s.assignment_id = a.id) AS mean_rating
            FROM advisory.assignment a JOIN advisory.adviser d ON d.id = a.adviser_id""";

    private Row joinedRow(ResultSet rs, int n) throws SQLException {
        return new Row(map(rs, n), rs.getString("adviser_name"), rs.getString("adviser_username"),
                cipher.decrypt(rs.getString("adviser_phone")), rs.getString("institution_name"), rs.getLong("services"),
                rs.getBigDecimal("mean_rating"));
    }

    static Assignment map(ResultSet rs, int n) throws SQLException {
        UUID request = rs.getObject("request_id", UUID.class);
        Timestamp ended = rs.getTimestamp("ended_at");
        Date first = rs.getDate("first_service_on");
        return new Assignment(new Assignment.Id(rs.getObject("id", UUID.class)),
                new Adviser.Id(rs.getObject("adviser_id", UUID.class)), rs.getObject("institution_id", UUID.class),
                new EnterpriseRef(rs.getString("enterprise_credit_code").strip(), rs.getString("enterprise_name"),
                        rs.getObject("enterprise_org_id", UUID.class), rs.getString("town_code"),
                        rs.getString("industry_code")),
                AssignmentBasis.valueOf(rs.getString("basis")), request == null ? null : new AdviceRequest.Id(request),
                rs.getDate("started_on").toLocalDate(), rs.getDate("assigned_on").toLocalDate(),
                rs.getString("assigned_by"), rs.getTimestamp("assigned_at").toInstant(), rs.getString("note"),
                Assignment.Status.valueOf(rs.getString("status")), ended == null ? null : ended.toInstant(),
                first == null ? null : first.toLocalDate(), rs.getInt("row_version"));
    }

    // ---- services -----------------------------------------------------------------------------------------------

    void insertService(ServiceRecord s) {
        jdbc.sql("""
                INSERT INTO advisory.service (id, assignment_id, served_on, type, summary, follow_ups, logged_by,
                    logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id().value(), s.assignmentId().value(), Date.valueOf(s.servedOn()), s.type().name(),
                        s.summary(), s.followUps(), s.loggedBy(), Timestamp.from(s.loggedAt()))
                .update();
    }

    /** Saves a rating only if none is saved yet: answers whether it was. */
    boolean saveRating(ServiceRecord s) {
        return jdbc.sql("""
                UPDATE advisory.service SET rating = ?, rating_comment = ?, rated_by = ?, rated_at = ?
                WHERE id = ? AND rating IS NULL""")
                .params(s.rating(), s.ratingComment(), s.ratedBy(), Timestamp.from(s.ratedAt()), s.id().value())
                .update() == 1;
    }

    Optional<ServiceRecord> findService(ServiceRecord.Id id) {
        return jdbc.sql("SELECT * FROM advisory.service WHERE id = ?").param(id.value())
                .query(Assignments::service).optional();
    }

    List<ServiceRecord> servicesOf(Assignment.Id id) {
        return jdbc.sql("SELECT * FROM advisory.service WHERE assignment_id = ? ORDER BY served_on DESC, logged_at DESC")
                .param(id.value()).query(Assignments::service).list();
    }

    long countServices() {
        return jdbc.sql("SELECT count(*) FROM advisory.service").query(Long.class).single();
    }

    private static ServiceRecord service(ResultSet rs, int n) throws SQLException {
        Timestamp rated = rs.getTimestamp("rated_at");
        return new ServiceRecord(new ServiceRecord.Id(rs.getObject("id", UUID.class)),
                new Assignment.Id(rs.getObject("assignment_id", UUID.class)), rs.getDate("served_on").toLocalDate(),
                ServiceType.valueOf(rs.getString("type")), rs.getString("summary"), rs.getString("follow_ups"),
                rs.getString("logged_by"), rs.getTimestamp("logged_at").toInstant(),
                rs.getObject("rating", Integer.class), rs.getString("rating_comment"), rs.getString("rated_by"),
                rated == null ? null : rated.toInstant());
    }

    // ---- the board ----------------------------------------------------------------------------------------------

    /** Per town code (null for none): enterprises under a live assignment, and enterprises served at least once. */
    record TownCount(@Nullable String townCode, long assigned, long served) {
    }

    List<TownCount> byTown() {
        return jdbc.sql("""
                SELECT town_code,
                    count(DISTINCT enterprise_credit_code) FILTER (WHERE status = 'ACTIVE') AS assigned,
                    count(DISTINCT enterprise_credit_code) FILTER (WHERE first_service_on IS NOT NULL) AS served
                FROM advisory.assignment GROUP BY town_code""")
                .query((rs, n) -> new TownCount(rs.getString("town_code"), rs.getLong("assigned"),
                        rs.getLong("served"))).list();
    }

    /** Per institution: its advisers, live assignments, enterprises served, services logged, ratings. */
    record InstitutionCount(UUID institutionId, String institutionName, long advisers, long assignments,
            long served, long services, long ratings, @Nullable BigDecimal meanRating) {
    }

    List<InstitutionCount> byInstitution() {
        return jdbc.sql("""
                SELECT d.institution_id, min(d.institution_name) AS institution_name,
                    count(DISTINCT d.id) FILTER (WHERE d.active) AS advisers,
                    count(DISTINCT a.id) FILTER (WHERE a.status = 'ACTIVE') AS assignments,
                    count(DISTINCT a.enterprise_credit_code) FILTER (WHERE a.first_service_on IS NOT NULL) AS served,
                    count(s.id) AS services, count(s.rating) AS ratings, avg(s.rating) AS mean_rating
                FROM advisory.adviser d
                LEFT JOIN advisory.assignment a ON a.adviser_id = d.id
                LEFT JOIN advisory.service s ON s.assignment_id = a.id
                GROUP BY d.institution_id ORDER BY served DESC, institution_name""")
                .query((rs, n) -> new InstitutionCount(rs.getObject("institution_id", UUID.class),
                        rs.getString("institution_name"), rs.getLong("advisers"), rs.getLong("assignments"),
                        rs.getLong("served"), rs.getLong("services"), rs.getLong("ratings"),
                        rs.getBigDecimal("mean_rating"))).list();
    }

    /** Every assignment's clock: when it started and the first service, for the response-time figures. */
    record Clock(UUID institutionId, @Nullable String townCode, LocalDate startedOn, @Nullable LocalDate firstServiceOn,
            Assignment.Status status) {
    }

    List<Clock> clocks() {
        return jdbc.sql("SELECT institution_id, town_code, started_on, first_service_on, status FROM advisory.assignment")
                .query((rs, n) -> {
                    Date first = rs.getDate("first_service_on");
                    return new Clock(rs.getObject("institution_id", UUID.class), rs.getString("town_code"),
                            rs.getDate("started_on").toLocalDate(), first == null ? null : first.toLocalDate(),
                            Assignment.Status.valueOf(rs.getString("status")));
                }).list();
    }

    /** All ratings: how many and their mean. */
    record Ratings(long count, @Nullable BigDecimal mean) {
    }

    Ratings ratings() {
        return jdbc.sql("SELECT count(rating) AS n, avg(rating) AS mean FROM advisory.service")
                .query((rs, n) -> new Ratings(rs.getLong("n"), rs.getBigDecimal("mean"))).single();
    }

    long countEnterprisesAssigned() {
        return jdbc.sql("SELECT count(DISTINCT enterprise_credit_code) FROM advisory.assignment WHERE status = 'ACTIVE'")
                .query(Long.class).single();
    }

    long countEnterprisesServed() {
        return jdbc.sql("SELECT count(DISTINCT enterprise_credit_code) FROM advisory.assignment "
                + "WHERE first_service_on IS NOT NULL").query(Long.class).single();
    }
}
