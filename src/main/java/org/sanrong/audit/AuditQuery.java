package org.sanrong.audit;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A search of the trail; blank or null parts do not filter. Dates are China dates, both ends inclusive. */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String target,
        @Nullable UUID organisationId, @Nullable LocalDate from, @Nullable LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
