package org.sanrong.stats;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * 普惠小微 "两增" at a reporting date: the inclusive balance grows since the start of the year at least as fast as
 * all loans, and it has at least as many borrowers as at the start of the year.
 */
public record TwoIncreases(long inclusiveBalanceFen, long inclusiveStartFen, long allBalanceFen, long allStartFen,
        long borrowers, long borrowersStart) {

    @com.fasterxml.jackson.annotation.JsonProperty

    public @Nullable BigDecimal inclusiveGrowthPercent() {
        return Ratios.growth(inclusiveBalanceFen, inclusiveStartFen);
    }

    @com.fasterxml.jackson.annotation.JsonProperty

    public @Nullable BigDecimal allGrowthPercent() {
        return Ratios.growth(allBalanceFen, allStartFen);
    }

    /** Growth not lower than all loans'; null when either has no base at the start of the year. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public @Nullable Boolean balanceMet() {
        BigDecimal inclusive = inclusiveGrowthPercent();
        BigDecimal all = allGrowthPercent();
        return inclusive == null || all == null ? null : inclusive.compareTo(all) >= 0;
    }

    @com.fasterxml.jackson.annotation.JsonProperty

    public boolean borrowersMet() {
        return borrowers >= borrowersStart;
    }
}
