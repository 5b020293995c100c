package org.sanrong.identity.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation admin's API tokens: create (shown once), list with last use, revoke. */
@Controller
@PreAuthorize("hasAuthority('ORG_ADMIN')")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/organisation/api-tokens")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("tokens", tokens.list(user));
        return "identity/api-tokens";
    }

    @PostMapping("/organisation/api-tokens")
    String create(@RequestParam(required = false) @Nullable String name, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(name, user).token());
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/organisation/api-tokens";
    }

    @PostMapping("/organisation/api-tokens/{id}/revocation")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        tokens.revoke(id, user);
        redirect.addFlashAttribute("notice", "令牌已撤销，使用它的系统将立即无法访问");
        return "redirect:/organisation/api-tokens";
    }
}
