package org.sanrong.achievement;

/** What the owner offers: one or more of these per achievement. */
public enum Intent {
    /** 许可使用 */
    LICENSE,
    /** 转让 */
    TRANSFER,
    /** 合作开发 */
    JOINT_DEVELOPMENT,
    /** 融资（作价入股、质押融资、寻求投资） */
    FINANCING
}
