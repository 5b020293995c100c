package org.sanrong.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.InstitutionType;
import org.sanrong.platform.Fen;
import org.sanrong.platform.InvalidRequestException;

/**
 * The supermarket's filters: type, financing kind, institution type, an amount the product must lend (within its
 * range), a term in months it must offer, an annual rate its lowest rate must not exceed; and the order.
 */
public record ProductQuery(@Nullable ProductType type, @Nullable FinancingKind kind,
        @Nullable InstitutionType institutionType, @Nullable Long amountFen, @Nullable Integer termMonths,
        @Nullable BigDecimal maxRate, Sort sort) {

    public enum Sort {
        NEWEST, RATE, AMOUNT
    }

    public static final ProductQuery ALL = new ProductQuery(null, null, null, null, null, null, Sort.NEWEST);

    /** Reads the filters as typed in a page or a query string; every bad one is reported by its parameter. */
    public static ProductQuery parse(@Nullable String type, @Nullable String kind, @Nullable String institutionType,
            @Nullable String amountWan, @Nullable String termMonths, @Nullable String rate, @Nullable String sort) {
        Map<String, String> problems = new LinkedHashMap<>();
        ProductType t = enumOf(ProductType.class, type, "type", "未知的产品类型", problems);
        FinancingKind k = enumOf(FinancingKind.class, kind, "kind", "未知的融资类别", problems);
        InstitutionType it = enumOf(InstitutionType.class, institutionType, "institutionType", "未知的机构类型",
                problems);
        Sort s = enumOf(Sort.class, sort, "sort", "排序方式须为 NEWEST、RATE 或 AMOUNT", problems);
        Long amount = null;
        if (amountWan != null && !amountWan.isBlank()) {
            try {
                amount = Fen.fromWan(amountWan);
            } catch (IllegalArgumentException e) {
                problems.put("amount", e.getMessage());
            }
        }
        Integer term = null;
        if (termMonths != null && !termMonths.isBlank()) {
            try {
                term = Integer.valueOf(termMonths.strip());
                if (term < 1 || term > Terms.MAX_TERM_MONTHS) {
                    problems.put("term", "期限须在 1 至 360 个月之间");
                }
            } catch (NumberFormatException e) {
                problems.put("term", "期限须为整数月份");
            }
        }
        BigDecimal r = null;
        if (rate != null && !rate.isBlank()) {
            try {
                r = new BigDecimal(rate.strip().replace("%", ""));
                if (r.signum() < 0 || r.compareTo(Terms.MAX_RATE) > 0) {
                    problems.put("rate", "年利率须在 0% 至 36% 之间");
                }
            } catch (NumberFormatException e) {
                problems.put("rate", "年利率格式不正确");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ProductQuery(t, k, it, amount, term, r, s == null ? Sort.NEWEST : s);
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String value, String field,
            String message, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put(field, message + "：" + value.strip());
            return null;
        }
    }
}
