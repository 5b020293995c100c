package org.sanrong.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An equity investment was made (the amount actually received): what the angel-investment reward looks at. */
public record InvestmentRecorded(UUID dealId, UUID institutionId, String enterpriseCreditCode, UUID productId,
        long amountFen, BigDecimal stakePercent, LocalDate investedOn) {
}
