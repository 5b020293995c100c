package org.sanrong.identity;

import org.jspecify.annotations.Nullable;

/**
 * A self-registration: the organisation and its first account. {@code institutionType} is set for an institution
 * and null for an enterprise.
 */
public record Registration(String organisationName, String creditCode, @Nullable InstitutionType institutionType,
        String contactName, String contactMobile, String username, String displayName, String password) {
}
