package org.sanrong.achievement;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese patent application number (专利申请号) per the CNIPA standard ZC 0006-2003, optionally written as a granted
 * patent number (专利号, "ZL" + the application number) or with the "CN" country prefix. An instance is always valid;
 * {@link #check} names the first rule a string breaks.
 *
 * <p>Two generations of numbers:
 * <ul>
 * <li>from 1 October 2003: 12 digits and a check character, {@code YYYY T NNNNNNN . C} — the application year, the
 * type (1 invention 发明, 2 utility model 实用新型, 3 design 外观设计, 8 PCT invention and 9 PCT utility model entering
 * the Chinese national phase), a 7-digit serial number, then the check character;</li>
 * <li>before: 8 digits and a check character, {@code YY T NNNNN . C}, two-digit years 85 to 03.</li>
 * </ul>
 * The check character is Σ dᵢ·wᵢ mod 11 over the digits before it, with weights 2, 3, 4, 5, 6, 7, 8, 9 repeating
 * (so 2…9, 2…5 for 12 digits); a remainder of 10 is written X. Example: 2017 1 0601862 gives
 * (2·2+0·3+1·4+7·5+1·6+0·7+6·8+0·9+1·2+8·3+6·4+2·5) mod 11 = 157 mod 11 = 3, so 201710601862.3.
 *
 * <p>Input is read leniently before the rules apply: blanks anywhere are dropped, full-width characters folded
 * (NFKC), letters upper-cased, and the dot before the check character may be left out. Whether the year lies in the
 * future depends on today, so that rule is {@link #checkYear}'s, not the constructor's.
 *
 * @param value canonical text: prefix ({@code ZL} or {@code CN}), digits, '.', check character, e.g.
 *     {@code ZL202310001234.7}
 */
public record PatentNumber(String value) {

    /** The year the 12-digit numbers began (1 October 2003); earlier applications carry 8 digits. */
    public static final int FIRST_LONG_YEAR = 2003;
    private static final Pattern SHAPE = Pattern.compile("(ZL|CN)?(\\d{8}|\\d{12})\\.?([0-9X])");
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    /** The kinds of application the type digit names. */
    public enum Type {
        INVENTION('1', "发明"), UTILITY_MODEL('2', "实用新型"), DESIGN('3', "外观设计"),
        PCT_INVENTION('8', "PCT发明"), PCT_UTILITY_MODEL('9', "PCT实用新型");

        private final char digit;
        private final String label;

        Type(char digit, String label) {
            this.digit = digit;
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Optional<Type> of(char digit) {
            for (Type t : values()) {
                if (t.digit == digit) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    public enum Rule {
        FORMAT, YEAR, TYPE, CHECK_CHARACTER
    }

    /** A broken rule and the message users see, in Chinese. */
    public record Violation(Rule rule, String message) {
    }

    public PatentNumber {
        Optional<Violation> v = check(value);
        if (v.isPresent()) {
            throw new IllegalArgumentException(v.get().message());
        }
        value = canonical(value);
    }

    /** Reads user input ("ZL 2023 1 0001234.7", "cn２０２３１０００１２３４７"); throws with the broken rule's message. */
    public static PatentNumber parse(String input) {
        return new PatentNumber(input);
    }

    /** The first rule the input breaks, if any. */
    public static Optional<Violation> check(String input) {
        String s = normalise(input);
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) {
            return Optional.of(new Violation(Rule.FORMAT, "专利号格式不正确：应为 ZL 或 CN 加12位数字、小数点和1位校验位，"
                    + "如 ZL202310001234.7（2003年10月以前的申请为8位数字，如 ZL95115608.X）"));
        }
        String digits = m.group(2);
        boolean isLong = digits.length() == 12;
        int year = isLong ? Integer.parseInt(digits.substring(0, 4)) : twoDigitYear(digits.substring(0, 2));
        if (isLong ? year < FIRST_LONG_YEAR : year < 1985 || year > FIRST_LONG_YEAR) {
            return Optional.of(new Violation(Rule.YEAR, isLong
                    ? "专利申请号前4位是申请年份，12位的申请号始于2003年，当前为" + digits.substring(0, 4)
                    : "8位专利申请号的前2位是1985至2003年的申请年份，当前为" + digits.substring(0, 2)));
        }
        char type = digits.charAt(isLong ? 4 : 2);
        if (Type.of(type).isEmpty()) {
            return Optional.of(new Violation(Rule.TYPE, "专利申请号第" + (isLong ? 5 : 3) + "位是专利类型，应为1（发明）、"
                    + "2（实用新型）、3（外观设计）、8或9（PCT进入中国），当前为" + type));
        }
        char expected = checkCharacter(digits);
        char given = m.group(3).charAt(0);
        if (given != expected) {
            return Optional.of(new Violation(Rule.CHECK_CHARACTER, "专利号校验位不符：按前" + digits.length()
                    + "位数字计算应为 " + expected + "，填写的是 " + given + "，请核对号码是否输错"));
        }
        return Optional.empty();
    }

    /** The check character over 8 or 12 digits: Σ digit × weight mod 11, 10 written as X. */
    public static char checkCharacter(String digits) {
        if (digits.length() != 8 && digits.length() != 12) {
            throw new IllegalArgumentException("need 8 or 12 digits, got " + digits.length());
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + (i + 1));
            }
            sum += (c - '0') * WEIGHTS[i % WEIGHTS.length];
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }

    /** A year after {@code currentYear} is a typing mistake: nothing can have been filed yet. */
    public Optional<Violation> checkYear(int currentYear) {
        return year() > currentYear ? Optional.of(new Violation(Rule.YEAR, "专利申请年份 " + year() + " 晚于今年"))
                : Optional.empty();
    }

    /** The application number alone, digits '.' check character: {@code 202310001234.7}. */
    public String applicationNumber() {
        return value.substring(2);
    }

    /** Written as a granted patent's number (ZL…): only granted patents can be pledged or licensed as such. */
    public boolean granted() {
        return value.startsWith("ZL");
    }

    public int year() {
        String digits = digits();
        return digits.length() == 12 ? Integer.parseInt(digits.substring(0, 4)) : twoDigitYear(digits.substring(0, 2));
    }

    public Type type() {
        String digits = digits();
        return Type.of(digits.charAt(digits.length() == 12 ? 4 : 2)).orElseThrow();
    }

    private String digits() {
        return applicationNumber().substring(0, applicationNumber().indexOf('.'));
    }

    @Override
    public String toString() {
        return value;
    }

    private static int twoDigitYear(String yy) {
        int y = Integer.parseInt(yy);
        return y >= 85 ? 1900 + y : 2000 + y;
    }

    static String normalise(String input) {
        String s = Normalizer.normalize(input == null ? "" : input, Normalizer.Form.NFKC);
        return s.replaceAll("[\\s\\u3000]+", "").replace('。', '.').toUpperCase(Locale.ROOT);
    }

    private static String canonical(String input) {
        Matcher m = SHAPE.matcher(normalise(input));
        if (!m.matches()) {
            throw new IllegalStateException("checked above");
        }
        String prefix = m.group(1) == null ? "CN" : m.group(1);
        return prefix + m.group(2) + "." + m.group(3);
    }
}
