package org.sanrong.matching;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sanrong.catalog.EligibilityCriteria;

/** A product's eligibility criteria as a question to the index: the rules it can answer from enterprise facts. */
final class CriteriaFilters {

    /** Rules the index does not hold facts for yet. */
    static final Set<EligibilityCriteria.Rule> NOT_INDEXED = EnumSet.of(EligibilityCriteria.Rule.CREDIT_GRADE,
            EligibilityCriteria.Rule.INNOVATION_SCORE, EligibilityCriteria.Rule.COLLATERAL);

    private CriteriaFilters() {
    }

    static EnterpriseFilter of(EligibilityCriteria c) {
        return new EnterpriseFilter(new HashSet<>(c.towns()), new HashSet<>(c.industryPrefixes()),
                new HashSet<>(c.excludedIndustryPrefixes()), new HashSet<>(c.stages()),
                new HashSet<>(c.qualificationsAllOf()), new HashSet<>(c.qualificationsAnyOf()),
                // the catalogue ignores a minimum of 0 years, so the filter must too (it would drop unknown dates)
                c.minYearsInOperation() == null || c.minYearsInOperation() == 0 ? null : c.minYearsInOperation(),
                c.minRevenueFen(), c.maxRevenueFen(), c.minHeadcount(), c.maxHeadcount());
    }

    static List<EligibilityCriteria.Rule> notCounted(EligibilityCriteria c) {
        return c.rules().stream().filter(NOT_INDEXED::contains).toList();
    }
}
