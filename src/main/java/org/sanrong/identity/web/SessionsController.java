package org.sanrong.identity.web;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own signed-in sessions: when each began and was last used, and ending the others. */
@Controller
class SessionsController {

    /** One session as the page shows it; ids are shown only as a short prefix. */
    record SessionRow(String id, String shortId, Instant lastRequest, boolean current) {
    }

    private final SessionRegistry registry;
    private final AuditTrail audit;

    SessionsController(SessionRegistry registry, AuditTrail audit) {
        this.registry = registry;
        this.audit = audit;
    }

    @GetMapping("/account/sessions")
    String list(@AuthenticationPrincipal SignedInUser user, HttpSession current, Model model) {
        model.addAttribute("sessions", sessions(user, current));
        return "identity/sessions";
    }

    /** Ends every other session of this user (another browser, a forgotten computer). */
    @PostMapping("/account/sessions/others")
    String endOthers(@AuthenticationPrincipal SignedInUser user, HttpSession current, RedirectAttributes redirect) {
        int ended = 0;
        for (SessionInformation s : all(user)) {
            if (!s.getSessionId().equals(current.getId())) {
                s.expireNow();
                ended++;
            }
        }
        audit.record(user.username(), user.organisationId(), "END_SESSIONS", "account:" + user.username(),
                Outcome.SUCCESS, Integer.toString(ended));
        redirect.addFlashAttribute("notice", "已结束其他 " + ended + " 个会话");
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/one")
    String endOne(@RequestParam String id, @AuthenticationPrincipal SignedInUser user, HttpSession current,
            RedirectAttributes redirect) {
        for (SessionInformation s : all(user)) {
            if (s.getSessionId().equals(id) && !id.equals(current.getId())) {
                s.expireNow();
                audit.record(user.username(), user.organisationId(), "END_SESSIONS", "account:" + user.username(),
                        Outcome.SUCCESS, "1");
                redirect.addFlashAttribute("notice", "已结束该会话");
            }
        }
        return "redirect:/account/sessions";
    }

    private List<SessionRow> sessions(SignedInUser user, HttpSession current) {
        return all(user).stream()
                .sorted(Comparator.comparing(SessionInformation::getLastRequest).reversed())
                .map(s -> new SessionRow(s.getSessionId(), s.getSessionId().substring(0, 6),
                        s.getLastRequest().toInstant(), s.getSessionId().equals(current.getId())))
                .toList();
    }

    /** The registry keys sessions by principal object, one per login: gather all of this username's. */
    private List<SessionInformation> all(SignedInUser user) {
        return registry.getAllPrincipals().stream()
                .filter(p -> p instanceof SignedInUser s && s.username().equals(user.username()))
                .flatMap(p -> registry.getAllSessions(p, false).stream()).toList();
    }
}
