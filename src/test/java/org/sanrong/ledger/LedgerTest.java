package org.sanrong.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanrong.ledger.JournalEntry.Line.credit;
import static org.sanrong.ledger.JournalEntry.Line.debit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's contract: balanced entries only, posted once per business key, balances as sums, non-negative
 * accounts never below zero (also under concurrent spending), and tables that refuse any change after the fact.
 */
@SanrongTest
class LedgerTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private String book() {
        return "test:" + UUID.randomUUID().toString().substring(0, 8);
    }

    private AccountRef open(String book, String code, AccountKind kind, boolean nonNegative) {
        return ledger.open(new Account(new AccountRef(book, code), code, kind, nonNegative)).ref();
    }

    @Test
    void balancesAreSumsOnEachAccountsNormalSide() {
        String book = book();
        AccountRef cash = open(book, "cash", AccountKind.ASSET, true);
        AccountRef city = open(book, "funder:CITY", AccountKind.EQUITY, false);
        AccountRef paid = open(book, "compensation", AccountKind.EXPENSE, false);
        ledger.post(new JournalEntry(book + ":fund", DAY, "注资", List.of(debit(cash, 100_000_00L),
                credit(city, 100_000_00L))), "test");
        ledger.post(new JournalEntry(book + ":pay", DAY.plusDays(1), "补偿", List.of(debit(paid, 30_000_00L),
                credit(cash, 30_000_00L))), "test");

        assertThat(ledger.balance(cash)).isEqualTo(70_000_00L);
        assertThat(ledger.balance(city)).as("equity grows by credits").isEqualTo(100_000_00L);
        assertThat(ledger.balance(paid)).isEqualTo(30_000_00L);
        assertThat(ledger.turnover(cash, DAY.plusDays(1), null).creditsFen()).isEqualTo(30_000_00L);
        assertThat(ledger.turnover(cash, null, DAY.plusDays(1)).balanceFen()).as("booked before the 2nd")
                .isEqualTo(100_000_00L);
        long[] totals = ledger.totals(book);
        assertThat(totals[0]).isEqualTo(totals[1]).isEqualTo(130_000_00L);
        assertThat(ledger.statement(cash, 10)).extracting(StatementLine::businessKey)
                .containsExactly(book + ":pay", book + ":fund");
        assertThat(ledger.balance(new AccountRef(book, "never-opened"))).isZero();
    }

    @Test
    void anEntryIsPostedOncePerBusinessKey() {
        String book = book();
        AccountRef cash = open(book, "cash", AccountKind.ASSET, true);
        AccountRef city = open(book, "funder:CITY", AccountKind.EQUITY, false);
        JournalEntry fund = new JournalEntry(book + ":fund:1", DAY, "注资", List.of(debit(cash, 500L), credit(city, 500L)));
        Posting first = ledger.post(fund, "test");
        Posting again = ledger.post(new JournalEntry(book + ":fund:1", DAY.plusDays(3), "注资（重发）",
                List.of(credit(city, 500L), debit(cash, 500L))), "test");
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).as("the same movement, lines in another order").isTrue();
        assertThat(again.entryId()).isEqualTo(first.entryId());
        assertThat(ledger.balance(cash)).isEqualTo(500L);
        assertThatThrownBy(() -> ledger.post(new JournalEntry(book + ":fund:1", DAY, "注资", List.of(debit(cash, 600L),
                credit(city, 600L))), "test")).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.balance(cash)).isEqualTo(500L);
    }

    @Test
    void refusesUnbalancedEntriesAndUnopenedAccounts() {
        String book = book();
        AccountRef cash = open(book, "cash", AccountKind.ASSET, false);
        AccountRef city = open(book, "funder:CITY", AccountKind.EQUITY, false);
        assertThatThrownBy(() -> new JournalEntry("k", DAY, "x", List.of(debit(cash, 100), credit(city, 99))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> new JournalEntry("k", DAY, "x", List.of(debit(cash, 100))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JournalEntry.Line.debit(cash, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.post(new JournalEntry(book + ":x", DAY, "x", List.of(debit(cash, 1),
                credit(new AccountRef(book, "nowhere"), 1))), "test")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.posted(book + ":x")).isFalse();
        assertThatThrownBy(() -> ledger.open(new Account(cash, "cash", AccountKind.LIABILITY, false)))
                .as("an account keeps its kind").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNonNegativeAccountIsNeverOverdrawnAndARefusedEntryLeavesNothing() {
        String book = book();
        AccountRef cash = open(book, "cash", AccountKind.ASSET, true);
        AccountRef city = open(book, "funder:CITY", AccountKind.EQUITY, false);
        AccountRef paid = open(book, "compensation", AccountKind.EXPENSE, false);
        ledger.post(new JournalEntry(book + ":fund", DAY, "注资", List.of(debit(cash, 1_000L), credit(city, 1_000L))),
                "test");
        assertThatThrownBy(() -> ledger.post(new JournalEntry(book + ":pay", DAY, "补偿", List.of(debit(paid, 1_001L),
                credit(cash, 1_001L))), "test"))
                .isInstanceOfSatisfying(InsufficientBalanceException.class, e -> {
                    assertThat(e.account()).isEqualTo(cash);
                    assertThat(e.balanceFen()).isEqualTo(1_000L);
                    assertThat(e.requiredFen()).isEqualTo(1_001L);
                });
        assertThat(ledger.posted(book + ":pay")).isFalse();
        assertThat(ledger.balance(paid)).isZero();
        ledger.post(new JournalEntry(book + ":pay", DAY, "补偿", List.of(debit(paid, 1_000L), credit(cash, 1_000L))),
                "test");
        assertThat(ledger.balance(cash)).as("down to exactly zero is allowed").isZero();
    }

    @Test
    void concurrentEntriesCannotBothSpendTheLastMoney() throws Exception {
        String book = book();
        AccountRef cash = open(book, "cash", AccountKind.ASSET, true);
        AccountRef city = open(book, "funder:CITY", AccountKind.EQUITY, false);
        AccountRef paid = open(book, "compensation", AccountKind.EXPENSE, false);
        ledger.post(new JournalEntry(book + ":fund", DAY, "注资", List.of(debit(cash, 1_000L), credit(city, 1_000L))),
                "test");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> spends = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                spends.add(() -> {
                    try {
                        ledger.post(new JournalEntry(book + ":pay:" + n, DAY, "补偿", List.of(debit(paid, 300L),
                                credit(cash, 300L))), "test");
                        return true;
                    } catch (InsufficientBalanceException e) {
                        return false;
                    }
                });
            }
            long succeeded = 0;
            for (Future<Boolean> f : pool.invokeAll(spends)) {
                succeeded += f.get() ? 1 : 0;
            }
            assertThat(succeeded).as("1000 fen pays three of 300 fen").isEqualTo(3);
        } finally {
            pool.shutdown();
        }
        assertThat(ledger.balance(cash)).isEqualTo(100L);
    }

    @Test
    void theTablesRefuseChangesAndUnbalancedRowsWhoeverWrites() {
        String book = book();
        AccountRef cash = open(book, "cash", AccountKind.ASSET, false);
        AccountRef city = open(book, "funder:CITY", AccountKind.EQUITY, false);
        long id = ledger.post(new JournalEntry(book + ":fund", DAY, "注资", List.of(debit(cash, 700L),
                credit(city, 700L))), "test").entryId();
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger.line SET debit_fen = 1 WHERE entry_id = ? AND debit_fen > 0")
                .param(id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger.entry WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger.account SET kind = 'LIABILITY' WHERE book = ?").param(book)
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE ledger.line CASCADE").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            long e = jdbc.sql("INSERT INTO ledger.entry (business_key, booked_on, posted_at, posted_by, description, "
                    + "fingerprint) VALUES (?, ?, now(), 'sql', 'by hand', repeat('0', 64)) RETURNING id")
                    .params(book + ":hand", java.sql.Date.valueOf(DAY)).query(Long.class).single();
            long accountId = jdbc.sql("SELECT id FROM ledger.account WHERE book = ? AND code = 'cash'").param(book)
                    .query(Long.class).single();
            jdbc.sql("INSERT INTO ledger.line VALUES (?, 1, ?, 500, 0)").params(e, accountId).update();
        })).as("a lone debit fails at commit").rootCause().hasMessageContaining("does not balance");
        assertThat(ledger.posted(book + ":hand")).isFalse();
        assertThat(ledger.balance(cash)).isEqualTo(700L);
    }
}
