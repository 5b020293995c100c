package org.sanrong.enterprise;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * 企业生命周期 (seed 002 #12). Derived by a documented rule (docs/enterprise-registry.md) unless staff set it:
 * <ul>
 * <li>种子期 SEED: under 2 years old with no revenue yet and no equity funding;</li>
 * <li>初创期 START_UP: under 5 years old and yearly revenue under 2,000万元;</li>
 * <li>壮大期 EXPANSION: yearly revenue of 2亿元 or more;</li>
 * <li>成长期 GROWTH: everything in between.</li>
 * </ul>
 * Without a registration date the age rules do not apply.
 */
public enum LifecycleStage {
    SEED, START_UP, GROWTH, EXPANSION;

    static final long START_UP_REVENUE_LIMIT_FEN = 2_000L * 1_000_000L; // 2,000万元
    static final long EXPANSION_REVENUE_FEN = 20_000L * 1_000_000L; // 2亿元

    public static LifecycleStage derive(@Nullable LocalDate registeredOn, @Nullable Long latestRevenueFen,
            boolean equityFunded, LocalDate today) {
        long revenue = latestRevenueFen == null ? 0 : latestRevenueFen;
        Integer age = registeredOn == null ? null : Period.between(registeredOn, today).getYears();
        if (revenue >= EXPANSION_REVENUE_FEN) {
            return EXPANSION;
        }
        if (age != null && age < 2 && revenue == 0 && !equityFunded) {
            return SEED;
        }
        if (age != null && age < 5 && revenue < START_UP_REVENUE_LIMIT_FEN) {
            return START_UP;
        }
        return GROWTH;
    }
}
