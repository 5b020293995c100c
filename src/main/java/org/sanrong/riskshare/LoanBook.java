package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every loan disbursed on the platform with its repayment reports, and the banks' overall NPL ratios by quarter:
 * what the NPL-tolerance board reads. Writes tolerate the same event twice.
 */
@Repository
class LoanBook {

    private final JdbcClient jdbc;

    LoanBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void disbursed(UUID dealId, UUID institutionId, String institutionName, String creditCode, long amountFen,
            LocalDate on, boolean smallTech) {
        jdbc.sql("""
                INSERT INTO riskshare.loan_record (deal_id, institution_id, institution_name, enterprise_credit_code,
                    amount_fen, disbursed_on, small_tech) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(dealId, institutionId, institutionName, creditCode, amountFen, Date.valueOf(on), smallTech)
                .update();
        report(dealId, on, "NORMAL", amountFen);
    }

    /** A report; without an outstanding amount the latest known one carries over. */
    void reported(UUID dealId, LocalDate asOf, String status, @Nullable Long outstandingFen) {
        Long known = jdbc.sql("SELECT outstanding_fen FROM riskshare.loan_report WHERE deal_id = ? "
                + "ORDER BY as_of DESC, id DESC LIMIT 1").param(dealId).query(Long.class).optional().orElse(null);
        if (known == null) {
            return; // a loan disbursed before this module listened
        }
        report(dealId, asOf, status, "REPAID".equals(status) ? 0L : outstandingFen == null ? known : outstandingFen);
    }

    private void report(UUID dealId, LocalDate asOf, String status, long outstandingFen) {
        jdbc.sql("INSERT INTO riskshare.loan_report (deal_id, as_of, status, outstanding_fen) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(dealId, Date.valueOf(asOf), status, outstandingFen).update();
    }

    /** Per institution: outstanding and non-performing principal of small tech loans at the day's end. */
    Map<UUID, long[]> smallTechAt(LocalDate day, @Nullable UUID institution) {
        Map<UUID, long[]> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.institution_id, coalesce(sum(h.outstanding_fen), 0),
                    coalesce(sum(CASE WHEN h.status = 'NON_PERFORMING' THEN h.outstanding_fen ELSE 0 END), 0)
                FROM riskshare.loan_record r
                JOIN LATERAL (SELECT status, outstanding_fen FROM riskshare.loan_report s
                              WHERE s.deal_id = r.deal_id AND s.as_of <= ? ORDER BY s.as_of DESC, s.id DESC LIMIT 1) h
                  ON true
                WHERE r.small_tech AND r.disbursed_on <= ? AND (?::uuid IS NULL OR r.institution_id = ?)
                GROUP BY r.institution_id""")
                .params(Date.valueOf(day), Date.valueOf(day), institution, institution)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        return out;
    }

    /** Institutions with loans on the platform, with their names. */
    Map<UUID, String> lenders() {
        Map<UUID, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT DISTINCT ON (institution_id) institution_id, institution_name FROM riskshare.loan_record "
                + "ORDER BY institution_id, disbursed_on DESC")
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return out;
    }

    void reportOverall(UUID institution, String quarter, BigDecimal ratio, String actor, Instant at) {
        jdbc.sql("INSERT INTO riskshare.npl_report (institution_id, quarter, overall_ratio, reported_at, reported_by) "
                + "VALUES (?, ?, ?, ?, ?)").params(institution, quarter, ratio, Timestamp.from(at), actor).update();
    }

    /** The latest overall ratio each institution reported for the quarter. */
    Map<UUID, BigDecimal> overall(String quarter) {
        Map<UUID, BigDecimal> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT DISTINCT ON (institution_id) institution_id, overall_ratio FROM riskshare.npl_report "
                + "WHERE quarter = ? ORDER BY institution_id, id DESC").param(quarter)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).list();
        return out;
    }

    /** Quarters any bank reported for, latest first. */
    List<String> reportedQuarters() {
        return jdbc.sql("SELECT DISTINCT quarter FROM riskshare.npl_report ORDER BY quarter DESC").query(String.class)
                .list();
    }
}
