package org.sanrong.riskshare;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A line of a claim's history: submitted, reviewed at a step, rejected, approved, held, released, paid, recovery. */
public record ClaimEntry(Instant at, String actor, String kind, @Nullable String stepName, @Nullable String detail) {
}
