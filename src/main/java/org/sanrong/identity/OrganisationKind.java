package org.sanrong.identity;

/** The four kinds of party on the platform; each gives its accounts one role. */
public enum OrganisationKind {
    /** 企业 */
    ENTERPRISE(Role.ENTERPRISE),
    /** 金融机构 */
    INSTITUTION(Role.INSTITUTION),
    /** 政府部门 */
    GOVERNMENT(Role.GOV),
    /** 平台运营 */
    OPERATOR(Role.ADMIN);

    private final Role role;

    OrganisationKind(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
