package org.sanrong.ledger;

import java.time.Instant;
import java.time.LocalDate;

/** One line of an account's statement, with its entry. */
public record StatementLine(long entryId, String businessKey, LocalDate bookedOn, Instant postedAt, String postedBy,
        String description, long debitFen, long creditFen) {
}
