package org.sanrong.deal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The institution reported a loan's repayment status as of a date, with the principal still outstanding. */
public record LoanStatusReported(UUID dealId, String loanNumber, UUID institutionId, String enterpriseCreditCode,
        LoanStatus status, LocalDate asOf, @Nullable Long outstandingFen) {
}
