package org.sanrong.riskshare;

/**
 * What a loan has that a scheme's uplifts and ratios look at. The platform derives some from the registry and the
 * product (key-support list, pure credit, IP and receivables pledge); the bank declares the rest when it files.
 */
public enum LoanFeature {
    KEY_SUPPORT_LIST("重点支持名单企业"),
    IP_PLEDGE("知识产权质押贷款"),
    MONETARY_TOOL("货币政策工具（再贷款等）支持"),
    FIRST_LOAN("首贷"),
    PURE_CREDIT("纯信用贷款"),
    RECEIVABLES_PLEDGE("应收账款质押贷款"),
    INVENTORY_PLEDGE("存货质押贷款"),
    GUARANTEED("担保贷款");

    private final String label;

    LoanFeature(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
