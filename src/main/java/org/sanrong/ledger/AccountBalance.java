package org.sanrong.ledger;

/** An account with its totals and its balance on its normal side. */
public record AccountBalance(Account account, long debitsFen, long creditsFen) {

    public long balanceFen() {
        return account.kind().balance(debitsFen, creditsFen);
    }
}
