package org.sanrong.listing;

/** What an enterprise on its way to listing needs help with (诉求类别). */
public enum RequestCategory {
    LAND("用地"), PERMIT("审批证照"), COMPLIANCE("合规与历史沿革"), TAX("税务"), ENVIRONMENT("环保"),
    FINANCING("融资"), OTHER("其他");

    private final String label;

    RequestCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
