package org.sanrong.catalog;

/** The types of financial product (DOMAIN.md), each of one {@link FinancingKind}. */
public enum ProductType {
    CREDIT_LOAN("信用贷款", FinancingKind.DEBT),
    MORTGAGE_LOAN("抵押贷款", FinancingKind.DEBT),
    IP_PLEDGE_LOAN("知识产权质押贷款", FinancingKind.DEBT),
    RECEIVABLES("应收账款质押/保理", FinancingKind.DEBT),
    EQUITY_PLEDGE("股权质押", FinancingKind.DEBT),
    INVESTMENT_LINKED_LOAN("投贷联动", FinancingKind.DEBT),
    GUARANTEE("融资担保", FinancingKind.GUARANTEE),
    LEASING("融资租赁", FinancingKind.LEASING),
    TECH_INSURANCE("科技保险", FinancingKind.INSURANCE),
    EQUITY_INVESTMENT("股权投资", FinancingKind.EQUITY),
    BOND("债券", FinancingKind.DEBT);

    private final String label;
    private final FinancingKind kind;

    ProductType(String label, FinancingKind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public FinancingKind kind() {
        return kind;
    }
}
