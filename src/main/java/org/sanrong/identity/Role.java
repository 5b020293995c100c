package org.sanrong.identity;

/** What an account may do; Spring Security sees them as ROLE_ENTERPRISE etc. */
public enum Role {
    ENTERPRISE, INSTITUTION, GOV, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
