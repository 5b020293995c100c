package org.sanrong.demand;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A demand left the market with an outcome: SATISFIED or PARTLY_SATISFIED (with the amount raised), CLOSED by the
 * enterprise (with its reason) or EXPIRED.
 */
public record DemandClosed(UUID demandId, String enterpriseCreditCode, DemandStatus outcome,
        @Nullable String reason, @Nullable Long raisedFen) {
}
