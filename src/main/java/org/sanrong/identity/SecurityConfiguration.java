package org.sanrong.identity;

import java.time.Clock;
import org.sanrong.platform.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Pages use a Chinese login form with sessions and CSRF; the JSON API under /api uses HTTP Basic, no session, no
 * CSRF, and answers 401/403 as problem JSON instead of redirecting.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LOGIN_ERROR = "sanrong.loginError";

    /**
     * Everything outside the operator's duty pages is for the everyday roles: an account holding a separated duty
     * (三权分立) reaches only its duty's pages and its own account pages — the auditor reads the audit trail and
     * nothing else. The declared matrix of who may call what is docs/security/access-matrix.csv.
     */
    static final String[] BUSINESS_ROLES = {Role.ENTERPRISE.name(), Role.INSTITUTION.name(), Role.GOV.name(),
        Role.ADMIN.name()};

    /** Pages every signed-in account has: home, its own password, sessions, second factor, messages, logout. */
    static final String[] PERSONAL_PAGES = {"/account/**", "/login/mfa/**", "/inbox/**", "/logout"};

    static final String[] PERSONAL_API = {"/api/v1/me", "/api/v1/inbox/**"};

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    org.springframework.security.core.session.SessionRegistry sessionRegistry() {
        return new org.springframework.security.core.session.SessionRegistryImpl();
    }

    /** Tells the registry when the container ends a session (idle timeout, logout). */
    @Bean
    org.springframework.security.web.session.HttpSessionEventPublisher httpSessionEventPublisher() {
        return new org.springframework.security.web.session.HttpSessionEventPublisher();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts, Organisations organisations, Clock clock) {
        return username -> accounts.findByUsername(username)
                .map(a -> {
                    Organisation o = organisations.find(a.organisationId()).orElseThrow();
                    return new SignedInUser(a, o, a.isLocked(clock.instant()), disabledReason(a, o));
                })
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("连续" + Account.LOCK_AFTER_FAILURES + "次密码错误，账号已锁定"
                        + Account.LOCK_DURATION.toMinutes() + "分钟，请稍后再试");
            }
            if (!user.isEnabled() && user instanceof SignedInUser s) {
                throw new DisabledException(s.disabledReason());
            }
        });
        return provider;
    }

    private static String disabledReason(Account a, Organisation o) {
        if (o.status() == Organisation.Status.PENDING) {
            return "机构注册申请尚在审核中，审核通过后即可登录";
        }
        if (o.status() == Organisation.Status.DISABLED) {
            return "所属组织已停用，请联系平台运营方";
        }
        if (a.status() == Account.Status.DISABLED) {
            return "账号已停用，请联系组织管理员";
        }
        return null;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TwoFactor twoFactor, ApiTokens tokens, UserDetailsService users)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
                    && org.sanrong.platform.Problems.databaseAway(e)) {
                // the account could not be read because the database is away: not the caller's fault
                response.setHeader("Retry-After", "30");
                Problems.write(response, request, HttpStatus.SERVICE_UNAVAILABLE, "服务暂时不可用",
                        "数据库暂时不可用，请稍后重试");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Sanrong\", charset=\"UTF-8\"");
            Problems.write(response, request, HttpStatus.UNAUTHORIZED, "未认证", unauthorizedDetail(e));
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                Problems.write(response, request, HttpStatus.FORBIDDEN, "无权访问", "当前账号无权执行该操作");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/reference/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/products").permitAll()
                        .requestMatchers("/api/v1/admin/organisations/**").hasRole(Role.SYSTEM_ADMIN.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(PERSONAL_API).authenticated()
                        .anyRequest().hasAnyRole(BUSINESS_ROLES))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new org.sanrong.identity.web.ApiTokenFilter(tokens, users),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                // a person's password alone is not enough where a second factor is required
                .addFilterAfter((request, response, chain) -> {
                    var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                            .getAuthentication();
                    if (auth instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                            && auth.getPrincipal() instanceof SignedInUser user && twoFactor.requiredFor(user)) {
                        Problems.write((jakarta.servlet.http.HttpServletResponse) response,
                                (jakarta.servlet.http.HttpServletRequest) request, HttpStatus.UNAUTHORIZED, "未认证",
                                "该账号须双因素认证，接口不接受仅凭密码的访问，请使用本组织的 API 令牌");
                        return;
                    }
                    chain.doFilter(request, response);
                }, org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; "
                        + "frame-ancestors 'none'")));
        return http.build();
    }

    private static String unauthorizedDetail(AuthenticationException e) {
        if (e instanceof LockedException || e instanceof DisabledException) {
            return e.getMessage();
        }
        return "需要有效的用户名和密码（HTTP Basic）";
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, TwoFactor twoFactor,
            org.springframework.security.core.session.SessionRegistry sessions,
            @org.springframework.beans.factory.annotation.Value(
                    "${sanrong.security.session-absolute-timeout:PT8H}") java.time.Duration absolute,
            Membership membership, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${sanrong.security.password.max-age:#{null}}")
            java.time.@org.jspecify.annotations.Nullable Duration passwordMaxAge)
            throws Exception {
        AuthenticationFailureHandler failure = (request, response, e) -> {
            request.getSession().setAttribute(LOGIN_ERROR, loginErrorMessage(e));
            request.getSession().setAttribute(LOGIN_ERROR + ".username", request.getParameter("username"));
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/register", "/register/**", "/invitations/**", "/error",
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/products", "/league", "/subsidies/notices").permitAll()
                        .requestMatchers("/admin/organisations/**", "/admin/accounts/**")
                        .hasRole(Role.SYSTEM_ADMIN.name())
                        .requestMatchers("/admin/security/**").hasRole(Role.SECURITY_ADMIN.name())
                        .requestMatchers("/admin/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/subsidies/notices/*/objections").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(PERSONAL_PAGES).authenticated()
                        .anyRequest().hasAnyRole(BUSINESS_ROLES))
                .formLogin(f -> f.loginPage("/login").failureHandler(failure).defaultSuccessUrl("/", false))
                .addFilterAfter(new org.sanrong.identity.web.TwoFactorGate(twoFactor),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .addFilterAfter(new org.sanrong.identity.web.PasswordAgeGate(membership, passwordMaxAge, clock),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .addFilterAfter(new org.sanrong.identity.web.SessionLimits(absolute),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                // every session registered, so a user can see and end their others (the next request of an ended
                // one logs it out); a new session id at login (fixation) is Spring Security's default
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login?ended"))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    private static String loginErrorMessage(AuthenticationException e) {
        if (e instanceof LockedException || e instanceof DisabledException) {
            return e.getMessage();
        }
        return "用户名或密码错误";
    }
}
