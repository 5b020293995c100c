package org.sanrong.riskshare.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.FormInput;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.riskshare.BridgeLoans;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 转贷 pages: one board whose parts follow the reader — the enterprise applies and follows its bridge, the bank
 * commits, renews or says it will not, government keeps the towns' lists, funds the fund, lends and records the
 * repayment; overdue bridges and banks that did not renew are flagged.
 */
@Controller
class BridgeController {

    private final BridgeLoans bridges;

    BridgeController(BridgeLoans bridges) {
        this.bridges = bridges;
    }

    record ApplyForm(@Nullable String bankId, @Nullable String oldLoanNumber, @Nullable String oldLoanMaturity,
            @Nullable String amount) {
    }

    record ListForm(@Nullable String town, @Nullable String creditCode) {
    }

    record FundForm(@Nullable String amount) {
    }

    @GetMapping("/riskshare/bridge")
    String board(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("terms", bridges.terms());
        model.addAttribute("bridges", bridges.bridges(user));
        model.addAttribute("gov", user.hasRole(Role.GOV));
        model.addAttribute("bank", user.hasRole(Role.INSTITUTION));
        model.addAttribute("enterprise", user.hasRole(Role.ENTERPRISE));
        if (user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN)) {
            model.addAttribute("fund", bridges.figures());
            model.addAttribute("listed", bridges.listed(null));
        }
        if (user.hasRole(Role.ENTERPRISE)) {
            model.addAttribute("banks", bridges.banks());
        }
        for (var e : java.util.Map.of("applyForm", new ApplyForm("", "", "", ""), "listForm", new ListForm("", ""),
                "fundForm", new FundForm("")).entrySet()) {
            if (!model.containsAttribute(e.getKey())) {
                model.addAttribute(e.getKey(), e.getValue());
            }
        }
        return "riskshare/bridge";
    }

    @PostMapping("/riskshare/bridge/applications")
    String apply(@ModelAttribute("applyForm") ApplyForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        FormInput in = new FormInput();
        Long amount = in.wan("amount", form.amount());
        LocalDate maturity = in.date("oldLoanMaturity", form.oldLoanMaturity());
        UUID bank = null;
        try {
            bank = form.bankId() == null || form.bankId().isBlank() ? null : UUID.fromString(form.bankId());
        } catch (IllegalArgumentException e) {
            in.reject("bankId", "请选择办理续贷的银行");
        }
        try {
            if (!in.errors().isEmpty()) {
                throw new InvalidRequestException(in.errors());
            }
            bridges.apply(new BridgeLoans.Application(bank, form.oldLoanNumber(), maturity, amount), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return board(user, model);
        }
        redirect.addFlashAttribute("notice", "转贷申请已提交，等待银行出具续贷承诺");
        return "redirect:/riskshare/bridge";
    }

    @PostMapping("/riskshare/bridge/town-lists")
    String list(@ModelAttribute("listForm") ListForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            bridges.list(form.town(), form.creditCode(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return board(user, model);
        }
        redirect.addFlashAttribute("notice", "已列入名录");
        return "redirect:/riskshare/bridge#town-lists";
    }

    @PostMapping("/riskshare/bridge/funding")
    String fund(@ModelAttribute("fundForm") FundForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        FormInput in = new FormInput();
        Long amount = in.wan("amount", form.amount());
        try {
            if (!in.errors().isEmpty()) {
                throw new InvalidRequestException(in.errors());
            }
            bridges.fund(amount, user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return board(user, model);
        }
        redirect.addFlashAttribute("notice", "已注资");
        return "redirect:/riskshare/bridge";
    }

    @PostMapping("/riskshare/bridge/{id}/{step}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String newLoanNumber, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            switch (step) {
                case "commit" -> bridges.commit(id, true, null, user);
                case "decline" -> bridges.commit(id, false, reason, user);
                case "lend" -> bridges.lend(id, null, user);
                case "renew" -> bridges.renew(id, true, newLoanNumber, user);
                case "not-renew" -> bridges.renew(id, false, null, user);
                case "repaid" -> bridges.repaid(id, null, user);
                default -> throw new InvalidRequestException("step", "未知的办理步骤");
            }
            redirect.addFlashAttribute("notice", "已办理");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/riskshare/bridge#bridge-" + id;
    }
}
