package org.sanrong.demand;

import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.FinancingKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A demand was published, or a published demand was revised into a new version: the terms matching needs. A
 * consumer keeps the highest version per demand and ignores older or repeated ones.
 */
public record DemandPublished(UUID demandId, int version, String enterpriseCreditCode, UUID organisationId,
        long amountFen, Set<FinancingKind> kinds, @Nullable PurposeCategory purposeCategory, int termMonths,
        @Nullable BigDecimal maxAnnualRatePercent, @Nullable BigDecimal maxEquityStakePercent,
        Set<Collateral> collateral, @Nullable LocalDate neededBy, Visibility visibility,
        List<UUID> chosenInstitutions) {
}
