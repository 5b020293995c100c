package org.sanrong.credit;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise was rated (again): score and grade from the active model (null while no model is approved) and
 * the innovation score. Bulk re-scoring publishes {@link RatingsRefreshed} once instead of one of these each.
 */
public record EnterpriseRated(String creditCode, @Nullable Integer score, @Nullable String grade,
        int innovationScore, @Nullable Integer modelVersion, YearMonth asOf) {
}
