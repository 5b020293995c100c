package org.sanrong.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A file someone uploaded as a document (evidence, a pitch deck), checked by its content: the first bytes decide
 * what it is (PDF, PNG, JPEG), not its name or the browser's content type, and it must not exceed a size. A file
 * that fails is refused with a Chinese message on the form's field; nothing is kept.
 */
public record UploadedDocument(String fileName, Kind kind, byte[] content) {

    /** The kinds of document a module may accept, by their magic bytes. */
    public enum Kind {
        PDF("application/pdf", "PDF", "%PDF-".getBytes(StandardCharsets.US_ASCII), ".pdf"),
        PNG("image/png", "PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, ".png"),
        JPEG("image/jpeg", "JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, ".jpg", ".jpeg");

        private final String contentType;
        private final String label;
        private final byte[] magic;
        private final String[] extensions;

        Kind(String contentType, String label, byte[] magic, String... extensions) {
            this.contentType = contentType;
            this.label = label;
            this.magic = magic;
            this.extensions = extensions;
        }

        public String contentType() {
            return contentType;
        }

        boolean starts(byte[] bytes) {
            return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
        }
    }

    /**
     * The upload as a document of one of the {@code allowed} kinds and at most {@code maxBytes}, or an {@link
     * InvalidRequestException} on {@code field} saying what is wrong (missing, empty, too large, not such a
     * document, or named as another kind than it is).
     */
    public static UploadedDocument check(String field, @Nullable String fileName, byte @Nullable [] bytes,
            Set<Kind> allowed, long maxBytes) {
        String kinds = allowed.stream().map(k -> k.label).sorted().collect(Collectors.joining("、"));
        if (bytes == null || fileName == null || fileName.isBlank() && bytes.length == 0) {
            throw new InvalidRequestException(field, "请上传文件（" + kinds + "）");
        }
        if (bytes.length == 0) {
            throw new InvalidRequestException(field, "文件是空的");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidRequestException(field, "文件不能超过 " + megabytes(maxBytes) + "MB（该文件 "
                    + megabytes(bytes.length) + "MB）");
        }
        Kind kind = sniff(bytes).filter(allowed::contains).orElseThrow(() -> new InvalidRequestException(field,
                "文件须为 " + kinds + "（按文件内容判断，而非扩展名）"));
        String name = fileName.isBlank() ? "document" + kind.extensions[0] : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (Arrays.stream(kind.extensions).noneMatch(lower::endsWith)) {
            throw new InvalidRequestException(field, "文件内容与文件名不符：内容是 " + kind.label + "，文件名是 " + name);
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return new UploadedDocument(name, kind, bytes);
    }

    /** What the bytes really are, of the kinds known here; empty for anything else. */
    public static Optional<Kind> sniff(byte[] bytes) {
        return Arrays.stream(Kind.values()).filter(k -> k.starts(bytes)).findFirst();
    }

    public String contentType() {
        return kind.contentType;
    }

    public int size() {
        return content.length;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024L), 1, RoundingMode.UP)
                .stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadedDocument d && d.fileName.equals(fileName) && d.kind == kind
                && Arrays.equals(d.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * fileName.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "UploadedDocument[" + fileName + ", " + kind + ", " + content.length + " bytes]";
    }
}
