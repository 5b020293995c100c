package org.sanrong.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (密评 GB/T 39786 confidentiality of important data; 等保 8.1.4.8): phones, e-mails, ID-card
 * numbers and personal names are stored as {@code sm4:<key version>:<base64(12-byte random IV | SM4-GCM ciphertext
 * | 16-byte tag)>}. SM4-GCM (GB/T 32907 block cipher in the GCM mode of GB/T 17964) both hides and authenticates, so
 * a changed byte fails to open rather than decrypting to something else. Equality lookups use {@link #blindIndex}, a
 * keyed HMAC-SM3 of the normalised value, never the plaintext.
 *
 * <p>Keys come, first found, from the environment variable {@code SANRONG_DATA_KEYS} (the key ring's text), the
 * file {@code sanrong.security.data-key-file}, or — the embedded demo only — {@code <data-dir>/keys/personal-data.keys},
 * generated on first start. An external database without a key refuses to start. See {@link PersonalDataKeyRing}.
 */
@Component("personalDataCipher")
public class PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
    static final String PREFIX = "sm4:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile PersonalDataKeyRing keys;
    private final @Nullable Path file;

    @org.springframework.beans.factory.annotation.Autowired
    PersonalDataCipher(SanrongProperties properties, DatabaseMode mode,
            @Value("${SANRONG_DATA_KEYS:}") String fromEnvironment,
            @Value("${sanrong.security.data-key-file:}") String keyFile) {
        if (!fromEnvironment.isBlank()) {
            this.file = null;
            this.keys = PersonalDataKeyRing.parse(fromEnvironment);
        } else if (!keyFile.isBlank()) {
            this.file = Path.of(keyFile);
            this.keys = PersonalDataKeyRing.read(file);
        } else if (mode.embedded()) {
            this.file = properties.dataDir().toAbsolutePath().resolve("keys").resolve("personal-data.keys");
            if (Files.exists(file)) {
                this.keys = PersonalDataKeyRing.read(file);
            } else {
                this.keys = PersonalDataKeyRing.generate();
                keys.write(file);
                log.info("Generated the personal-data key file {} (SM4; keep it with the data folder)", file);
            }
        } else {
            throw new IllegalStateException("No personal-data key: set SANRONG_DATA_KEYS or "
                    + "sanrong.security.data-key-file (docs/security.md, 'Personal data at rest')");
        }
    }

    /** For tests and tools: a cipher over a given key file. */
    PersonalDataCipher(Path file) {
        this.file = file;
        this.keys = PersonalDataKeyRing.read(file);
    }

    /** Encrypted under the current key; null stays null. */
    public @Nullable String encrypt(@Nullable String plain) {
        if (plain == null) {
            return null;
        }
        PersonalDataKeyRing ring = keys;
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] in = plain.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = gcm(true, ring.dataKey(ring.current()), iv);
        byte[] out = new byte[12 + gcm.getOutputSize(in.length)];
        System.arraycopy(iv, 0, out, 0, 12);
        int n = gcm.processBytes(in, 0, in.length, out, 12);
        try {
            gcm.doFinal(out, 12 + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return PREFIX + ring.current() + ":" + Base64.getEncoder().encodeToString(out);
    }

    /**
     * The plaintext of a stored value. A value without the {@code sm4:} prefix was written before encryption and is
     * answered as it is (the start-up sealing encrypts such values); a value under an unknown key or changed since
     * it was written fails loudly.
     */
    public @Nullable String decrypt(@Nullable String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        int version = Integer.parseInt(stored.substring(PREFIX.length(), colon));
        byte[] key = keys.dataKey(version);
        if (key == null && file != null && Files.exists(file)) {
            // rotated by './sanrong keys rotate' while this process kept running on an external database
            synchronized (this) {
                keys = PersonalDataKeyRing.read(file);
            }
            key = keys.dataKey(version);
        }
        if (key == null) {
            throw new IllegalStateException("personal data under key version " + version + ", which the key ring "
                    + "does not hold");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
        byte[] iv = java.util.Arrays.copyOf(all, 12);
        GCMModeCipher gcm = gcm(false, key, iv);
        byte[] out = new byte[gcm.getOutputSize(all.length - 12)];
        int n = gcm.processBytes(all, 12, all.length - 12, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("personal data failed its SM4-GCM check (changed or wrong key)", e);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * The blind index of a value for equality lookups: HMAC-SM3 under the index key of the value stripped and
     * lower-cased (so 'A@x.cn ' and 'a@x.cn' meet), 64 hex characters; null stays null.
     */
    public @Nullable String blindIndex(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(keys.indexKey()));
        byte[] in = value.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** Whether a stored value is already under the current key (a rotation's remaining work is the rest). */
    public boolean isCurrent(@Nullable String stored) {
        return stored == null || stored.startsWith(PREFIX + keys.current() + ":");
    }

    int currentVersion() {
        return keys.current();
    }

    java.util.Set<Integer> versions() {
        return keys.dataKeys().keySet();
    }

    /** Adds a new current key and saves the ring; the old keys keep reading until {@link #retireOldKeys}. */
    synchronized int rotate() {
        PersonalDataKeyRing next = keys.rotated();
        save(next);
        return next.current();
    }

    /** Drops the keys older than the current one, once no value uses them. */
    synchronized void retireOldKeys() {
        save(keys.retired());
    }

    private void save(PersonalDataKeyRing next) {
        if (file == null) {
            throw new IllegalStateException("the keys come from SANRONG_DATA_KEYS: rotate them there");
        }
        next.write(file);
        keys = next;
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] iv) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, iv));
        return gcm;
    }
}
