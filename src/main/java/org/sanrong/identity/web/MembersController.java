package org.sanrong.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.sanrong.identity.Membership;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An organisation's members, and the admin's invitations of new ones. */
@Controller
class MembersController {

    private final Membership membership;

    MembersController(Membership membership) {
        this.membership = membership;
    }

    @GetMapping("/organisation/members")
    String members(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("members", membership.membersOf(user.organisationId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InviteForm(null, null));
        }
        return "identity/members";
    }

    @PostMapping("/organisation/members/invitations")
    @PreAuthorize("hasAuthority('ORG_ADMIN')")
    String invite(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") InviteForm form,
            BindingResult binding, Model model, HttpServletRequest request) {
        try {
            String token = membership.invite(user.username(), form.username() == null ? "" : form.username(),
                    form.displayName() == null ? "" : form.displayName());
            model.addAttribute("invitationLink", ServletUriComponentsBuilder.fromContextPath(request)
                    .path("/invitations/{token}").buildAndExpand(token).toUriString());
            model.addAttribute("form", new InviteForm(null, null));
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
        }
        return members(user, model);
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        model.addAttribute("invitation", membership.invitation(token)
                .orElseThrow(() -> new NotFoundException("邀请链接无效或已过期")));
        model.addAttribute("form", new AcceptForm(null, null, null));
        return "identity/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @ModelAttribute("form") AcceptForm form, BindingResult binding,
            Model model) {
        var invitation = membership.invitation(token).orElseThrow(() -> new NotFoundException("邀请链接无效或已过期"));
        String password = form.password() == null ? "" : form.password();
        if (!password.equals(form.confirmPassword())) {
            binding.rejectValue("confirmPassword", "mismatch", "两次输入的密码不一致");
        } else {
            try {
                membership.acceptInvitation(token, password, form.mobile());
                return "redirect:/login?joined";
            } catch (InvalidRequestException e) {
                FormErrors.show(e, binding);
            }
        }
        model.addAttribute("invitation", invitation);
        return "identity/invitation";
    }
}
