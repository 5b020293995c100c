package org.sanrong.identity.web;

import org.jspecify.annotations.Nullable;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.Registration;

/** What the registration pages post; checked by the registry, which reports each field's problem. */
record RegistrationForm(@Nullable String organisationName, @Nullable String creditCode,
        @Nullable InstitutionType institutionType, @Nullable String contactName, @Nullable String contactMobile,
        @Nullable String username, @Nullable String displayName, @Nullable String password,
        @Nullable String confirmPassword) {

    static RegistrationForm empty() {
        return new RegistrationForm(null, null, null, null, null, null, null, null, null);
    }

    Registration toRegistration(boolean institution) {
        return new Registration(s(organisationName), s(creditCode), institution ? institutionType : null,
                s(contactName), s(contactMobile), s(username), s(displayName), s(password));
    }

    private static String s(@Nullable String v) {
        return v == null ? "" : v;
    }
}
