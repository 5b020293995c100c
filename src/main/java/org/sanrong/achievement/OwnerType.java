package org.sanrong.achievement;

/**
 * Who owns an achievement. An enterprise registers its own; a university's or research institute's is recorded by
 * a government department or the operator, which then answers for it on the platform.
 */
public enum OwnerType {
    /** 企业 */
    ENTERPRISE,
    /** 高校 */
    UNIVERSITY,
    /** 科研院所 */
    RESEARCH_INSTITUTE
}
