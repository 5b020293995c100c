package org.sanrong.enterprise;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;

/** Who is asking, in the terms the enterprise module decides access by. */
record Viewer(String username, UUID organisationId, boolean official, boolean institution, boolean admin,
        @Nullable InstitutionType institutionType) {

    static Viewer of(SignedInUser user, OrganisationRegistry registry) {
        InstitutionType type = user.hasRole(Role.INSTITUTION)
                ? registry.find(user.organisationId()).map(o -> o.institutionType()).orElse(null) : null;
        return new Viewer(user.username(), user.organisationId(),
                user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN), user.hasRole(Role.INSTITUTION),
                user.hasRole(Role.ADMIN), type);
    }
}
