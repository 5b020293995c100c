package org.sanrong.reference;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@link #ALPHABET}, the last a check character over the
 * first 17. An instance is always valid; {@link #check(String)} says which rule a string breaks.
 */
public record UnifiedSocialCreditCode(String value) {

    /** The code's alphabet: digits and upper-case letters without I, O, Z, S, V. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final int LENGTH = 18;

    public UnifiedSocialCreditCode {
        Optional<Violation> violation = check(value);
        if (violation.isPresent()) {
            throw new InvalidCreditCodeException(violation.get());
        }
    }

    /** Parses user input: surrounding blanks are dropped and letters upper-cased before the rules apply. */
    public static UnifiedSocialCreditCode parse(String input) {
        return new UnifiedSocialCreditCode(normalise(input));
    }

    public static String normalise(String input) {
        return input.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The first rule the (already normalised) string breaks, if any. */
    public static Optional<Violation> check(String code) {
        if (code.length() != LENGTH) {
            return Optional.of(new Violation(Rule.LENGTH, code.length(), 0, ""));
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(new Violation(Rule.ILLEGAL_CHARACTER, code.length(), i + 1,
                        String.valueOf(code.charAt(i))));
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return Optional.of(new Violation(Rule.CHECK_CHARACTER, LENGTH, LENGTH, String.valueOf(code.charAt(17))));
        }
        return Optional.empty();
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("illegal character at " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Position 3-8: the administrative division where the entity was registered (e.g. 441900 for Dongguan). */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }

    public enum Rule {
        LENGTH, ILLEGAL_CHARACTER, CHECK_CHARACTER
    }

    /** A broken rule, with what the user needs to find the mistake. */
    public record Violation(Rule rule, int length, int position, String character) {

        /** The message users see, in Chinese. */
        public String message() {
            return switch (rule) {
                case LENGTH -> "统一社会信用代码应为18位，当前为" + length + "位";
                case ILLEGAL_CHARACTER -> "统一社会信用代码第" + position + "位字符“" + character
                        + "”不合法（只能是数字或除 I、O、Z、S、V 以外的大写字母）";
                case CHECK_CHARACTER -> "统一社会信用代码校验位（第18位）不正确，请核对是否输错";
            };
        }
    }

    public static class InvalidCreditCodeException extends IllegalArgumentException {
        private final Violation violation;

        InvalidCreditCodeException(Violation violation) {
            super(violation.message());
            this.violation = violation;
        }

        public Violation violation() {
            return violation;
        }
    }
}
