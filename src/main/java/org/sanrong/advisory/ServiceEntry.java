package org.sanrong.advisory;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an adviser logs about one visit or service.
 *
 * @param servedOn when it happened: not in the future, not before the assignment's clock started
 * @param followUps what is to happen next (待跟进事项), if anything
 */
public record ServiceEntry(@Nullable LocalDate servedOn, @Nullable ServiceType type, @Nullable String summary,
        @Nullable String followUps) {
}
