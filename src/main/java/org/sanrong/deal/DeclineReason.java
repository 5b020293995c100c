package org.sanrong.deal;

/** The standard reasons for a "no"; {@link #OTHER} needs a text. Labels are the platform's published wording. */
public enum DeclineReason {
    QUALIFICATION("资质不符"),
    INSUFFICIENT_DATA("经营数据不足"),
    HIGH_LEVERAGE("负债率过高"),
    INSUFFICIENT_COLLATERAL("抵押担保不足"),
    INDUSTRY_RESTRICTION("行业限制"),
    QUOTA_EXHAUSTED("额度已满"),
    OTHER("其他");

    private final String label;

    DeclineReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
