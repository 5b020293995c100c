package org.sanrong.advisory;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.PersonalData;

/** An adviser as lists show it: the phone masked (personal data, 等保 8.1.4.8). */
public record AdviserView(UUID id, UUID institutionId, String institutionName, String username, String displayName,
        Set<Speciality> specialities, String phone, @Nullable String introduction, boolean active) {

    static AdviserView of(Adviser a) {
        return new AdviserView(a.id().value(), a.institutionId(), a.institutionName(), a.username(), a.displayName(),
                a.specialities(), PersonalData.maskMobile(a.phone()), a.introduction(), a.active());
    }
}
