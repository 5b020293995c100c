package org.sanrong.subsidy;

/**
 * The recorded events a subsidy policy can be triggered by. Investments and loans come from the {@code deal} module,
 * listing milestones from {@code listing}; interest, fees, premiums, bonds and capital contributions are reported on
 * the platform by the bank, the enterprise or an official ({@link Subsidies#report}).
 */
public enum EventType {
    LOAN_DISBURSED("贷款发放"),
    INTEREST_PAID("支付利息"),
    GUARANTEE_FEE_PAID("支付担保费"),
    VALUATION_FEE_PAID("支付评估费"),
    PREMIUM_PAID("支付保费"),
    INVESTMENT_RECEIVED("投资到账"),
    LISTING_MILESTONE("上市进程节点"),
    BOND_ISSUED("债券发行"),
    CAPITAL_CONTRIBUTED("注资");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Cost events reported on the platform (not recorded by another module). */
    public boolean reported() {
        return this != LOAN_DISBURSED && this != INVESTMENT_RECEIVED;
    }
}
