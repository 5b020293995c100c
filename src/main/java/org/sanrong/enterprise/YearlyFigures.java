package org.sanrong.enterprise;

import org.jspecify.annotations.Nullable;

/** One year's 营业收入, 研发投入 (fen) and 研发人员. */
public record YearlyFigures(int year, @Nullable Long revenueFen, @Nullable Long rdExpenseFen,
        @Nullable Integer rdStaff) {

    /** R&D expense over revenue in basis points (1/100 of a percent), exact; null when either is missing. */
    public @Nullable Long rdIntensityBasisPoints() {
        if (revenueFen == null || rdExpenseFen == null || revenueFen == 0) {
            return null;
        }
        return rdExpenseFen * 10_000 / revenueFen;
    }
}
