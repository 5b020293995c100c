package org.sanrong.riskshare;

import static org.sanrong.ledger.JournalEntry.Line.credit;
import static org.sanrong.ledger.JournalEntry.Line.debit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanrong.ledger.Account;
import org.sanrong.ledger.AccountBalance;
import org.sanrong.ledger.AccountKind;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.JournalEntry;
import org.sanrong.ledger.Ledger;
import org.springframework.stereotype.Component;

/**
 * A pool's money in the ledger: one book per scheme code ({@code pool:<code>}), the accounts below, and the entries
 * each event of the pool posts — each once, by a business key made of the event's ids.
 *
 * <pre>
 * cash                        ASSET, never negative   money free to pay claims
 * reserved                    ASSET, never negative   money set aside for approved (or held) claims
 * funder:&lt;code&gt;              EQUITY                  what each funder put in
 * commitment-offset           MEMO_CREDIT             the other side of commitments
 * bank:&lt;id&gt;:commitment        MEMO_DEBIT              filed exposure × expected ratio, per bank
 * bank:&lt;id&gt;:compensation      EXPENSE                 compensation approved to the bank
 * bank:&lt;id&gt;:payable           LIABILITY               approved, not paid yet
 * bank:&lt;id&gt;:held              LIABILITY               approved, held (暂缓)
 * bank:&lt;id&gt;:recovery-due      ASSET                   recoveries the bank owes the pool
 * bank:&lt;id&gt;:recovered         INCOME                  recoveries returned by the bank
 * </pre>
 */
@Component
class PoolBook {

    private final Ledger ledger;

    PoolBook(Ledger ledger) {
        this.ledger = ledger;
    }

    static String book(String schemeCode) {
        return "pool:" + schemeCode;
    }

    private AccountRef account(String scheme, String code, String name, AccountKind kind, boolean nonNegative) {
        return ledger.open(new Account(new AccountRef(book(scheme), code), name, kind, nonNegative)).ref();
    }

    private AccountRef cash(String s) {
        return account(s, "cash", "资金池可用余额", AccountKind.ASSET, true);
    }

    private AccountRef reserved(String s) {
        return account(s, "reserved", "已批准待拨付资金", AccountKind.ASSET, true);
    }

    private AccountRef bank(String s, UUID bank, String name, String what) {
        String code = "bank:" + bank + ":" + what;
        return switch (what) {
            case "commitment" -> account(s, code, "备案承诺：" + name, AccountKind.MEMO_DEBIT, true);
            case "compensation" -> account(s, code, "补偿支出：" + name, AccountKind.EXPENSE, false);
            case "payable" -> account(s, code, "应付补偿：" + name, AccountKind.LIABILITY, true);
            case "held" -> account(s, code, "暂缓拨付：" + name, AccountKind.LIABILITY, true);
            case "recovery-due" -> account(s, code, "应返还追偿款：" + name, AccountKind.ASSET, true);
            case "recovered" -> account(s, code, "追偿返还：" + name, AccountKind.INCOME, false);
            default -> throw new IllegalArgumentException(what);
        };
    }

    /** Money into the pool, split between its funders by their shares (the last funder takes the rounding fen). */
    void fund(Scheme scheme, String key, long fen, LocalDate on, String note, String actor) {
        List<JournalEntry.Line> lines = new ArrayList<>();
        lines.add(debit(cash(scheme.code()), fen));
        long left = fen;
        for (int i = 0; i < scheme.funders().size(); i++) {
            Scheme.Funder f = scheme.funders().get(i);
            long part = i == scheme.funders().size() - 1 ? left : Compensation.times(fen, f.share());
            left -= part;
            if (part > 0) {
                lines.add(credit(account(scheme.code(), "funder:" + f.code(), "出资：" + f.name(), AccountKind.EQUITY,
                        false), part));
            }
        }
        ledger.post(new JournalEntry(key, on, "注资：" + note, lines), actor);
    }

    /** Principal the funders put in during the year. */
    long fundedIn(Scheme scheme, int year) {
        long sum = 0;
        for (Scheme.Funder f : scheme.funders()) {
            sum += ledger.turnover(new AccountRef(book(scheme.code()), "funder:" + f.code()), LocalDate.of(year, 1, 1),
                    LocalDate.of(year + 1, 1, 1)).balanceFen();
        }
        return sum;
    }

    void commit(Filing f, LocalDate on, String actor) {
        long c = f.commitmentFen() == null ? 0 : f.commitmentFen();
        if (c <= 0) {
            return;
        }
        String s = f.schemeCode();
        ledger.post(new JournalEntry("filing:" + f.id().value() + ":commit", on, "备案承诺：" + f.loan().loanNumber(),
                List.of(debit(bank(s, f.loan().institutionId(), f.loan().institutionName(), "commitment"), c),
                        credit(account(s, "commitment-offset", "备案承诺（对方科目）", AccountKind.MEMO_CREDIT, true), c))),
                actor);
    }

    /** The commitment ends: the loan was repaid, or its claim was approved. */
    void releaseCommitment(Filing f, LocalDate on, String actor) {
        long c = f.commitmentFen() == null ? 0 : f.commitmentFen();
        String key = "filing:" + f.id().value() + ":release";
        if (c <= 0 || !ledger.posted("filing:" + f.id().value() + ":commit")) {
            return;
        }
        String s = f.schemeCode();
        ledger.post(new JournalEntry(key, on, "解除备案承诺：" + f.loan().loanNumber(),
                List.of(debit(account(s, "commitment-offset", "备案承诺（对方科目）", AccountKind.MEMO_CREDIT, true), c),
                        credit(bank(s, f.loan().institutionId(), f.loan().institutionName(), "commitment"), c))),
                actor);
    }

    /**
     * Approves a share: compensation to the bank, payable (or held), and the money moved from free cash to
     * reserved. Throws {@link org.sanrong.ledger.InsufficientBalanceException} when the pool has not enough.
     */
    void approve(Claim claim, Claim.Share share, boolean held, LocalDate on, String actor) {
        if (share.amountFen() == 0) {
            return;
        }
        String s = share.schemeCode();
        UUID bank = claim.application().institutionId();
        String name = claim.application().institutionName();
        long x = share.amountFen();
        ledger.post(new JournalEntry(key(claim, share, "approve"), on, "批准补偿：" + claim.application().loanNumber()
                + (held ? "（暂缓拨付）" : ""), List.of(debit(bank(s, bank, name, "compensation"), x),
                        credit(bank(s, bank, name, held ? "held" : "payable"), x), debit(reserved(s), x),
                        credit(cash(s), x))), actor);
    }

    void hold(Claim claim, Claim.Share share, LocalDate on, String actor) {
        move(claim, share, "hold", "payable", "held", "暂缓拨付", on, actor);
    }

    void release(Claim claim, Claim.Share share, LocalDate on, String actor) {
        move(claim, share, "release", "held", "payable", "解除暂缓", on, actor);
    }

    private void move(Claim claim, Claim.Share share, String what, String from, String to, String text, LocalDate on,
            String actor) {
        if (share.amountFen() == 0) {
            return;
        }
        String s = share.schemeCode();
        UUID bank = claim.application().institutionId();
        String name = claim.application().institutionName();
        ledger.post(new JournalEntry(key(claim, share, what), on, text + "：" + claim.application().loanNumber(),
                List.of(debit(bank(s, bank, name, from), share.amountFen()),
                        credit(bank(s, bank, name, to), share.amountFen()))), actor);
    }

    void pay(Claim claim, Claim.Share share, LocalDate on, String actor) {
        if (share.amountFen() == 0) {
            return;
        }
        String s = share.schemeCode();
        ledger.post(new JournalEntry(key(claim, share, "pay"), on, "拨付补偿：" + claim.application().loanNumber(),
                List.of(debit(bank(s, claim.application().institutionId(), claim.application().institutionName(),
                        "payable"), share.amountFen()), credit(reserved(s), share.amountFen()))), actor);
    }

    /** The bank owes the pool its part of a recovery. */
    void recoveryDue(Claim claim, String scheme, UUID recovery, UUID filing, long fen, LocalDate on, String actor) {
        if (fen == 0) {
            return;
        }
        UUID bank = claim.application().institutionId();
        String name = claim.application().institutionName();
        ledger.post(new JournalEntry("recovery:" + recovery + ":" + filing + ":due", on, "追偿应返还："
                + claim.application().loanNumber(), List.of(debit(bank(scheme, bank, name, "recovery-due"), fen),
                        credit(bank(scheme, bank, name, "recovered"), fen))), actor);
    }

    /** The bank's part of a recovery arrived in the pool. */
    void remitted(Claim claim, String scheme, UUID recovery, UUID filing, long fen, LocalDate on, String actor) {
        if (fen == 0) {
            return;
        }
        ledger.post(new JournalEntry("recovery:" + recovery + ":" + filing + ":remit", on, "追偿款到账："
                + claim.application().loanNumber(), List.of(debit(cash(scheme), fen), credit(bank(scheme,
                        claim.application().institutionId(), claim.application().institutionName(), "recovery-due"),
                        fen))), actor);
    }

    private static String key(Claim claim, Claim.Share share, String what) {
        return "claim:" + claim.id().value() + ":" + share.filingId() + ":" + what;
    }

    /** The pool's figures from its book. */
    PoolFigures figures(String schemeCode) {
        List<PoolFigures.Funded> funders = new ArrayList<>();
        Map<UUID, long[]> banks = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        long cash = 0;
        long reserved = 0;
        long debits = 0;
        long credits = 0;
        for (AccountBalance b : ledger.balances(book(schemeCode))) {
            String code = b.account().ref().code();
            debits += b.debitsFen();
            credits += b.creditsFen();
            if (code.equals("cash")) {
                cash = b.balanceFen();
            } else if (code.equals("reserved")) {
                reserved = b.balanceFen();
            } else if (code.startsWith("funder:")) {
                funders.add(new PoolFigures.Funded(code.substring(7), b.account().name().replaceFirst("^出资：", ""),
                        b.balanceFen()));
            } else if (code.startsWith("bank:")) {
                String[] parts = code.split(":");
                UUID bank = UUID.fromString(parts[1]);
                long[] v = banks.computeIfAbsent(bank, k -> new long[6]);
                names.putIfAbsent(bank, b.account().name().replaceFirst("^[^：]*：", ""));
                int i = switch (parts[2]) {
                    case "commitment" -> 0;
                    case "compensation" -> 1;
                    case "payable" -> 2;
                    case "held" -> 3;
                    case "recovered" -> 4;
                    case "recovery-due" -> 5;
                    default -> -1;
                };
                if (i >= 0) {
                    v[i] += b.balanceFen();
                }
            }
        }
        List<PoolFigures.ByBank> byBank = new ArrayList<>();
        long[] t = new long[6];
        banks.forEach((id, v) -> {
            byBank.add(new PoolFigures.ByBank(id, names.get(id), v[0], v[1], v[1] - v[2] - v[3], v[3], v[4], v[5]));
            for (int i = 0; i < 6; i++) {
                t[i] += v[i];
            }
        });
        long funded = funders.stream().mapToLong(PoolFigures.Funded::fen).sum();
        return new PoolFigures(schemeCode, funders, funded, cash, reserved, t[0], t[1], t[1] - t[2] - t[3], t[2], t[3],
                t[4], t[5], byBank, debits, credits);
    }
}
