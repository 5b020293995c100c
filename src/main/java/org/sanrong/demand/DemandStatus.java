package org.sanrong.demand;

/** DRAFT → PUBLISHED → IN_PROGRESS → one of the four outcomes; the outcomes are final. */
public enum DemandStatus {
    DRAFT, PUBLISHED, IN_PROGRESS, SATISFIED, PARTLY_SATISFIED, CLOSED, EXPIRED;

    /** Institutions may see it and act on it. */
    public boolean open() {
        return this == PUBLISHED || this == IN_PROGRESS;
    }

    public boolean finished() {
        return this == SATISFIED || this == PARTLY_SATISFIED || this == CLOSED || this == EXPIRED;
    }
}
