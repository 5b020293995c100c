package org.sanrong.warning;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A warning in the queue, with its handling so far. */
public record WarningCase(UUID id, String creditCode, String enterprise, @Nullable String townCode,
        @Nullable String sectionCode, WarningRules.Level level, int score, String signals, Status status,
        Instant openedAt, Instant dueAt, @Nullable String assignee, @Nullable String verification,
        @Nullable String verifiedBy, @Nullable Instant verifiedAt, @Nullable String finding,
        @Nullable String measures, @Nullable String closedBy, @Nullable Instant closedAt) {

    public enum Status {
        OPEN("待分派"), ASSIGNED("核查中"), VERIFIED("已核实"), CLOSED("已办结");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Verified later than the level's time limit (or still unverified past it). */
    public boolean late(Instant now) {
        Instant done = verifiedAt != null ? verifiedAt : closedAt;
        return done != null ? done.isAfter(dueAt) : now.isAfter(dueAt);
    }
}
