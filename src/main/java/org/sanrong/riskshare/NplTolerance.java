package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 不良贷款容忍度 (NFRA, January 2024): for small and micro tech enterprises a bank's NPL ratio may exceed its
 * all-loan NPL ratio by at most the tolerance (3 percentage points by default). A tolerance for internal assessment,
 * not a cap: the board flags a bank-quarter where the difference is above it. NPL = the loans reported
 * non-performing (次级 + 可疑 + 损失), by outstanding principal at the quarter's end. Compared exactly; ratios shown
 * to four places.
 */
public final class NplTolerance {

    private NplTolerance() {
    }

    /** One bank and quarter. {@code overallRatio} is what the bank reported (null: not reported yet). */
    public record Row(UUID institutionId, String institutionName, String quarter, long techOutstandingFen,
            long techNplFen, @Nullable BigDecimal overallRatio, BigDecimal tolerance) {

        /** The NPL ratio of its loans to small and micro tech enterprises (0 when none are outstanding). */
        public BigDecimal techRatio() {
            return techOutstandingFen == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(techNplFen).divide(BigDecimal.valueOf(techOutstandingFen),
                            MathContext.DECIMAL128);
        }

        /** Tech ratio minus overall ratio (null until the bank reports its overall ratio). */
        public @Nullable BigDecimal difference() {
            return overallRatio == null ? null : techRatio().subtract(overallRatio);
        }

        /** Whether the difference is above the tolerance, decided exactly: npl > (overall + tolerance) × outstanding. */
        public boolean flagged() {
            return overallRatio != null && BigDecimal.valueOf(techNplFen).compareTo(
                    overallRatio.add(tolerance).multiply(BigDecimal.valueOf(techOutstandingFen))) > 0;
        }

        public String techPercent() {
            return Yuan.percent(techRatio().setScale(4, java.math.RoundingMode.HALF_UP));
        }

        public String overallPercent() {
            return overallRatio == null ? "—" : Yuan.percent(overallRatio);
        }

        public String differencePoints() {
            BigDecimal d = difference();
            return d == null ? "—" : d.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** "2026Q4" for a day in October to December 2026. */
    public static String quarterOf(LocalDate day) {
        return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** The last day of a quarter ("2026Q4" → 2026-12-31); throws IllegalArgumentException for anything else. */
    public static LocalDate endOf(String quarter) {
        if (quarter == null || !quarter.matches("[0-9]{4}Q[1-4]")) {
            throw new IllegalArgumentException("季度须写成 2026Q4 的形式");
        }
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(5) - '0';
        return LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
    }
}
