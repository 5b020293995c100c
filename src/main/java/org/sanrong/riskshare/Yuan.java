package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Yuan as policy texts and the quote API write them: exact decimals with two places ("800000.00"), fen inside. A
 * ratio is written with four places ("0.4000").
 */
public final class Yuan {

    private static final ThreadLocal<DecimalFormat> GROUPED = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    private Yuan() {
    }

    /** Yuan to fen; more than two decimals is not money. */
    public static long toFen(BigDecimal yuan) {
        return org.sanrong.platform.Fen.ofYuan(yuan);
    }

    public static @Nullable Long toFenOrNull(@Nullable BigDecimal yuan) {
        return yuan == null ? null : toFen(yuan);
    }

    /** "800000.00" */
    public static String plain(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** "2,000,000.00元", for calculations people read. */
    public static String grouped(long fen) {
        return GROUPED.get().format(BigDecimal.valueOf(fen, 2)) + "元";
    }

    /** A ratio with four places, rounded half up: "0.0133". */
    public static String ratio(BigDecimal ratio) {
        return ratio.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** A ratio as a percentage without trailing zeros: 0.40 → "40%", 0.355 → "35.5%". */
    public static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
