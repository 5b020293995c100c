package org.sanrong.identity.web;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.identity.TwoFactor;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of login: a code from the authenticator (or a recovery code), and first-time enrolment. */
@Controller
class TwoFactorController {

    private final TwoFactor twoFactor;

    TwoFactorController(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    /** The banner on every page while the demo runs without the second factor. */
    @org.springframework.web.bind.annotation.ControllerAdvice
    static class Banner {
        private final TwoFactor twoFactor;

        Banner(TwoFactor twoFactor) {
            this.twoFactor = twoFactor;
        }

        @ModelAttribute("mfaOff")
        boolean mfaOff() {
            return !twoFactor.enabled();
        }
    }

    @GetMapping("/login/mfa")
    String codeForm(@AuthenticationPrincipal SignedInUser user) {
        return twoFactor.enrolled(user.username()) ? "identity/mfa" : "redirect:/login/mfa/setup";
    }

    @PostMapping("/login/mfa")
    String code(@RequestParam(required = false) @Nullable String code, @AuthenticationPrincipal SignedInUser user,
            HttpSession session, Model model) {
        if (twoFactor.verify(user, code == null ? "" : code)) {
            session.setAttribute(TwoFactor.PASSED, true);
            return "redirect:/";
        }
        model.addAttribute("codeError", "验证码或恢复码不正确");
        return "identity/mfa";
    }

    @GetMapping("/login/mfa/setup")
    String setup(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (twoFactor.enrolled(user.username())) {
            return "redirect:/login/mfa";
        }
        model.addAttribute("enrolment", twoFactor.begin(user));
        return "identity/mfa-setup";
    }

    @PostMapping("/login/mfa/setup")
    String confirm(@RequestParam(required = false) @Nullable String code, @RequestParam String secret,
            @AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        try {
            List<String> recovery = twoFactor.confirm(user, code == null ? "" : code);
            session.setAttribute(TwoFactor.PASSED, true);
            model.addAttribute("recoveryCodes", recovery.stream()
                    .map(c -> c.substring(0, 5) + "-" + c.substring(5)).toList());
            return "identity/mfa-recovery";
        } catch (InvalidRequestException e) {
            model.addAttribute("codeError", e.getMessage());
            model.addAttribute("enrolment", new TwoFactor.Enrolment(secret, ""));
            return "identity/mfa-setup";
        }
    }
}
