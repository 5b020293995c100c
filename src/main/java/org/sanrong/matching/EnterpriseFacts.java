package org.sanrong.matching;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.LifecycleStage;

/**
 * What the eligibility index knows of one enterprise: the facts product criteria are written against. Unknown facts
 * are null and fail any criterion on them.
 */
public record EnterpriseFacts(String creditCode, @Nullable String townCode, @Nullable String industryCode,
        LifecycleStage stage, Set<String> qualifications, @Nullable LocalDate registeredOn,
        @Nullable Long revenueFen, @Nullable Integer headcount) {

    public EnterpriseFacts {
        qualifications = Set.copyOf(qualifications);
    }
}
