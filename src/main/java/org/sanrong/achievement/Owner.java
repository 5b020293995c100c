package org.sanrong.achievement;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who owns an achievement: an enterprise on the platform (its name, credit code and organisation), or a university
 * or research institute named by whoever records it.
 */
public record Owner(OwnerType type, String name, @Nullable String creditCode, @Nullable UUID organisationId) {

    static Owner enterprise(String name, String creditCode, UUID organisationId) {
        return new Owner(OwnerType.ENTERPRISE, name, creditCode, organisationId);
    }

    static Owner external(OwnerType type, String name) {
        if (type == OwnerType.ENTERPRISE) {
            throw new IllegalArgumentException("an enterprise owner is on the platform");
        }
        return new Owner(type, name, null, null);
    }
}
