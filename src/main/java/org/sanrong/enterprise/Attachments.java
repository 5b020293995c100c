package org.sanrong.enterprise;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Certificate scans. The type is decided by the file's first bytes, not its name: PDF, PNG or JPEG only, at most
 * {@link #MAX_BYTES}.
 */
@Repository
class Attachments {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    record Stored(UUID id, String fileName, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content type the bytes really are, or empty when they are none of the accepted kinds. */
    static Optional<String> sniff(byte[] bytes) {
        return org.sanrong.platform.UploadedDocument.sniff(bytes).map(k -> k.contentType());
    }

    UUID store(String fileName, byte[] bytes, String by, Instant now) {
        if (bytes.length == 0) {
            throw new InvalidRequestException("attachment", "附件为空");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidRequestException("attachment", "附件不能超过5MB");
        }
        String type = sniff(bytes).orElseThrow(() -> new InvalidRequestException("attachment",
                "附件须为 PDF、PNG 或 JPEG 文件（按文件内容判断，而非扩展名）"));
        String expectedExtension = switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(expectedExtension) && !(type.equals("image/jpeg") && lower.endsWith(".jpeg"))) {
            throw new InvalidRequestException("attachment", "附件内容与文件名不符：内容是"
                    + expectedExtension.substring(1).toUpperCase(java.util.Locale.ROOT) + "，文件名是" + fileName);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO enterprise.attachment (id, file_name, content_type, size_bytes, sha256, content,
                    uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, cut(fileName), type, bytes.length, sha256(bytes), bytes, Timestamp.from(now), by)
                .update();
        return id;
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT id, file_name, content_type, content FROM enterprise.attachment WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    private static String sha256(byte[] bytes) {
        return org.sanrong.platform.Sha256.hex(bytes);
    }

    private static String cut(@Nullable String name) {
        String n = name == null || name.isBlank() ? "attachment" : name.strip();
        return n.length() <= 200 ? n : n.substring(n.length() - 200);
    }
}
