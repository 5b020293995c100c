package org.sanrong.achievement;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An achievement as pages and the API show it.
 *
 * @param ownerCreditCode set for an enterprise owner: its page is {@code /enterprises/{ownerCreditCode}}
 * @param patentType the kind of patent the number's type digit names, e.g. {@code INVENTION}
 * @param patentGranted whether the number is a granted patent's (ZL…), which alone may be pledged
 * @param interests how many enterprises expressed interest
 * @param manageable whether the reader's organisation answers for it (may edit it and read the interests)
 * @param interested whether the reader's enterprise has expressed interest already
 */
public record AchievementView(UUID id, AchievementKind kind, String title, String description, OwnerType ownerType,
        String ownerName, @Nullable String ownerCreditCode, String managingOrganisationName, String industryCode,
        @Nullable String industryName, int trl, String trlLabel, Set<Intent> intents, @Nullable String patentNumber,
        PatentNumber.@Nullable Type patentType, boolean patentGranted, String contactName, String contactPhone,
        AchievementStatus status, Instant createdAt, Instant updatedAt, long interests, boolean manageable,
        boolean interested) {
}
