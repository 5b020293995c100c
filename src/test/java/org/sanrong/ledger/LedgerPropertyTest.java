package org.sanrong.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.ledger.JournalEntry.Line.credit;
import static org.sanrong.ledger.JournalEntry.Line.debit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Random pool operations (funding by city and district, claims approved, paid, held and released, recoveries owed
 * and remitted, replays of earlier entries) against a plain in-memory model of the same balances. After every step
 * each account equals the model, every refusal is one the model predicts (and changes nothing), Σ debits = Σ
 * credits, and no non-negative account — the pool's cash above all — is below zero. The seed is printed on failure.
 */
@SanrongTest
class LedgerPropertyTest {

    @Autowired
    Ledger ledger;

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    /** The simple reference: balances on each account's normal side, and which may not go negative. */
    private static final class Model {
        final Map<AccountRef, Long> balance = new LinkedHashMap<>();
        final Map<AccountRef, AccountKind> kinds = new HashMap<>();
        final Map<AccountRef, Boolean> nonNegative = new HashMap<>();

        void open(AccountRef ref, AccountKind kind, boolean nonNeg) {
            balance.put(ref, 0L);
            kinds.put(ref, kind);
            nonNegative.put(ref, nonNeg);
        }

        /** Whether the entry may post: no non-negative account below zero afterwards. */
        boolean allows(JournalEntry e) {
            Map<AccountRef, Long> after = new HashMap<>();
            for (JournalEntry.Line l : e.lines()) {
                after.merge(l.account(), kinds.get(l.account()).balance(l.debitFen(), l.creditFen()), Long::sum);
            }
            return after.entrySet().stream().noneMatch(x -> nonNegative.get(x.getKey()) && x.getValue() < 0
                    && balance.get(x.getKey()) + x.getValue() < 0);
        }

        void apply(JournalEntry e) {
            for (JournalEntry.Line l : e.lines()) {
                balance.merge(l.account(), kinds.get(l.account()).balance(l.debitFen(), l.creditFen()), Long::sum);
            }
        }
    }

    @Test
    void randomPoolOperationsKeepTheBooksBalancedAndThePoolNonNegative() {
        long master = System.nanoTime();
        int refusals = 0;
        for (int run = 0; run < 12; run++) {
            long seed = master + run;
            try {
                refusals += runOnce(seed, 80);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
        assertThat(refusals).as("the runs met overdrafts to refuse (seeds from %d)", master).isPositive();
    }

    private int runOnce(long seed, int steps) {
        Random random = new Random(seed);
        String book = "prop:" + UUID.randomUUID().toString().substring(0, 8);
        Model model = new Model();
        AccountRef cash = open(model, book, "cash", AccountKind.ASSET, true);
        AccountRef reserved = open(model, book, "reserved", AccountKind.ASSET, true);
        List<AccountRef> funders = List.of(open(model, book, "funder:CITY", AccountKind.EQUITY, false),
                open(model, book, "funder:DISTRICT", AccountKind.EQUITY, false));
        List<String> banks = List.of("B1", "B2", "B3");
        for (String b : banks) {
            open(model, book, "bank:" + b + ":compensation", AccountKind.EXPENSE, false);
            open(model, book, "bank:" + b + ":payable", AccountKind.LIABILITY, true);
            open(model, book, "bank:" + b + ":held", AccountKind.LIABILITY, true);
            open(model, book, "bank:" + b + ":recovery-due", AccountKind.ASSET, true);
            open(model, book, "bank:" + b + ":recovered", AccountKind.INCOME, false);
            open(model, book, "bank:" + b + ":commitment", AccountKind.MEMO_DEBIT, true);
        }
        AccountRef commitmentOffset = open(model, book, "commitment-offset", AccountKind.MEMO_CREDIT, true);
        List<JournalEntry> posted = new ArrayList<>();
        int refused = 0;
        for (int step = 0; step < steps; step++) {
            String bank = banks.get(random.nextInt(banks.size()));
            long x = amount(random);
            String key = book + ":" + step;
            AccountRef a = new AccountRef(book, "bank:" + bank + ":payable");
            JournalEntry entry = switch (random.nextInt(9)) {
                case 0 -> new JournalEntry(key, DAY, "注资", List.of(debit(cash, x),
                        credit(funders.get(random.nextInt(funders.size())), x)));
                case 1 -> new JournalEntry(key, DAY, "批准补偿", List.of(
                        debit(ref(book, bank, "compensation"), x), credit(a, x), debit(reserved, x), credit(cash, x)));
                case 2 -> new JournalEntry(key, DAY, "拨付", List.of(debit(a, x), credit(reserved, x)));
                case 3 -> new JournalEntry(key, DAY, "暂缓", List.of(debit(a, x), credit(ref(book, bank, "held"), x)));
                case 4 -> new JournalEntry(key, DAY, "解除暂缓", List.of(debit(ref(book, bank, "held"), x), credit(a, x)));
                case 5 -> new JournalEntry(key, DAY, "追偿应返还", List.of(debit(ref(book, bank, "recovery-due"), x),
                        credit(ref(book, bank, "recovered"), x)));
                case 6 -> new JournalEntry(key, DAY, "追偿款到账", List.of(debit(cash, x),
                        credit(ref(book, bank, "recovery-due"), x)));
                case 7 -> new JournalEntry(key, DAY, "备案承诺", List.of(debit(ref(book, bank, "commitment"), x),
                        credit(commitmentOffset, x)));
                default -> posted.isEmpty() ? new JournalEntry(key, DAY, "解除承诺", List.of(
                        debit(commitmentOffset, x), credit(ref(book, bank, "commitment"), x)))
                        : posted.get(random.nextInt(posted.size())); // a replay
            };
            boolean replay = posted.contains(entry);
            boolean expected = replay || model.allows(entry);
            boolean accepted;
            try {
                Posting p = ledger.post(entry, "property");
                accepted = true;
                assertThat(p.replayed()).as("replay of %s", entry.businessKey()).isEqualTo(replay);
            } catch (InsufficientBalanceException e) {
                accepted = false;
                refused++;
            }
            assertThat(accepted).as("step %d %s %s", step, entry.description(), entry.lines()).isEqualTo(expected);
            if (accepted && !replay) {
                model.apply(entry);
                posted.add(entry);
            }
            for (JournalEntry.Line l : entry.lines()) {
                assertThat(ledger.balance(l.account())).as("%s after step %d", l.account(), step)
                        .isEqualTo(model.balance.get(l.account()));
            }
        }
        Map<AccountRef, Long> actual = new HashMap<>();
        ledger.balances(book).forEach(b -> actual.put(b.account().ref(), b.balanceFen()));
        assertThat(actual).isEqualTo(model.balance);
        long[] totals = ledger.totals(book);
        assertThat(totals[0]).as("Σ debits = Σ credits").isEqualTo(totals[1]);
        model.balance.forEach((ref, v) -> {
            if (model.nonNegative.get(ref)) {
                assertThat(v).as("%s stays non-negative", ref).isGreaterThanOrEqualTo(0L);
            }
        });
        assertThat(ledger.balance(cash)).isGreaterThanOrEqualTo(0L);
        // assets = liabilities + funds + income − expenses, the accounting equation over the pool
        long assets = 0;
        long claims = 0;
        for (AccountBalance b : ledger.balances(book)) {
            switch (b.account().kind()) {
                case ASSET -> assets += b.balanceFen();
                case LIABILITY, EQUITY, INCOME -> claims += b.balanceFen();
                case EXPENSE -> claims -= b.balanceFen();
                default -> { }
            }
        }
        assertThat(assets).isEqualTo(claims);
        return refused;
    }

    private static AccountRef ref(String book, String bank, String what) {
        return new AccountRef(book, "bank:" + bank + ":" + what);
    }

    /** Mostly modest amounts, sometimes a fen, sometimes a large sum, so the non-negative edges are hit. */
    private static long amount(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> 1L;
            case 1 -> 1L + random.nextInt(100);
            case 2 -> 1_000_000_000L + random.nextInt(1_000_000);
            default -> 1L + random.nextInt(50_000_000);
        };
    }

    private AccountRef open(Model model, String book, String code, AccountKind kind, boolean nonNegative) {
        AccountRef ref = ledger.open(new Account(new AccountRef(book, code), code, kind, nonNegative)).ref();
        model.open(ref, kind, nonNegative);
        return ref;
    }
}
