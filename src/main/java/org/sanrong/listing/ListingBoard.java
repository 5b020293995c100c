package org.sanrong.listing;

import java.util.EnumSet;
import java.util.Set;

/** The board an enterprise in the reserve aims for, and which milestones apply on the way there. */
public enum ListingBoard {
    MAIN("主板"),
    CHINEXT("创业板"),
    STAR("科创板"),
    BSE("北交所"),
    /** 新三板: 挂牌 rather than 上市, and no 辅导备案 with a securities regulator's office. */
    NEEQ("新三板"),
    /** 境外: no 股改 or 辅导备案 required on the way (a red-chip structure need not restructure). */
    OVERSEAS("境外");

    private final String label;

    ListingBoard(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The milestones on the way to this board, in order; each must be recorded after the one before it. */
    public Set<Milestone> milestones() {
        return switch (this) {
            case NEEQ -> EnumSet.complementOf(EnumSet.of(Milestone.TUTORING_FILED));
            case OVERSEAS -> EnumSet.complementOf(EnumSet.of(Milestone.RESTRUCTURED, Milestone.TUTORING_FILED));
            default -> EnumSet.allOf(Milestone.class);
        };
    }
}
