package org.sanrong.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reserve entry as its page and the API read it: the entry, every milestone of its target board (reached or not),
 * the next one to record, its log and the figures entered for listing; {@code official} and {@code own} say whether
 * the reader is government staff or the enterprise itself, so pages show the right forms without deciding rules.
 */
public record ReserveEntryView(UUID id, String creditCode, String enterpriseName, @Nullable String townName,
        @Nullable String industryCode, @Nullable String industryName, ReserveGrade grade, ListingBoard board,
        ReserveEntry.Status status, boolean byRule, String reason, Instant enrolledAt, String enrolledBy,
        @Nullable String sponsor, @Nullable String lawFirm, @Nullable String auditor, @Nullable Long marketValueFen,
        @Nullable LocalDate marketValueOn, @Nullable String marketValueBy, @Nullable Instant closedAt,
        @Nullable String closedNote, List<MilestoneLine> milestones, @Nullable Milestone next,
        List<ReserveLogLine> log, List<ListingFigures> figures, boolean official, boolean own) {

    /** One milestone of the board: reached (with date and evidence) or still ahead. */
    public record MilestoneLine(Milestone milestone, @Nullable LocalDate reachedOn, @Nullable UUID evidenceId,
            @Nullable String evidenceName, @Nullable String note, @Nullable String recordedBy) {

        public boolean reached() {
            return reachedOn != null;
        }
    }

    public boolean active() {
        return status == ReserveEntry.Status.ACTIVE;
    }
}
