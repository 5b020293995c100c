package org.sanrong.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of the audit trail as it is read back. */
public record AuditEntry(long id, Instant at, String actor, @Nullable UUID organisationId, String action,
        String target, @Nullable String ip, Outcome outcome, @Nullable String detail) {

    public enum Outcome {
        SUCCESS, FAILURE, DENIED
    }
}
