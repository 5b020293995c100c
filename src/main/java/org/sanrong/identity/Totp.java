package org.sanrong.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits, as every
 * authenticator app (Google Authenticator, Microsoft Authenticator, 腾讯身份验证器) computes them.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A fresh 160-bit secret, Base32 without padding (how authenticator apps take it). */
    static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return new Base32().encodeToString(key).replace("=", "");
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** RFC 4226 §5.3 dynamic truncation of HMAC(key, counter), {@code digits} long with leading zeros. */
    static String code(byte[] key, long counter, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            int modulo = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String code(String base32Secret, long step) {
        return code(new Base32().decode(base32Secret), step, DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code matches, allowing one step of clock drift either way and never a step at or before
     * {@code lastUsed} (a code works once); -1 when none does.
     */
    static long matchingStep(String base32Secret, String code, Instant now, long lastUsed) {
        String typed = code == null ? "" : code.strip();
        if (!typed.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (s > lastUsed && java.security.MessageDigest.isEqual(code(base32Secret, s).getBytes(),
                    typed.getBytes())) {
                return s;
            }
        }
        return -1;
    }
}
