package org.sanrong.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.ApiTokens;
import org.sanrong.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry an organisation's API token ({@code Bearer srk_…}, or HTTP Basic with user
 * {@code token}) as the member who created it, before HTTP Basic would look at them; an unknown, revoked or orphaned
 * token is a 401 problem. The header is then hidden from the later filters, which have nothing left to do.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserDetailsService users;

    public ApiTokenFilter(ApiTokens tokens, UserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request.getHeader("Authorization"));
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        UserDetails user = tokens.actingUser(token).map(this::load).orElse(null);
        if (user == null || !user.isEnabled() || !user.isAccountNonLocked()) {
            Problems.write(response, request, HttpStatus.UNAUTHORIZED, "未认证", "API 令牌无效、已撤销，或创建它的账号已停用");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(
                new PreAuthenticatedAuthenticationToken(user, null, user.getAuthorities()));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public @Nullable String getHeader(String name) {
                return "Authorization".equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Authorization".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }
        }, response);
    }

    private @Nullable UserDetails load(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private static @Nullable String token(@Nullable String header) {
        if (header == null) {
            return null;
        }
        if (header.startsWith("Bearer ")) {
            String t = header.substring(7).strip();
            return t.startsWith(ApiTokens.PREFIX) ? t : null;
        }
        if (header.startsWith("Basic ")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                        StandardCharsets.UTF_8);
                return decoded.startsWith("token:" + ApiTokens.PREFIX) ? decoded.substring(6) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
