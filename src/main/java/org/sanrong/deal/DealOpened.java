package org.sanrong.deal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A deal began: an application, a pick-up or a referral. */
public record DealOpened(UUID dealId, DealOrigin origin, @Nullable UUID demandId, String enterpriseCreditCode,
        UUID institutionId, UUID productId, int productVersion, long amountFen, Instant openedAt) {
}
