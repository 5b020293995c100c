package org.sanrong.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a person typed into a form (money in 万元, whole numbers, percentages, dates) and keeps a Chinese
 * message per field that could not be read, so the form comes back with every problem next to its field instead
 * of failing the binding. Blank means "not given" (null).
 */
public final class FormInput {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public @Nullable Long wan(String field, @Nullable String value) {
        try {
            return Fen.fromWan(value);
        } catch (IllegalArgumentException e) {
            errors.put(field, e.getMessage());
            return null;
        }
    }

    public @Nullable Integer integer(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "请填写整数");
            return null;
        }
    }

    /** A percentage as an exact decimal ("3.85" or "3.85%"). */
    public @Nullable BigDecimal percent(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace("%", "").strip());
        } catch (NumberFormatException e) {
            errors.put(field, "请填写百分比数字，例如 3.85");
            return null;
        }
    }

    public @Nullable LocalDate date(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "日期格式应为 年-月-日，例如 2026-01-31");
            return null;
        }
    }

    /** A problem found outside this reader, kept with the others. */
    public void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
