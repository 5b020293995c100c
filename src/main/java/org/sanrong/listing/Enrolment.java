package org.sanrong.listing;

import org.jspecify.annotations.Nullable;

/** 手工入库: an enterprise enrolled by hand, with the official's reason. */
public record Enrolment(String creditCode, @Nullable ReserveGrade grade, @Nullable ListingBoard board,
        @Nullable String reason, @Nullable String sponsor, @Nullable String lawFirm, @Nullable String auditor) {
}
