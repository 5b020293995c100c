package org.sanrong.deal;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One repayment status report of a loan. */
public record LoanStatusEntry(LocalDate asOf, LoanStatus status, @Nullable Long outstandingFen, Instant reportedAt,
        String reportedBy) {
}
