package org.sanrong.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.PersonalData;

/** An account as lists show it: mobile masked, no password hash. */
public record AccountView(UUID id, UUID organisationId, String organisationName, String username, String displayName,
        Set<Role> roles, boolean organisationAdmin, String mobileMasked, Account.Status status, boolean locked,
        Instant createdAt) {

    static AccountView of(Account a, String organisationName, Instant now) {
        return new AccountView(a.id().value(), a.organisationId().value(), organisationName, a.username().value(),
                a.displayName(), a.roles(), a.organisationAdmin(), PersonalData.maskMobile(a.mobile()), a.status(),
                a.isLocked(now), a.createdAt());
    }

    public @Nullable Role primaryRole() {
        return roles.stream().findFirst().orElse(null);
    }
}
