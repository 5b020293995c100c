package org.sanrong.riskshare;

/**
 * Where a claim stands: UNDER_REVIEW (through its review steps) → APPROVED (money reserved in the pool) → PAID; or
 * HELD when the bank's loss ratio of the year exceeds the scheme's threshold (暂缓, released when it no longer
 * does); or REJECTED at any review step.
 */
public enum ClaimStatus {
    UNDER_REVIEW("审核中"), APPROVED("已批准待拨付"), PAID("已拨付"), HELD("暂缓拨付"), REJECTED("未通过");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
