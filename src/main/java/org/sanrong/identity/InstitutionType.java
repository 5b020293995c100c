package org.sanrong.identity;

/** Sub-kinds of 金融机构. */
public enum InstitutionType {
    /** 银行 */
    BANK,
    /** 创投/私募基金 */
    VC_PE_FUND,
    /** 融资担保 */
    GUARANTOR,
    /** 保险 */
    INSURER,
    /** 融资租赁 */
    LESSOR,
    /** 小额贷款 */
    MICRO_LENDER,
    /** 商业保理 */
    FACTOR,
    /** 证券 */
    SECURITIES
}
