package org.sanrong.demand;

/** The kinds of financing a demand accepts; several at once (e.g. 股+债). Same names as the catalogue's. */
public enum FinancingKind {
    /** 债权融资（贷款） */
    DEBT,
    /** 股权融资 */
    EQUITY,
    /** 融资担保 */
    GUARANTEE,
    /** 融资租赁 */
    LEASING,
    /** 科技保险 */
    INSURANCE
}
