package org.sanrong.identity;

import java.util.Optional;

/** At least 8 characters with at least 3 of: upper-case, lower-case, digit, symbol. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;
    public static final String RULE_MESSAGE = "密码至少8位，且须包含大写字母、小写字母、数字、符号中的至少三类";

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(RULE_MESSAGE);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("密码不能超过" + MAX_LENGTH + "位");
        }
        boolean upper = false, lower = false, digit = false, symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= 'a' && c <= 'z') lower = true;
            else if (c >= '0' && c <= '9') digit = true;
            else if (!Character.isWhitespace(c)) symbol = true;
        }
        int classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        return classes >= 3 ? Optional.empty() : Optional.of(RULE_MESSAGE);
    }
}
