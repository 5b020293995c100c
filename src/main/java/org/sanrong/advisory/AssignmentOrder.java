package org.sanrong.advisory;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Government's order to assign an adviser to an enterprise.
 *
 * @param enterpriseCreditCode the enterprise in the 企业库; may be left out when answering a request
 * @param requestId with basis REQUEST, the enterprise's open request this answers
 * @param assignedOn the day it was decided, today when null; never in the future
 */
public record AssignmentOrder(@Nullable UUID adviserId, @Nullable String enterpriseCreditCode,
        @Nullable AssignmentBasis basis, @Nullable UUID requestId, @Nullable LocalDate assignedOn,
        @Nullable String note) {
}
