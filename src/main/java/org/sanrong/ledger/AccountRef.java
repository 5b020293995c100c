package org.sanrong.ledger;

import java.util.regex.Pattern;

/**
 * Names an account: the {@code book} it belongs to (e.g. one compensation pool, {@code pool:GZ-2025-BANK}) and its
 * {@code code} within the book (e.g. {@code cash}, {@code bank:<uuid>:payable}). Printable ASCII without spaces.
 */
public record AccountRef(String book, String code) implements Comparable<AccountRef> {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._\\-]*");

    public AccountRef {
        if (book == null || book.length() > 60 || !PART.matcher(book).matches()) {
            throw new IllegalArgumentException("account book must be 1-60 characters [A-Za-z0-9:._-]: " + book);
        }
        if (code == null || code.length() > 200 || !PART.matcher(code).matches()) {
            throw new IllegalArgumentException("account code must be 1-200 characters [A-Za-z0-9:._-]: " + code);
        }
    }

    @Override
    public int compareTo(AccountRef o) {
        int b = book.compareTo(o.book);
        return b != 0 ? b : code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return book + "/" + code;
    }
}
