package org.sanrong.matching;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.enterprise.LifecycleStage;

/**
 * A question to the index: which enterprises satisfy all of these? An empty set or a null bound does not
 * constrain. {@link #test} is the plain, obviously correct reading that the index is checked against.
 *
 * @param towns town codes, any of
 * @param industryIncludes industry code prefixes (C39, C3911, I65), any of
 * @param industryExcludes industry code prefixes, none of
 * @param stages lifecycle stages, any of
 * @param allQualifications qualification kinds, every one required (live ones)
 * @param anyQualifications qualification kinds, at least one required
 * @param minYears minimum complete years since registration
 */
public record EnterpriseFilter(Set<String> towns, Set<String> industryIncludes, Set<String> industryExcludes,
        Set<LifecycleStage> stages, Set<String> allQualifications, Set<String> anyQualifications,
        @Nullable Integer minYears, @Nullable Long minRevenueFen, @Nullable Long maxRevenueFen,
        @Nullable Integer minHeadcount, @Nullable Integer maxHeadcount) {

    public EnterpriseFilter {
        towns = Set.copyOf(towns);
        industryIncludes = Set.copyOf(industryIncludes);
        industryExcludes = Set.copyOf(industryExcludes);
        stages = Set.copyOf(stages);
        allQualifications = Set.copyOf(allQualifications);
        anyQualifications = Set.copyOf(anyQualifications);
    }

    public static EnterpriseFilter any() {
        return new EnterpriseFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null,
                null, null);
    }

    /** The reference semantics: one enterprise, one rule after another. */
    public boolean test(EnterpriseFacts e, LocalDate today) {
        if (!towns.isEmpty() && (e.townCode() == null || !towns.contains(e.townCode()))) {
            return false;
        }
        if (!industryIncludes.isEmpty() && (e.industryCode() == null
                || industryIncludes.stream().noneMatch(e.industryCode()::startsWith))) {
            return false;
        }
        if (!industryExcludes.isEmpty() && e.industryCode() != null
                && industryExcludes.stream().anyMatch(e.industryCode()::startsWith)) {
            return false;
        }
        if (!stages.isEmpty() && !stages.contains(e.stage())) {
            return false;
        }
        if (!e.qualifications().containsAll(allQualifications)) {
            return false;
        }
        if (!anyQualifications.isEmpty() && anyQualifications.stream().noneMatch(e.qualifications()::contains)) {
            return false;
        }
        if (minYears != null && (e.registeredOn() == null || e.registeredOn().isAfter(today.minusYears(minYears)))) {
            return false;
        }
        if ((minRevenueFen != null || maxRevenueFen != null) && e.revenueFen() == null) {
            return false;
        }
        if (minRevenueFen != null && e.revenueFen() < minRevenueFen) {
            return false;
        }
        if (maxRevenueFen != null && e.revenueFen() > maxRevenueFen) {
            return false;
        }
        if ((minHeadcount != null || maxHeadcount != null) && e.headcount() == null) {
            return false;
        }
        if (minHeadcount != null && e.headcount() < minHeadcount) {
            return false;
        }
        return maxHeadcount == null || e.headcount() <= maxHeadcount;
    }
}
