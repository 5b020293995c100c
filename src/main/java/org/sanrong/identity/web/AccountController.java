package org.sanrong.identity.web;

import org.sanrong.identity.Membership;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password change. */
@Controller
class AccountController {

    private final Membership membership;

    AccountController(Membership membership) {
        this.membership = membership;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", new PasswordForm(null, null, null));
        return "identity/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") PasswordForm form,
            BindingResult binding, RedirectAttributes redirect) {
        String next = form.newPassword() == null ? "" : form.newPassword();
        if (!next.equals(form.confirmPassword())) {
            binding.rejectValue("confirmPassword", "mismatch", "两次输入的新密码不一致");
            return "identity/password";
        }
        try {
            membership.changePassword(user.username(), form.currentPassword() == null ? "" : form.currentPassword(),
                    next);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return "identity/password";
        }
        redirect.addFlashAttribute("notice", "密码已修改");
        return "redirect:/";
    }
}
