package org.sanrong.demand;

import org.sanrong.catalog.FinancingKind;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the 需求大厅. Town and industry prefix are the enterprise's (from its public card). {@code status} is
 * for government and operator staff, who see every demand but drafts; institutions always see open ones.
 */
public record OpenDemandQuery(@Nullable FinancingKind kind, @Nullable Long minAmountFen, @Nullable Long maxAmountFen,
        @Nullable String townCode, @Nullable String industryPrefix, @Nullable DemandStatus status) {

    public static OpenDemandQuery none() {
        return new OpenDemandQuery(null, null, null, null, null, null);
    }
}
