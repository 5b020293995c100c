package org.sanrong.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.catalog.FinancialProduct;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductQuery;
import org.sanrong.catalog.ProductRef;
import org.sanrong.catalog.ProductType;
import org.sanrong.catalog.ProductVersionView;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
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

/**
 * The product supermarket (public list; details and comparison for signed-in users), the institution's own
 * products with their form, and the government's review queue.
 */
@Controller
class ProductController {

    private static final int PAGE_SIZE = 20;

    private final ProductCatalog catalog;
    private final ReferenceData reference;

    ProductController(ProductCatalog catalog, ReferenceData reference) {
        this.catalog = catalog;
        this.reference = reference;
    }

    // ---- the supermarket ----------------------------------------------------------------------------------------

    @GetMapping("/products")
    String list(@RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String institutionType,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String term,
            @RequestParam(required = false) @Nullable String rate,
            @RequestParam(required = false) @Nullable String sort, @RequestParam(defaultValue = "0") int page,
            Model model, HttpServletResponse response) {
        ProductQuery query;
        try {
            query = ProductQuery.parse(type, kind, institutionType, amount, term, rate, sort);
        } catch (InvalidRequestException e) {
            model.addAttribute("filterErrors", e.fieldErrors());
            response.setStatus(400);
            query = ProductQuery.ALL;
        }
        ResultPage<?> result = catalog.search(query, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("types", ProductType.values());
        model.addAttribute("kinds", FinancingKind.values());
        model.addAttribute("institutionTypes", InstitutionType.values());
        model.addAttribute("sorts", ProductQuery.Sort.values());
        model.addAttribute("f", Map.of("type", nz(type), "kind", nz(kind), "institutionType", nz(institutionType),
                "amount", nz(amount), "term", nz(term), "rate", nz(rate), "sort", nz(sort)));
        return "catalog/list";
    }

    @GetMapping("/products/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        ProductVersionView version = catalog.latest(id).orElse(null);
        if (version == null) {
            // never published: only its institution and reviewers can look, at the working copy
            catalog.workingCopy(id, user);
            return "redirect:/institution/products/" + id;
        }
        return detail(version, true, model);
    }

    @GetMapping("/products/{id}/versions/{n}")
    String version(@PathVariable UUID id, @PathVariable int n, Model model) {
        if (n < 1) {
            throw new NotFoundException("版本不存在");
        }
        ProductVersionView version = catalog.version(new ProductRef(id, n))
                .orElseThrow(() -> new NotFoundException("版本不存在"));
        int latest = catalog.latest(id).map(v -> v.ref().version()).orElse(n);
        return detail(version, n == latest, model);
    }

    private String detail(ProductVersionView version, boolean latest, Model model) {
        UUID id = version.ref().productId();
        model.addAttribute("p", version);
        model.addAttribute("latest", latest);
        model.addAttribute("status", catalog.status(id).orElseThrow());
        model.addAttribute("versions", catalog.versions(id));
        return "catalog/detail";
    }

    @GetMapping("/products/compare")
    String compare(@RequestParam(required = false) @Nullable List<String> ids, Model model,
            HttpServletResponse response) {
        List<UUID> parsed = new ArrayList<>();
        try {
            for (String raw : ids == null ? List.<String>of() : ids) {
                for (String part : raw.split(",")) {
                    if (!part.isBlank()) {
                        parsed.add(uuid(part));
                    }
                }
            }
            List<ProductVersionView> products = catalog.compare(parsed);
            model.addAttribute("products", products);
            model.addAttribute("rows", compareRows(products));
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("products", List.of());
        }
        return "catalog/compare";
    }

    /** Each criteria rule in a row of its own, with each product's label for it (or a dash). */
    private List<CompareRow> compareRows(List<ProductVersionView> products) {
        Map<EligibilityCriteria.Rule, List<String>> rows = new LinkedHashMap<>();
        for (EligibilityCriteria.Rule rule : EligibilityCriteria.Rule.values()) {
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (ProductVersionView p : products) {
                EligibilityCriteria c = p.content().criteria();
                if (c.rules().contains(rule)) {
                    cells.add(c.label(rule, EligibilityCriteria.Names.of(reference)));
                    any = true;
                } else {
                    cells.add("—");
                }
            }
            if (any) {
                rows.put(rule, cells);
            }
        }
        return rows.entrySet().stream().map(e -> new CompareRow(e.getKey().name(), e.getValue())).toList();
    }

    record CompareRow(String rule, List<String> cells) {
    }

    // ---- the institution's products -----------------------------------------------------------------------------

    @GetMapping("/institution/products")
    @PreAuthorize("hasRole('INSTITUTION')")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("products", catalog.ofInstitution(user));
        model.addAttribute("reviewRequired", catalog.reviewRequired());
        return "catalog/mine";
    }

    @GetMapping("/institution/products/new")
    @PreAuthorize("hasRole('INSTITUTION')")
    String create(Model model) {
        model.addAttribute("form", ProductForm.empty());
        return form(null, model);
    }

    @PostMapping("/institution/products")
    @PreAuthorize("hasRole('INSTITUTION')")
    String save(@ModelAttribute("form") ProductForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        ProductForm.Parsed parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            FormErrors.show(parsed.errors(), binding);
            return form(null, model);
        }
        UUID id;
        try {
            id = catalog.create(parsed.content(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(ProductForm.onForm(e.fieldErrors()), binding);
            return form(null, model);
        }
        redirect.addFlashAttribute("notice", "产品草稿已保存");
        return "redirect:/institution/products/" + id;
    }

    @GetMapping("/institution/products/{id}")
    String working(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("p", catalog.workingCopy(id, user));
        model.addAttribute("versions", catalog.latest(id).isPresent() ? catalog.versions(id) : List.of());
        model.addAttribute("reviewRequired", catalog.reviewRequired());
        return "catalog/working";
    }

    @GetMapping("/institution/products/{id}/edit")
    @PreAuthorize("hasRole('INSTITUTION')")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        var product = catalog.workingCopy(id, user);
        if (!product.institutionId().equals(user.organisationId())) {
            throw new org.springframework.security.access.AccessDeniedException("只能修改本机构的产品");
        }
        model.addAttribute("form", ProductForm.of(product.content()));
        model.addAttribute("status", product.status());
        return form(id, model);
    }

    @PostMapping("/institution/products/{id}/edit")
    @PreAuthorize("hasRole('INSTITUTION')")
    String update(@PathVariable UUID id, @ModelAttribute("form") ProductForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        ProductForm.Parsed parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            FormErrors.show(parsed.errors(), binding);
            return form(id, model);
        }
        try {
            catalog.edit(id, parsed.content(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(ProductForm.onForm(e.fieldErrors()), binding);
            return form(id, model);
        }
        redirect.addFlashAttribute("notice", "产品已保存");
        return "redirect:/institution/products/" + id;
    }

    private String form(@Nullable UUID id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("types", ProductType.values());
        model.addAttribute("towns", reference.towns());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("qualificationKinds", reference.qualificationKinds());
        model.addAttribute("collaterals", Collateral.values());
        model.addAttribute("grades", EligibilityCriteria.CREDIT_GRADES);
        return "catalog/edit";
    }

    @PostMapping("/institution/products/{id}/submit")
    @PreAuthorize("hasRole('INSTITUTION')")
    String submit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            FinancialProduct.Status status = catalog.submit(id, user);
            redirect.addFlashAttribute("notice", status == FinancialProduct.Status.PUBLISHED ? "产品已发布"
                    : "产品已提交，等待政府部门审核");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", "产品信息不完整，不能发布：" + String.join("；",
                    e.fieldErrors().isEmpty() ? List.of(e.getMessage()) : e.fieldErrors().values()));
        }
        return "redirect:/institution/products/" + id;
    }

    @PostMapping("/institution/products/{id}/withdraw")
    @PreAuthorize("hasRole('INSTITUTION')")
    String withdraw(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            catalog.withdraw(id, user);
            redirect.addFlashAttribute("notice", "产品已撤回");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/institution/products/" + id;
    }

    // ---- the government's review --------------------------------------------------------------------------------

    @GetMapping("/catalog/review")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String review(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("queue", catalog.reviewQueue(user));
        return "catalog/review";
    }

    @PostMapping("/catalog/review/{id}/approve")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String approve(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            catalog.approve(id, user);
            redirect.addFlashAttribute("notice", "已审核通过，产品已发布");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", String.join("；",
                    e.fieldErrors().isEmpty() ? List.of(e.getMessage()) : e.fieldErrors().values()));
        }
        return "redirect:/catalog/review";
    }

    @PostMapping("/catalog/review/{id}/return")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String returnToDraft(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            catalog.returnToDraft(id, reason, user);
            redirect.addFlashAttribute("notice", "已退回机构修改");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/catalog/review";
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("ids", "产品编号格式不正确：" + text.strip());
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
