package org.sanrong.deal;

/**
 * Where a deal stands. AWAITING_PICKUP → UNDER_REVIEW ⇄ MATERIALS_REQUESTED → OFFERED → ACCEPTED → FUNDED, or one of
 * the ends: DECLINED, OFFER_DECLINED, WITHDRAWN, OVERDUE, SUPERSEDED.
 */
public enum DealStatus {
    /** 待受理: applied for or referred, the institution has not picked it up yet (its clock runs). */
    AWAITING_PICKUP,
    /** 审批中: picked up, the institution must decide (its clock runs). */
    UNDER_REVIEW,
    /** 待补充材料: the institution asked for more; its clock waits for the enterprise. */
    MATERIALS_REQUESTED,
    /** 已批复: approved with terms, waiting for the enterprise to accept. */
    OFFERED,
    /** 待放款: the enterprise accepted the offer. */
    ACCEPTED,
    /** 已放款 / 已投资. */
    FUNDED,
    /** 未获批准, with a reason code. */
    DECLINED,
    /** 企业放弃批复. */
    OFFER_DECLINED,
    /** 企业撤回. */
    WITHDRAWN,
    /** 超时未处理: the institution let its deadline pass; the demand went on to others. */
    OVERDUE,
    /** 需求已结束: the demand was met or closed elsewhere before this institution picked it up. */
    SUPERSEDED;

    /** The institution is working on it (an exclusive demand allows one such deal at a time). */
    public boolean engaged() {
        return this == UNDER_REVIEW || this == MATERIALS_REQUESTED || this == OFFERED || this == ACCEPTED;
    }

    /** Not ended yet. */
    public boolean active() {
        return this == AWAITING_PICKUP || engaged();
    }

    /** A clock runs for the institution (pick up, or decide). */
    public boolean institutionClockRuns() {
        return this == AWAITING_PICKUP || this == UNDER_REVIEW;
    }
}
