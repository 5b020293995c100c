package org.sanrong.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Absolute session lifetime (等保 8.1.4.1 c): however active, a signed-in session ends this long after login
 * ({@code sanrong.security.session-absolute-timeout}, default 8 h); the idle timeout (30 min) is the container's.
 * Also remembers the address a session logged in from, for the user's list of sessions.
 */
public final class SessionLimits extends OncePerRequestFilter {

    public static final String ADDRESS = "sanrong.session.address";
    private final Duration absolute;

    public SessionLimits(Duration absolute) {
        this.absolute = absolute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() != null
                && System.currentTimeMillis() - session.getCreationTime() > absolute.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        if (session != null && session.getAttribute(ADDRESS) == null
                && SecurityContextHolder.getContext().getAuthentication() != null) {
            session.setAttribute(ADDRESS, request.getRemoteAddr());
        }
        chain.doFilter(request, response);
    }
}
