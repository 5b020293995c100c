package org.sanrong.listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 上市画像: an enterprise's figures against one board's criteria — which sets it meets, the nearest set and the
 * distance to each of its criteria (in the criterion's unit), and the trend of its yearly figures. The market value is
 * the estimate someone entered ({@code marketValueOn}), since an unlisted firm has none.
 *
 * @param latestYear the latest fiscal year with figures; "最近一年" means this year
 * @param nearest the set met, or the one with fewest open criteria and then the smallest shares still missing;
 *     null when the board keeps no criteria here
 */
public record ListingPortrait(String creditCode, String enterpriseName, ListingBoard board, BoardRules rules,
        @Nullable Long marketValueFen, @Nullable LocalDate marketValueOn, @Nullable Integer latestYear,
        List<Standard.Result> standards, Standard.@Nullable Result nearest, List<TrendYear> trend) {

    /** One year's figures with its year-on-year revenue and net-profit growth and R&D intensity (percent). */
    public record TrendYear(int year, @Nullable Long revenueFen, @Nullable Long netProfitFen,
            @Nullable Long rdExpenseFen, @Nullable Long operatingCashFlowFen, @Nullable BigDecimal roePercent,
            @Nullable BigDecimal revenueGrowthPercent, @Nullable BigDecimal netProfitGrowthPercent,
            @Nullable BigDecimal rdRatioPercent) {
    }

    /** The sets met. */
    public List<Standard.Result> met() {
        return standards.stream().filter(Standard.Result::satisfied).toList();
    }

    /**
     * The portrait of {@code years} (any order, at most one per year) for {@code rules}: the arithmetic, without the
     * database, so tests can hold it to hand-made figures.
     */
    public static ListingPortrait of(String creditCode, String enterpriseName, BoardRules rules,
            List<FinancialYear> years, @Nullable Long marketValueFen, @Nullable LocalDate marketValueOn) {
        Map<Integer, FinancialYear> byYear = new LinkedHashMap<>();
        years.stream().filter(y -> !y.empty()).sorted(Comparator.comparingInt(FinancialYear::year))
                .forEach(y -> byYear.put(y.year(), y));
        Integer latest = byYear.keySet().stream().max(Integer::compare).orElse(null);
        List<Standard.Result> results = rules.standards().stream()
                .map(s -> s.assess(byYear, latest, marketValueFen)).toList();
        Standard.Result nearest = results.stream().min(Comparator.comparing((Standard.Result r) -> !r.satisfied())
                .thenComparingInt(Standard.Result::open).thenComparing(Standard.Result::shortfall)).orElse(null);
        return new ListingPortrait(creditCode, enterpriseName, rules.board(), rules, marketValueFen, marketValueOn,
                latest, results, nearest, trend(byYear));
    }

    private static List<TrendYear> trend(Map<Integer, FinancialYear> byYear) {
        List<TrendYear> out = new ArrayList<>();
        for (FinancialYear y : byYear.values()) {
            FinancialYear before = byYear.get(y.year() - 1);
            out.add(new TrendYear(y.year(), y.revenueFen(), y.netProfitFen(), y.rdExpenseFen(),
                    y.operatingCashFlowFen(), y.roePercent(),
                    growth(before == null ? null : before.revenueFen(), y.revenueFen()),
                    growth(before == null ? null : before.netProfitFen(), y.netProfitFen()),
                    y.revenueFen() == null || y.rdExpenseFen() == null || y.revenueFen() <= 0 ? null
                            : BigDecimal.valueOf(y.rdExpenseFen() * 100L).divide(BigDecimal.valueOf(y.revenueFen()),
                                    2, RoundingMode.HALF_UP)));
        }
        return out;
    }

    /** Growth in percent on a positive base; none on a missing, zero or negative base (a loss has no growth rate). */
    private static @Nullable BigDecimal growth(@Nullable Long before, @Nullable Long now) {
        if (before == null || now == null || before <= 0) {
            return null;
        }
        return BigDecimal.valueOf(now - before).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(before), 2, RoundingMode.HALF_UP);
    }
}
