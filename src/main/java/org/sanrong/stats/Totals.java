package org.sanrong.stats;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Loan sums of one row (the whole selection, a town, an institution...): balances at the reporting date, at the
 * start of the year (the previous December's close) and a year earlier; amounts issued in the month and the year
 * to date; the credit-loan balance; loans with a balance; overdue and non-performing balances; first-time borrowers.
 */
public record Totals(String key, String name, long balanceFen, long startOfYearFen, long yearAgoFen,
        long issuedMonthFen, long issuedMonthCount, long issuedYtdFen, long issuedYtdCount, long creditBalanceFen,
        long creditIssuedYtdFen, long loans, long overdueFen, long nplFen, long firstBorrowersMonth,
        long firstBorrowersYtd) {

    /** 比年初增加. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public long increaseSinceStartOfYearFen() {
        return balanceFen - startOfYearFen;
    }

    /** 同比增速 of the balance, percent. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public @Nullable BigDecimal yearOnYearPercent() {
        return Ratios.growth(balanceFen, yearAgoFen);
    }

    /** 比年初增速, percent. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public @Nullable BigDecimal sinceStartOfYearPercent() {
        return Ratios.growth(balanceFen, startOfYearFen);
    }

    /** 信用贷占比: credit-loan balance of the balance, percent. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public @Nullable BigDecimal creditSharePercent() {
        return Ratios.percent(creditBalanceFen, balanceFen);
    }

    /** 不良率: non-performing balance of the balance, percent. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public @Nullable BigDecimal nplPercent() {
        return Ratios.percent(nplFen, balanceFen);
    }

    Totals named(String newName) {
        return new Totals(key, newName, balanceFen, startOfYearFen, yearAgoFen, issuedMonthFen, issuedMonthCount,
                issuedYtdFen, issuedYtdCount, creditBalanceFen, creditIssuedYtdFen, loans, overdueFen, nplFen,
                firstBorrowersMonth, firstBorrowersYtd);
    }
}
