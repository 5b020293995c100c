package org.sanrong.riskshare;

import java.time.LocalDate;
import java.util.UUID;

/** A pool paid its share of a claim to the bank (statistics and subsidies may count it). */
public record CompensationPaid(UUID claimId, String schemeCode, UUID institutionId, String loanNumber,
        String enterpriseCreditCode, long amountFen, LocalDate paidOn) {
}
