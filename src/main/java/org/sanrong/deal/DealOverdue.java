package org.sanrong.deal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An institution let its deadline pass: to pick up ({@code AWAITING_PICKUP}) or to decide ({@code UNDER_REVIEW}). */
public record DealOverdue(UUID dealId, @Nullable UUID demandId, UUID institutionId, String enterpriseCreditCode,
        DealStatus missed) {
}
