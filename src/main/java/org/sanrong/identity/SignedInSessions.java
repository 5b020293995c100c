package org.sanrong.identity;

import java.util.function.Predicate;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends the signed-in page sessions of accounts whose standing changed (disabled, their organisation disabled, roles
 * changed): the session keeps the principal it was signed in with, so without this a disabled account would go on
 * browsing until its session timed out. An ended session's next request goes to the login page.
 */
@Component("identitySignedInSessions")
class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    int end(Predicate<SignedInUser> whose) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof SignedInUser user && whose.test(user)) {
                for (var session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
