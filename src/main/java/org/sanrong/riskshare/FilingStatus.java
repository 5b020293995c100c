package org.sanrong.riskshare;

/** Where a loan stands with one pool: offered to its bank for filing, not eligible (rules named), or filed (已备案). */
public enum FilingStatus {
    OFFERED("待备案"), INELIGIBLE("不符合条件"), FILED("已备案");

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
