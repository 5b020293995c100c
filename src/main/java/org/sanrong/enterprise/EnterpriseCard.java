package org.sanrong.enterprise;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 企业公开名片: what every signed-in user may see of an enterprise. No figures, no contacts. */
public record EnterpriseCard(String creditCode, String name, @Nullable String townCode, @Nullable String townName,
        @Nullable String industryCode, @Nullable String industryName, LifecycleStage stage,
        List<String> qualifications, boolean onPlatform) {
}
