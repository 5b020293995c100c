package org.sanrong.identity.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Membership;
import org.sanrong.identity.Organisation;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's pages for organisations and accounts (paths under /admin need ROLE_ADMIN). */
@Controller
@RequestMapping("/admin")
class AdminOrganisationsController {

    private static final int PAGE_SIZE = 20;
    private final OrganisationRegistry registry;
    private final Membership membership;

    AdminOrganisationsController(OrganisationRegistry registry, Membership membership) {
        this.registry = registry;
        this.membership = membership;
    }

    @GetMapping("/organisations")
    String organisations(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable OrganisationKind kind,
            @RequestParam(required = false) Organisation.@Nullable Status status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ResultPage<?> result = registry.search(q, kind, status, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("statuses", Organisation.Status.values());
        return "identity/admin-organisations";
    }

    @GetMapping("/organisations/{id}")
    String organisation(@PathVariable UUID id, Model model) {
        model.addAttribute("organisation", registry.find(id).orElseThrow(() -> new NotFoundException("组织不存在")));
        model.addAttribute("members", membership.membersOf(id));
        return "identity/admin-organisation";
    }

    @PostMapping("/organisations/{id}/approve")
    String approve(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(() -> registry.approve(id, user.username()), "已审核通过", id, redirect);
    }

    @PostMapping("/organisations/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(() -> registry.disable(id), "已停用", id, redirect);
    }

    @PostMapping("/organisations/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(() -> registry.enable(id), "已恢复", id, redirect);
    }

    @GetMapping("/organisations/new")
    String newDepartment(Model model) {
        model.addAttribute("form", new DepartmentForm(null, null, null, null, null));
        return "identity/admin-department";
    }

    @PostMapping("/organisations/new")
    String establish(@ModelAttribute("form") DepartmentForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            UUID id = registry.establish(OrganisationKind.GOVERNMENT, nz(form.organisationName()), form.creditCode(),
                    nz(form.username()), nz(form.displayName()), nz(form.password()), user.username());
            redirect.addFlashAttribute("notice", "政府部门已创建");
            return "redirect:/admin/organisations/" + id;
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return "identity/admin-department";
        }
    }

    @GetMapping("/accounts")
    String accounts(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", membership.search(q, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("q", q);
        return "identity/admin-accounts";
    }

    @PostMapping("/accounts/{id}/{action:disable|enable|unlock}")
    String account(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        switch (action) {
            case "disable" -> membership.disable(id);
            case "enable" -> membership.enable(id);
            default -> membership.unlock(id);
        }
        redirect.addFlashAttribute("notice", "操作已完成");
        return "redirect:/admin/accounts";
    }

    private static String act(Runnable action, String done, UUID id, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/organisations/" + id;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    record DepartmentForm(@Nullable String organisationName, @Nullable String creditCode, @Nullable String username,
            @Nullable String displayName, @Nullable String password) {
    }
}
