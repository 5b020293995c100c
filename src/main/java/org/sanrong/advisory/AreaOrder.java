package org.sanrong.advisory;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Government's order to assign one adviser to the enterprises of an area at once: those of the 企业库 in a town
 * and/or whose industry code starts with a prefix, that the adviser does not serve yet, in name order, up to a limit.
 *
 * @param limit how many at most, 1 to {@value Advisory#MAX_AREA}; {@value Advisory#DEFAULT_AREA} when null
 */
public record AreaOrder(@Nullable UUID adviserId, @Nullable String townCode, @Nullable String industryPrefix,
        @Nullable Integer limit, @Nullable LocalDate assignedOn, @Nullable String note) {

    /** What an area assignment did. */
    public record Result(int assigned, int skipped, java.util.List<UUID> assignmentIds) {
    }
}
