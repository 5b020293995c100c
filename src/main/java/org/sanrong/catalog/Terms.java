package org.sanrong.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * A product's terms. Which ones a product must state depends on its kind: loans, bonds and leases an amount range,
 * a term range in months and an annual rate range; equity a ticket size (the amount range) and a stake range;
 * guarantees an amount, a term and a fee rate; insurance a premium and the cover. Money in fen, rates and stakes
 * as exact percentages (at most four decimals). Checked when built: no negative amounts, no inverted range, rates
 * within 0-36% a year, terms within 1-360 months.
 */
public record Terms(@Nullable Long minAmountFen, @Nullable Long maxAmountFen, @Nullable Integer minTermMonths,
        @Nullable Integer maxTermMonths, @Nullable BigDecimal minRate, @Nullable BigDecimal maxRate,
        @Nullable BigDecimal minStake, @Nullable BigDecimal maxStake, @Nullable BigDecimal feeRate,
        @Nullable Long premiumFen, @Nullable Long coverFen) {

    public static final BigDecimal MAX_RATE = BigDecimal.valueOf(36);
    public static final int MAX_TERM_MONTHS = 360;
    public static final Terms NONE = new Terms(null, null, null, null, null, null, null, null, null, null, null);

    public Terms {
        Map<String, String> problems = new LinkedHashMap<>();
        amount(problems, "minAmountFen", minAmountFen);
        amount(problems, "maxAmountFen", maxAmountFen);
        amount(problems, "premiumFen", premiumFen);
        amount(problems, "coverFen", coverFen);
        if (minAmountFen != null && maxAmountFen != null && minAmountFen > maxAmountFen) {
            problems.putIfAbsent("maxAmountFen", "最高金额不能低于最低金额");
        }
        term(problems, "minTermMonths", minTermMonths);
        term(problems, "maxTermMonths", maxTermMonths);
        if (minTermMonths != null && maxTermMonths != null && minTermMonths > maxTermMonths) {
            problems.putIfAbsent("maxTermMonths", "最长期限不能短于最短期限");
        }
        percent(problems, "minRate", minRate, MAX_RATE, "年利率须在 0% 至 36% 之间");
        percent(problems, "maxRate", maxRate, MAX_RATE, "年利率须在 0% 至 36% 之间");
        if (minRate != null && maxRate != null && minRate.compareTo(maxRate) > 0) {
            problems.putIfAbsent("maxRate", "最高利率不能低于最低利率");
        }
        percent(problems, "minStake", minStake, BigDecimal.valueOf(100), "持股比例须在 0% 至 100% 之间");
        percent(problems, "maxStake", maxStake, BigDecimal.valueOf(100), "持股比例须在 0% 至 100% 之间");
        if (minStake != null && maxStake != null && minStake.compareTo(maxStake) > 0) {
            problems.putIfAbsent("maxStake", "最高持股比例不能低于最低持股比例");
        }
        percent(problems, "feeRate", feeRate, MAX_RATE, "费率须在 0% 至 36% 之间");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        minRate = strip(minRate);
        maxRate = strip(maxRate);
        minStake = strip(minStake);
        maxStake = strip(maxStake);
        feeRate = strip(feeRate);
    }

    /** What a product of this type must still state before it may be published, by field. */
    public Map<String, String> missingFor(ProductType type) {
        Map<String, String> missing = new LinkedHashMap<>();
        switch (type.kind()) {
            case DEBT, LEASING -> {
                need(missing, "maxAmountFen", maxAmountFen, "请填写最高额度");
                need(missing, "minTermMonths", minTermMonths, "请填写最短期限");
                need(missing, "maxTermMonths", maxTermMonths, "请填写最长期限");
                need(missing, "minRate", minRate, "请填写最低年利率");
                need(missing, "maxRate", maxRate, "请填写最高年利率");
            }
            case EQUITY -> {
                need(missing, "minAmountFen", minAmountFen, "请填写单笔最低投资额");
                need(missing, "maxAmountFen", maxAmountFen, "请填写单笔最高投资额");
                need(missing, "minStake", minStake, "请填写最低持股比例");
                need(missing, "maxStake", maxStake, "请填写最高持股比例");
            }
            case GUARANTEE -> {
                need(missing, "maxAmountFen", maxAmountFen, "请填写最高担保额度");
                need(missing, "maxTermMonths", maxTermMonths, "请填写最长担保期限");
                need(missing, "feeRate", feeRate, "请填写担保费率");
            }
            case INSURANCE -> {
                need(missing, "premiumFen", premiumFen, "请填写保费");
                need(missing, "coverFen", coverFen, "请填写保险金额（保障额度）");
            }
        }
        return missing;
    }

    private static void need(Map<String, String> missing, String field, @Nullable Object value, String message) {
        if (value == null) {
            missing.put(field, message);
        }
    }

    private static void amount(Map<String, String> problems, String field, @Nullable Long fen) {
        if (fen != null && fen < 0) {
            problems.put(field, "金额不能为负数");
        }
    }

    private static void term(Map<String, String> problems, String field, @Nullable Integer months) {
        if (months != null && (months < 1 || months > MAX_TERM_MONTHS)) {
            problems.put(field, "期限须在 1 至 360 个月之间");
        }
    }

    private static void percent(Map<String, String> problems, String field, @Nullable BigDecimal value,
            BigDecimal max, String message) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            problems.put(field, message);
        } else if (value.stripTrailingZeros().scale() > 4) {
            problems.put(field, "百分比最多保留四位小数");
        }
    }

    private static @Nullable BigDecimal strip(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
