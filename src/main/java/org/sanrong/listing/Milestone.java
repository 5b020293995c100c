package org.sanrong.listing;

import org.jspecify.annotations.Nullable;

/** A step on the way to listing, in the order they happen; reaching one may raise the reserve grade. */
public enum Milestone {
    /** 股改完成: converted to a joint-stock company (股份有限公司). */
    RESTRUCTURED("股改完成", ReserveGrade.C),
    /** 辅导备案: tutoring filed with the securities regulator's local office. */
    TUTORING_FILED("辅导备案", ReserveGrade.B),
    /** 申报受理: the exchange accepted the application. */
    APPLICATION_ACCEPTED("申报受理", ReserveGrade.A),
    /** 问询: the exchange's first round of questions. */
    INQUIRY("问询", ReserveGrade.A),
    /** 审核通过/注册: passed the listing committee and registered with the CSRC. */
    APPROVED("审核通过/注册", ReserveGrade.A),
    /** 上市 (挂牌 on 新三板). */
    LISTED("上市", ReserveGrade.A);

    private final String label;
    private final ReserveGrade grade;

    Milestone(String label, ReserveGrade grade) {
        this.label = label;
        this.grade = grade;
    }

    public String label() {
        return label;
    }

    /** The grade an enterprise has at least once it reached this milestone. */
    public ReserveGrade grade() {
        return grade;
    }

    public static @Nullable Milestone parse(@Nullable String name) {
        if (name == null) {
            return null;
        }
        for (Milestone m : values()) {
            if (m.name().equals(name.strip())) {
                return m;
            }
        }
        return null;
    }
}
