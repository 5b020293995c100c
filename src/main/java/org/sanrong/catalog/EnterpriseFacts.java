package org.sanrong.catalog;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.LifecycleStage;

/**
 * What eligibility is decided on: an enterprise's facts as the matching side knows them. Unknown facts are null
 * (or empty); a rule that needs an unknown fact fails, since the institution could not check it either.
 *
 * @param qualifications codes of the qualifications that count today (verified and within validity)
 * @param revenueFen the latest year's revenue
 * @param creditGrade the platform rating (AAA ... C), null until ratings exist
 * @param collateral what the enterprise can offer as security
 */
public record EnterpriseFacts(@Nullable String townCode, @Nullable String industryCode,
        @Nullable LifecycleStage stage, Set<String> qualifications, @Nullable LocalDate registeredOn,
        @Nullable Long revenueFen, @Nullable Integer headcount, @Nullable String creditGrade,
        @Nullable Integer innovationScore, Set<Collateral> collateral) {

    public EnterpriseFacts {
        qualifications = Set.copyOf(qualifications);
        collateral = Set.copyOf(collateral);
    }
}
