package org.sanrong.credit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A scorecard model as lists and pages show it: its version, where it was trained from and by whom, who reviewed
 * it, and its headline figures. Only an ACTIVE model scores; one becomes ACTIVE when someone other than its
 * trainer approves it.
 */
public record ModelView(UUID id, int version, Status status, SourceKind sourceKind, String source, String trainedBy,
        Instant trainedAt, @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String reviewNote,
        int features, int rows, int bads, @Nullable Double trainAuc, @Nullable Double holdoutAuc,
        @Nullable Double holdoutKs) {

    public enum Status {
        /** 待审批 */
        PENDING,
        /** 使用中 */
        ACTIVE,
        /** 已停用 (superseded) */
        RETIRED,
        /** 未通过 */
        REJECTED
    }

    public enum SourceKind {
        /** a labelled file uploaded by staff */
        UPLOAD,
        /** the platform's own outcomes: loans' repayment status and the demo's simulated defaults */
        PLATFORM
    }

    public String label() {
        return "v" + version;
    }
}
