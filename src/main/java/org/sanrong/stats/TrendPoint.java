package org.sanrong.stats;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** One month of a trend: balance at its end, amount issued in it, and the balance's year-on-year growth. */
public record TrendPoint(YearMonth month, long balanceFen, long issuedFen, long creditBalanceFen,
        @Nullable BigDecimal yearOnYearPercent) {
}
