package org.sanrong.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A declared or imported qualification with its review state. */
public record QualificationView(UUID id, String creditCode, String enterpriseName, String kind, String kindName,
        @Nullable String certificateNo, @Nullable String issuer, @Nullable LocalDate validFrom,
        @Nullable LocalDate validUntil, Status status, String source, @Nullable UUID attachmentId,
        Instant declaredAt, String declaredBy, @Nullable Instant reviewedAt, @Nullable String reviewedBy,
        @Nullable String reviewReason) {

    public enum Status {
        /** 待核验 */
        DECLARED,
        /** 已核验 */
        VERIFIED,
        /** 已驳回 */
        REJECTED
    }

    /** Counts on a day: verified and within its validity. An expired qualification stops counting on its own. */
    public boolean liveOn(LocalDate day) {
        return status == Status.VERIFIED && (validUntil == null || !day.isAfter(validUntil))
                && (validFrom == null || !day.isBefore(validFrom));
    }

    public boolean expiredOn(LocalDate day) {
        return validUntil != null && day.isAfter(validUntil);
    }
}
