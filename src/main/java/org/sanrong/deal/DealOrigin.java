package org.sanrong.deal;

/** How a deal began. */
public enum DealOrigin {
    /** 企业申请: the enterprise applied to a product. */
    APPLICATION,
    /** 机构接单: the institution picked up a published demand it was matched to. */
    PICK_UP,
    /** 自动转派: the platform sent the demand on after another institution let its deadline pass. */
    REFERRAL,
    /**
     * 路演意向: an investor marked interest in a presenter after a roadshow it attended; the roadshow module opens the
     * deal through {@link DealFlow#openFromRoadshow}. Starts under review with no clock (due diligence takes months).
     */
    ROADSHOW
}
