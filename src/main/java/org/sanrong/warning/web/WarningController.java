package org.sanrong.warning.web;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.reference.ReferenceData;
import org.sanrong.warning.EarlyWarning;
import org.sanrong.warning.WarningCase;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 风险预警 pages: the queue with the cockpit's figures, one warning with its handling, the rules. */
@Controller
class WarningController {

    private final EarlyWarning warnings;
    private final ReferenceData reference;
    private final org.sanrong.platform.Charts charts;

    WarningController(EarlyWarning warnings, ReferenceData reference, org.sanrong.platform.Charts charts) {
        this.warnings = warnings;
        this.reference = reference;
        this.charts = charts;
    }

    @GetMapping("/warnings")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String queue(@RequestParam(required = false) WarningCase.@Nullable Status status,
            @RequestParam(required = false) org.sanrong.warning.WarningRules.@Nullable Level level,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        boolean official = user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
        model.addAttribute("cases", warnings.queue(status, user).stream().filter(c -> level == null
                || c.level() == level).toList());
        model.addAttribute("status", status);
        model.addAttribute("statuses", WarningCase.Status.values());
        model.addAttribute("level", level);
        model.addAttribute("levels", org.sanrong.warning.WarningRules.Level.values());
        model.addAttribute("official", official);
        if (official) {
            EarlyWarning.Summary s = warnings.summary(user);
            model.addAttribute("summary", s);
            java.util.Map<String, Long> towns = new java.util.LinkedHashMap<>();
            s.openByTown().forEach((k, v) -> towns.put(reference.town(k).map(t -> t.name()).orElse(k), v));
            model.addAttribute("towns", towns);
            java.util.Map<String, Long> sections = new java.util.LinkedHashMap<>();
            s.openBySection().forEach((k, v) -> sections.put(reference.industry(k).map(i -> k + " " + i.name())
                    .orElse(k), v));
            model.addAttribute("sections", sections);
            model.addAttribute("levelChart", charts.pie(s.openByLevel(), "warn.level."));
            model.addAttribute("townChart", charts.bar(towns));
            model.addAttribute("sectionChart", charts.bar(sections));
        }
        return "warning/queue";
    }

    @GetMapping("/warnings/{id}")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        WarningCase c = warnings.find(id, user);
        model.addAttribute("c", c);
        model.addAttribute("signals", c.signals().lines().map(l -> l.substring(l.indexOf('|') + 1)).toList());
        model.addAttribute("official", user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN));
        model.addAttribute("handler", warnings.mayHandle(c, user));
        model.addAttribute("now", java.time.Instant.now());
        return "warning/case";
    }

    @PostMapping("/warnings/{id}/assignment")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String assignee,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, () -> warnings.assign(id, assignee, user), "已分派");
    }

    @PostMapping("/warnings/{id}/verification")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String verify(@PathVariable UUID id, @RequestParam(required = false) @Nullable String verification,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, () -> warnings.verify(id, verification, user), "已记录核查情况");
    }

    @PostMapping("/warnings/{id}/closure")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String close(@PathVariable UUID id, @RequestParam(required = false) @Nullable String finding,
            @RequestParam(required = false) @Nullable String measures, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> warnings.close(id, finding, measures, user), "已办结，企业已重新评分");
    }

    @GetMapping("/warnings/rules")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String rules(Model model) {
        model.addAttribute("rules", warnings.rules());
        model.addAttribute("levels", warnings.levels());
        return "warning/rules";
    }

    @PostMapping("/warnings/rules/{code}")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String changeRule(@PathVariable String code, @RequestParam int weight,
            @RequestParam(required = false) @Nullable BigDecimal threshold,
            @RequestParam(defaultValue = "false") boolean forcesRed, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) @Nullable Integer windowDays,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            warnings.changeRule(code, weight, threshold, forcesRed, enabled, windowDays, user);
            redirect.addFlashAttribute("notice", "规则已保存（下次评分生效）");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/warnings/rules";
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/warnings/" + id;
    }
}
