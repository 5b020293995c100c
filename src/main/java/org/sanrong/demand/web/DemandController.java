package org.sanrong.demand.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.Collateral;
import org.sanrong.demand.DemandStatus;
import org.sanrong.demand.DemandView;
import org.sanrong.demand.Demands;
import org.sanrong.demand.FinancingDemand;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.demand.OpenDemandQuery;
import org.sanrong.demand.PurposeCategory;
import org.sanrong.demand.Visibility;
import org.sanrong.identity.Organisation;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Fen;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.ResultPage;
import org.sanrong.reference.ReferenceData;
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

/** 融资需求 pages: the enterprise's list and form, a demand's details and versions, and the 需求大厅. */
@Controller
class DemandController {

    private final Demands demands;
    private final OrganisationRegistry registry;
    private final ReferenceData reference;
    private final Clock clock;

    DemandController(Demands demands, OrganisationRegistry registry, ReferenceData reference, Clock clock) {
        this.clock = clock;
        this.demands = demands;
        this.registry = registry;
        this.reference = reference;
    }

    @GetMapping("/enterprise/demands")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("demands", demands.mine(user));
        return "demand/mine";
    }

    @GetMapping("/enterprise/demands/new")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String create(Model model) {
        model.addAttribute("form", DemandForm.empty());
        return form(null, model);
    }

    @PostMapping("/enterprise/demands")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String create(@ModelAttribute("form") DemandForm form, BindingResult binding,
            @RequestParam(defaultValue = "draft") String action, @AuthenticationPrincipal SignedInUser user,
            Model model, RedirectAttributes redirect) {
        DemandForm.Parsed parsed = form.parse();
        boolean publish = "publish".equals(action);
        if (!parsed.errors().isEmpty()) {
            return invalid(parsed, publish, binding, null, model);
        }
        FinancingDemand.Id id;
        try {
            id = demands.create(parsed.terms(), publish, user);
        } catch (InvalidRequestException e) {
            return invalid(e, parsed, publish, binding, null, model);
        }
        redirect.addFlashAttribute("notice", publish ? "融资需求已发布" : "草稿已保存");
        return "redirect:/demands/" + id.value();
    }

    @GetMapping("/enterprise/demands/{id}/edit")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        DemandView demand = demands.view(new FinancingDemand.Id(id), user);
        if (!demand.own()) {
            throw new org.springframework.security.access.AccessDeniedException("只能修改本企业的融资需求");
        }
        model.addAttribute("form", DemandForm.of(demand));
        return form(demand, model);
    }

    @PostMapping("/enterprise/demands/{id}")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String revise(@PathVariable UUID id, @ModelAttribute("form") DemandForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        FinancingDemand.Id demandId = new FinancingDemand.Id(id);
        DemandForm.Parsed parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            return invalid(parsed, false, binding, demands.view(demandId, user), model);
        }
        int version;
        try {
            version = demands.revise(demandId, parsed.terms(), user);
        } catch (InvalidRequestException e) {
            return invalid(e, parsed, false, binding, demands.view(demandId, user), model);
        }
        redirect.addFlashAttribute("notice", version == 0 ? "草稿已保存" : "已保存为第 " + version + " 版");
        return "redirect:/demands/" + id;
    }

    @PostMapping("/enterprise/demands/{id}/publication")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String publish(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            demands.publish(new FinancingDemand.Id(id), user);
            redirect.addFlashAttribute("notice", "融资需求已发布");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", "未能发布：" + String.join("；", e.fieldErrors().isEmpty()
                    ? List.of(e.getMessage()) : e.fieldErrors().values()));
        }
        return "redirect:/demands/" + id;
    }

    @PostMapping("/enterprise/demands/{id}/closure")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String close(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            demands.close(new FinancingDemand.Id(id), reason, user);
            redirect.addFlashAttribute("notice", "融资需求已关闭");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/demands/" + id;
    }

    @GetMapping("/demands/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        FinancingDemand.Id demandId = new FinancingDemand.Id(id);
        DemandView demand = demands.view(demandId, user);
        model.addAttribute("demand", demand);
        model.addAttribute("chosen", institutionNames(demand.terms().chosenInstitutions()));
        if (demand.own() || official(user)) {
            model.addAttribute("versions", demands.versions(demandId, user));
        }
        return "demand/show";
    }

    @GetMapping("/demands/{id}/versions/{version}")
    String version(@PathVariable UUID id, @PathVariable int version, @AuthenticationPrincipal SignedInUser user,
            Model model) {
        FinancingDemand.Id demandId = new FinancingDemand.Id(id);
        DemandView demand = demands.view(demandId, user);
        var v = demands.version(demandId, version, user);
        model.addAttribute("demand", demand);
        model.addAttribute("version", v);
        model.addAttribute("chosen", institutionNames(v.terms().chosenInstitutions()));
        return "demand/version";
    }

    @GetMapping("/demands/open")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'GOV', 'ADMIN')")
    String open(@RequestParam(required = false) @Nullable FinancingKind kind,
            @RequestParam(required = false) @Nullable String minAmount,
            @RequestParam(required = false) @Nullable String maxAmount,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable DemandStatus status,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
        Long min = null;
        Long max = null;
        try {
            min = Fen.fromWan(minAmount);
            max = Fen.fromWan(maxAmount);
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        }
        ResultPage<DemandView> result = demands.open(new OpenDemandQuery(kind, min, max, town, industry, status),
                user, Math.max(0, page), 20);
        model.addAttribute("result", result);
        model.addAttribute("kind", kind);
        model.addAttribute("minAmount", minAmount);
        model.addAttribute("maxAmount", maxAmount);
        model.addAttribute("town", town);
        model.addAttribute("industry", industry);
        model.addAttribute("status", status);
        model.addAttribute("official", official(user));
        model.addAttribute("kinds", FinancingKind.values());
        model.addAttribute("statuses", DemandStatus.values());
        model.addAttribute("towns", reference.towns());
        return "demand/open";
    }

    private String invalid(DemandForm.Parsed parsed, boolean publish, BindingResult binding,
            @Nullable DemandView demand, Model model) {
        // report the rules' findings on what could be read too, so every problem shows in one round
        Map<String, String> all = new LinkedHashMap<>(parsed.errors());
        DemandForm.onForm(publish || (demand != null && demand.status() != DemandStatus.DRAFT)
                ? parsed.terms().problemsForPublication(LocalDate.now(clock))
                : parsed.terms().problems(LocalDate.now(clock))).forEach(all::putIfAbsent);
        FormErrors.show(all, binding);
        return form(demand, model);
    }

    /** The service's refusal, plus whatever else the rules find, so every problem shows in one round. */
    private String invalid(InvalidRequestException e, DemandForm.Parsed parsed, boolean publish,
            BindingResult binding, @Nullable DemandView demand, Model model) {
        if (e.fieldErrors().isEmpty()) {
            binding.reject("invalid", e.getMessage());
        }
        return invalid(new DemandForm.Parsed(parsed.terms(), DemandForm.onForm(e.fieldErrors())), publish, binding,
                demand, model);
    }

    private String form(@Nullable DemandView demand, Model model) {
        model.addAttribute("demand", demand);
        model.addAttribute("kinds", FinancingKind.values());
        model.addAttribute("categories", PurposeCategory.values());
        model.addAttribute("collaterals", Collateral.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("institutions", registry.search(null, OrganisationKind.INSTITUTION,
                Organisation.Status.ACTIVE, 0, 200).items());
        return "demand/form";
    }

    private List<String> institutionNames(List<UUID> ids) {
        return ids.stream().map(i -> registry.find(i).map(OrganisationView::name).orElse(i.toString())).toList();
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(org.sanrong.identity.Role.GOV) || user.hasRole(org.sanrong.identity.Role.ADMIN);
    }

}
