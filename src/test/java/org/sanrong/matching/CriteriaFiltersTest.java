package org.sanrong.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.enterprise.LifecycleStage;

/**
 * Property: a product's criteria, asked of the index as a filter, admit exactly the enterprises the catalogue's own
 * evaluation admits on the rules the index holds — so a product's reach counts what its applicants would pass.
 */
class CriteriaFiltersTest {

    private static final String[] TOWNS = {"441900003", "441900121", "441900401"};
    private static final String[] PREFIXES = {"C", "C39", "C391", "C3911", "I65", "C38"};
    private static final String[] QUALIFICATIONS = {"HIGH_TECH", "SRDI_SME", "TECH_SME"};

    @Test
    void filterAgreesWithTheCatalogueOnIndexedRules() {
        Random r = new Random(99);
        LocalDate today = LocalDate.of(2026, 2, 28);
        for (int i = 0; i < 3_000; i++) {
            EligibilityCriteria criteria = criteria(r);
            EnterpriseFacts e = EnterpriseIndexTest.enterprise(r, i);
            var catalogFacts = new org.sanrong.catalog.EnterpriseFacts(e.townCode(), e.industryCode(), e.stage(),
                    e.qualifications(), e.registeredOn(), e.revenueFen(), e.headcount(), null, null,
                    EnumSet.allOf(Collateral.class));
            boolean catalogue = criteria.evaluate(catalogFacts, today).checks().stream()
                    .filter(c -> !CriteriaFilters.NOT_INDEXED.contains(c.rule())).allMatch(c -> c.passed());
            assertThat(CriteriaFilters.of(criteria).test(e, today)).as("%s on %s", criteria, e).isEqualTo(catalogue);
        }
    }

    private static EligibilityCriteria criteria(Random r) {
        List<String> include = pick(r, PREFIXES);
        List<String> exclude = new ArrayList<>(pick(r, PREFIXES));
        exclude.removeAll(include);
        List<LifecycleStage> stages = r.nextBoolean() ? List.of() : List.of(LifecycleStage.values()[r.nextInt(4)]);
        Long minRevenue = r.nextInt(3) == 0 ? (long) r.nextInt(4) * 10_000_000L : null;
        Long maxRevenue = r.nextInt(3) == 0 ? (long) (r.nextInt(4) + 4) * 10_000_000L : null;
        return new EligibilityCriteria(pick(r, TOWNS), include, exclude, stages, pick(r, QUALIFICATIONS),
                pick(r, QUALIFICATIONS), r.nextInt(3) == 0 ? r.nextInt(6) : null, minRevenue, maxRevenue,
                r.nextInt(3) == 0 ? r.nextInt(100) : null, r.nextInt(3) == 0 ? 100 + r.nextInt(300) : null, null, null,
                List.of());
    }

    private static List<String> pick(Random r, String[] from) {
        List<String> picked = new ArrayList<>();
        if (r.nextInt(3) != 0) {
            return picked;
        }
        for (String s : from) {
            if (r.nextInt(3) == 0) {
                picked.add(s);
            }
        }
        return picked;
    }
}
