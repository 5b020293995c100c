package org.sanrong.listing;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One line of the reserve list (and of {@code GET /api/v1/listing/reserve}). */
public record ReserveRow(String creditCode, String enterpriseName, @Nullable String townName,
        @Nullable String industryCode, @Nullable String industryName, ReserveGrade grade, ListingBoard board,
        ReserveEntry.Status status, @Nullable Milestone latestMilestone, @Nullable LocalDate latestMilestoneOn,
        boolean byRule, Instant enrolledAt, @Nullable String sponsor) {
}
