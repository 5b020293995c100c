package org.sanrong.achievement;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the library; null or blank parts do not filter.
 *
 * @param text words that must all occur in the title, description, owner or patent number ({@link SearchText})
 * @param industry a GB/T 4754 code prefix: C39 finds C39, C391 and C3911
 * @param minTrl technology readiness level at least this
 * @param owner the owner's exact name, for "all of this owner's achievements"
 */
public record AchievementQuery(@Nullable String text, @Nullable String industry, @Nullable Integer minTrl,
        @Nullable Intent intent, @Nullable AchievementKind kind, @Nullable OwnerType ownerType,
        @Nullable String owner) {

    public static AchievementQuery all() {
        return new AchievementQuery(null, null, null, null, null, null, null);
    }
}
