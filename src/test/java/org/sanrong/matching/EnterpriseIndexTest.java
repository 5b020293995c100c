package org.sanrong.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.enterprise.LifecycleStage;

/**
 * Property: for random enterprises and random filters, the index returns exactly the enterprises the plain
 * {@link EnterpriseFilter#test} accepts. Small value domains make every rule bite often; nulls are common.
 */
class EnterpriseIndexTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String[] TOWNS = {"441900003", "441900101", "441900121", "441900401", "441900402"};
    private static final String[] INDUSTRIES = {"C3911", "C3912", "C3914", "C3821", "C39", "I6510", "I6520", "M7320",
        "C2927", "C3311", "C"};
    private static final String[] PREFIXES = {"C", "C3", "C39", "C391", "C3911", "C38", "I", "I65", "I651", "M73",
        "C29", "C33", "X"};
    private static final String[] QUALIFICATIONS = {"HIGH_TECH", "SRDI_SME", "TECH_SME", "GAZELLE"};

    @Test
    void answersExactlyWhatThePlainFilterAnswers() {
        Random random = new Random(20261125);
        for (int round = 0; round < 5; round++) {
            List<EnterpriseFacts> enterprises = new ArrayList<>();
            // the same enterprises twice: one index scans the flat arrays for range rules, the other never does
            EnterpriseIndex.Builder scanning = EnterpriseIndex.builder(100);
            EnterpriseIndex.Builder ranging = EnterpriseIndex.builder(100).scanLimit(0);
            int n = 500 + random.nextInt(3000);
            for (int i = 0; i < n; i++) {
                EnterpriseFacts e = enterprise(random, i);
                enterprises.add(e);
                assertThat(scanning.add(e)).isEqualTo(i);
                ranging.add(e);
            }
            EnterpriseIndex index = scanning.build();
            EnterpriseIndex rangeIndex = ranging.build();
            assertThat(index.size()).isEqualTo(n);
            assertThat(index.creditCode(n - 1)).isEqualTo(enterprises.get(n - 1).creditCode());
            for (int q = 0; q < 400; q++) {
                EnterpriseFilter filter = filter(random);
                RoaringBitmap expected = new RoaringBitmap();
                for (int i = 0; i < n; i++) {
                    if (filter.test(enterprises.get(i), TODAY)) {
                        expected.add(i);
                    }
                }
                assertThat(index.filter(filter, TODAY)).as("%s", filter).isEqualTo(expected);
                assertThat(rangeIndex.filter(filter, TODAY)).as("range bitmaps: %s", filter).isEqualTo(expected);
            }
        }
    }

    @Test
    void reportsItsMemory() {
        EnterpriseIndex.Builder builder = EnterpriseIndex.builder(10);
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            builder.add(enterprise(random, i));
        }
        EnterpriseIndex index = builder.build();
        assertThat(index.memoryBytes()).isGreaterThan(10_000L * 18).isLessThan(10_000L * 200);
    }

    static EnterpriseFacts enterprise(Random r, int i) {
        Set<String> qualifications = new HashSet<>();
        for (String q : QUALIFICATIONS) {
            if (r.nextInt(4) == 0) {
                qualifications.add(q);
            }
        }
        return new EnterpriseFacts(String.format("91441900%09d%s", i, "X").substring(0, 18),
                r.nextInt(10) == 0 ? null : TOWNS[r.nextInt(TOWNS.length)],
                r.nextInt(10) == 0 ? null : INDUSTRIES[r.nextInt(INDUSTRIES.length)],
                LifecycleStage.values()[r.nextInt(4)], qualifications,
                r.nextInt(8) == 0 ? null : TODAY.minusDays(r.nextInt(365 * 12)),
                r.nextInt(8) == 0 ? null : (long) r.nextInt(5) * 10_000_000L + r.nextInt(3),
                r.nextInt(8) == 0 ? null : r.nextInt(400));
    }

    static EnterpriseFilter filter(Random r) {
        return new EnterpriseFilter(pick(r, TOWNS, 3), pick(r, PREFIXES, 2), r.nextInt(4) == 0
                ? pick(r, PREFIXES, 1) : Set.of(), r.nextBoolean() ? Set.of() : java.util.EnumSet.of(LifecycleStage.values()[r.nextInt(4)],
                LifecycleStage.values()[r.nextInt(4)]), pick(r, QUALIFICATIONS, 2), pick(r, QUALIFICATIONS, 2),
                r.nextInt(3) == 0 ? r.nextInt(8) : null,
                r.nextInt(3) == 0 ? (long) r.nextInt(5) * 10_000_000L + r.nextInt(3) - 1 : null,
                r.nextInt(3) == 0 ? (long) r.nextInt(5) * 10_000_000L + r.nextInt(3) - 1 : null,
                r.nextInt(3) == 0 ? r.nextInt(300) : null, r.nextInt(3) == 0 ? r.nextInt(400) : null);
    }

    private static Set<String> pick(Random r, String[] from, int max) {
        if (r.nextInt(3) == 0) {
            return Set.of();
        }
        Set<String> picked = new HashSet<>();
        int k = 1 + r.nextInt(max);
        for (int i = 0; i < k; i++) {
            picked.add(from[r.nextInt(from.length)]);
        }
        return picked;
    }
}
