package org.sanrong.deal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a deal's timeline: when, who, what (a step code such as PICKED_UP), and details. */
public record TimelineEntry(Instant at, String actor, String kind, @Nullable String detail) {
}
