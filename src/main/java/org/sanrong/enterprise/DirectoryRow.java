package org.sanrong.enterprise;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One line of the directory: public facts only, so any signed-in official or institution may list them. */
public record DirectoryRow(String creditCode, String name, @Nullable String townName, @Nullable String industryCode,
        @Nullable String industryName, LifecycleStage stage, @Nullable Integer headcount, List<String> qualifications,
        boolean onPlatform) {
}
