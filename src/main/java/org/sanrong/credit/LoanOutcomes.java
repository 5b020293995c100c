package org.sanrong.credit;

import java.time.LocalDate;
import java.util.List;

/**
 * The platform's own loans and how they went, for training on real outcomes and for the realised default rate by
 * grade. The deal module knows repayment status and supplies this (credit cannot depend on deals, since deals
 * depend on matching, which reads ratings); without it there are no loan outcomes.
 */
public interface LoanOutcomes {

    LoanOutcomes NONE = List::of;

    /** Every disbursed loan. */
    List<Loan> loans();

    /**
     * A disbursed loan: whose, when, its latest reported status, and whether it was ever reported non-performing
     * (不良), which is what "default" means here.
     */
    record Loan(String creditCode, String loanNumber, LocalDate disbursedOn, String latestStatus,
            boolean defaulted) {
    }
}
