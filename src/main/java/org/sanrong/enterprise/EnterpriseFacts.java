package org.sanrong.enterprise;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one enterprise that product eligibility is decided on (matching indexes them): public card facts
 * plus the latest revenue and headcount, never contacts. Unknown facts are null and fail any criterion on them.
 * {@code qualifications} holds the kinds that are live today.
 */
public record EnterpriseFacts(String creditCode, @Nullable String townCode, @Nullable String industryCode,
        LifecycleStage stage, Set<String> qualifications, @Nullable LocalDate registeredOn,
        @Nullable Long revenueFen, @Nullable Integer headcount) {

    public EnterpriseFacts {
        qualifications = Set.copyOf(qualifications);
    }
}
