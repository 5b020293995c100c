package org.sanrong.listing;

import org.jspecify.annotations.Nullable;

/** Filters of the reserve list; null parts do not filter. Removed entries show only when asked for by status. */
public record ReserveQuery(@Nullable ReserveGrade grade, @Nullable ListingBoard board, @Nullable Milestone milestone,
        @Nullable String townCode, @Nullable String text, ReserveEntry.@Nullable Status status) {

    public static ReserveQuery all() {
        return new ReserveQuery(null, null, null, null, null, null);
    }
}
