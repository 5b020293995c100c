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
    /** 1万亿元: a larger amount for one enterprise or one loan is a typing mistake (usually the unit). */
    public static final long MAX = 100_000_000_000_000L;

    private Fen() {
    }

    /**
     * Yuan to fen, exactly: the one conversion every module's yuan amounts go through. Throws ArithmeticException
     * for a fraction of a fen (more than two decimals) or an amount beyond a long; callers word their own message.
     */
    public static long ofYuan(java.math.BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    /**
     * Parses an amount in 万元 ("1234.56", "1,234.56") to fen; at most six decimals (one fen), at most 1万亿元.
     * Throws IllegalArgumentException with a Chinese message when it is not such an amount.
     */
    public static @Nullable Long fromWan(@Nullable String wan) {
        return fromWan(wan, "金额");
    }

    /** As {@link #fromWan(String)}, with the field's label starting the message ("营业收入(万元)不能为负数"). */
    public static @Nullable Long fromWan(@Nullable String wan, String label) {
        if (wan == null || wan.isBlank()) {
            return null;
        }
        String v = wan.strip();
        BigDecimal value;
        try {
            value = new BigDecimal(v.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + "“" + v + "”不是数字");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(label + "不能为负数");
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException(label + "“" + v + "”最多保留6位小数（精确到分）");
        }
        BigDecimal fen = value.movePointRight(6);
        if (fen.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new IllegalArgumentException(label + "“" + v + "”超过1万亿元，请核对单位（万元）");
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

    /** DecimalFormat is not thread-safe and costly to build: one per thread. */
    private static final ThreadLocal<DecimalFormat> GROUPED = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    private static DecimalFormat grouped() {
        return GROUPED.get();
    }
}
