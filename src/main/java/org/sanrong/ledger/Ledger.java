package org.sanrong.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's one entrance. Accounts are opened once; entries are posted whole or not at all, once per business
 * key: a second post of the same key with the same lines answers the first posting ({@link Posting#replayed()}),
 * with other lines it is refused. An entry that would take a non-negative account below zero is refused whole;
 * such accounts are locked while the entry is checked, so two concurrent entries cannot both spend the last fen.
 * Balances are sums of lines, never stored.
 */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens the account if it is not open yet and answers it as stored. Opening it again with the same kind and
     * rule is a no-op (the first name stays); with another kind or rule it is refused.
     */
    @Transactional
    public Account open(Account account) {
        jdbc.sql("""
                INSERT INTO ledger.account (book, code, name, kind, non_negative, opened_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (book, code) DO NOTHING""")
                .params(account.ref().book(), account.ref().code(), account.name(), account.kind().name(),
                        account.nonNegative(), Timestamp.from(clock.instant()))
                .update();
        Account stored = find(account.ref()).orElseThrow();
        if (stored.kind() != account.kind() || stored.nonNegative() != account.nonNegative()) {
            throw new IllegalStateException("account " + account.ref() + " is already open as " + stored.kind()
                    + (stored.nonNegative() ? " (non-negative)" : ""));
        }
        return stored;
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(AccountRef ref) {
        return jdbc.sql("SELECT book, code, name, kind, non_negative FROM ledger.account WHERE book = ? AND code = ?")
                .params(ref.book(), ref.code()).query(Ledger::account).optional();
    }

    /**
     * Posts the entry once. Every account must be open. Throws {@link InsufficientBalanceException} when a
     * non-negative account would go below zero and {@link IllegalStateException} when the key was used for other
     * lines; either way nothing is written.
     */
    @Transactional
    public Posting post(JournalEntry entry, String actor) {
        String fingerprint = fingerprint(entry);
        Optional<Posting> earlier = replay(entry.businessKey(), fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Map<AccountRef, Stored> accounts = resolve(entry);
        checkNonNegative(entry, accounts);
        Long id = jdbc.sql("""
                INSERT INTO ledger.entry (business_key, booked_on, posted_at, posted_by, description, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (business_key) DO NOTHING RETURNING id""")
                .params(entry.businessKey(), Date.valueOf(entry.bookedOn()), Timestamp.from(clock.instant()),
                        actor.length() > 100 ? actor.substring(0, 100) : actor, entry.description(), fingerprint)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // posted by a concurrent transaction that has committed since we looked
            return replay(entry.businessKey(), fingerprint).orElseThrow();
        }
        int seq = 0;
        for (JournalEntry.Line line : entry.lines()) {
            jdbc.sql("INSERT INTO ledger.line (entry_id, seq, account_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?)")
                    .params(id, ++seq, accounts.get(line.account()).id(), line.debitFen(), line.creditFen())
                    .update();
        }
        return new Posting(id, entry.businessKey(), false);
    }

    /** Whether an entry with this business key has been posted. */
    @Transactional(readOnly = true)
    public boolean posted(String businessKey) {
        return jdbc.sql("SELECT count(*) FROM ledger.entry WHERE business_key = ?").param(businessKey)
                .query(Long.class).single() > 0;
    }

    /** The account's balance on its normal side; zero for an account never opened. */
    @Transactional(readOnly = true)
    public long balance(AccountRef ref) {
        return turnover(ref, null, null).balanceFen();
    }

    /**
     * Debits and credits on the account booked from {@code from} (inclusive) to {@code until} (exclusive); a null
     * bound is open.
     */
    @Transactional(readOnly = true)
    public AccountBalance turnover(AccountRef ref, @org.jspecify.annotations.Nullable LocalDate from,
            @org.jspecify.annotations.Nullable LocalDate until) {
        Account account = find(ref).orElse(null);
        if (account == null) {
            return new AccountBalance(new Account(ref, ref.code(), AccountKind.ASSET, false), 0, 0);
        }
        long[] sums = jdbc.sql("""
                SELECT coalesce(sum(l.debit_fen), 0), coalesce(sum(l.credit_fen), 0)
                FROM ledger.line l JOIN ledger.account a ON a.id = l.account_id JOIN ledger.entry e ON e.id = l.entry_id
                WHERE a.book = ? AND a.code = ? AND (?::date IS NULL OR e.booked_on >= ?::date)
                  AND (?::date IS NULL OR e.booked_on < ?::date)""")
                .params(ref.book(), ref.code(), date(from), date(from), date(until), date(until))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new AccountBalance(account, sums[0], sums[1]);
    }

    /** Every account of a book with its totals, ordered by code. */
    @Transactional(readOnly = true)
    public List<AccountBalance> balances(String book) {
        return jdbc.sql("""
                SELECT a.book, a.code, a.name, a.kind, a.non_negative,
                    coalesce(sum(l.debit_fen), 0) AS debits, coalesce(sum(l.credit_fen), 0) AS credits
                FROM ledger.account a LEFT JOIN ledger.line l ON l.account_id = a.id
                WHERE a.book = ? GROUP BY a.id ORDER BY a.code""")
                .param(book)
                .query((rs, n) -> new AccountBalance(account(rs, n), rs.getLong("debits"), rs.getLong("credits")))
                .list();
    }

    /** The account's lines, latest first. */
    @Transactional(readOnly = true)
    public List<StatementLine> statement(AccountRef ref, int limit) {
        return jdbc.sql("""
                SELECT e.id, e.business_key, e.booked_on, e.posted_at, e.posted_by, e.description, l.debit_fen,
                    l.credit_fen
                FROM ledger.line l JOIN ledger.account a ON a.id = l.account_id JOIN ledger.entry e ON e.id = l.entry_id
                WHERE a.book = ? AND a.code = ? ORDER BY e.id DESC, l.seq LIMIT ?""")
                .params(ref.book(), ref.code(), limit)
                .query((rs, n) -> new StatementLine(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getLong(8)))
                .list();
    }

    /**
     * Total debits and total credits over every line of the book's accounts (null: the whole ledger). They are equal
     * whenever the ledger is sound.
     */
    @Transactional(readOnly = true)
    public long[] totals(@org.jspecify.annotations.Nullable String book) {
        return jdbc.sql("""
                SELECT coalesce(sum(l.debit_fen), 0), coalesce(sum(l.credit_fen), 0)
                FROM ledger.line l JOIN ledger.account a ON a.id = l.account_id WHERE ?::varchar IS NULL OR a.book = ?""")
                .params(book, book).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private record Stored(long id, Account account) {
    }

    private Optional<Posting> replay(String key, String fingerprint) {
        return jdbc.sql("SELECT id, fingerprint FROM ledger.entry WHERE business_key = ?").param(key)
                .query((rs, n) -> {
                    if (!rs.getString(2).equals(fingerprint)) {
                        throw new IllegalStateException("journal entry " + key + " was posted with other lines");
                    }
                    return new Posting(rs.getLong(1), key, true);
                }).optional();
    }

    private Map<AccountRef, Stored> resolve(JournalEntry entry) {
        Map<AccountRef, Stored> out = new HashMap<>();
        for (JournalEntry.Line line : entry.lines()) {
            if (!out.containsKey(line.account())) {
                Stored s = jdbc.sql("SELECT id, book, code, name, kind, non_negative FROM ledger.account "
                        + "WHERE book = ? AND code = ?").params(line.account().book(), line.account().code())
                        .query((rs, n) -> new Stored(rs.getLong("id"), account(rs, n))).optional()
                        .orElseThrow(() -> new IllegalArgumentException("account not open: " + line.account()));
                out.put(line.account(), s);
            }
        }
        return out;
    }

    /** Locks the non-negative accounts the entry takes from (in id order, so entries never deadlock) and checks them. */
    private void checkNonNegative(JournalEntry entry, Map<AccountRef, Stored> accounts) {
        Map<AccountRef, Long> change = new TreeMap<>();
        for (JournalEntry.Line line : entry.lines()) {
            Account a = accounts.get(line.account()).account();
            long delta = a.kind().balance(line.debitFen(), line.creditFen());
            change.merge(line.account(), delta, Math::addExact);
        }
        List<Stored> decreasing = new ArrayList<>();
        change.forEach((ref, delta) -> {
            Stored s = accounts.get(ref);
            if (s.account().nonNegative() && delta < 0) {
                decreasing.add(s);
            }
        });
        decreasing.sort(Comparator.comparingLong(Stored::id));
        for (Stored s : decreasing) {
            jdbc.sql("SELECT id FROM ledger.account WHERE id = ? FOR UPDATE").param(s.id()).query(Long.class).single();
            long[] sums = jdbc.sql("SELECT coalesce(sum(debit_fen), 0), coalesce(sum(credit_fen), 0) FROM ledger.line "
                    + "WHERE account_id = ?").param(s.id())
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            long balance = s.account().kind().balance(sums[0], sums[1]);
            long delta = change.get(s.account().ref());
            if (balance + delta < 0) {
                throw new InsufficientBalanceException(s.account().ref(), balance, -delta);
            }
        }
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(new AccountRef(rs.getString("book"), rs.getString("code")), rs.getString("name"),
                AccountKind.valueOf(rs.getString("kind")), rs.getBoolean("non_negative"));
    }

    private static @org.jspecify.annotations.Nullable Date date(@org.jspecify.annotations.Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** The entry's money: its lines in a canonical order (the same movement written in another order is the same). */
    static String fingerprint(JournalEntry entry) {
        StringBuilder b = new StringBuilder();
        entry.lines().stream()
                .sorted(Comparator.comparing(JournalEntry.Line::account).thenComparingLong(JournalEntry.Line::debitFen)
                        .thenComparingLong(JournalEntry.Line::creditFen))
                .forEach(l -> b.append(l.account()).append('|').append(l.debitFen()).append('|')
                        .append(l.creditFen()).append('\n'));
        return org.sanrong.platform.Sha256.hex(b.toString());
    }
}
