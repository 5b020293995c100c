package org.sanrong.identity.web;

import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Self-registration of enterprises and financial institutions. */
@Controller
@RequestMapping("/register")
class RegistrationController {

    private final OrganisationRegistry registry;

    RegistrationController(OrganisationRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    String choose() {
        return "identity/register-choose";
    }

    @GetMapping("/{kind:enterprise|institution}")
    String form(@PathVariable String kind, Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return show(kind, model);
    }

    @PostMapping("/{kind:enterprise|institution}")
    String register(@PathVariable String kind, @ModelAttribute("form") RegistrationForm form, BindingResult binding,
            Model model) {
        boolean institution = kind.equals("institution");
        if (institution && form.institutionType() == null) {
            binding.rejectValue("institutionType", "required", "请选择机构类型");
        }
        if (form.password() != null && !form.password().equals(form.confirmPassword())) {
            binding.rejectValue("confirmPassword", "mismatch", "两次输入的密码不一致");
        }
        registry.problemsOf(form.toRegistration(institution))
                .forEach((field, message) -> binding.rejectValue(field, "invalid", message));
        if (!binding.hasErrors()) {
            try {
                registry.register(form.toRegistration(institution));
                return "redirect:/login?registered=" + kind;
            } catch (InvalidRequestException e) {
                FormErrors.show(e, binding);
            }
        }
        return show(kind, model);
    }

    private static String show(String kind, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("institutionTypes", InstitutionType.values());
        return "identity/register";
    }
}
