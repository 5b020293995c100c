package org.sanrong.warning;

import java.util.UUID;

/** A warning case was opened (or raised to a higher level) for an enterprise. */
public record WarningRaised(UUID caseId, String enterpriseCreditCode, WarningRules.Level level, int score) {
}
