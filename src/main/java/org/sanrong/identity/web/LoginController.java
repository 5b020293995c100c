package org.sanrong.identity.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    /** Shows the login form, with the reason of the last failure once. */
    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object error = session.getAttribute("sanrong.loginError");
        if (error != null) {
            model.addAttribute("loginError", error);
            model.addAttribute("lastUsername", session.getAttribute("sanrong.loginError.username"));
            session.removeAttribute("sanrong.loginError");
            session.removeAttribute("sanrong.loginError.username");
        }
        return "identity/login";
    }
}
