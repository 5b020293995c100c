package org.sanrong.advisory;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An adviser as lists show it. */
public record AdviserView(UUID id, UUID institutionId, String institutionName, String username, String displayName,
        Set<Speciality> specialities, String phone, @Nullable String introduction, boolean active) {

    static AdviserView of(Adviser a) {
        return new AdviserView(a.id().value(), a.institutionId(), a.institutionName(), a.username(), a.displayName(),
                a.specialities(), a.phone(), a.introduction(), a.active());
    }
}
