package org.sanrong.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One logged service with its rating.
 *
 * @param rateable whether the reader's enterprise was served and has not rated it yet
 */
public record ServiceView(UUID id, UUID assignmentId, LocalDate servedOn, ServiceType type, String summary,
        @Nullable String followUps, String loggedBy, Instant loggedAt, @Nullable Integer rating,
        @Nullable String ratingComment, @Nullable Instant ratedAt, boolean rateable) {
}
