package org.sanrong.stats;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One loan of a drill-down list, with its balance and status at the reporting date. */
public record LoanLine(UUID dealId, String loanNumber, String institutionName, String creditCode,
        String enterpriseName, @Nullable String townName, String productType, long amountFen, LocalDate disbursedOn,
        LocalDate maturityOn, long balanceFen, String status, boolean firstLoan) {
}
