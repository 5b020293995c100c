package org.sanrong.matching;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.LifecycleStage;

/**
 * How often an institution said yes, for the fit factor 审批通过率. The deal module knows the decisions and supplies
 * this (matching cannot depend on it, since deals depend on matching); without it the factor is neutral.
 */
public interface ApprovalRates {

    /** No decisions known anywhere. */
    ApprovalRates NONE = (institution, stage) -> Record.NONE;

    /** The institution's decisions for enterprises like this one (same lifecycle stage), else for all. */
    Record of(UUID institutionId, @Nullable LifecycleStage stage);

    /**
     * Decisions counted and how many were approvals; {@code similar} says they are for enterprises of the same stage
     * (false: all the institution's decisions, when too few similar ones exist).
     */
    record Record(int decided, int approved, boolean similar) {
        static final Record NONE = new Record(0, 0, false);

        /** Fewer than this many decisions say too little to score on. */
        public static final int MIN_DECISIONS = 5;

        public boolean enough() {
            return decided >= MIN_DECISIONS;
        }
    }
}
