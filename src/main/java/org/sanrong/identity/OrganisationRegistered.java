package org.sanrong.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A new organisation joined the platform (an institution still awaits approval). */
public record OrganisationRegistered(UUID organisationId, OrganisationKind kind,
        @Nullable InstitutionType institutionType, String name, @Nullable String creditCode) {
}
