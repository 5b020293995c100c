package org.sanrong.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.OrganisationMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in account: who, for which organisation, with which roles. */
public final class SignedInUser implements UserDetails, OrganisationMember, CredentialsContainer {

    /** Authority of an organisation's administrator, who may invite members. */
    public static final String ORGANISATION_ADMIN = "ORG_ADMIN";

    private final String username;
    private @Nullable String passwordHash;
    private final String displayName;
    private final UUID organisationId;
    private final String organisationName;
    private final OrganisationKind organisationKind;
    private final Set<Role> roles;
    private final boolean organisationAdmin;
    private final boolean locked;
    private final @Nullable String disabledReason;

    SignedInUser(Account account, Organisation organisation, boolean locked, @Nullable String disabledReason) {
        this.username = account.username().value();
        this.passwordHash = account.passwordHash();
        this.displayName = account.displayName();
        this.organisationId = organisation.id().value();
        this.organisationName = organisation.name();
        this.organisationKind = organisation.kind();
        this.roles = account.roles();
        this.organisationAdmin = account.organisationAdmin();
        this.locked = locked;
        this.disabledReason = disabledReason;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public UUID organisationId() {
        return organisationId;
    }

    @Override
    public String organisationName() {
        return organisationName;
    }

    public String displayName() {
        return displayName;
    }

    public OrganisationKind organisationKind() {
        return organisationKind;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean organisationAdmin() {
        return organisationAdmin;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Nullable String disabledReason() {
        return disabledReason;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        if (organisationAdmin) {
            authorities.add(new SimpleGrantedAuthority(ORGANISATION_ADMIN));
        }
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return disabledReason == null;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
