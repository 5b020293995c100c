package org.sanrong.subsidy.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.subsidy.Entitlement;
import org.sanrong.subsidy.EventType;
import org.sanrong.subsidy.PolicyCatalog;
import org.sanrong.subsidy.Subsidies;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the beneficiary's entitlements with their calculation (/subsidies), the government's queue
 * (/subsidies/queue), the public notice (/subsidies/notices, open to all) and the policies with their CEL rules and
 * a "try it" form that evaluates without saving (/subsidies/policies).
 */
@Controller
class SubsidyPages {

    private final Subsidies subsidies;
    private final PolicyCatalog catalog;
    private final org.sanrong.subsidy.SubsidyViews views;
    private final org.sanrong.enterprise.EnterpriseBook enterprises;
    private final org.sanrong.platform.Charts charts;

    SubsidyPages(Subsidies subsidies, PolicyCatalog catalog, org.sanrong.subsidy.SubsidyViews views,
            org.sanrong.enterprise.EnterpriseBook enterprises, org.sanrong.platform.Charts charts) {
        this.subsidies = subsidies;
        this.catalog = catalog;
        this.views = views;
        this.enterprises = enterprises;
        this.charts = charts;
    }

    @GetMapping("/subsidies/budget")
    @PreAuthorize("hasRole('GOV')")
    String budget(@RequestParam(name = "year", required = false) @Nullable Integer year,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        int y = year == null ? java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() : year;
        org.sanrong.subsidy.SubsidyViews.BudgetUse use = views.budgetUse(y, user);
        model.addAttribute("use", use);
        model.addAttribute("policyChart", charts.bar(use.byPolicy()));
        model.addAttribute("townChart", charts.bar(use.byTown()));
        model.addAttribute("industryChart", charts.bar(use.byIndustry()));
        model.addAttribute("monthChart", charts.line(List.copyOf(use.byMonth().keySet()),
                Map.of("已拨付（元）", List.copyOf(use.byMonth().values()))));
        return "subsidy/budget";
    }

    @GetMapping("/subsidies")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("entitlements", subsidies.mine(user));
        model.addAttribute("clawbacks", subsidies.clawbacks(user));
        model.addAttribute("whyNot", enterprises.ownCreditCode(user).map(views::whyNot).orElse(List.of()));
        return "subsidy/mine";
    }

    @PostMapping("/subsidies/{id}/confirm")
    String confirm(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes flash) {
        act(flash, () -> subsidies.confirm(new Entitlement.Id(id), user), "subsidy.done.confirm");
        return "redirect:/subsidies";
    }

    @GetMapping("/subsidies/queue")
    @PreAuthorize("hasRole('GOV')")
    String queue(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("entitlements", subsidies.queue(user));
        model.addAttribute("objections", subsidies.objections(true, user));
        model.addAttribute("clawbacks", subsidies.clawbacks(user));
        model.addAttribute("me", user.username());
        return "subsidy/queue";
    }

    @PostMapping("/subsidies/{id}/{step}")
    @PreAuthorize("hasRole('GOV')")
    String step(@PathVariable UUID id, @PathVariable String step, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        Entitlement.Id eid = new Entitlement.Id(id);
        switch (step) {
            case "notice" -> act(flash, () -> subsidies.notice(eid, user), "subsidy.done.notice");
            case "approve" -> act(flash, () -> subsidies.approve(eid, user), "subsidy.done.approve");
            case "pay" -> act(flash, () -> subsidies.pay(eid, user), "subsidy.done.pay");
            default -> throw new NotFoundException("没有这个操作");
        }
        return "redirect:/subsidies/queue";
    }

    /** The fields of the report form, in order. */
    static final List<String> REPORT_FIELDS = List.of("type", "enterprise", "date", "amount", "ref", "loanRef",
            "loanDate", "ipPledge", "item", "milestone", "board", "proceeds", "principal");

    @GetMapping("/subsidies/report")
    String reportForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        return reportPage(user, model, Map.of(), Map.of());
    }

    @PostMapping("/subsidies/report")
    String report(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes flash) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (REPORT_FIELDS.contains(name) && !value.isBlank()) {
                body.put(name, value.strip());
            }
        });
        try {
            Subsidies.Report r = subsidies.report(body, user);
            flash.addFlashAttribute("doneKey", "subsidy.done.report");
            flash.addFlashAttribute("produced", r.entitlements());
            return "redirect:/subsidies/report";
        } catch (InvalidRequestException e) {
            return reportPage(user, model, form, e.fieldErrors().isEmpty() ? Map.of("type", e.getMessage())
                    : e.fieldErrors());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return reportPage(user, model, form, Map.of("enterprise", e.getMessage()));
        }
    }

    private String reportPage(SignedInUser user, Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", java.util.Arrays.stream(EventType.values()).filter(EventType::reported).toList());
        model.addAttribute("reported", subsidies.reported(user));
        model.addAttribute("fields", REPORT_FIELDS.stream().filter(f -> !f.equals("type") && !f.equals("ipPledge"))
                .toList());
        return "subsidy/report";
    }

    @GetMapping("/subsidies/notices")
    String notices(Model model) {
        model.addAttribute("entitlements", subsidies.onNotice());
        model.addAttribute("paused", subsidies.paused());
        return "subsidy/notices";
    }

    /** The objection channel of the public notice: open to everyone (a name and phone to answer). */
    @PostMapping("/subsidies/notices/{id}/objections")
    String object(@PathVariable UUID id, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal @Nullable SignedInUser user, Model model, RedirectAttributes flash) {
        try {
            subsidies.object(new Entitlement.Id(id), form.get("text"), form.get("name"), form.get("phone"), user);
            flash.addFlashAttribute("doneKey", "subsidy.objection.done");
            return "redirect:/subsidies/notices";
        } catch (InvalidRequestException e) {
            model.addAttribute("entitlements", subsidies.onNotice());
            model.addAttribute("paused", subsidies.paused());
            model.addAttribute("objecting", id);
            model.addAttribute("form", form);
            model.addAttribute("objectionErrors", e.fieldErrors().isEmpty() ? Map.of("text", e.getMessage())
                    : e.fieldErrors());
            return "subsidy/notices";
        }
    }

    @PostMapping("/subsidies/objections/{id}/resolve")
    @PreAuthorize("hasRole('GOV')")
    String resolve(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean upheld,
            @RequestParam(required = false) @Nullable String resolution, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        act(flash, () -> subsidies.resolve(id, upheld, resolution, user), "subsidy.objection.resolved");
        return "redirect:/subsidies/queue";
    }

    /** A form row: a declared variable and its current text. */
    record FactField(String name, String value) {
    }

    @GetMapping("/subsidies/policies")
    String policies(@RequestParam(name = "code", required = false) @Nullable String code, Model model) {
        model.addAttribute("policies", catalog.policies());
        model.addAttribute("fields", fields(Map.of()));
        return "subsidy/policies";
    }

    /** The form of the try-it box: one hypothetical event, as the quote API takes it. */
    static final List<String> QUOTE_FIELDS = List.of("beneficiary", "type", "date", "amount", "enterprise", "stage",
            "qualifications", "ageYears", "industry", "town", "investorType", "stake", "loanRef", "loanDate",
            "ipPledge", "rate", "termMonths", "item", "milestone", "board", "proceeds", "principal", "productType");

    @PostMapping("/subsidies/policies/{code}/quote")
    String quote(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        Map<String, @Nullable Object> event = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (QUOTE_FIELDS.contains(name) && !name.equals("beneficiary") && !value.isBlank()) {
                event.put(name, value.strip());
            }
        });
        event.put("ref", "E1");
        model.addAttribute("policies", catalog.policies());
        model.addAttribute("fields", fields(form));
        model.addAttribute("tried", code);
        try {
            Subsidies.QuoteLine line = subsidies.quote(code, null, form.get("beneficiary"), List.of(event)).events()
                    .getFirst();
            model.addAttribute("result", line.calculation());
            model.addAttribute("resultRule", line.rule());
        } catch (InvalidRequestException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((k, v) -> errors.put(k.replace("events[0].", ""), v));
            model.addAttribute("trialErrors", errors.isEmpty() ? Map.of("facts", e.getMessage()) : errors);
        }
        return "subsidy/policies";
    }

    private static List<FactField> fields(Map<String, String> form) {
        return QUOTE_FIELDS.stream().map(n -> new FactField(n, form.getOrDefault(n, ""))).toList();
    }

    private static void act(RedirectAttributes flash, Runnable action, String doneKey) {
        try {
            action.run();
            flash.addFlashAttribute("doneKey", doneKey);
        } catch (InvalidRequestException e) {
            flash.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.getMessage()
                    : String.join("；", e.fieldErrors().values()));
        }
    }
}
