package org.sanrong.datahub;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The provenance of one import: source, file, who and when, and what became of its rows — inserted (new
 * periods or documents), updated (values changed), unchanged (the same values again: a re-import) and rejected
 * (each with its line and reason in {@link RejectedRow}). A refused file has status REFUSED and says why.
 */
public record HubBatch(UUID id, HubSource source, Kind kind, String fileName, @Nullable String format,
        String importedBy, @Nullable UUID organisationId, Instant startedAt, Instant finishedAt, Status status,
        int rowsRead, int rowsInserted, int rowsUpdated, int rowsUnchanged, int rowsRejected, int enterprises,
        @Nullable LocalDate periodFrom, @Nullable LocalDate periodTo, @Nullable String message) {

    public enum Kind {
        /** an operator's upload */
        FILE,
        /** the demo generator */
        DEMO,
        /** an operator's correction of one disputed item */
        CORRECTION
    }

    public enum Status {
        DONE, REFUSED
    }

    /** Rows taken: inserted, updated or unchanged. */
    public int rowsAccepted() {
        return rowsInserted + rowsUpdated + rowsUnchanged;
    }
}
