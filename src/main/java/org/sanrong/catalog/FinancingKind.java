package org.sanrong.catalog;

/** The kind of financing a product offers and a demand asks for; the demand side uses the same five names. */
public enum FinancingKind {
    /** 债权融资: loans, bonds */
    DEBT("债权融资"),
    /** 股权融资 */
    EQUITY("股权融资"),
    /** 融资担保 */
    GUARANTEE("融资担保"),
    /** 融资租赁 */
    LEASING("融资租赁"),
    /** 科技保险 */
    INSURANCE("科技保险");

    private final String label;

    FinancingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
