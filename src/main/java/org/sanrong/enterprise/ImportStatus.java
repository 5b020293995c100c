package org.sanrong.enterprise;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a bulk import of enterprises stands: rows read, applied and rejected so far, the progress as a percentage
 * (-1 while it cannot be told), and at the end the first rejected rows with their reasons.
 */
public record ImportStatus(UUID id, String fileName, State state, long read, long applied, long rejected,
        int percent, @Nullable String message, Instant startedAt, @Nullable Instant finishedAt,
        List<RejectedRow> rejections) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** A row not imported: its line in the file (the header is line 1) and why, in Chinese. */
    public record RejectedRow(long line, @Nullable String creditCode, @Nullable String name, String reason) {
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
