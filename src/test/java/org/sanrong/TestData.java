package org.sanrong;

import java.util.concurrent.ThreadLocalRandom;
import org.sanrong.reference.UnifiedSocialCreditCode;

/** Fresh, valid test values in the domain's formats. */
public final class TestData {

    public static final String DEMO_PASSWORD = "Sanrong#2026";

    private TestData() {
    }

    /** A valid, random unified social credit code of a Dongguan company (91 441900 ...). */
    public static String creditCode() {
        StringBuilder b = new StringBuilder("91441900");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(UnifiedSocialCreditCode.ALPHABET.charAt(r.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
        }
        return b.append(UnifiedSocialCreditCode.checkCharacter(b.toString())).toString();
    }

    /** A valid code with its check character replaced by a wrong one. */
    public static String creditCodeWithWrongCheck() {
        String good = creditCode();
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        return good.substring(0, 17) + wrong;
    }

    public static String username(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
