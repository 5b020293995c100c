package org.sanrong.listing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What an enterprise or staff enter for one fiscal year beyond the 企业库's revenue and R&D: 净利润 (the lower of before
 * and after non-recurring items), 经营活动现金流量净额 (both in fen, may be negative) and 加权平均净资产收益率 (%).
 */
public record ListingFigures(int year, @Nullable Long netProfitFen, @Nullable Long operatingCashFlowFen,
        @Nullable BigDecimal roePercent) {

    public boolean empty() {
        return netProfitFen == null && operatingCashFlowFen == null && roePercent == null;
    }
}
