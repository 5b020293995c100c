package org.sanrong.subsidy;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entitlement was paid from its policy's budget (one event per entitlement; statistics count it). The beneficiary
 * organisation is null for a beneficiary not registered on the platform.
 */
public record SubsidyPaid(UUID entitlementId, String policyCode, @Nullable UUID beneficiaryOrg, String enterpriseCode,
        long amountFen, LocalDate paidOn) {
}
