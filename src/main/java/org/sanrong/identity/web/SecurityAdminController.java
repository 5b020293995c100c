package org.sanrong.identity.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Membership;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's page (paths under /admin/security need ROLE_SECURITY_ADMIN): the operator accounts'
 * roles, changed one at a time under the separation of duties, and the security settings in force.
 */
@Controller
class SecurityAdminController {

    private final Membership membership;
    private final Map<String, String> settings = new LinkedHashMap<>();

    SecurityAdminController(Membership membership,
            @Value("${sanrong.security.password.history:5}") int history,
            @Value("${sanrong.security.password.max-age:#{null}}") @Nullable Duration maxAge,
            @Value("${sanrong.security.mfa-roles:GOV,INSTITUTION,ADMIN,SYSTEM_ADMIN,SECURITY_ADMIN,AUDITOR}")
            String mfaRoles,
            @Value("${sanrong.security.session-absolute-timeout:PT8H}") Duration absolute,
            @Value("${server.servlet.session.timeout:30m}") String idle,
            @Value("${sanrong.security.throttle.login-per-minute:10}") int loginPerMinute,
            @Value("${sanrong.security.throttle.api-per-minute:600}") int apiPerMinute) {
        this.membership = membership;
        settings.put("sanrong.security.password.history", Integer.toString(history));
        settings.put("sanrong.security.password.max-age", maxAge == null ? "—" : maxAge.toString());
        settings.put("sanrong.security.mfa-roles", mfaRoles);
        settings.put("server.servlet.session.timeout", idle);
        settings.put("sanrong.security.session-absolute-timeout", absolute.toString());
        settings.put("sanrong.security.throttle.login-per-minute", Integer.toString(loginPerMinute));
        settings.put("sanrong.security.throttle.api-per-minute", Integer.toString(apiPerMinute));
    }

    @GetMapping("/admin/security")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("accounts", membership.operatorAccounts());
        model.addAttribute("roles", Membership.OPERATOR_ROLES);
        model.addAttribute("settings", settings);
        model.addAttribute("me", user.username());
        return "identity/admin-security";
    }

    @PostMapping("/admin/security/accounts/{id}/role")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String role,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            Role chosen = Membership.OPERATOR_ROLES.stream().filter(r -> r.name().equals(role)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException(Map.of("role", "请选择要分配的角色")));
            membership.assignRole(user.username(), id, chosen);
            redirect.addFlashAttribute("notice", "角色已更新，该账号须重新登录后生效");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/security";
    }
}
