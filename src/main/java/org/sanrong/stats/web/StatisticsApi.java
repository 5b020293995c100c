package org.sanrong.stats.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.stats.Figures;
import org.sanrong.stats.GrowthRow;
import org.sanrong.stats.Selection;
import org.sanrong.stats.Statistics;
import org.sanrong.stats.Totals;
import org.sanrong.stats.TrendPoint;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cockpit's figures as JSON (amounts in fen, percentages as decimals): figures, breakdowns, trend and tech-credit
 * growth for a month and filters. Institutions get their own figures only.
 */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsApi {

    private final Statistics statistics;
    private final Clock clock;

    StatisticsApi(Statistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/figures")
    Figures figures(@RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String productType,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable UUID institution, @AuthenticationPrincipal SignedInUser user) {
        return statistics.figures(statistics.scoped(new Selection(month(month), category, productType, industry, town,
                institution), user));
    }

    @GetMapping("/breakdown")
    List<Totals> breakdown(@RequestParam Statistics.Dimension by, @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String productType,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable UUID institution, @AuthenticationPrincipal SignedInUser user) {
        if (by == Statistics.Dimension.INSTITUTION && !(user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN))) {
            throw new AccessDeniedException("机构排名表面向政府部门");
        }
        return statistics.breakdown(statistics.scoped(new Selection(month(month), category, productType, industry,
                town, institution), user), by);
    }

    @GetMapping("/trend")
    List<TrendPoint> trend(@RequestParam(required = false) @Nullable String month,
            @RequestParam(defaultValue = "13") int months,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID institution, @AuthenticationPrincipal SignedInUser user) {
        if (months < 1 || months > 120) {
            throw new InvalidRequestException("months", "月数须在1至120之间");
        }
        return statistics.trend(statistics.scoped(new Selection(month(month), category, null, null, null,
                institution), user), months);
    }

    @GetMapping("/tech-credit-growth")
    List<GrowthRow> growth(@RequestParam(required = false) @Nullable String month,
            @AuthenticationPrincipal SignedInUser user) {
        if (!(user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN))) {
            throw new AccessDeniedException("科技信贷增速表面向政府部门");
        }
        return statistics.techCreditGrowth(Selection.of(month(month)));
    }

    private YearMonth month(@Nullable String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock);
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "月份请写成 2026-03 的格式");
        }
    }
}
