package org.sanrong.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An enterprise in the listing reserve reached a milestone (股改完成, 辅导备案, 申报受理, 问询, 审核通过/注册, 上市),
 * dated and with its evidence document: what a subsidy policy rewards (listing rewards by stage). Published once per
 * entry and milestone, in the recording transaction.
 */
public record ListingMilestoneReached(UUID entryId, String creditCode, String enterpriseName, ListingBoard board,
        Milestone milestone, LocalDate reachedOn, UUID evidenceId, String recordedBy, Instant recordedAt) {
}
