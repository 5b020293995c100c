package org.sanrong.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an account may do; Spring Security sees them as ROLE_ENTERPRISE etc. The last three are the operator's
 * separated duties (三权分立, GB/T 22239-2019 8.1.4.2 c): the system administrator keeps organisations and accounts,
 * the security administrator assigns roles and keeps the security settings, the auditor reads the audit trail. An
 * account holding one of them holds nothing else (so no account holds two), which the domain and a database
 * constraint both enforce.
 */
public enum Role {
    ENTERPRISE, INSTITUTION, GOV, ADMIN,
    /** 系统管理员: organisations and accounts. */
    SYSTEM_ADMIN,
    /** 安全管理员: roles and security settings. */
    SECURITY_ADMIN,
    /** 审计管理员: reads the audit trail, nothing else. */
    AUDITOR;

    /** The separated duties of the operator. */
    public static final Set<Role> DUTIES = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR);

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isDuty() {
        return DUTIES.contains(this);
    }

    /**
     * Why a set of roles may not be held by one account, or null when it may: a separated duty is held alone, so no
     * account holds two of them nor mixes one with everyday work.
     */
    public static @org.jspecify.annotations.Nullable String separationProblem(Set<Role> roles) {
        long duties = roles.stream().filter(Role::isDuty).count();
        if (duties > 1) {
            return "三权分立：系统管理员、安全管理员、审计管理员不得由同一账号兼任";
        }
        if (duties == 1 && roles.size() > 1) {
            return "三权分立：系统管理员、安全管理员、审计管理员账号不得兼有其他角色";
        }
        return null;
    }
}
