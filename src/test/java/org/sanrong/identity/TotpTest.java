package org.sanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B test vectors, and the window and replay rules the login uses. */
class TotpTest {

    static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238TestVectors() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        for (int i = 0; i < times.length; i++) {
            long step = times[i] / 30;
            assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).as("SHA1 at " + times[i]).isEqualTo(sha1[i]);
            assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).as("SHA256 at " + times[i])
                    .isEqualTo(sha256[i]);
        }
    }

    @Test
    void acceptsOneStepOfDriftAndEachCodeOnce() {
        String secret = new Base32().encodeToString(SHA1_SEED).replace("=", "");
        Instant now = Instant.ofEpochSecond(1111111111L);
        long step = Totp.step(now);
        String current = Totp.code(secret, step);
        assertThat(current).isEqualTo("050471").as("6 digits: the last six of the RFC's 14050471");
        assertThat(Totp.matchingStep(secret, current, now, 0)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, 0)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now, 0)).as("too far ahead").isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, current, now, step)).as("already used").isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "12a456", now, 0)).isEqualTo(-1);
        assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
    }
}
