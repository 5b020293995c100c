package org.sanrong.roadshow;

import java.time.Instant;
import java.util.UUID;

/** An investor that attended a roadshow marked interest in a presenter; {@code dealId} is the equity deal it opened. */
public record InterestExpressed(UUID roadshowId, UUID institutionId, String enterpriseCreditCode, UUID dealId,
        Instant at) {
}
