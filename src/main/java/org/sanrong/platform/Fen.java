package org.sanrong.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Money is kept in integer fen (分). Users type and read 万元 for an enterprise's or a loan's amounts and 亿元 for
 * aggregates, as the policy documents do; these conversions are exact (BigDecimal, never double).
 */
public final class Fen {

    private static final BigDecimal FEN_PER_WAN = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal FEN_PER_YI = BigDecimal.valueOf(10_000_000_000L);
    /** Larger amounts are typing mistakes, not enterprises: 1,000 亿元... times a hundred. */
    public static final long MAX = 10_000_000_000_000_000L;

    private Fen() {
    }

    /**
     * Parses an amount in 万元 ("1234.56", "1,234.56") to fen; at most six decimals (one fen). Throws
     * IllegalArgumentException with a Chinese message when it is not a non-negative amount.
     */
    public static @Nullable Long fromWan(@Nullable String wan) {
        if (wan == null || wan.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(wan.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("金额格式不正确：" + wan.strip());
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("金额不能为负数");
        }
        BigDecimal fen = value.multiply(FEN_PER_WAN);
        if (fen.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("金额最多精确到分（万元后六位小数）");
        }
        if (fen.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new IllegalArgumentException("金额过大，请核对单位（万元）");
        }
        return fen.longValueExact();
    }

    /** Fen as 万元 for a form field: plain digits, no grouping, trailing zeros dropped ("1234.56"). */
    public static String toWanInput(@Nullable Long fen) {
        if (fen == null) {
            return "";
        }
        return BigDecimal.valueOf(fen).divide(FEN_PER_WAN).stripTrailingZeros().toPlainString();
    }

    /** Fen as 万元 for reading, grouped, two decimals: "1,234.56万元". */
    public static String formatWan(@Nullable Long fen) {
        if (fen == null) {
            return "—";
        }
        return grouped().format(BigDecimal.valueOf(fen).divide(FEN_PER_WAN, 2, RoundingMode.HALF_UP)) + "万元";
    }

    /** Fen as 亿元 for aggregates: "12.35亿元". */
    public static String formatYi(@Nullable Long fen) {
        if (fen == null) {
            return "—";
        }
        return grouped().format(BigDecimal.valueOf(fen).divide(FEN_PER_YI, 2, RoundingMode.HALF_UP)) + "亿元";
    }

    private static DecimalFormat grouped() {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
