package org.sanrong.enterprise;

import org.jspecify.annotations.Nullable;

/** Filters of the enterprise directory; null or blank parts do not filter. */
public record DirectoryQuery(@Nullable String text, @Nullable String townCode, @Nullable String industryPrefix,
        @Nullable LifecycleStage stage, @Nullable String qualification, @Nullable SizeClass size) {

    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null, null, null);
    }

    /** 企业规模 by headcount, the directory's coarse size filter. */
    public enum SizeClass {
        MICRO(0, 19), SMALL(20, 299), MEDIUM(300, 999), LARGE(1000, Integer.MAX_VALUE);

        final int min;
        final int max;

        SizeClass(int min, int max) {
            this.min = min;
            this.max = max;
        }
    }
}
