package org.sanrong.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.sanrong.platform.UploadedDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Evidence documents of milestones, already checked ({@link UploadedDocument}). */
@Repository
class ListingDocuments {

    private final JdbcClient jdbc;

    ListingDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID store(UploadedDocument d, String by, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO listing.document (id, file_name, content_type, size_bytes, sha256, content, uploaded_at,
                    uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, d.fileName(), d.contentType(), d.size(), d.sha256(), d.content(), Timestamp.from(now), by)
                .update();
        return id;
    }

    /** The document and the credit code of the entry whose milestone it proves (for the access check). */
    Optional<StoredDocument> find(UUID id) {
        return jdbc.sql("""
                SELECT d.id, d.file_name, d.content_type, d.content, e.credit_code FROM listing.document d
                JOIN listing.milestone m ON m.evidence_id = d.id JOIN listing.reserve_entry e ON e.id = m.entry_id
                WHERE d.id = ?""").param(id)
                .query((rs, n) -> new StoredDocument(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("content"), rs.getString("credit_code")))
                .optional();
    }
}
