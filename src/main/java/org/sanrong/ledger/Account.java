package org.sanrong.ledger;

/**
 * An opened account. {@code nonNegative}: no entry may take its balance (on its normal side) below zero; the ledger
 * refuses such an entry whole ({@link InsufficientBalanceException}).
 */
public record Account(AccountRef ref, String name, AccountKind kind, boolean nonNegative) {

    public Account {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("account name must be 1-200 characters");
        }
        name = name.strip();
        if (kind == null) {
            throw new IllegalArgumentException("account kind missing");
        }
    }
}
