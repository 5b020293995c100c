package org.sanrong.listing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 诉求: a problem an enterprise in the reserve raised, the department it went to and its working-day deadline. Open
 * until the department answers; {@code overdue} when still open at the deadline, or answered after it.
 */
public record ListingRequest(UUID id, String creditCode, String enterpriseName, RequestCategory category,
        String description, UUID departmentId, String departmentName, Instant raisedAt, String raisedBy,
        Instant deadline, Status status, @Nullable String answer, @Nullable Instant answeredAt,
        @Nullable String answeredBy, boolean overdue, boolean mayAnswer) {

    public enum Status { OPEN, ANSWERED }
}
