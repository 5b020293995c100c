package org.sanrong.riskshare.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.FormInput;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.riskshare.GuaranteeDefaults;
import org.sanrong.riskshare.GuaranteeParty;
import org.sanrong.riskshare.SchemeCatalog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Guaranteed loans' pages: the list with the form to record one (chain and scheme), and one loan with each party's
 * share, loss, recovery and net, who owes whom, and the forms to record the default, a recovery and a settlement.
 * Money in forms in 万元.
 */
@Controller
class GuaranteeController {

    private final GuaranteeDefaults guarantees;
    private final SchemeCatalog schemes;

    GuaranteeController(GuaranteeDefaults guarantees, SchemeCatalog schemes) {
        this.guarantees = guarantees;
        this.schemes = schemes;
    }

    record LoanForm(@Nullable String scheme, @Nullable String loanNumber, @Nullable String enterpriseName,
            @Nullable String enterpriseCreditCode, @Nullable String enterpriseCategory, @Nullable String principal,
            @Nullable String guaranteedOn, @Nullable String bankName, @Nullable String cityGuarantorName,
            @Nullable String provincialName, @Nullable String nationalFundName,
            @Nullable String localGovernmentName) {

        static LoanForm empty() {
            return new LoanForm("NFGF-TECH-2024", "", "", "", "专精特新", "", "", "", "", "", "国家融资担保基金", "");
        }
    }

    record AmountForm(@Nullable String amount, @Nullable String on, @Nullable String payer, @Nullable String payee) {

        static AmountForm empty() {
            return new AmountForm("", "", "CITY_GUARANTOR", "BANK");
        }
    }

    @GetMapping("/riskshare/guarantees")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("loans", guarantees.loans(user));
        model.addAttribute("schemes", schemes.guaranteeSchemes());
        if (!model.containsAttribute("loanForm")) {
            model.addAttribute("loanForm", LoanForm.empty());
        }
        return "riskshare/guarantees";
    }

    @PostMapping("/riskshare/guarantees")
    String record(@ModelAttribute("loanForm") LoanForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        FormInput in = new FormInput();
        Long principal = in.wan("principal", form.principal());
        LocalDate on = in.date("guaranteedOn", form.guaranteedOn());
        UUID id;
        try {
            if (!in.errors().isEmpty()) {
                throw new InvalidRequestException(in.errors());
            }
            id = guarantees.record(new GuaranteeDefaults.NewLoan(form.scheme(), form.loanNumber(),
                    form.enterpriseName(), form.enterpriseCreditCode(), form.enterpriseCategory(), principal, on,
                    form.bankName(), form.cityGuarantorName(), form.provincialName(), form.nationalFundName(),
                    form.localGovernmentName()), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return list(user, model);
        }
        redirect.addFlashAttribute("notice", "已登记担保业务");
        return "redirect:/riskshare/guarantees/" + id;
    }

    @GetMapping("/riskshare/guarantees/{id}")
    String one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("g", guarantees.view(id, user));
        model.addAttribute("parties", GuaranteeParty.values());
        for (String f : new String[] {"defaultForm", "recoveryForm", "settleForm"}) {
            if (!model.containsAttribute(f)) {
                model.addAttribute(f, AmountForm.empty());
            }
        }
        return "riskshare/guarantee";
    }

    @PostMapping("/riskshare/guarantees/{id}/default")
    String recordDefault(@PathVariable UUID id, @ModelAttribute("defaultForm") AmountForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        return act(id, form, binding, user, model, redirect, "已登记代偿，损失已按方案分担",
                (fen, on) -> guarantees.recordDefault(id, fen, on, user));
    }

    @PostMapping("/riskshare/guarantees/{id}/recoveries")
    String recordRecovery(@PathVariable UUID id, @ModelAttribute("recoveryForm") AmountForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return act(id, form, binding, user, model, redirect, "已登记追偿，按方案分配",
                (fen, on) -> guarantees.recordRecovery(id, fen, on, user));
    }

    @PostMapping("/riskshare/guarantees/{id}/settlements")
    String settle(@PathVariable UUID id, @ModelAttribute("settleForm") AmountForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        return act(id, form, binding, user, model, redirect, "已登记结算",
                (fen, on) -> guarantees.settle(id, party(form.payer()), party(form.payee()), fen, on, user));
    }

    private String act(UUID id, AmountForm form, BindingResult binding, SignedInUser user, Model model,
            RedirectAttributes redirect, String notice, java.util.function.BiConsumer<Long, LocalDate> action) {
        FormInput in = new FormInput();
        Long fen = in.wan("amount", form.amount());
        LocalDate on = form.on() == null || form.on().isBlank() ? null : in.date("on", form.on());
        if (fen == null && !in.errors().containsKey("amount")) {
            in.reject("amount", "请填写金额（万元）");
        }
        try {
            if (!in.errors().isEmpty()) {
                throw new InvalidRequestException(in.errors());
            }
            action.accept(fen, on);
        } catch (InvalidRequestException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.fieldErrors().forEach((k, v) -> errors.put(switch (k) {
                case "loss" -> "amount";
                case "defaultedOn", "recoveredOn", "settledOn" -> "on";
                case "status" -> "amount";
                default -> k;
            }, v));
            FormErrors.show(errors.isEmpty() ? Map.of("amount", String.valueOf(e.getMessage())) : errors, binding);
            return one(id, user, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/riskshare/guarantees/" + id;
    }

    private static @Nullable GuaranteeParty party(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : GuaranteeParty.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
