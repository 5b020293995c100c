package org.sanrong.identity;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins (five in a row lock the account for 15 minutes) and writes every login, failed login and
 * logout to the audit trail. Successful API calls with HTTP Basic reset the counter but are not audited one by one.
 */
@Component
class LoginAttempts {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    LoginAttempts(Accounts accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        Optional<Account> account = accounts.findByUsernameForUpdate(username);
        String reason;
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            if (account.isPresent()) {
                Account a = account.get();
                a.recordFailedLogin(clock.instant());
                accounts.update(a);
                reason = a.isLocked(clock.instant()) ? "密码错误，账号已锁定" : "密码错误";
            } else {
                reason = "用户不存在";
            }
        } else {
            reason = event.getException().getMessage();
        }
        UUID organisation = account.map(a -> a.organisationId().value()).orElse(null);
        audit.record(truncate(username), organisation, "LOGIN", "account:" + truncate(username), Outcome.FAILURE,
                reason);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        accounts.findByUsernameForUpdate(event.getAuthentication().getName()).ifPresent(a -> {
            if (a.failedLogins() > 0 || a.lockedUntil() != null) {
                a.recordSuccessfulLogin();
                accounts.update(a);
            }
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            audit.record(user.username(), user.organisationId(), "LOGIN", "account:" + user.username(),
                    Outcome.SUCCESS, null);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            audit.record(user.username(), user.organisationId(), "LOGOUT", "account:" + user.username(),
                    Outcome.SUCCESS, null);
        }
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }
}
