package org.sanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanrong.reference.UnifiedSocialCreditCode.Rule;

class UnifiedSocialCreditCodeTest {

    /** Published codes of well-known companies: they pin the weight table to the standard. */
    @Test
    void acceptsPublishedCodes() {
        assertThat(UnifiedSocialCreditCode.check("914403001922038216")).isEmpty(); // 华为技术有限公司
        assertThat(UnifiedSocialCreditCode.check("9144030071526726XG")).isEmpty(); // 深圳市腾讯计算机系统有限公司
    }

    @Test
    void namesTheLengthRule() {
        var v = UnifiedSocialCreditCode.check("91441900MA4W7K3L").orElseThrow();
        assertThat(v.rule()).isEqualTo(Rule.LENGTH);
        assertThat(v.message()).contains("18位").contains("16位");
    }

    @Test
    void namesTheIllegalCharacterAndItsPosition() {
        var v = UnifiedSocialCreditCode.check("91441900MI4W7K3L0X").orElseThrow();
        assertThat(v.rule()).isEqualTo(Rule.ILLEGAL_CHARACTER);
        assertThat(v.position()).isEqualTo(10);
        assertThat(v.message()).contains("第10位").contains("I");
    }

    @Test
    void namesTheCheckCharacterRule() {
        var v = UnifiedSocialCreditCode.check("914403001922038217").orElseThrow();
        assertThat(v.rule()).isEqualTo(Rule.CHECK_CHARACTER);
        assertThat(v.message()).contains("校验位");
    }

    @Test
    void parseNormalisesBlanksAndCase() {
        assertThat(UnifiedSocialCreditCode.parse(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }

    @Test
    void cannotBuildAnInvalidCode() {
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("914403001922038217"))
                .isInstanceOf(UnifiedSocialCreditCode.InvalidCreditCodeException.class);
    }

    /**
     * Property against a plain reference (the formula of GB 32100-2015 written out with a lookup table): random
     * codes completed by the production code validate, and every single-character substitution is caught.
     */
    @Test
    void checkCharacterAgreesWithReferenceAndCatchesEverySubstitution() {
        Random random = new Random(20261125);
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        for (int n = 0; n < 2_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                b.append(alphabet.charAt(random.nextInt(31)));
            }
            String first17 = b.toString();
            char check = UnifiedSocialCreditCode.checkCharacter(first17);
            assertThat(check).isEqualTo(reference(first17));
            String code = first17 + check;
            assertThat(UnifiedSocialCreditCode.check(code)).isEmpty();
            int pos = random.nextInt(18);
            char other = alphabet.charAt((alphabet.indexOf(code.charAt(pos)) + 1 + random.nextInt(30)) % 31);
            String changed = code.substring(0, pos) + other + code.substring(pos + 1);
            assertThat(UnifiedSocialCreditCode.check(changed)).get().extracting(UnifiedSocialCreditCode.Violation::rule)
                    .isEqualTo(Rule.CHECK_CHARACTER);
        }
    }

    private static char reference(String first17) {
        int[] w = new int[17];
        int p = 1;
        for (int i = 0; i < 17; i++) {
            w[i] = p;
            p = p * 3 % 31; // the standard's weights are 3^(i) mod 31
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += UnifiedSocialCreditCode.ALPHABET.indexOf(first17.charAt(i)) * w[i];
        }
        int c = 31 - sum % 31;
        return UnifiedSocialCreditCode.ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
