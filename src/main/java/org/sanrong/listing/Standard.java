package org.sanrong.listing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One set of a board's criteria ("第二套"): met when every criterion in it is met. */
public record Standard(ListingBoard board, String name, List<Criterion> criteria) {

    public Standard {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a standard needs at least one criterion: " + board + " " + name);
        }
    }

    /** What the set asks beyond its figures (qualitative conditions the platform does not judge), if anything. */
    public @Nullable String note() {
        return criteria.stream().map(Criterion::note).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    public Result assess(Map<Integer, FinancialYear> byYear, @Nullable Integer latestYear,
            @Nullable Long marketValueFen) {
        List<Criterion.Result> results = criteria.stream().map(c -> c.assess(byYear, latestYear, marketValueFen))
                .toList();
        boolean anyFailed = results.stream().anyMatch(r -> Boolean.FALSE.equals(r.met()));
        boolean anyUnknown = results.stream().anyMatch(r -> r.met() == null);
        Boolean met = anyFailed ? Boolean.FALSE : anyUnknown ? null : Boolean.TRUE;
        int open = (int) results.stream().filter(r -> !Boolean.TRUE.equals(r.met())).count();
        BigDecimal shortfall = results.stream().map(Criterion.Result::shortfall).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return new Result(name, note(), results, met, open, shortfall);
    }

    /**
     * A set judged: met (true), not met (false) or unknown for missing figures (null); how many criteria are still
     * open (not met or unknown) and the sum of their shares still missing, which rank how near the set is.
     */
    public record Result(String name, @Nullable String note, List<Criterion.Result> criteria, @Nullable Boolean met,
            int open, BigDecimal shortfall) {

        public boolean satisfied() {
            return Boolean.TRUE.equals(met);
        }
    }
}
