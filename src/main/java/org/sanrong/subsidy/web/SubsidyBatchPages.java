package org.sanrong.subsidy.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.subsidy.PolicyCatalog;
import org.sanrong.subsidy.SubsidyBatches;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officials' batch page (/subsidies/batches): prepare, choose (择优), check, approve, pay, export. */
@Controller
@PreAuthorize("hasRole('GOV')")
class SubsidyBatchPages {

    private final SubsidyBatches batches;
    private final PolicyCatalog catalog;

    SubsidyBatchPages(SubsidyBatches batches, PolicyCatalog catalog) {
        this.batches = batches;
        this.catalog = catalog;
    }

    @GetMapping("/subsidies/batches")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("batches", batches.all(user));
        model.addAttribute("codes", catalog.policies().stream().map(p -> p.code()).distinct().toList());
        model.addAttribute("me", user.username());
        return "subsidy/batches";
    }

    @PostMapping("/subsidies/batches")
    String prepare(@RequestParam String policy, @RequestParam int year, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        act(flash, () -> batches.prepare(policy, year, user));
        return "redirect:/subsidies/batches";
    }

    @PostMapping("/subsidies/batches/{id}/{step}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes flash) {
        switch (step) {
            case "select" -> act(flash, () -> batches.select(id, form.keySet().stream()
                    .filter(k -> k.startsWith("item-")).map(k -> UUID.fromString(k.substring(5))).toList(), user));
            case "check" -> act(flash, () -> batches.check(id, user));
            case "approve" -> act(flash, () -> batches.approve(id, user));
            case "pay" -> act(flash, () -> batches.pay(id, user));
            default -> throw new org.sanrong.platform.NotFoundException("没有这个操作");
        }
        return "redirect:/subsidies/batches";
    }

    @GetMapping("/subsidies/batches/{id}/export.xlsx")
    void export(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        org.sanrong.subsidy.Batch b = batches.view(id, user);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(
                "补贴拨付批次-" + b.policyCode() + "-" + b.year() + ".xlsx", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        batches.export(id, user, response.getOutputStream());
    }

    private static void act(RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("doneKey", "subsidy.batch.done");
        } catch (InvalidRequestException e) {
            flash.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.getMessage()
                    : String.join("；", e.fieldErrors().values()));
        }
    }

}
