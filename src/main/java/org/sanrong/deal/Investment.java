package org.sanrong.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An equity investment actually made (实缴): amount received by the enterprise, stake and date. */
public record Investment(long amountFen, BigDecimal stakePercent, LocalDate investedOn) {
}
