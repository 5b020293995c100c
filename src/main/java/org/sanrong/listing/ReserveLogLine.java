package org.sanrong.listing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A line of a reserve entry's log: who did what, when (kind: ENROLLED, MILESTONE, REGRADED...). */
public record ReserveLogLine(Instant at, String actor, String kind, @Nullable String detail) {
}
