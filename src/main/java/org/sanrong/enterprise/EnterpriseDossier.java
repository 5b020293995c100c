package org.sanrong.enterprise;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The private profile, for the enterprise itself, government staff, and institutions holding a live consent
 * grant. Reading one is audited (action VIEW_PROFILE), except the enterprise reading its own.
 */
public record EnterpriseDossier(EnterpriseCard card, Profile profile, List<YearlyFigures> figures,
        @Nullable LifecycleStage stageOverride, @Nullable String stageOverrideReason,
        @Nullable String creditCodeException, Access access) {

    /** Why the viewer may see it. */
    public enum Access {
        /** the enterprise itself */
        OWNER,
        /** government or operator staff in the course of their duties */
        OFFICIAL,
        /** an institution under a live consent grant */
        GRANTED
    }

    public @Nullable YearlyFigures latest() {
        return figures.isEmpty() ? null : figures.getFirst();
    }
}
