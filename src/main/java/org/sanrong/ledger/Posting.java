package org.sanrong.ledger;

/** The result of posting: the entry's id and whether this call wrote it or found it already posted. */
public record Posting(long entryId, String businessKey, boolean replayed) {
}
