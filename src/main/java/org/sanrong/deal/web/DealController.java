package org.sanrong.deal.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.deal.Deal;
import org.sanrong.deal.DealFlow;
import org.sanrong.deal.DealStatus;
import org.sanrong.deal.DealView;
import org.sanrong.deal.DeclineReason;
import org.sanrong.deal.LoanStatus;
import org.sanrong.demand.DemandView;
import org.sanrong.demand.Demands;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.ResultPage;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * 融资对接 pages: the enterprise's applications, the institution's cases, one deal with its timeline and the actions
 * its reader may take, and the application form. A refused action comes back on the same page with the message
 * next to its field.
 */
@Controller
class DealController {

    private final DealFlow flow;
    private final ProductCatalog catalog;
    private final Demands demands;

    DealController(DealFlow flow, ProductCatalog catalog, Demands demands) {
        this.flow = flow;
        this.catalog = catalog;
        this.demands = demands;
    }

    @GetMapping("/enterprise/deals")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String enterpriseDeals(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("deals", flow.ofEnterprise(user));
        return "deal/enterprise-list";
    }

    @GetMapping("/institution/deals")
    @PreAuthorize("hasRole('INSTITUTION')")
    String institutionDeals(@RequestParam(required = false) @Nullable DealStatus status,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
        ResultPage<DealView> deals = flow.ofInstitution(status, user, Math.max(0, page), 20);
        model.addAttribute("deals", deals);
        model.addAttribute("status", status);
        model.addAttribute("statuses", DealStatus.values());
        return "deal/institution-list";
    }

    // ---- applying ---------------------------------------------------------------------------------------------

    @GetMapping("/deals/apply")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String applyForm(@RequestParam UUID product, @RequestParam(required = false) @Nullable UUID demand,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        DemandView d = demand == null ? null : demands.view(new org.sanrong.demand.FinancingDemand.Id(demand), user);
        model.addAttribute("form", new DealForms.ApplicationForm(product.toString(),
                demand == null ? "" : demand.toString(),
                d == null ? "" : org.sanrong.platform.Fen.toWanInput(d.terms().amountFen()),
                d == null || d.terms().termMonths() == null ? "" : d.terms().termMonths().toString(),
                d == null ? "" : d.terms().purpose(), true));
        return applyPage(product, user, model);
    }

    @PostMapping("/deals/apply")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String apply(@ModelAttribute("form") DealForms.ApplicationForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        var parsed = form.parse();
        UUID product = DealForms.uuid(form.productId());
        if (product == null) {
            throw new org.sanrong.platform.NotFoundException("产品不存在");
        }
        if (!parsed.errors().isEmpty() || parsed.value() == null) {
            FormErrors.show(parsed.errors(), binding);
            return applyPage(product, user, model);
        }
        Deal.Id id;
        try {
            id = flow.apply(parsed.value(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(onForm(e.fieldErrors(), e.getMessage()), binding);
            return applyPage(product, user, model);
        }
        redirect.addFlashAttribute("notice", "申请已提交，机构将在规定的工作日内受理");
        return "redirect:/deals/" + id.value();
    }

    private String applyPage(UUID productId, SignedInUser user, Model model) {
        model.addAttribute("product", catalog.current(productId)
                .orElseThrow(() -> new org.sanrong.platform.NotFoundException("产品不存在或已下架")));
        model.addAttribute("myDemands", demands.mine(user).stream().filter(d -> d.status().open()).toList());
        return "deal/apply";
    }

    /** The institution picks up a demand from its matched list or the demand page. */
    @PostMapping("/deals/pickups")
    @PreAuthorize("hasRole('INSTITUTION')")
    String pickUpDemand(@RequestParam UUID demandId, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            Deal.Id id = flow.pickUpDemand(demandId, user);
            redirect.addFlashAttribute("notice", "已接单，请在规定的工作日内作出决定");
            return "redirect:/deals/" + id.value();
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/demands/" + demandId;
        }
    }

    // ---- one deal ---------------------------------------------------------------------------------------------

    @GetMapping("/deals/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return page(id, user, model);
    }

    @PostMapping("/deals/{id}/pickup")
    @PreAuthorize("hasRole('INSTITUTION')")
    String pickUp(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "已接单，请在规定的工作日内作出决定", () -> flow.pickUp(new Deal.Id(id), user));
    }

    @PostMapping("/deals/{id}/approval")
    @PreAuthorize("hasRole('INSTITUTION')")
    String approve(@PathVariable UUID id, @ModelAttribute("offerForm") DealForms.OfferForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(id, user, model, binding, redirect, form.parse(),
                offer -> flow.approve(new Deal.Id(id), offer, user), "已批复，等待企业确认");
    }

    @PostMapping("/deals/{id}/refusal")
    @PreAuthorize("hasRole('INSTITUTION')")
    String decline(@PathVariable UUID id, @ModelAttribute("declineForm") DealForms.DeclineForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(id, user, model, binding, redirect, form.parse(),
                reason -> flow.decline(new Deal.Id(id), reason, form.note(), user), "已告知企业拒绝原因");
    }

    @PostMapping("/deals/{id}/materials-request")
    @PreAuthorize("hasRole('INSTITUTION')")
    String requestMaterials(@PathVariable UUID id, @ModelAttribute("materialsForm") DealForms.RequestForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(id, user, model, binding, redirect, new DealForms.Parsed<>(text(form.request()), Map.of()),
                request -> flow.requestMaterials(new Deal.Id(id), request, user), "已请企业补充材料，期间时限暂停");
    }

    @PostMapping("/deals/{id}/materials")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String provideMaterials(@PathVariable UUID id, @ModelAttribute("provideForm") DealForms.NoteForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(id, user, model, binding, redirect, new DealForms.Parsed<>(text(form.note()), Map.of()),
                note -> flow.provideMaterials(new Deal.Id(id), note, user), "已提交补充材料说明");
    }

    @PostMapping("/deals/{id}/offer/acceptance")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String acceptOffer(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        return simple(id, redirect, "已接受批复，等待机构放款", () -> flow.acceptOffer(new Deal.Id(id), user));
    }

    @PostMapping("/deals/{id}/offer/refusal")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String declineOffer(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "已放弃该批复", () -> flow.declineOffer(new Deal.Id(id), note, user));
    }

    @PostMapping("/deals/{id}/withdrawal")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "已撤回申请，可以改投其他机构", () -> flow.withdraw(new Deal.Id(id), note, user));
    }

    @PostMapping("/deals/{id}/disbursement")
    @PreAuthorize("hasRole('INSTITUTION')")
    String disburse(@PathVariable UUID id, @ModelAttribute("disbursementForm") DealForms.DisbursementForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(id, user, model, binding, redirect, form.parse(),
                loan -> flow.recordDisbursement(new Deal.Id(id), loan, user), "放款已登记");
    }

    @PostMapping("/deals/{id}/investment")
    @PreAuthorize("hasRole('INSTITUTION')")
    String invest(@PathVariable UUID id, @ModelAttribute("investmentForm") DealForms.InvestmentForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(id, user, model, binding, redirect, form.parse(),
                investment -> flow.recordInvestment(new Deal.Id(id), investment, user), "投资已登记");
    }

    @PostMapping("/deals/{id}/loan-status")
    @PreAuthorize("hasRole('INSTITUTION')")
    String reportStatus(@PathVariable UUID id, @ModelAttribute("statusForm") DealForms.StatusForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(id, user, model, binding, redirect, form.parse(), r -> flow.reportLoanStatus(new Deal.Id(id),
                r.status(), r.asOf(), r.outstandingFen(), user), "还款状态已报送");
    }

    /**
     * One action form's round trip: typing mistakes and the flow's refusals come back on the deal page next to their
     * fields (the flow names money fields by their API names; see {@link #onForm}); success redirects with a notice.
     */
    private <T> String submit(UUID id, SignedInUser user, Model model, BindingResult binding,
            RedirectAttributes redirect, DealForms.Parsed<T> parsed, java.util.function.Consumer<T> action,
            String notice) {
        if (parsed.value() == null || !parsed.errors().isEmpty()) {
            FormErrors.show(parsed.errors(), binding);
            return page(id, user, model);
        }
        try {
            action.accept(parsed.value());
        } catch (InvalidRequestException e) {
            FormErrors.show(onForm(e.fieldErrors(), e.getMessage()), binding);
            return page(id, user, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/deals/" + id;
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** The deal page, with the forms the reader may use (a failed one keeps what was typed and its errors). */
    private String page(UUID id, SignedInUser user, Model model) {
        Deal.Id dealId = new Deal.Id(id);
        DealView deal = flow.view(dealId, user);
        model.addAttribute("deal", deal);
        model.addAttribute("timeline", flow.timeline(dealId, user));
        model.addAttribute("reports", flow.statusReports(dealId, user));
        model.addAttribute("demandId", deal.demandId());
        boolean enterprise = user.hasRole(Role.ENTERPRISE);
        Set<DealStatus> lost = EnumSet.of(DealStatus.DECLINED, DealStatus.OVERDUE, DealStatus.WITHDRAWN,
                DealStatus.OFFER_DECLINED);
        model.addAttribute("alternatives", enterprise && lost.contains(deal.status())
                ? flow.alternatives(dealId, user, 5) : List.of());
        model.addAttribute("reasons", DeclineReason.values());
        model.addAttribute("loanStatuses", LoanStatus.values());
        putIfAbsent(model, "offerForm", DealForms.OfferForm.empty());
        putIfAbsent(model, "declineForm", DealForms.DeclineForm.empty());
        putIfAbsent(model, "materialsForm", DealForms.RequestForm.empty());
        putIfAbsent(model, "provideForm", DealForms.NoteForm.empty());
        putIfAbsent(model, "disbursementForm", DealForms.DisbursementForm.empty());
        putIfAbsent(model, "investmentForm", DealForms.InvestmentForm.empty());
        putIfAbsent(model, "statusForm", DealForms.StatusForm.empty());
        return "deal/show";
    }

    private static void putIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    private String simple(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/deals/" + id;
    }

    /** The flow names money fields by their API names (amountFen); the forms take 万元 under plain names. */
    private static Map<String, String> onForm(Map<String, String> errors, @Nullable String message) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> out.putIfAbsent(k.endsWith("Fen") ? k.substring(0, k.length() - 3) : k, v));
        if (out.isEmpty() && message != null) {
            out.put("_", message);
        }
        return out;
    }
}
