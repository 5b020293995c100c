package org.sanrong.enterprise;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a profile's history. */
public record ProfileChange(Instant at, String actor, String field, @Nullable String oldValue,
        @Nullable String newValue) {
}
