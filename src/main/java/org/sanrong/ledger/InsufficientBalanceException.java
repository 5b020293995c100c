package org.sanrong.ledger;

/** An entry would take a non-negative account below zero; nothing was posted. */
public class InsufficientBalanceException extends RuntimeException {

    private final AccountRef account;
    private final long balanceFen;
    private final long requiredFen;

    public InsufficientBalanceException(AccountRef account, long balanceFen, long requiredFen) {
        super("account " + account + " holds " + balanceFen + " fen, the entry needs " + requiredFen);
        this.account = account;
        this.balanceFen = balanceFen;
        this.requiredFen = requiredFen;
    }

    public AccountRef account() {
        return account;
    }

    public long balanceFen() {
        return balanceFen;
    }

    /** What the entry would take out of the account. */
    public long requiredFen() {
        return requiredFen;
    }
}
