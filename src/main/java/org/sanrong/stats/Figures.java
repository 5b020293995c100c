package org.sanrong.stats;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The headline figures of a selection at its reporting date. Balance, increase since the start of the year and
 * amount issued are different figures (docs/indicators.md gives each definition).
 */
public record Figures(Selection selection, Totals totals, long borrowers, long borrowersStartOfYear,
        long investedMonthFen, long investedYtdFen, long investmentsYtd, long demandsPublishedMonth,
        long demandsPublishedYtd, long demandsPublishedYtdFen, long demandsMetYtd, long demandsClosedYtd,
        @Nullable Double medianResponseWorkingDays, List<AccessRate> accessRates) {

    /** 对接成功率: demands met of demands that ended this year. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public @Nullable BigDecimal matchSuccessPercent() {
        return Ratios.percent(demandsMetYtd, demandsClosedYtd);
    }

    /** The loan-access rate of one list at the reporting date: listed enterprises with a loan ÷ listed enterprises. */
    public record AccessRate(String category, String label, boolean listKept, long listed, long withLoan) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public @Nullable BigDecimal percent() {
            return Ratios.percent(withLoan, listed);
        }
    }
}
