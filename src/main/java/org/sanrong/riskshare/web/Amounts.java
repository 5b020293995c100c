package org.sanrong.riskshare.web;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.Fen;

/** Reads money as the risk-sharing API and forms take it: yuan (API) or 万元 (forms), exact, errors by field. */
final class Amounts {

    private static final BigDecimal MAX_YUAN = BigDecimal.valueOf(Fen.MAX, 2);

    private Amounts() {
    }

    /** A yuan amount ("800000.00") to fen; null with the problem recorded when it is not one. */
    static @Nullable Long yuan(Map<String, String> errors, String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, "请填写金额（元）");
            }
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "“" + value.strip() + "”不是金额，请写成元，如 800000.00");
            return null;
        }
        if (v.signum() < 0) {
            errors.put(field, "金额不能为负数");
            return null;
        }
        if (v.stripTrailingZeros().scale() > 2) {
            errors.put(field, "金额最多两位小数（精确到分）");
            return null;
        }
        if (v.compareTo(MAX_YUAN) > 0) {
            errors.put(field, "金额超过1万亿元，请核对单位（元）");
            return null;
        }
        return org.sanrong.platform.Fen.ofYuan(v);
    }

    /** A 万元 amount from a form to fen. */
    static @Nullable Long wan(Map<String, String> errors, String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, "请填写金额（万元）");
            }
            return null;
        }
        try {
            return Fen.fromWan(value, "金额");
        } catch (IllegalArgumentException e) {
            errors.put(field, e.getMessage());
            return null;
        }
    }
}
