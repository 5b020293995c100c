package org.sanrong.enterprise;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the platform's own processes (credit scoring, data checks) read of one enterprise: the profile's facts and
 * figures without contacts, all yearly figures (latest year first) and the qualification kinds live on the day
 * read. Not for showing to people: pages go through {@link EnterpriseBook#dossier}, which checks and audits access.
 */
public record EnterpriseSnapshot(String creditCode, String name, @Nullable UUID organisationId,
        @Nullable LocalDate registeredOn, @Nullable Long registeredCapitalFen, @Nullable String townCode,
        @Nullable String industryCode, @Nullable Integer headcount, int inventionPatents, int utilityPatents,
        int designPatents, int softwareCopyrights, int trademarks, boolean equityFunded, LifecycleStage stage,
        List<YearlyFigures> figures, Set<String> liveQualifications) {

    public EnterpriseSnapshot {
        figures = List.copyOf(figures);
        liveQualifications = Set.copyOf(liveQualifications);
    }

    /** The latest year's figures, if any year was reported. */
    public @Nullable YearlyFigures latest() {
        return figures.isEmpty() ? null : figures.getFirst();
    }
}
