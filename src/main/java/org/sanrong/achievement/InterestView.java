package org.sanrong.achievement;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One enterprise's expression of interest in an achievement, as its owner (and the enterprise) read it. */
public record InterestView(UUID id, UUID achievementId, String achievementTitle, String enterpriseName,
        String enterpriseCreditCode, String personName, @Nullable Intent intent, String message, Instant createdAt) {
}
