package org.sanrong.deal;

import java.util.List;
import org.sanrong.credit.LoanOutcomes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every disbursed loan with its latest repayment status and whether it was ever reported non-performing (不良), for
 * the credit module's training on real outcomes and its default rate by grade.
 */
@Component
class DealLoanOutcomes implements LoanOutcomes {

    private final JdbcClient jdbc;

    DealLoanOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Loan> loans() {
        return jdbc.sql("""
                SELECT d.enterprise_credit_code, d.loan_number, d.disbursed_on, COALESCE(d.loan_status, 'NORMAL'),
                    EXISTS (SELECT 1 FROM deal.loan_status_report r WHERE r.deal_id = d.id
                            AND r.status = 'NON_PERFORMING') OR d.loan_status = 'NON_PERFORMING'
                FROM deal.deal d WHERE d.disbursed_on IS NOT NULL AND d.loan_number IS NOT NULL
                ORDER BY d.disbursed_on""")
                .query((rs, i) -> new Loan(rs.getString(1).strip(), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getBoolean(5)))
                .list();
    }
}
