package org.sanrong.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An enterprise's request for an adviser, as the enterprise and government see it. */
public record RequestView(UUID id, String enterpriseCreditCode, String enterpriseName, @Nullable String townCode,
        @Nullable String townName, @Nullable String industryCode, Speciality speciality, String description,
        LocalDate requestedOn, Instant requestedAt, AdviceRequest.Status status, @Nullable UUID assignmentId) {
}
