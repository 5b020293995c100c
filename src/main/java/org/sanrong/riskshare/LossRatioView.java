package org.sanrong.riskshare;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A bank's loss ratio in one pool and year: losses it claimed ÷ principal it filed, against the scheme's
 * suspension threshold (null when the scheme has none); {@code exceeded} is decided exactly.
 */
public record LossRatioView(String schemeCode, String schemeName, int year, long claimedLossFen,
        long filedPrincipalFen, BigDecimal ratio, @Nullable BigDecimal threshold, boolean exceeded) {

    /** The ratio as a percentage to two places ("3.21%"), for reading. */
    public String ratioPercent() {
        return Yuan.percent(ratio.setScale(4, java.math.RoundingMode.HALF_UP));
    }

    public String thresholdPercent() {
        return threshold == null ? "—" : Yuan.percent(threshold);
    }
}
