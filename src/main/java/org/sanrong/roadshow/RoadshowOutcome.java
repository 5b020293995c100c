package org.sanrong.roadshow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.DealStatus;

/**
 * What came of a roadshow: every interest an investor marked after it and the deal it opened, with the deal's status,
 * offer and the amount invested. The deal's details show to whoever may see the deal (government, its parties);
 * for others the line keeps who was interested in whom, and the deal's columns stay empty.
 */
public record RoadshowOutcome(int interests, int underWay, int offered, int funded, long investedFen,
        List<Line> lines) {

    public record Line(String investorName, String enterpriseName, String creditCode, Instant markedAt,
            @Nullable UUID dealId, @Nullable DealStatus status, @Nullable Long offerAmountFen,
            @Nullable BigDecimal offerStakePercent, @Nullable Long investedFen, @Nullable LocalDate investedOn) {
    }
}
