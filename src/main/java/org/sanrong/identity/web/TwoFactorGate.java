package org.sanrong.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.sanrong.identity.SignedInUser;
import org.sanrong.identity.TwoFactor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a person who passed the password but not yet the second factor on the code pages: every other page sends
 * them to {@code /login/mfa} (or to enrolment when they have no authenticator yet).
 */
public final class TwoFactorGate extends OncePerRequestFilter {

    private final TwoFactor twoFactor;

    public TwoFactorGate(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!twoFactor.enabled() || auth == null || !(auth.getPrincipal() instanceof SignedInUser user)
                || path.startsWith("/login") || path.equals("/logout") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/error")
                || !twoFactor.requiredFor(user)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(TwoFactor.PASSED))) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath()
                + (twoFactor.enrolled(user.username()) ? "/login/mfa" : "/login/mfa/setup"));
    }
}
