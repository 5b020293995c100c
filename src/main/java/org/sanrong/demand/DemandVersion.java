package org.sanrong.demand;

import java.time.Instant;

/** The full terms of a published demand as they stood at one version; version 1 is as first published. */
public record DemandVersion(int version, Instant at, String by, DemandTerms terms) {
}
