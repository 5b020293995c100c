package org.sanrong.supervision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A progress report by a lead unit (or a co-operating unit's part) with the finance office's review. */
public record ReportView(UUID id, UUID taskId, String period, int percent, String text, boolean lead,
        String organisation, String reportedBy, Instant reportedAt, @Nullable Integer score, @Nullable String comment,
        @Nullable String reviewedBy, @Nullable Instant reviewedAt, List<Attachment> attachments) {

    /** A file attached to the report (the evidence: minutes, photos, documents). */
    public record Attachment(UUID id, String fileName, String contentType, int size) {
    }

    public ReportView {
        attachments = List.copyOf(attachments);
    }
}
