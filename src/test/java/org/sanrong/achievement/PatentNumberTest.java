package org.sanrong.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The patent-number rule of ZC 0006-2003 as {@link PatentNumber} implements it, on numbers whose check characters
 * were computed by hand (the sums are in the comments), and on the mistakes people make.
 */
class PatentNumberTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # 2·2+0·3+1·4+7·5+1·6+0·7+6·8+0·9+1·2+8·3+6·4+2·5 = 157 = 14·11 + 3
            201710601862.3         | CN201710601862.3 | 2017 | INVENTION     | false
            ZL201710601862.3       | ZL201710601862.3 | 2017 | INVENTION     | true
            zl 2017 1 0601862.3    | ZL201710601862.3 | 2017 | INVENTION     | true
            CN2017106018623        | CN201710601862.3 | 2017 | INVENTION     | false
            # 2·2+0·3+2·4+3·5+1·6+0+0+0+1·2+2·3+3·4+4·5 = 73 = 6·11 + 7
            ZL202310001234.7       | ZL202310001234.7 | 2023 | INVENTION     | true
            # 2·2+2·4+3·5+1·6 + 2·5 = 43 = 3·11 + 10, written X
            ZL202310000002.x       | ZL202310000002.X | 2023 | INVENTION     | true
            # utility model: 2·2+2·4+4·5+2·6 + 5·5 = 69 = 6·11 + 3
            ZL202420000005.3       | ZL202420000005.3 | 2024 | UTILITY_MODEL | true
            # before October 2003, 8 digits: 9·2+5·3+1·4+1·5+5·6+6·7+0·8+8·9 = 186 = 16·11 + 10
            ZL95115608.X           | ZL95115608.X     | 1995 | INVENTION     | true
            ＺＬ２０１７１０６０１８６２．３ | ZL201710601862.3 | 2017 | INVENTION     | true
            """)
    void readsValidNumbers(String input, String canonical, int year, PatentNumber.Type type, boolean granted) {
        PatentNumber n = PatentNumber.parse(input);
        assertThat(n.value()).isEqualTo(canonical);
        assertThat(n.year()).isEqualTo(year);
        assertThat(n.type()).isEqualTo(type);
        assertThat(n.granted()).isEqualTo(granted);
        assertThat(n.applicationNumber()).isEqualTo(canonical.substring(2));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ZL202310001234.8  | CHECK_CHARACTER | 应为 7
            ZL95115608.1      | CHECK_CHARACTER | 应为 X
            ZL2023100012      | FORMAT          | 12位数字
            CN115123456A      | FORMAT          | 12位数字
            ZL20231000123.7   | FORMAT          | 12位数字
            ZL-202310001234.7 | FORMAT          | 12位数字
            ''                | FORMAT          | 12位数字
            ZL199810001234.5  | YEAR            | 始于2003年
            ZL04115608.X      | YEAR            | 1985至2003年
            ZL202340001234.1  | TYPE            | 第5位是专利类型
            ZL95415608.X      | TYPE            | 第3位是专利类型
            """)
    void refusesMalformedNumbersNamingTheRule(String input, PatentNumber.Rule rule, String message) {
        var violation = PatentNumber.check(input);
        assertThat(violation).isPresent();
        assertThat(violation.get().rule()).isEqualTo(rule);
        assertThat(violation.get().message()).contains(message);
        assertThatThrownBy(() -> PatentNumber.parse(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(violation.get().message());
    }

    @Test
    void aYearAfterThisOneIsATypingMistake() {
        // 2·2+0·3+2·4+8·5+1·6 + 1·5 = 63 = 5·11 + 8
        PatentNumber future = PatentNumber.parse("ZL202810000001.8");
        assertThat(future.checkYear(2026)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo(PatentNumber.Rule.YEAR);
            assertThat(v.message()).contains("2028");
        });
        assertThat(future.checkYear(2028)).isEmpty();
    }

    @Test
    void everyWrongCheckCharacterIsCaught() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 500; i++) {
            String digits = (2003 + r.nextInt(23)) + "" + "12389".charAt(r.nextInt(5))
                    + String.format("%07d", r.nextInt(10_000_000));
            char right = PatentNumber.checkCharacter(digits);
            assertThat(PatentNumber.check("ZL" + digits + "." + right)).isEmpty();
            for (char c : "0123456789X".toCharArray()) {
                if (c != right) {
                    assertThat(PatentNumber.check("ZL" + digits + "." + c)).get()
                            .extracting(PatentNumber.Violation::rule).isEqualTo(PatentNumber.Rule.CHECK_CHARACTER);
                }
            }
            // a single mistyped digit changes the sum by (d' - d)·w with w in 2..9, never a multiple of 11
            int at = r.nextInt(12);
            char typo = (char) ('0' + (digits.charAt(at) - '0' + 1 + r.nextInt(9)) % 10);
            String mistyped = digits.substring(0, at) + typo + digits.substring(at + 1);
            assertThat(PatentNumber.checkCharacter(mistyped)).as(digits + " → " + mistyped).isNotEqualTo(right);
        }
    }
}
