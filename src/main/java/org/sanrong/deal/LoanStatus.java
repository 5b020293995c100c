package org.sanrong.deal;

/** A loan's repayment status as its institution reports it (正常, 逾期, 不良, 已结清). */
public enum LoanStatus {
    NORMAL("正常"), OVERDUE("逾期"), NON_PERFORMING("不良"), REPAID("已结清");

    private final String label;

    LoanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
