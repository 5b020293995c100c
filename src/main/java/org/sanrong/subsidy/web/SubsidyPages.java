package org.sanrong.subsidy.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.subsidy.Calculation;
import org.sanrong.subsidy.Entitlement;
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

    SubsidyPages(Subsidies subsidies, PolicyCatalog catalog) {
        this.subsidies = subsidies;
        this.catalog = catalog;
    }

    @GetMapping("/subsidies")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("entitlements", subsidies.mine(user));
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

    @GetMapping("/subsidies/notices")
    String notices(Model model) {
        model.addAttribute("entitlements", subsidies.onNotice());
        return "subsidy/notices";
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

    @PostMapping("/subsidies/policies/{code}/trial")
    String trial(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("event.") || name.startsWith("enterprise.") || name.startsWith("investor.")) {
                if (value.isBlank()) {
                    return;
                }
                facts.put(name, name.equals("enterprise.qualifications")
                        ? Arrays.stream(value.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList()
                        : name.equals("enterprise.known") ? (Object) Boolean.valueOf(value.strip()) : value.strip());
            }
        });
        model.addAttribute("policies", catalog.policies());
        model.addAttribute("fields", fields(form));
        model.addAttribute("tried", code);
        try {
            Calculation c = subsidies.trial(code, facts, 0);
            model.addAttribute("result", c);
        } catch (InvalidRequestException e) {
            model.addAttribute("trialErrors", e.fieldErrors().isEmpty() ? Map.of("facts", e.getMessage())
                    : e.fieldErrors());
        }
        return "subsidy/policies";
    }

    private static List<FactField> fields(Map<String, String> form) {
        return Subsidies.variables().stream().map(n -> new FactField(n, form.getOrDefault(n, ""))).toList();
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
