package org.sanrong.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The personal-data keys: numbered SM4-128 data keys (the highest-numbered {@code current} one encrypts, every one
 * listed still decrypts, so a rotation can re-encrypt while old values keep reading) and one HMAC-SM3 key for the
 * blind indexes. Text form, one {@code name=hex} per line (or separated by {@code ;} in an environment variable):
 * {@code index=<64 hex>}, {@code 1=<32 hex>}, {@code 2=...}, {@code current=2}.
 */
record PersonalDataKeyRing(byte[] indexKey, Map<Integer, byte[]> dataKeys, int current) {

    private static final SecureRandom RANDOM = new SecureRandom();

    PersonalDataKeyRing {
        if (indexKey.length != 32) {
            throw new IllegalStateException("personal-data key ring: index key must be 32 bytes (64 hex)");
        }
        if (!dataKeys.containsKey(current)) {
            throw new IllegalStateException("personal-data key ring: no data key " + current + " (current)");
        }
        for (Map.Entry<Integer, byte[]> k : dataKeys.entrySet()) {
            if (k.getValue().length != 16) {
                throw new IllegalStateException("personal-data key ring: SM4 key " + k.getKey() + " must be 16 bytes");
            }
        }
        dataKeys = Map.copyOf(dataKeys);
    }

    static PersonalDataKeyRing generate() {
        return new PersonalDataKeyRing(random(32), Map.of(1, random(16)), 1);
    }

    /** A new current key one above the highest; the old ones stay for reading. */
    PersonalDataKeyRing rotated() {
        int next = dataKeys.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, byte[]> keys = new TreeMap<>(dataKeys);
        keys.put(next, random(16));
        return new PersonalDataKeyRing(indexKey, keys, next);
    }

    /** Without the keys older than the current one: after every value has been re-encrypted. */
    PersonalDataKeyRing retired() {
        return new PersonalDataKeyRing(indexKey, Map.of(current, dataKeys.get(current)), current);
    }

    @Nullable
    byte[] dataKey(int version) {
        return dataKeys.get(version);
    }

    static PersonalDataKeyRing parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text.replace(';', '\n')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String index = p.getProperty("index");
        String current = p.getProperty("current");
        if (index == null || current == null) {
            throw new IllegalStateException("personal-data key ring needs 'index=' and 'current=' lines");
        }
        Map<Integer, byte[]> keys = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.chars().allMatch(Character::isDigit)) {
                keys.put(Integer.parseInt(name), HexFormat.of().parseHex(p.getProperty(name).strip()));
            }
        }
        return new PersonalDataKeyRing(HexFormat.of().parseHex(index.strip()), keys,
                Integer.parseInt(current.strip()));
    }

    String format() {
        StringBuilder s = new StringBuilder("# Sanrong personal-data keys (SM4-128 data keys, HMAC-SM3 index key).\n"
                + "# Keep this file outside the repository and out of backups of the database; losing it loses the data.\n");
        s.append("index=").append(HexFormat.of().formatHex(indexKey)).append('\n');
        new TreeMap<>(dataKeys).forEach((v, k) -> s.append(v).append('=').append(HexFormat.of().formatHex(k))
                .append('\n'));
        s.append("current=").append(current).append('\n');
        return s.toString();
    }

    static PersonalDataKeyRing read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the personal-data key file " + file, e);
        }
    }

    /** Written beside, then moved over the old file, readable by the owner only. */
    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(tmp, format(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the personal-data key file " + file, e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return "PersonalDataKeyRing[versions=" + dataKeys.keySet() + ", current=" + current + "]";
    }
}
