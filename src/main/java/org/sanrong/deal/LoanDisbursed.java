package org.sanrong.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A loan (or lease) was paid out: what risk compensation files, subsidies reward and statistics count.
 *
 * @param productType the product type's code (e.g. IP_PLEDGE_LOAN), which policy rules look at
 */
public record LoanDisbursed(UUID dealId, String loanNumber, UUID institutionId, String enterpriseCreditCode,
        UUID productId, String productType, long amountFen, BigDecimal annualRatePercent, int termMonths,
        LocalDate disbursedOn, LocalDate maturityOn, @Nullable String guarantee) {
}
