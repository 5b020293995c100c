package org.sanrong.advisory;

/** The kinds of service an adviser logs. */
public enum ServiceType {
    /** 上门走访 */
    VISIT,
    /** 电话或线上咨询 */
    CONSULTATION,
    /** 融资方案（一企一策） */
    FINANCING_PLAN,
    /** 对接金融产品 */
    PRODUCT_REFERRAL,
    /** 政策宣讲与培训 */
    TRAINING
}
