package org.sanrong.enterprise;

import org.jspecify.annotations.Nullable;
import org.sanrong.platform.Fen;

/** One year's 营业收入, 研发投入 (fen) and 研发人员. */
public record YearlyFigures(int year, @Nullable Long revenueFen, @Nullable Long rdExpenseFen,
        @Nullable Integer rdStaff) {

    /** As the change history shows it: "2025年 营业收入 3,280.50万元 研发投入 412.25万元 研发人员 31". */
    public String describe() {
        return year + "年 营业收入 " + Fen.formatWan(revenueFen) + " 研发投入 " + Fen.formatWan(rdExpenseFen)
                + " 研发人员 " + (rdStaff == null ? "—" : rdStaff);
    }

    /** R&D expense over revenue in basis points (1/100 of a percent), exact; null when either is missing. */
    public @Nullable Long rdIntensityBasisPoints() {
        if (revenueFen == null || rdExpenseFen == null || revenueFen == 0) {
            return null;
        }
        return rdExpenseFen * 10_000 / revenueFen;
    }
}
