package org.sanrong.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** A login name: 3 to 32 letters, digits, '_', '.' or '-', compared without case. */
public record Username(String value) {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
    public static final String RULE_MESSAGE = "用户名须为3至32位字母、数字、下划线、点或连字符";

    public Username {
        if (value == null || !RULE.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE_MESSAGE);
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String value) {
        return value != null && RULE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
