package org.sanrong.riskshare;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.LoanStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The filing repository: one row per loan and pool. */
@Repository
class Filings {

    private final JdbcClient jdbc;

    Filings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the filing unless the loan is already offered to that pool; answers whether it was inserted. */
    boolean insertIfAbsent(Filing f) {
        Filing.Loan l = f.loan();
        int n = jdbc.sql("""
                INSERT INTO riskshare.filing (id, scheme_code, scheme_version, exclusive_group, origin, deal_id,
                    loan_number, institution_id, institution_name, enterprise_credit_code, enterprise_name,
                    product_type, amount_fen, disbursed_on, maturity_on, term_months, annual_rate, guarantee, features,
                    status, failed_rules, offered_at, file_by, loan_status, loan_status_on, outstanding_fen)
                VALUES (:id, :code, :version, :group, :origin, :deal, :loan, :inst, :iname, :credit, :ename, :ptype,
                    :amount, :disbursed, :maturity, :term, :rate, :guarantee, :features, :status, :failed, :offered,
                    :fileBy, :loanStatus, :loanStatusOn, :outstanding)
                ON CONFLICT DO NOTHING""")
                .param("id", f.id().value())
                .param("code", f.schemeCode())
                .param("version", f.schemeVersion())
                .param("group", f.exclusiveGroup())
                .param("origin", f.origin().name())
                .param("deal", l.dealId())
                .param("loan", l.loanNumber())
                .param("inst", l.institutionId())
                .param("iname", l.institutionName())
                .param("credit", l.enterpriseCreditCode())
                .param("ename", l.enterpriseName())
                .param("ptype", l.productType())
                .param("amount", l.amountFen())
                .param("disbursed", Date.valueOf(l.disbursedOn()))
                .param("maturity", Date.valueOf(l.maturityOn()))
                .param("term", l.termMonths())
                .param("rate", l.annualRatePercent())
                .param("guarantee", l.guarantee())
                .param("features", f.features().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("status", f.status().name())
                .param("failed", f.failedRules().toArray(String[]::new))
                .param("offered", Timestamp.from(f.offeredAt()))
                .param("fileBy", Date.valueOf(f.fileBy()))
                .param("loanStatus", f.loanStatus() == null ? null : f.loanStatus().name())
                .param("loanStatusOn", f.loanStatusOn() == null ? null : Date.valueOf(f.loanStatusOn()))
                .param("outstanding", f.outstandingFen())
                .update();
        return n == 1;
    }

    void update(Filing f) {
        int n = jdbc.sql("""
                UPDATE riskshare.filing SET features = :features, status = :status, filed_at = :filedAt,
                    filed_by = :filedBy, filed_year = :filedYear, expected_ratio = :ratio, commitment_fen = :commitment,
                    loan_status = :loanStatus, loan_status_on = :loanStatusOn, outstanding_fen = :outstanding,
                    row_version = row_version + 1
                WHERE id = :id AND row_version = :version""")
                .param("id", f.id().value())
                .param("version", f.version())
                .param("features", f.features().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("status", f.status().name())
                .param("filedAt", f.filedAt() == null ? null : Timestamp.from(f.filedAt()))
                .param("filedBy", f.filedBy())
                .param("filedYear", f.filedYear())
                .param("ratio", f.expectedRatio())
                .param("commitment", f.commitmentFen())
                .param("loanStatus", f.loanStatus() == null ? null : f.loanStatus().name())
                .param("loanStatusOn", f.loanStatusOn() == null ? null : Date.valueOf(f.loanStatusOn()))
                .param("outstanding", f.outstandingFen())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("备案记录已被他人修改，请刷新后重试：" + f.id().value());
        }
        f.versionSaved(f.version() + 1);
    }

    Optional<Filing> find(Filing.Id id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id.value()).query(Filings::filing).optional();
    }

    Optional<Filing> findForUpdate(Filing.Id id) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(id.value()).query(Filings::filing).optional();
    }

    List<Filing> ofDeal(UUID dealId) {
        return jdbc.sql(SELECT + " WHERE deal_id = ? ORDER BY scheme_code").param(dealId).query(Filings::filing).list();
    }

    /** The filed filings of one loan (its pools), locked. */
    List<Filing> filedOfLoan(UUID institutionId, String loanNumber) {
        return jdbc.sql(SELECT + " WHERE institution_id = ? AND loan_number = ? AND status = 'FILED' "
                + "ORDER BY scheme_code FOR UPDATE").params(institutionId, loanNumber).query(Filings::filing).list();
    }

    /** The institution's filings, newest first, optionally of one status. */
    List<Filing> ofInstitution(UUID institutionId, @Nullable FilingStatus status, int limit) {
        return jdbc.sql(SELECT + " WHERE institution_id = ? AND (?::varchar IS NULL OR status = ?) "
                + "ORDER BY offered_at DESC, scheme_code LIMIT ?")
                .params(institutionId, status == null ? null : status.name(), status == null ? null : status.name(),
                        limit)
                .query(Filings::filing).list();
    }

    /** Principal the institution filed into the pool in the year. */
    long filedPrincipal(String schemeCode, UUID institutionId, int year) {
        return jdbc.sql("SELECT coalesce(sum(amount_fen), 0) FROM riskshare.filing WHERE scheme_code = ? "
                + "AND institution_id = ? AND filed_year = ? AND status = 'FILED'")
                .params(schemeCode, institutionId, year).query(Long.class).single();
    }

    /** Filed loans of a pool, newest first. */
    List<Filing> filedInPool(String schemeCode, int limit) {
        return jdbc.sql(SELECT + " WHERE scheme_code = ? AND status = 'FILED' ORDER BY filed_at DESC LIMIT ?")
                .params(schemeCode, limit).query(Filings::filing).list();
    }

    private static final String SELECT = """
            SELECT id, scheme_code, scheme_version, exclusive_group, origin, deal_id, loan_number, institution_id,
                institution_name, enterprise_credit_code, enterprise_name, product_type, amount_fen, disbursed_on,
                maturity_on, term_months, annual_rate, guarantee, features, status, failed_rules, offered_at, file_by,
                filed_at, filed_by, filed_year, expected_ratio, commitment_fen, loan_status, loan_status_on,
                outstanding_fen, row_version
            FROM riskshare.filing""";

    private static Filing filing(ResultSet rs, int n) throws SQLException {
        Filing.Loan loan = new Filing.Loan(rs.getObject("deal_id", UUID.class), rs.getString("loan_number"),
                rs.getObject("institution_id", UUID.class), rs.getString("institution_name"),
                rs.getString("enterprise_credit_code"), rs.getString("enterprise_name"), rs.getString("product_type"),
                rs.getLong("amount_fen"), rs.getDate("disbursed_on").toLocalDate(),
                rs.getDate("maturity_on").toLocalDate(), rs.getInt("term_months"), rs.getBigDecimal("annual_rate"),
                rs.getString("guarantee"));
        Set<LoanFeature> features = EnumSet.noneOf(LoanFeature.class);
        for (String f : texts(rs.getArray("features"))) {
            features.add(LoanFeature.valueOf(f));
        }
        Timestamp filedAt = rs.getTimestamp("filed_at");
        Date statusOn = rs.getDate("loan_status_on");
        String loanStatus = rs.getString("loan_status");
        return new Filing(new Filing.Id(rs.getObject("id", UUID.class)), rs.getString("scheme_code"),
                rs.getInt("scheme_version"), rs.getString("exclusive_group"), Filing.Origin.valueOf(rs.getString("origin")),
                loan, features, FilingStatus.valueOf(rs.getString("status")), texts(rs.getArray("failed_rules")),
                rs.getTimestamp("offered_at").toInstant(), rs.getDate("file_by").toLocalDate(),
                filedAt == null ? null : filedAt.toInstant(), rs.getString("filed_by"),
                rs.getObject("filed_year", Integer.class), rs.getBigDecimal("expected_ratio"),
                rs.getObject("commitment_fen", Long.class), loanStatus == null ? null : LoanStatus.valueOf(loanStatus),
                statusOn == null ? null : statusOn.toLocalDate(), rs.getObject("outstanding_fen", Long.class),
                rs.getInt("row_version"));
    }

    static List<String> texts(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add((String) o);
        }
        return out;
    }
}
