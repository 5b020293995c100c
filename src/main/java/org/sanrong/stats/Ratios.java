package org.sanrong.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Percentages and growth rates, exact to one decimal (half up); null where the denominator is zero. */
public final class Ratios {

    private Ratios() {
    }

    /** {@code part / whole × 100}. */
    public static @Nullable BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Growth from {@code base} to {@code now} in percent: {@code (now − base) / base × 100}. */
    public static @Nullable BigDecimal growth(long now, long base) {
        return percent(now - base, base);
    }

    /** Green at or above the target, yellow within {@code amberPoints} below it, red further below; none without a rate. */
    public static Light light(@Nullable BigDecimal rate, BigDecimal target, BigDecimal amberPoints) {
        if (rate == null) {
            return Light.NONE;
        }
        if (rate.compareTo(target) >= 0) {
            return Light.GREEN;
        }
        return rate.compareTo(target.subtract(amberPoints)) >= 0 ? Light.YELLOW : Light.RED;
    }
}
