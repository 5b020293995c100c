package org.sanrong.deal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.DealStatistics;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Charts;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 对接统计 for government and each institution, and the public league table (榜单) government chooses to publish. */
@Controller
class StatisticsController {

    private final DealStatistics statistics;
    private final Charts charts;

    StatisticsController(DealStatistics statistics, Charts charts) {
        this.statistics = statistics;
        this.charts = charts;
    }

    @GetMapping("/deals/statistics")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String government(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("rows", statistics.byInstitution(user));
        model.addAttribute("funnelChart", charts.funnel(statistics.funnel(user)));
        model.addAttribute("reasonsChart", charts.pie(statistics.declineReasons(null, user), "deal.reason."));
        model.addAttribute("publication", statistics.publication());
        model.addAttribute("metrics", DealStatistics.Metric.values());
        return "deal/statistics";
    }

    @PostMapping("/deals/statistics/publication")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String publish(@RequestParam(defaultValue = "false") boolean published,
            @RequestParam(required = false) @Nullable List<DealStatistics.Metric> metrics,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        Set<DealStatistics.Metric> chosen = metrics == null || metrics.isEmpty()
                ? EnumSet.noneOf(DealStatistics.Metric.class) : EnumSet.copyOf(metrics);
        try {
            statistics.publish(published, chosen, user);
            redirect.addFlashAttribute("notice", published ? "榜单已公开" : "榜单已撤回");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/deals/statistics";
    }

    @GetMapping("/institution/deals/statistics")
    @PreAuthorize("hasRole('INSTITUTION')")
    String institution(@AuthenticationPrincipal SignedInUser user, Model model) {
        DealStatistics.FunnelRow own = statistics.ofInstitution(user.organisationId(), user);
        model.addAttribute("own", own == null ? List.of() : List.of(own));
        model.addAttribute("rows", statistics.byProduct(user.organisationId(), user));
        model.addAttribute("reasonsChart", charts.pie(statistics.declineReasons(user.organisationId(), user),
                "deal.reason."));
        return "deal/institution-statistics";
    }

    /** Public: what government published, nothing else. */
    @GetMapping("/league")
    String league(Model model) {
        DealStatistics.Publication publication = statistics.publication();
        java.util.Map<String, Boolean> show = new java.util.HashMap<>();
        for (DealStatistics.Metric m : DealStatistics.Metric.values()) {
            show.put(m.name(), publication.metrics().contains(m));
        }
        model.addAttribute("publication", publication);
        model.addAttribute("show", show);
        model.addAttribute("rows", statistics.publicLeague());
        return "deal/league";
    }
}
