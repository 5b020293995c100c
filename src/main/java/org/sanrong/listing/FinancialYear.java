package org.sanrong.listing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One fiscal year's figures a portrait is judged on: 营业收入 and 研发投入 from the 企业库 ({@code enterprise} yearly
 * figures), 净利润 (the lower of before and after non-recurring items, as the rules count it), 经营活动现金流量净额 and
 * 加权平均净资产收益率 entered for listing. Money in fen; profit and cash flow may be negative.
 */
public record FinancialYear(int year, @Nullable Long revenueFen, @Nullable Long rdExpenseFen,
        @Nullable Long netProfitFen, @Nullable Long operatingCashFlowFen, @Nullable BigDecimal roePercent) {

    public boolean empty() {
        return revenueFen == null && rdExpenseFen == null && netProfitFen == null && operatingCashFlowFen == null
                && roePercent == null;
    }
}
