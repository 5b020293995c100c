package org.sanrong.demand;

/** 资金用途类别. */
public enum PurposeCategory {
    /** 研发投入 */
    RESEARCH,
    /** 扩大生产 */
    EXPANSION,
    /** 流动资金 */
    WORKING_CAPITAL,
    /** 设备购置 */
    EQUIPMENT,
    /** 并购 */
    ACQUISITION,
    /** 其他 */
    OTHER
}
