package org.sanrong.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A cost event reported on the platform (interest, fees, premium, bond, capital, listing), as its list shows it. */
public record ReportedEvent(UUID id, EventType type, String enterpriseCode, LocalDate date, long amountFen,
        @Nullable String ref, String reportedBy, Instant reportedAt) {

    public String amountYuan() {
        return Calculation.yuan(amountFen);
    }
}
