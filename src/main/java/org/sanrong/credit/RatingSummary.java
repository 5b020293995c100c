package org.sanrong.credit;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise's current rating in brief: what matching's criteria test (grade, innovation score). Score and grade
 * are null until a model has been approved.
 */
public record RatingSummary(String creditCode, @Nullable Integer score, @Nullable String grade, int innovationScore,
        @Nullable UUID modelId, YearMonth asOf, Instant ratedAt) {
}
