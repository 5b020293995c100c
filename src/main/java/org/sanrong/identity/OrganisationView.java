package org.sanrong.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.PersonalData;

/** An organisation as pages and other modules read it; the contact is already masked. */
public record OrganisationView(UUID id, OrganisationKind kind, @Nullable InstitutionType institutionType, String name,
        @Nullable String creditCode, Organisation.Status status, String contactNameMasked, String contactMobileMasked,
        Instant registeredAt, @Nullable Instant approvedAt, @Nullable String approvedBy, long accounts) {

    static OrganisationView of(Organisation o, long accounts) {
        return new OrganisationView(o.id().value(), o.kind(), o.institutionType(), o.name(),
                o.creditCode() == null ? null : o.creditCode().value(), o.status(),
                PersonalData.maskName(o.contact().name()), PersonalData.maskMobile(o.contact().mobile()),
                o.registeredAt(), o.approvedAt(), o.approvedBy(), accounts);
    }
}
