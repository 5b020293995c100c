package org.sanrong.advisory;

/** Why government assigned an adviser: to cover a town, an industry, or because the enterprise asked. */
public enum AssignmentBasis {
    /** 按镇街 */
    TOWN,
    /** 按行业 */
    INDUSTRY,
    /** 企业申请 */
    REQUEST
}
