package org.sanrong.advisory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An assignment as its parties and government see it.
 *
 * @param startedOn the day the response clock started: the enterprise's request, or the assignment
 * @param responseWorkingDays working days from {@code startedOn} to the first service; null until one is logged
 * @param waitingWorkingDays for a live assignment without a service yet, the working days waited until today
 * @param canLog whether the reader is its adviser and may log a service
 */
public record AssignmentView(UUID id, UUID adviserId, String adviserName, String adviserPhone, String institutionName,
        String enterpriseCreditCode, String enterpriseName, @Nullable String townName, @Nullable String industryCode,
        AssignmentBasis basis, @Nullable UUID requestId, LocalDate startedOn, LocalDate assignedOn, String assignedBy,
        @Nullable String note, Assignment.Status status, @Nullable LocalDate firstServiceOn,
        @Nullable Integer responseWorkingDays, @Nullable Integer waitingWorkingDays, long services,
        @Nullable BigDecimal meanRating, boolean canLog) {
}
