package org.sanrong.advisory;

/** What an adviser is good at, and what an enterprise asks for help with. */
public enum Speciality {
    /** 信贷融资 */
    CREDIT,
    /** 股权融资 */
    EQUITY,
    /** 上市辅导 */
    LISTING,
    /** 债券融资 */
    BOND,
    /** 知识产权融资 */
    IP_FINANCING,
    /** 融资担保与保险 */
    GUARANTEE_INSURANCE,
    /** 融资租赁 */
    LEASING,
    /** 政策申报 */
    POLICY
}
