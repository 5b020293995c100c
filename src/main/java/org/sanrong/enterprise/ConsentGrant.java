package org.sanrong.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consent grant as the enterprise's page lists it. */
public record ConsentGrant(UUID id, @Nullable UUID granteeOrganisationId, @Nullable String granteeName,
        @Nullable String granteeInstitutionType, String purpose, LocalDate validFrom, LocalDate validUntil,
        Instant grantedAt, String grantedBy, @Nullable Instant revokedAt) {

    public boolean liveOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
