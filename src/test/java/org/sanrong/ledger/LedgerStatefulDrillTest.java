package org.sanrong.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.ledger.JournalEntry.Line.credit;
import static org.sanrong.ledger.JournalEntry.Line.debit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stateful drill of the real ledger (issue 9 item 6, issue 12 item 11b): 10,000 random operations on the embedded
 * PostgreSQL, in chains, each chain on a fresh risk-compensation pool book <em>and</em> a subsidy-style budget book.
 * Each operation is an action with a precondition on the reference model and a generator of its arguments; the chain
 * draws an applicable action, runs it against {@link Ledger}, asks the model whether it must be accepted or refused,
 * and then checks the invariants:
 * <ul>
 * <li>Σ debits = Σ credits in each book (read from the database);</li>
 * <li>no non-negative account below zero — the pool's cash, reserved money and the budget above all;</li>
 * <li>no payout above a cap: the compensation approved on a filed loan never exceeds the loan's cap (amount × ratio),
 * and the budget's payments never exceed what was appropriated;</li>
 * <li>every account of both books equals a plain in-memory reference model.</li>
 * </ul>
 * Over-budget, over-cap and overdraft attempts are drawn on purpose, and every refusal must be one the model
 * predicts, with nothing written. Replays of earlier entries must answer the first posting. The seed is printed on
 * failure; set {@code -Dledger.drill.seed=} to repeat a run.
 *
 * <p>Written as a hand-rolled action chain in a Spring test rather than with jqwik's {@code ActionChain}: see
 * docs/ledger.md.
 */
@SanrongTest
class LedgerStatefulDrillTest {

    static final int CHAINS = 8;
    static final int STEPS_PER_CHAIN = 1_250;
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    private static final List<String> BANKS = List.of("B1", "B2", "B3");
    private static final List<String> FUNDERS = List.of("CITY", "DISTRICT");

    @Autowired
    Ledger ledger;

    @Test
    void tenThousandRandomOperationsKeepBothBooksSound() {
        long master = Long.getLong("ledger.drill.seed", System.nanoTime());
        long started = System.nanoTime();
        Map<String, Integer> ran = new LinkedHashMap<>();
        int refused = 0;
        for (int c = 0; c < CHAINS; c++) {
            long seed = master + c;
            try {
                refused += new Chain(seed).run(STEPS_PER_CHAIN, ran);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " (repeat with -Dledger.drill.seed=" + seed + "): "
                        + e.getMessage(), e);
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("LedgerStatefulDrillTest: %d operations in %d ms, %d refused as predicted; by action %s%n",
                CHAINS * STEPS_PER_CHAIN, ms, refused, ran);
        assertThat(ran.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
        // every kind of operation ran, and the chains met refusals to predict
        assertThat(ran.keySet()).containsAll(List.of("fund", "file", "approve", "approve-over-cap", "hold", "release",
                "pay", "recover", "remit", "clawback", "clawback-received", "replay", "appropriate", "commit",
                "commit-over-budget", "pay-subsidy", "cancel", "claw-subsidy", "claw-subsidy-received"));
        assertThat(refused).as("refusals met (seed %d)", master).isPositive();
    }

    /** One action of the chain: when it applies to the model, and the entry it tries. */
    private record Action(String name, Predicate<Model> applies, java.util.function.Function<Model, Attempt> make) {
    }

    /** An entry tried, and whether the reference model says the ledger must take it. */
    private record Attempt(JournalEntry entry, boolean expected, boolean replay, Runnable onAccept) {
    }

    /**
     * The reference: for each account its balance on its normal side, written out by domain rules rather than derived
     * from the ledger's kinds, plus the caps the drill keeps (per loan: cap and approved so far).
     */
    private static final class Model {
        final Map<String, Long> pool = new HashMap<>();
        final Map<String, Long> budget = new HashMap<>();
        final Map<String, Long> loanCap = new LinkedHashMap<>();
        final Map<String, Long> loanApproved = new HashMap<>();
        final Map<String, String> loanBank = new HashMap<>();
        long appropriated;
        long subsidyPaid;
        final List<JournalEntry> posted = new ArrayList<>();

        long p(String code) {
            return pool.getOrDefault(code, 0L);
        }

        long b(String code) {
            return budget.getOrDefault(code, 0L);
        }

        void addP(String code, long fen) {
            pool.merge(code, fen, Long::sum);
        }

        void addB(String code, long fen) {
            budget.merge(code, fen, Long::sum);
        }
    }

    private final class Chain {
        final Random random;
        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final String poolBook = "drill:pool:" + tag;
        final String budgetBook = "drill:budget:" + tag;
        final Model model = new Model();
        final Map<AccountRef, Boolean> nonNegative = new HashMap<>();
        final List<Action> actions = new ArrayList<>();
        int step;

        Chain(long seed) {
            this.random = new Random(seed);
            openPool();
            openBudget();
            defineActions();
        }

        // ---- the books ---------------------------------------------------------------------------------------

        AccountRef p(String code) {
            return new AccountRef(poolBook, code);
        }

        AccountRef b(String code) {
            return new AccountRef(budgetBook, code);
        }

        void open(AccountRef ref, AccountKind kind, boolean nonNeg) {
            ledger.open(new Account(ref, ref.code(), kind, nonNeg));
            nonNegative.put(ref, nonNeg);
        }

        void openPool() {
            open(p("cash"), AccountKind.ASSET, true);
            open(p("reserved"), AccountKind.ASSET, true);
            for (String f : FUNDERS) {
                open(p("funder:" + f), AccountKind.EQUITY, false);
            }
            open(p("commitment-offset"), AccountKind.MEMO_CREDIT, true);
            open(p("cap-offset"), AccountKind.MEMO_CREDIT, false);
            for (String bank : BANKS) {
                open(p("bank:" + bank + ":commitment"), AccountKind.MEMO_DEBIT, true);
                open(p("bank:" + bank + ":compensation"), AccountKind.EXPENSE, true);
                open(p("bank:" + bank + ":payable"), AccountKind.LIABILITY, true);
                open(p("bank:" + bank + ":held"), AccountKind.LIABILITY, true);
                open(p("bank:" + bank + ":recovery-due"), AccountKind.ASSET, true);
                open(p("bank:" + bank + ":recovered"), AccountKind.INCOME, false);
                open(p("bank:" + bank + ":clawback-receivable"), AccountKind.ASSET, true);
            }
        }

        void openBudget() {
            open(b("budget"), AccountKind.ASSET, true);
            open(b("committed"), AccountKind.ASSET, true);
            open(b("appropriation"), AccountKind.EQUITY, false);
            open(b("paid"), AccountKind.EXPENSE, true);
            open(b("clawback-receivable"), AccountKind.ASSET, true);
            open(b("clawed-back"), AccountKind.INCOME, false);
        }

        String key() {
            return tag + ":" + step;
        }

        JournalEntry entry(String text, JournalEntry.Line... lines) {
            return new JournalEntry(key(), DAY, text, List.of(lines));
        }

        String bank() {
            return BANKS.get(random.nextInt(BANKS.size()));
        }

        /** Mostly modest amounts, sometimes a fen, sometimes large, so the zero edges are met. */
        long amount() {
            return switch (random.nextInt(6)) {
                case 0 -> 1L;
                case 1 -> 1L + random.nextInt(100);
                case 2 -> 500_000_000L + random.nextInt(1_000_000);
                default -> 1L + random.nextInt(20_000_000);
            };
        }

        /** An amount up to {@code max}, now and then exactly it, now and then one fen more. */
        long upTo(long max) {
            return switch (random.nextInt(8)) {
                case 0 -> max;
                case 1 -> max + 1;
                default -> max <= 1 ? 1 : 1 + (long) (random.nextDouble() * max);
            };
        }

        // ---- the actions ---------------------------------------------------------------------------------------

        void defineActions() {
            Model m = model;
            // risk-compensation pool
            actions.add(new Action("fund", x -> true, x -> {
                long fen = amount();
                String funder = FUNDERS.get(random.nextInt(FUNDERS.size()));
                return new Attempt(entry("注资", debit(p("cash"), fen), credit(p("funder:" + funder), fen)), true,
                        false, () -> {
                            m.addP("cash", fen);
                            m.addP("funder:" + funder, fen);
                        });
            }));
            actions.add(new Action("file", x -> x.loanCap.size() < 60, x -> {
                String bank = bank();
                String loan = "loan:" + step;
                long cap = amount();
                long commitment = cap;
                open(p(loan + ":cap"), AccountKind.MEMO_DEBIT, true);
                return new Attempt(entry("备案", debit(p("bank:" + bank + ":commitment"), commitment),
                        credit(p("commitment-offset"), commitment), debit(p(loan + ":cap"), cap),
                        credit(p("cap-offset"), cap)), true, false, () -> {
                            m.addP("bank:" + bank + ":commitment", commitment);
                            m.addP("commitment-offset", commitment);
                            m.addP(loan + ":cap", cap);
                            m.addP("cap-offset", cap);
                            m.loanCap.put(loan, cap);
                            m.loanApproved.put(loan, 0L);
                            m.loanBank.put(loan, bank);
                        });
            }));
            actions.add(new Action("approve", x -> !x.loanCap.isEmpty(), x -> approve(false)));
            actions.add(new Action("approve-over-cap", x -> !x.loanCap.isEmpty(), x -> approve(true)));
            actions.add(new Action("hold", x -> true, x -> move("payable", "held", "暂缓")));
            actions.add(new Action("release", x -> true, x -> move("held", "payable", "解除暂缓")));
            actions.add(new Action("pay", x -> true, x -> {
                String bank = bank();
                long fen = upTo(Math.max(1, Math.min(m.p("bank:" + bank + ":payable"), m.p("reserved"))));
                boolean ok = fen <= m.p("bank:" + bank + ":payable") && fen <= m.p("reserved");
                return new Attempt(entry("拨付", debit(p("bank:" + bank + ":payable"), fen), credit(p("reserved"), fen)),
                        ok, false, () -> {
                            m.addP("bank:" + bank + ":payable", -fen);
                            m.addP("reserved", -fen);
                        });
            }));
            actions.add(new Action("recover", x -> true, x -> {
                String bank = bank();
                long fen = amount();
                return new Attempt(entry("追偿应返还", debit(p("bank:" + bank + ":recovery-due"), fen),
                        credit(p("bank:" + bank + ":recovered"), fen)), true, false, () -> {
                            m.addP("bank:" + bank + ":recovery-due", fen);
                            m.addP("bank:" + bank + ":recovered", fen);
                        });
            }));
            actions.add(new Action("remit", x -> true, x -> {
                String bank = bank();
                long fen = upTo(Math.max(1, m.p("bank:" + bank + ":recovery-due")));
                boolean ok = fen <= m.p("bank:" + bank + ":recovery-due");
                return new Attempt(entry("追偿款到账", debit(p("cash"), fen),
                        credit(p("bank:" + bank + ":recovery-due"), fen)), ok, false, () -> {
                            m.addP("cash", fen);
                            m.addP("bank:" + bank + ":recovery-due", -fen);
                        });
            }));
            actions.add(new Action("clawback", x -> true, x -> {
                // compensation found undue: the bank owes it back; never more than was approved to it
                String bank = bank();
                long fen = upTo(Math.max(1, m.p("bank:" + bank + ":compensation")));
                boolean ok = fen <= m.p("bank:" + bank + ":compensation");
                return new Attempt(entry("追回应收", debit(p("bank:" + bank + ":clawback-receivable"), fen),
                        credit(p("bank:" + bank + ":compensation"), fen)), ok, false, () -> {
                            m.addP("bank:" + bank + ":clawback-receivable", fen);
                            m.addP("bank:" + bank + ":compensation", -fen);
                        });
            }));
            actions.add(new Action("clawback-received", x -> true, x -> {
                String bank = bank();
                long fen = upTo(Math.max(1, m.p("bank:" + bank + ":clawback-receivable")));
                boolean ok = fen <= m.p("bank:" + bank + ":clawback-receivable");
                return new Attempt(entry("追回到账", debit(p("cash"), fen),
                        credit(p("bank:" + bank + ":clawback-receivable"), fen)), ok, false, () -> {
                            m.addP("cash", fen);
                            m.addP("bank:" + bank + ":clawback-receivable", -fen);
                        });
            }));
            actions.add(new Action("replay", x -> !x.posted.isEmpty(), x -> {
                JournalEntry earlier = x.posted.get(random.nextInt(x.posted.size()));
                return new Attempt(earlier, true, true, () -> { });
            }));
            // subsidy-style budget book
            actions.add(new Action("appropriate", x -> true, x -> {
                long fen = amount();
                return new Attempt(entry("年度预算", debit(b("budget"), fen), credit(b("appropriation"), fen)), true,
                        false, () -> {
                            m.addB("budget", fen);
                            m.addB("appropriation", fen);
                            m.appropriated += fen;
                        });
            }));
            actions.add(new Action("commit", x -> true, x -> commitSubsidy(upTo(Math.max(1, m.b("budget"))))));
            actions.add(new Action("commit-over-budget", x -> true,
                    x -> commitSubsidy(m.b("budget") + 1 + random.nextInt(1_000_000))));
            actions.add(new Action("pay-subsidy", x -> true, x -> {
                long fen = upTo(Math.max(1, m.b("committed")));
                boolean ok = fen <= m.b("committed");
                return new Attempt(entry("拨付补贴", debit(b("paid"), fen), credit(b("committed"), fen)), ok, false,
                        () -> {
                            m.addB("paid", fen);
                            m.addB("committed", -fen);
                            m.subsidyPaid += fen;
                        });
            }));
            actions.add(new Action("cancel", x -> true, x -> {
                long fen = upTo(Math.max(1, m.b("committed")));
                boolean ok = fen <= m.b("committed");
                return new Attempt(entry("撤销核定", debit(b("budget"), fen), credit(b("committed"), fen)), ok, false,
                        () -> {
                            m.addB("budget", fen);
                            m.addB("committed", -fen);
                        });
            }));
            actions.add(new Action("claw-subsidy", x -> true, x -> {
                long fen = upTo(Math.max(1, m.b("paid")));
                boolean ok = fen <= m.b("paid");
                return new Attempt(entry("补贴追回应收", debit(b("clawback-receivable"), fen), credit(b("paid"), fen)), ok,
                        false, () -> {
                            m.addB("clawback-receivable", fen);
                            m.addB("paid", -fen);
                            m.subsidyPaid -= fen;
                        });
            }));
            actions.add(new Action("claw-subsidy-received", x -> true, x -> {
                long fen = upTo(Math.max(1, m.b("clawback-receivable")));
                boolean ok = fen <= m.b("clawback-receivable");
                return new Attempt(entry("补贴追回到账", debit(b("budget"), fen), credit(b("clawback-receivable"), fen)),
                        ok, false, () -> {
                            m.addB("budget", fen);
                            m.addB("clawback-receivable", -fen);
                        });
            }));
        }

        /**
         * Approve compensation on a filed loan: to the bank's payable (or held), cash reserved, the loan's cap
         * consumed. Refused when the pool's cash or the loan's cap is short.
         */
        Attempt approve(boolean overCap) {
            List<String> loans = new ArrayList<>(model.loanCap.keySet());
            String loan = loans.get(random.nextInt(loans.size()));
            String bank = model.loanBank.get(loan);
            long headroom = model.loanCap.get(loan) - model.loanApproved.get(loan);
            long fen = overCap ? headroom + 1 + random.nextInt(1000) : upTo(Math.max(1, Math.min(headroom,
                    model.p("cash"))));
            boolean held = random.nextInt(4) == 0;
            String to = held ? "held" : "payable";
            boolean ok = fen <= model.p("cash") && fen <= headroom;
            return new Attempt(entry("批准补偿", debit(p("bank:" + bank + ":compensation"), fen),
                    credit(p("bank:" + bank + ":" + to), fen), debit(p("reserved"), fen), credit(p("cash"), fen),
                    debit(p("cap-offset"), fen), credit(p(loan + ":cap"), fen)), ok, false, () -> {
                        model.addP("bank:" + bank + ":compensation", fen);
                        model.addP("bank:" + bank + ":" + to, fen);
                        model.addP("reserved", fen);
                        model.addP("cash", -fen);
                        model.addP("cap-offset", -fen);
                        model.addP(loan + ":cap", -fen);
                        model.loanApproved.merge(loan, fen, Long::sum);
                    });
        }

        Attempt move(String from, String to, String text) {
            String bank = bank();
            long fen = upTo(Math.max(1, model.p("bank:" + bank + ":" + from)));
            boolean ok = fen <= model.p("bank:" + bank + ":" + from);
            return new Attempt(entry(text, debit(p("bank:" + bank + ":" + from), fen),
                    credit(p("bank:" + bank + ":" + to), fen)), ok, false, () -> {
                        model.addP("bank:" + bank + ":" + from, -fen);
                        model.addP("bank:" + bank + ":" + to, fen);
                    });
        }

        Attempt commitSubsidy(long fen) {
            boolean ok = fen <= model.b("budget");
            return new Attempt(entry("核定补贴", debit(b("committed"), fen), credit(b("budget"), fen)), ok, false, () -> {
                model.addB("committed", fen);
                model.addB("budget", -fen);
            });
        }

        // ---- the chain ---------------------------------------------------------------------------------------

        int run(int steps, Map<String, Integer> ran) {
            int refused = 0;
            for (step = 0; step < steps; step++) {
                List<Action> applicable = actions.stream().filter(a -> a.applies().test(model)).toList();
                Action action = applicable.get(random.nextInt(applicable.size()));
                Attempt attempt = action.make().apply(model);
                ran.merge(action.name(), 1, Integer::sum);
                JournalEntry entry = attempt.entry();
                boolean accepted;
                try {
                    Posting posting = ledger.post(entry, "drill");
                    accepted = true;
                    assertThat(posting.replayed()).as("step %d %s: replayed", step, action.name())
                            .isEqualTo(attempt.replay());
                } catch (InsufficientBalanceException e) {
                    accepted = false;
                    refused++;
                    assertThat(ledger.posted(entry.businessKey())).as("a refused entry leaves nothing").isFalse();
                }
                assertThat(accepted).as("step %d %s %s", step, action.name(), entry.lines())
                        .isEqualTo(attempt.expected());
                if (accepted && !attempt.replay()) {
                    attempt.onAccept().run();
                    model.posted.add(entry);
                }
                checkInvariants(entry, step == steps - 1);
            }
            return refused;
        }

        /** Every account of both books, read from the database in one query per book, against the model. */
        void checkInvariants(JournalEntry entry, boolean finalCheck) {
            for (String book : List.of(poolBook, budgetBook)) {
                long debits = 0;
                long credits = 0;
                Map<String, Long> actual = new HashMap<>();
                for (AccountBalance ab : ledger.balances(book)) {
                    debits += ab.debitsFen();
                    credits += ab.creditsFen();
                    actual.put(ab.account().ref().code(), ab.balanceFen());
                    if (ab.account().nonNegative()) {
                        assertThat(ab.balanceFen()).as("%s never negative after step %d", ab.account().ref(), step)
                                .isNotNegative();
                    }
                }
                assertThat(debits).as("%s Σ debits = Σ credits after step %d", book, step).isEqualTo(credits);
                Map<String, Long> expected = new HashMap<>();
                actual.keySet().forEach(code -> expected.put(code, expected(new AccountRef(book, code))));
                assertThat(actual).as("%s equals the model after step %d (%s)", book, step, entry.description())
                        .isEqualTo(expected);
                assertThat(expectedCodes(book)).as("the model knows no account the ledger lacks")
                        .isSubsetOf(actual.keySet());
                if (book.equals(poolBook)) {
                    // no payout above a cap: what the ledger says was approved on each loan is the model's, within its cap
                    model.loanCap.forEach((loan, cap) -> assertThat(cap - actual.getOrDefault(loan + ":cap", 0L))
                            .as("approved on %s", loan).isEqualTo(model.loanApproved.get(loan))
                            .isLessThanOrEqualTo(cap));
                    assertThat(actual.getOrDefault("cash", 0L)).as("the pool's cash").isNotNegative();
                } else {
                    assertThat(actual.getOrDefault("paid", 0L)).as("subsidy paid ≤ appropriated")
                            .isLessThanOrEqualTo(actual.getOrDefault("appropriation", 0L))
                            .isEqualTo(model.subsidyPaid);
                }
                if (finalCheck) {
                    long[] totals = ledger.totals(book);
                    assertThat(totals[0]).as("%s totals", book).isEqualTo(totals[1]).isEqualTo(debits);
                }
            }
        }

        long expected(AccountRef ref) {
            return ref.book().equals(poolBook) ? model.p(ref.code()) : model.b(ref.code());
        }

        Set<String> expectedCodes(String book) {
            Map<String, Long> m = book.equals(poolBook) ? model.pool : model.budget;
            Set<String> out = new LinkedHashSet<>();
            m.forEach((k, v) -> {
                if (v != 0) {
                    out.add(k);
                }
            });
            return out;
        }
    }
}
