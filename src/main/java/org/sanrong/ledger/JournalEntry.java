package org.sanrong.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * One balanced movement: its debits equal its credits, to the fen. {@code businessKey} names the business event it
 * records (e.g. {@code claim:<id>:pay}); posting the same key again changes nothing.
 */
public record JournalEntry(String businessKey, LocalDate bookedOn, String description, List<Line> lines) {

    /** One side of a movement on one account: exactly one of debit and credit is positive. */
    public record Line(AccountRef account, long debitFen, long creditFen) {

        public Line {
            if (account == null) {
                throw new IllegalArgumentException("line without account");
            }
            if (debitFen < 0 || creditFen < 0 || (debitFen == 0) == (creditFen == 0)) {
                throw new IllegalArgumentException("a line is a positive debit or a positive credit: " + account);
            }
        }

        public static Line debit(AccountRef account, long fen) {
            return new Line(account, fen, 0);
        }

        public static Line credit(AccountRef account, long fen) {
            return new Line(account, 0, fen);
        }
    }

    public JournalEntry {
        if (businessKey == null || businessKey.isBlank() || businessKey.length() > 200) {
            throw new IllegalArgumentException("business key must be 1-200 characters");
        }
        if (bookedOn == null) {
            throw new IllegalArgumentException("booking date missing");
        }
        description = description == null ? "" : description.strip();
        if (description.isEmpty() || description.length() > 500) {
            throw new IllegalArgumentException("description must be 1-500 characters");
        }
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a journal entry needs at least two lines");
        }
        long debits = 0;
        long credits = 0;
        for (Line l : lines) {
            debits = Math.addExact(debits, l.debitFen());
            credits = Math.addExact(credits, l.creditFen());
        }
        if (debits != credits) {
            throw new IllegalArgumentException("unbalanced entry " + businessKey + ": debits " + debits
                    + " ≠ credits " + credits);
        }
    }

    /** The entry's amount: its total debits (= its total credits). */
    public long amountFen() {
        return lines.stream().mapToLong(Line::debitFen).sum();
    }
}
