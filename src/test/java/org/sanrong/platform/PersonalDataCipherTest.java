package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM4 at rest (密评 GB/T 39786): the algorithm, random IVs, tamper detection, blind index and key rotation. */
class PersonalDataCipherTest {

    @TempDir
    Path dir;

    private PersonalDataCipher cipher() {
        Path file = dir.resolve("personal-data.keys");
        if (!Files.exists(file)) {
            PersonalDataKeyRing.generate().write(file);
        }
        return new PersonalDataCipher(file);
    }

    @Test
    void theBlockCipherIsSm4AsGbT32907DefinesIt() {
        // GB/T 32907-2016 Appendix A, example 1: key = plaintext = 0123456789abcdeffedcba9876543210
        byte[] key = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        sm4.processBlock(key, 0, out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void encryptsWithARandomIvAndReadsBack() {
        PersonalDataCipher c = cipher();
        String a = c.encrypt("13812345678");
        String b = c.encrypt("13812345678");
        assertThat(a).startsWith("sm4:1:").doesNotContain("13812345678").isNotEqualTo(b);
        // 12-byte IV + 11 bytes of text + 16-byte GCM tag
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(12 + 11 + 16);
        assertThat(c.decrypt(a)).isEqualTo("13812345678");
        assertThat(c.decrypt(c.encrypt("欧阳小明"))).isEqualTo("欧阳小明");
        assertThat(c.encrypt(null)).isNull();
        assertThat(c.decrypt("written before encryption")).isEqualTo("written before encryption");
    }

    @Test
    void aChangedCiphertextFailsInsteadOfDecryptingToSomethingElse() {
        PersonalDataCipher c = cipher();
        byte[] raw = Base64.getDecoder().decode(c.encrypt("13812345678").substring(6));
        raw[15] ^= 1;
        assertThatThrownBy(() -> c.decrypt("sm4:1:" + Base64.getEncoder().encodeToString(raw)))
                .hasMessageContaining("SM4-GCM");
    }

    @Test
    void theBlindIndexMatchesEqualValuesOnlyAndNeedsTheKey() {
        PersonalDataCipher c = cipher();
        assertThat(c.blindIndex(" Alice@X.cn ")).isEqualTo(c.blindIndex("alice@x.cn")).hasSize(64);
        assertThat(c.blindIndex("13812345678")).isNotEqualTo(c.blindIndex("13812345679"));
        Path other = dir.resolve("other.keys");
        PersonalDataKeyRing.generate().write(other);
        assertThat(new PersonalDataCipher(other).blindIndex("13812345678")).isNotEqualTo(c.blindIndex("13812345678"));
    }

    @Test
    void rotationKeepsOldValuesReadableUntilTheOldKeyIsRetired() throws Exception {
        PersonalDataCipher c = cipher();
        String old = c.encrypt("张三");
        String index = c.blindIndex("13812345678");
        assertThat(c.rotate()).isEqualTo(2);
        String fresh = c.encrypt("张三");
        assertThat(fresh).startsWith("sm4:2:");
        assertThat(c.isCurrent(fresh)).isTrue();
        assertThat(c.isCurrent(old)).isFalse();
        assertThat(c.decrypt(old)).isEqualTo("张三");
        assertThat(c.blindIndex("13812345678")).as("the index key does not rotate").isEqualTo(index);
        // the ring was saved: another process reading the file sees both keys, the new one current
        PersonalDataCipher reread = new PersonalDataCipher(dir.resolve("personal-data.keys"));
        assertThat(reread.decrypt(old)).isEqualTo("张三");
        assertThat(reread.currentVersion()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("personal-data.keys"))).contains("\n1=").contains("\n2=")
                .contains("current=2");
        c.retireOldKeys();
        assertThat(c.decrypt(fresh)).isEqualTo("张三");
        assertThatThrownBy(() -> c.decrypt(old)).hasMessageContaining("version 1");
    }
}
