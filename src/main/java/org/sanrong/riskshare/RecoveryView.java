package org.sanrong.riskshare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Money recovered after compensation and the pools' pro-rata part of it; remitted once the pool confirms it. */
public record RecoveryView(UUID id, UUID claimId, long amountFen, LocalDate recoveredOn, long poolShareFen,
        Instant reportedAt, String reportedBy, @Nullable Instant remittedAt, @Nullable String remittedBy) {

    public boolean remitted() {
        return remittedAt != null;
    }
}
