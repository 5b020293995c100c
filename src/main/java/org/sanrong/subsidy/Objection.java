package org.sanrong.subsidy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An objection to an entitlement on public notice (公示). While OPEN the entitlement cannot be approved; an official
 * resolves it: UPHELD rejects the entitlement, DISMISSED lets it go on. The objector's phone is shown masked.
 */
public record Objection(UUID id, UUID entitlementId, String policyCode, String beneficiaryName, String text,
        String name, String phoneMasked, @Nullable String raisedBy, Instant raisedAt, Status status,
        @Nullable String resolution, @Nullable String resolvedBy) {

    public enum Status {
        OPEN, UPHELD, DISMISSED
    }
}
