package org.sanrong.subsidy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * The values rules see. Every declared variable is always bound: unknown text is "", unknown counts are -1 (ages,
 * headcount) or 0 (amounts), unknown lists are empty and {@code enterprise.known} is false, so a rule on a fact the
 * registry lacks fails rather than erring.
 */
final class RuleFacts {

    private RuleFacts() {
    }

    static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        RuleLanguage.VARIABLES.forEach((name, type) -> m.put(name, neutral(name, type)));
        return m;
    }

    private static Object neutral(String name, CelType type) {
        if (type.equals(SimpleType.STRING)) {
            return "";
        }
        if (type.equals(SimpleType.BOOL)) {
            return false;
        }
        if (type.equals(SimpleType.INT)) {
            return name.endsWith("ageYears") || name.endsWith("headcount") || name.endsWith("loanMonths") ? -1L : 0L;
        }
        return List.of();
    }

    /** Values as JSON gives them, checked against the declared types; a name not declared is refused. */
    static Map<String, Object> coerce(Map<String, @Nullable Object> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            CelType type = RuleLanguage.VARIABLES.get(name);
            if (type == null) {
                errors.put(name, "没有这个变量");
                return;
            }
            if (value == null) {
                return;
            }
            if (type.equals(SimpleType.STRING) && value instanceof String s) {
                out.put(name, s);
            } else if (type.equals(SimpleType.BOOL) && value instanceof Boolean b) {
                out.put(name, b);
            } else if (type.equals(SimpleType.INT) && integer(value) != null) {
                out.put(name, integer(value));
            } else if (type instanceof ListType && value instanceof List<?> list
                    && list.stream().allMatch(String.class::isInstance)) {
                out.put(name, List.copyOf(list));
            } else {
                errors.put(name, "须为" + (type.equals(SimpleType.INT) ? "整数" : type.equals(SimpleType.BOOL)
                        ? "true 或 false" : type instanceof ListType ? "文字列表" : "文字"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return out;
    }

    private static @Nullable Long integer(Object value) {
        try {
            if (value instanceof Number || value instanceof String) {
                return new BigDecimal(String.valueOf(value).strip()).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }
}
