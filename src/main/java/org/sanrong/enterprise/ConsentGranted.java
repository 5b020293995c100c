package org.sanrong.enterprise;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An enterprise let an institution (or every institution of a type) see its private profile until a date. */
public record ConsentGranted(UUID grantId, String creditCode, @Nullable UUID granteeOrganisationId,
        @Nullable String granteeInstitutionType, LocalDate validUntil) {
}
