package org.sanrong.ledger;

/**
 * What an account holds, which decides its normal side: assets, expenses and debit memos grow by debits; liabilities,
 * equity (funds contributed), income and credit memos grow by credits. Memo accounts carry off-balance figures such
 * as commitments, always in a debit/credit pair so every entry still balances.
 */
public enum AccountKind {
    ASSET(true), LIABILITY(false), EQUITY(false), INCOME(false), EXPENSE(true), MEMO_DEBIT(true), MEMO_CREDIT(false);

    private final boolean debitNormal;

    AccountKind(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    public boolean debitNormal() {
        return debitNormal;
    }

    /** The balance on the account's normal side from its debit and credit totals. */
    public long balance(long debitsFen, long creditsFen) {
        return debitNormal ? Math.subtractExact(debitsFen, creditsFen) : Math.subtractExact(creditsFen, debitsFen);
    }
}
