package org.sanrong.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-IP throttle on password guessing and API flooding (等保: 身份鉴别, 资源控制): login form posts and API calls
 * each draw from a token bucket per client address that refills continuously
 * ({@code sanrong.security.throttle.login-per-minute}, default 10; {@code .api-per-minute}, default 600). An empty
 * bucket answers 429 with Retry-After — problem JSON for the API, a short Chinese page for the form — before any
 * password is checked. Behind a proxy set {@code server.forward-headers-strategy} so the client's address is seen.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestThrottle extends OncePerRequestFilter {

    /** A bucket of tokens; refilled by elapsed time whenever it is drawn from. */
    static final class Bucket {
        private final double perMillisecond;
        private final double capacity;
        private double tokens;
        private long at;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.perMillisecond = perMinute / 60_000.0;
            this.tokens = perMinute;
            this.at = now;
        }

        /** Takes a token; answers 0 when one was there, else the seconds until one will be. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perMillisecond);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perMillisecond / 1000));
        }

        synchronized boolean full(long now) {
            return tokens + (now - at) * perMillisecond >= capacity;
        }
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int loginPerMinute;
    private final int apiPerMinute;
    private final Clock clock;
    private volatile long lastSweep;

    RequestThrottle(@Value("${sanrong.security.throttle.login-per-minute:10}") int loginPerMinute,
            @Value("${sanrong.security.throttle.api-per-minute:600}") int apiPerMinute, Clock clock) {
        this.loginPerMinute = loginPerMinute;
        this.apiPerMinute = apiPerMinute;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean login = "POST".equals(request.getMethod()) && path.equals("/login");
        boolean api = path.startsWith("/api/");
        if (!login && !api) {
            chain.doFilter(request, response);
            return;
        }
        long now = clock.millis();
        sweep(now);
        String key = (login ? "login:" : "api:") + request.getRemoteAddr();
        long wait = buckets.computeIfAbsent(key, k -> new Bucket(login ? loginPerMinute : apiPerMinute, now))
                .take(now);
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(wait));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (api) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"请求过于频繁\",\"status\":429,"
                    + "\"detail\":\"来自该地址的请求过于频繁，请 " + wait + " 秒后再试\",\"instance\":\"" + path + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>请稍后再试"
                    + "</title><p>登录尝试过于频繁，请 " + wait + " 秒后再试。</p><p><a href=\"/login\">返回登录</a></p></html>");
        }
    }

    /** Forgets full buckets once a minute, so the map holds only recently active addresses. */
    private void sweep(long now) {
        if (now - lastSweep < 60_000) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(b -> b.full(now));
    }
}
