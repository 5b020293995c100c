package org.sanrong.listing;

/** 分级: how far an enterprise in the reserve is, A the furthest. */
public enum ReserveGrade {
    /** A 类: filed (申报) with an exchange. */
    A("A 已申报"),
    /** B 类: in tutoring (辅导备案). */
    B("B 辅导期"),
    /** C 类: restructured (股改完成). */
    C("C 已股改"),
    /** D 类: being cultivated (培育). */
    D("D 培育");

    private final String label;

    ReserveGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this grade is further than {@code other} (A beats B). */
    public boolean above(ReserveGrade other) {
        return ordinal() < other.ordinal();
    }
}
