package org.sanrong.stats;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Year-on-year growth of one institution's (or, with no id, the city's) tech-credit balance against the target. */
public record GrowthRow(@Nullable UUID institutionId, String name, long balanceFen, long yearAgoFen,
        @Nullable BigDecimal growthPercent, BigDecimal targetPercent, Light light) {
}
