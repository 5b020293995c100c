package org.sanrong.subsidy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** ReportedEvent cost events ({@code subsidy.cost_event}) and the loans the platform recorded ({@code subsidy.loan}). */
@Repository("subsidyCostEvents")
class CostEvents {

    /** A loan the platform recorded, as cost reports refer to it. */
    record Loan(String loanRef, String enterpriseCode, UUID institutionId, String productType, long amountFen,
            LocalDate disbursedOn) {
    }

    private final JdbcClient jdbc;

    CostEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordLoan(Loan l) {
        jdbc.sql("INSERT INTO subsidy.loan VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (loan_ref) DO NOTHING")
                .params(l.loanRef(), l.enterpriseCode(), l.institutionId(), l.productType(), l.amountFen(),
                        Date.valueOf(l.disbursedOn())).update();
    }

    Optional<Loan> loan(String loanRef) {
        return jdbc.sql("SELECT * FROM subsidy.loan WHERE loan_ref = ?").param(loanRef)
                .query((rs, n) -> new Loan(rs.getString("loan_ref"), rs.getString("enterprise_code"),
                        rs.getObject("institution_id", UUID.class), rs.getString("product_type"),
                        rs.getLong("amount_fen"), rs.getDate("disbursed_on").toLocalDate())).optional();
    }

    List<Loan> loansOf(String enterpriseCode) {
        return jdbc.sql("SELECT * FROM subsidy.loan WHERE enterprise_code = ? ORDER BY disbursed_on, loan_ref")
                .param(enterpriseCode)
                .query((rs, n) -> new Loan(rs.getString("loan_ref"), rs.getString("enterprise_code"),
                        rs.getObject("institution_id", UUID.class), rs.getString("product_type"),
                        rs.getLong("amount_fen"), rs.getDate("disbursed_on").toLocalDate())).list();
    }

    boolean refUsed(UUID reporterOrg, String ref) {
        return jdbc.sql("SELECT count(*) FROM subsidy.cost_event WHERE reporter_org = ? AND ref = ?")
                .params(reporterOrg, ref).query(Long.class).single() > 0;
    }

    void insert(UUID id, EventType type, String enterpriseCode, LocalDate date, long amountFen,
            Map<String, Object> attributes, @Nullable String ref, String by, UUID org, Instant at) {
        jdbc.sql("INSERT INTO subsidy.cost_event VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")
                .params(id, type.name(), enterpriseCode, Date.valueOf(date), amountFen,
                        Entitlements.JSON.writeValueAsString(attributes), ref, by, org, Timestamp.from(at)).update();
    }

    List<ReportedEvent> reportedBy(UUID org, int limit) {
        return jdbc.sql("SELECT * FROM subsidy.cost_event WHERE reporter_org = ? ORDER BY reported_at DESC LIMIT ?")
                .params(org, limit)
                .query((rs, n) -> new ReportedEvent(rs.getObject("id", UUID.class), EventType.valueOf(rs.getString("type")),
                        rs.getString("enterprise_code"), rs.getDate("event_date").toLocalDate(),
                        rs.getLong("amount_fen"), rs.getString("ref"), rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant())).list();
    }
}
