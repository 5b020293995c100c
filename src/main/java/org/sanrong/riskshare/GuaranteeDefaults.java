package org.sanrong.riskshare;

import static org.sanrong.ledger.JournalEntry.Line.credit;
import static org.sanrong.ledger.JournalEntry.Line.debit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.ledger.Account;
import org.sanrong.ledger.AccountBalance;
import org.sanrong.ledger.AccountKind;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.InsufficientBalanceException;
import org.sanrong.ledger.JournalEntry;
import org.sanrong.ledger.Ledger;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.reference.ReferenceData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 担保分险 on real loans (issue 9 item 9). A guaranteed loan is recorded with its chain — national fund, provincial
 * re-guarantor, city guarantor, bank (and the local government where the scheme has one) — and its sharing scheme.
 * On a default the loss is split by the scheme ({@link GuaranteeSplit}) and each party's part, payable and receivable
 * is posted in the loan's ledger book {@code guarantee:<id>}; later recoveries are split the same way (on the
 * cumulative amount, so the parts always add up exactly) and the parties settle what they owe each other through the
 * same book. The city guarantor is the hub: it pays the bank its compensation (代偿) beyond the bank's own share,
 * is reimbursed by the other sharing parties, receives recoveries from the borrower and passes each party's part on.
 *
 * <pre>
 * &lt;PARTY&gt;:loss                 EXPENSE    what the party bears (loss part − recovery part)
 * BANK:written-off              ASSET      the defaulted principal written off the bank's loan (credit)
 * &lt;A&gt;:receivable:&lt;B&gt;           ASSET      what B owes A, never negative
 * &lt;B&gt;:payable:&lt;A&gt;              LIABILITY  the same from B's side, never negative
 * &lt;HUB&gt;:recovered-cash          ASSET      recoveries from the borrower received by the guarantor
 * </pre>
 *
 * Visible to the organisation that recorded the loan and to government. Every write is audited; a refused one is
 * audited as FAILURE or DENIED and changes nothing.
 */
@Service
public class GuaranteeDefaults {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final SchemeCatalog schemes;
    private final ReferenceData reference;
    private final AuditTrail audit;
    private final Clock clock;

    GuaranteeDefaults(JdbcClient jdbc, Ledger ledger, SchemeCatalog schemes, ReferenceData reference,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.schemes = schemes;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is recorded for a guaranteed loan; names of the chain's parties as the contracts write them. */
    public record NewLoan(@Nullable String scheme, @Nullable String loanNumber, @Nullable String enterpriseName,
            @Nullable String enterpriseCreditCode, @Nullable String enterpriseCategory, @Nullable Long principalFen,
            @Nullable LocalDate guaranteedOn, @Nullable String bankName, @Nullable String cityGuarantorName,
            @Nullable String provincialName, @Nullable String nationalFundName,
            @Nullable String localGovernmentName) {
    }

    public enum Status {
        ACTIVE("在保"), DEFAULTED("已代偿");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A guaranteed loan as stored. */
    public record Loan(UUID id, String schemeCode, int schemeVersion, String loanNumber, UUID recordedByOrg,
            String enterpriseName, @Nullable String enterpriseCreditCode, String enterpriseCategory,
            long principalFen, LocalDate guaranteedOn, String bankName, String cityGuarantorName,
            String provincialName, String nationalFundName, String localGovernmentName, Status status,
            @Nullable Long lossFen, @Nullable LocalDate defaultedOn, long recoveredFen, String recordedBy,
            Instant recordedAt) {

        public String partyName(GuaranteeParty p) {
            return switch (p) {
                case BANK -> bankName;
                case NATIONAL_FUND -> nationalFundName;
                case PROVINCIAL_REGUARANTOR -> provincialName;
                case CITY_GUARANTOR -> cityGuarantorName;
                case LOCAL_GOVERNMENT -> localGovernmentName;
            };
        }
    }

    /** One party's position: its share, what it bore of the loss, got back of recoveries, and bears in the end. */
    public record PartyPosition(GuaranteeParty party, String name, java.math.BigDecimal share, long lossFen, long recoveryFen,
            long netFen) {
    }

    /** What {@code payer} owes {@code payee} now (from the ledger), and what it has settled so far. */
    public record Debt(GuaranteeParty payer, String payerName, GuaranteeParty payee, String payeeName, long owedFen,
            long settledFen) {

        public long outstandingFen() {
            return owedFen - settledFen;
        }
    }

    public record Event(String kind, long amountFen, LocalDate on, @Nullable GuaranteeParty payer,
            @Nullable GuaranteeParty payee, String by, Instant at) {
    }

    /** The page's and API's view of one loan. */
    public record View(Loan loan, String schemeName, List<PartyPosition> parties, List<Debt> debts,
            List<GuaranteeSplit.FeeLine> fees, List<Event> events, long bookDebitsFen, long bookCreditsFen,
            boolean canAct) {
    }

    // ---- recording ------------------------------------------------------------------------------------------------

    @Transactional
    public UUID record(NewLoan n, SignedInUser user) {
        requireRecorder(user);
        Map<String, String> errors = new LinkedHashMap<>();
        GuaranteeScheme scheme = null;
        if (n.scheme() == null || n.scheme().isBlank()) {
            errors.put("scheme", "请选择担保分险方案，如 NFGF-TECH-2024 或 AH-4321");
        } else if (n.guaranteedOn() != null) {
            scheme = schemes.guarantee(n.scheme().strip(), n.guaranteedOn()).orElse(null);
            if (scheme == null) {
                errors.put("scheme", "担保分险方案 " + n.scheme().strip() + " 在 " + n.guaranteedOn() + " 不存在或不在有效期内");
            }
        }
        String loanNumber = text(errors, "loanNumber", n.loanNumber(), 64, "请填写担保（借款）合同编号");
        String enterprise = text(errors, "enterpriseName", n.enterpriseName(), 100, "请填写企业名称");
        String credit = n.enterpriseCreditCode() == null || n.enterpriseCreditCode().isBlank() ? null
                : n.enterpriseCreditCode().strip().toUpperCase(java.util.Locale.ROOT);
        if (credit != null && !credit.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            errors.put("enterpriseCreditCode", "统一社会信用代码应为18位");
        }
        String category = text(errors, "enterpriseCategory", n.enterpriseCategory(), 60, "请填写企业类别（资质名称）");
        if (n.principalFen() == null || n.principalFen() <= 0) {
            errors.put("principal", "担保本金须大于零");
        }
        if (n.guaranteedOn() == null) {
            errors.put("guaranteedOn", "请填写担保起始日");
        } else if (n.guaranteedOn().isAfter(today())) {
            errors.put("guaranteedOn", "担保起始日不能晚于今天");
        }
        String bank = text(errors, "bankName", n.bankName(), 100, "请填写贷款银行");
        String city = text(errors, "cityGuarantorName", n.cityGuarantorName(), 100, "请填写市级融资担保机构");
        String provincial = orDefault(n.provincialName(), "省级再担保机构");
        String national = orDefault(n.nationalFundName(), "国家融资担保基金");
        String local = orDefault(n.localGovernmentName(), "地方政府");
        if (scheme != null && category != null && n.principalFen() != null && n.principalFen() > 0) {
            try {
                GuaranteeSplit.split(scheme, categories(category), n.principalFen(), 0, 0);
            } catch (InvalidRequestException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            auditFailure(user, "RECORD_GUARANTEED_LOAN", "guarantee:new", String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO riskshare.guaranteed_loan (id, scheme_code, scheme_version, loan_number, recorded_by_org,
                        enterprise_name, enterprise_credit_code, enterprise_category, principal_fen, guaranteed_on,
                        bank_name, city_guarantor_name, provincial_name, national_fund_name, local_government_name,
                        status, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                    .params(id, scheme.code(), scheme.version(), loanNumber, user.organisationId(), enterprise, credit,
                            category, n.principalFen(), Date.valueOf(n.guaranteedOn()), bank, city, provincial,
                            national, local, user.username(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            String why = "合同编号 " + loanNumber + " 已登记，不能重复登记";
            auditFailure(user, "RECORD_GUARANTEED_LOAN", "guarantee:new", why);
            throw InvalidRequestException.conflict("loanNumber", why);
        }
        audit.record(user.username(), user.organisationId(), "RECORD_GUARANTEED_LOAN", target(id), Outcome.SUCCESS,
                scheme.code() + " " + loanNumber + " " + Yuan.grouped(n.principalFen()));
        return id;
    }

    /**
     * The loan defaulted and the guarantor paid out: the loss is split by the scheme and each party's part, payable
     * and receivable posted. Once per loan; the loss is more than zero and at most the principal.
     */
    @Transactional
    public void recordDefault(UUID id, @Nullable Long lossFen, @Nullable LocalDate on, SignedInUser user) {
        Loan loan = ownLoan(id, user, "RECORD_GUARANTEE_DEFAULT");
        LocalDate day = on == null ? today() : on;
        Map<String, String> errors = new LinkedHashMap<>();
        if (loan.status() == Status.DEFAULTED) {
            String why = "该笔担保已登记代偿（" + loan.defaultedOn() + "），不能重复登记";
            auditFailure(user, "RECORD_GUARANTEE_DEFAULT", target(id), why);
            throw InvalidRequestException.conflict("status", why);
        }
        if (lossFen == null || lossFen <= 0) {
            errors.put("loss", "代偿损失须大于零");
        } else if (lossFen > loan.principalFen()) {
            errors.put("loss", "代偿损失 " + Yuan.grouped(lossFen) + " 不能超过担保本金 " + Yuan.grouped(loan.principalFen()));
        }
        if (day.isAfter(today())) {
            errors.put("defaultedOn", "代偿日期不能晚于今天");
        } else if (day.isBefore(loan.guaranteedOn())) {
            errors.put("defaultedOn", "代偿日期不能早于担保起始日");
        }
        if (!errors.isEmpty()) {
            auditFailure(user, "RECORD_GUARANTEE_DEFAULT", target(id), String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        GuaranteeScheme scheme = scheme(loan);
        GuaranteeSplit.Result split = GuaranteeSplit.split(scheme, categories(loan.enterpriseCategory()),
                loan.principalFen(), lossFen, 0);
        Map<GuaranteeParty, Long> parts = new EnumMap<>(GuaranteeParty.class);
        split.parts().forEach(p -> parts.put(p.party(), p.lossFen()));
        GuaranteeParty hub = hub(scheme);
        String book = book(id);
        List<JournalEntry.Line> lines = new ArrayList<>();
        lines.add(credit(open(book, "BANK:written-off", "违约贷款本金核销：" + loan.bankName(), AccountKind.ASSET, false),
                lossFen));
        long bankPart = parts.getOrDefault(GuaranteeParty.BANK, 0L);
        if (bankPart > 0) {
            lines.add(debit(loss(book, GuaranteeParty.BANK, loan), bankPart));
        }
        if (hub != GuaranteeParty.BANK && lossFen - bankPart > 0) {
            lines.add(debit(receivable(book, GuaranteeParty.BANK, hub, loan), lossFen - bankPart));
            lines.add(credit(payable(book, hub, GuaranteeParty.BANK, loan), lossFen - bankPart));
        }
        parts.forEach((party, fen) -> {
            if (party == GuaranteeParty.BANK || fen == 0) {
                return;
            }
            lines.add(debit(loss(book, party, loan), fen));
            if (party != hub) {
                lines.add(credit(payable(book, party, hub, loan), fen));
                lines.add(debit(receivable(book, hub, party, loan), fen));
            }
        });
        ledger.post(new JournalEntry("guarantee:" + id + ":default", day, "担保代偿损失分担：" + loan.loanNumber(), lines),
                user.username());
        jdbc.sql("UPDATE riskshare.guaranteed_loan SET status = 'DEFAULTED', loss_fen = ?, defaulted_on = ? WHERE id = ?")
                .params(lossFen, Date.valueOf(day), id).update();
        event(id, "DEFAULT", lossFen, day, null, null, user);
        audit.record(user.username(), user.organisationId(), "RECORD_GUARANTEE_DEFAULT", target(id), Outcome.SUCCESS,
                Yuan.grouped(lossFen) + "：" + describe(split));
    }

    /**
     * Money recovered from the borrower after the default: the guarantor receives it and owes each party its part.
     * Cumulative recoveries never exceed the loss.
     */
    @Transactional
    public void recordRecovery(UUID id, @Nullable Long amountFen, @Nullable LocalDate on, SignedInUser user) {
        Loan loan = ownLoan(id, user, "RECORD_GUARANTEE_RECOVERY");
        LocalDate day = on == null ? today() : on;
        if (loan.status() != Status.DEFAULTED || loan.lossFen() == null) {
            String why = "该笔担保尚未登记代偿，不能登记追偿";
            auditFailure(user, "RECORD_GUARANTEE_RECOVERY", target(id), why);
            throw InvalidRequestException.conflict("status", why);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (amountFen == null || amountFen <= 0) {
            errors.put("amount", "追偿金额须大于零");
        } else if (loan.recoveredFen() + amountFen > loan.lossFen()) {
            errors.put("amount", "累计追偿 " + Yuan.grouped(loan.recoveredFen() + amountFen) + " 将超过代偿损失 "
                    + Yuan.grouped(loan.lossFen()) + "（已追偿 " + Yuan.grouped(loan.recoveredFen()) + "）");
        }
        if (day.isAfter(today())) {
            errors.put("recoveredOn", "追偿日期不能晚于今天");
        } else if (loan.defaultedOn() != null && day.isBefore(loan.defaultedOn())) {
            errors.put("recoveredOn", "追偿日期不能早于代偿日期");
        }
        if (!errors.isEmpty()) {
            auditFailure(user, "RECORD_GUARANTEE_RECOVERY", target(id), String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        GuaranteeScheme scheme = scheme(loan);
        Set<String> cats = categories(loan.enterpriseCategory());
        long before = loan.recoveredFen();
        long after = before + amountFen;
        Map<GuaranteeParty, Long> was = recoveryParts(GuaranteeSplit.split(scheme, cats, loan.principalFen(),
                loan.lossFen(), before));
        Map<GuaranteeParty, Long> now = recoveryParts(GuaranteeSplit.split(scheme, cats, loan.principalFen(),
                loan.lossFen(), after));
        GuaranteeParty hub = hub(scheme);
        String book = book(id);
        List<JournalEntry.Line> lines = new ArrayList<>();
        lines.add(debit(open(book, hub + ":recovered-cash", "追偿收回款：" + loan.partyName(hub), AccountKind.ASSET,
                false), amountFen));
        now.forEach((party, fen) -> {
            long part = fen - was.getOrDefault(party, 0L);
            if (part > 0) {
                lines.add(credit(loss(book, party, loan), part));
                if (party != hub) {
                    lines.add(debit(receivable(book, party, hub, loan), part));
                    lines.add(credit(payable(book, hub, party, loan), part));
                }
            } else if (part < 0) {
                throw new IllegalStateException("recovery part went down for " + party);
            }
        });
        UUID eventId = event(id, "RECOVERY", amountFen, day, null, null, user);
        ledger.post(new JournalEntry("guarantee:" + id + ":recovery:" + eventId, day, "追偿款分配：" + loan.loanNumber(),
                lines), user.username());
        jdbc.sql("UPDATE riskshare.guaranteed_loan SET recovered_fen = ? WHERE id = ?").params(after, id).update();
        audit.record(user.username(), user.organisationId(), "RECORD_GUARANTEE_RECOVERY", target(id), Outcome.SUCCESS,
                Yuan.grouped(amountFen) + "，累计 " + Yuan.grouped(after));
    }

    /** {@code payer} paid {@code payee} part of what it owes: never more than it owes now. */
    @Transactional
    public void settle(UUID id, @Nullable GuaranteeParty payer, @Nullable GuaranteeParty payee,
            @Nullable Long amountFen, @Nullable LocalDate on, SignedInUser user) {
        Loan loan = ownLoan(id, user, "SETTLE_GUARANTEE");
        LocalDate day = on == null ? today() : on;
        Map<String, String> errors = new LinkedHashMap<>();
        if (payer == null) {
            errors.put("payer", "请选择付款方");
        }
        if (payee == null) {
            errors.put("payee", "请选择收款方");
        }
        if (amountFen == null || amountFen <= 0) {
            errors.put("amount", "结算金额须大于零");
        }
        if (day.isAfter(today())) {
            errors.put("settledOn", "结算日期不能晚于今天");
        }
        String book = book(id);
        AccountRef owes = payer == null || payee == null ? null
                : new AccountRef(book, payer + ":payable:" + payee);
        if (errors.isEmpty() && (ledger.find(owes).isEmpty() || ledger.balance(owes) == 0)) {
            errors.put("payer", payer.label() + "目前不欠" + payee.label() + "款项");
        }
        if (!errors.isEmpty()) {
            auditFailure(user, "SETTLE_GUARANTEE", target(id), String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        UUID eventId = UUID.randomUUID();
        try {
            ledger.post(new JournalEntry("guarantee:" + id + ":settle:" + eventId, day, "分险款结算：" + payer.label()
                    + "→" + payee.label() + " " + loan.loanNumber(), List.of(debit(owes, amountFen),
                            credit(receivable(book, payee, payer, loan), amountFen))), user.username());
        } catch (InsufficientBalanceException e) {
            String why = "结算 " + Yuan.grouped(amountFen) + " 超过" + payer.label() + "应付" + payee.label() + "的 "
                    + Yuan.grouped(e.balanceFen());
            auditFailure(user, "SETTLE_GUARANTEE", target(id), why);
            throw new InvalidRequestException("amount", why);
        }
        event(eventId, id, "SETTLEMENT", amountFen, day, payer, payee, user);
        audit.record(user.username(), user.organisationId(), "SETTLE_GUARANTEE", target(id), Outcome.SUCCESS,
                payer + "→" + payee + " " + Yuan.grouped(amountFen));
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Loan> loans(SignedInUser user) {
        if (user.hasRole(Role.GOV)) {
            return jdbc.sql("SELECT * FROM riskshare.guaranteed_loan ORDER BY recorded_at DESC LIMIT 500")
                    .query(GuaranteeDefaults::loan).list();
        }
        return jdbc.sql("SELECT * FROM riskshare.guaranteed_loan WHERE recorded_by_org = ? ORDER BY recorded_at DESC")
                .param(user.organisationId()).query(GuaranteeDefaults::loan).list();
    }

    @Transactional(readOnly = true)
    public View view(UUID id, SignedInUser user) {
        Loan loan = find(id).filter(l -> visible(l, user)).orElseThrow(LoanNotFound::new);
        GuaranteeScheme scheme = scheme(loan);
        GuaranteeSplit.Result split = GuaranteeSplit.split(scheme, categories(loan.enterpriseCategory()),
                loan.principalFen(), loan.lossFen() == null ? 0 : loan.lossFen(), loan.recoveredFen());
        List<PartyPosition> parties = new ArrayList<>();
        for (GuaranteeSplit.Part p : split.parts()) {
            parties.add(new PartyPosition(p.party(), loan.partyName(p.party()), p.share(), p.lossFen(),
                    p.recoveryFen(), p.netFen()));
        }
        String book = book(id);
        Map<String, AccountBalance> accounts = new LinkedHashMap<>();
        long debits = 0;
        long credits = 0;
        for (AccountBalance b : ledger.balances(book)) {
            accounts.put(b.account().ref().code(), b);
            debits += b.debitsFen();
            credits += b.creditsFen();
        }
        List<Debt> debts = new ArrayList<>();
        for (GuaranteeParty payer : GuaranteeParty.values()) {
            for (GuaranteeParty payee : GuaranteeParty.values()) {
                AccountBalance b = accounts.get(payer + ":payable:" + payee);
                if (b != null) {
                    debts.add(new Debt(payer, loan.partyName(payer), payee, loan.partyName(payee), b.creditsFen(),
                            b.debitsFen()));
                }
            }
        }
        List<Event> events = jdbc.sql("""
                SELECT kind, amount_fen, happened_on, payer, payee, recorded_by, recorded_at FROM riskshare.guarantee_event
                WHERE loan_id = ? ORDER BY recorded_at, id""").param(id)
                .query((rs, n) -> new Event(rs.getString(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4) == null ? null : GuaranteeParty.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : GuaranteeParty.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getTimestamp(7).toInstant())).list();
        boolean canAct = user.hasRole(Role.GOV) || loan.recordedByOrg().equals(user.organisationId());
        return new View(loan, scheme.name(), parties, debts, split.fees(), events, debits, credits, canAct);
    }

    /** A category as written, with the registry's codes and names it stands for. */
    public Set<String> categories(String category) {
        Set<String> out = new LinkedHashSet<>();
        String c = category.strip();
        out.add(GuaranteeSplit.key(c));
        reference.qualificationKinds().stream()
                .filter(k -> GuaranteeSplit.key(k.name()).equals(GuaranteeSplit.key(c)) || k.code().equals(c))
                .forEach(k -> {
                    out.add(GuaranteeSplit.key(k.code()));
                    out.add(GuaranteeSplit.key(k.name()));
                });
        return out;
    }

    // ---- internals ------------------------------------------------------------------------------------------------

    static String book(UUID id) {
        return "guarantee:" + id;
    }

    static String target(UUID id) {
        return "guarantee:" + id;
    }

    /** The party that pays the bank out and is reimbursed: the city guarantor, else the scheme's remainder party. */
    static GuaranteeParty hub(GuaranteeScheme scheme) {
        if (scheme.parties().stream().anyMatch(p -> p.party() == GuaranteeParty.CITY_GUARANTOR)) {
            return GuaranteeParty.CITY_GUARANTOR;
        }
        return scheme.parties().stream().filter(GuaranteeScheme.PartyShare::remainder).findFirst()
                .orElse(scheme.parties().getLast()).party();
    }

    private static Map<GuaranteeParty, Long> recoveryParts(GuaranteeSplit.Result r) {
        Map<GuaranteeParty, Long> out = new EnumMap<>(GuaranteeParty.class);
        r.parts().forEach(p -> out.put(p.party(), p.recoveryFen()));
        return out;
    }

    private static String describe(GuaranteeSplit.Result r) {
        StringBuilder b = new StringBuilder();
        r.parts().forEach(p -> b.append(p.party().label()).append(' ').append(Yuan.grouped(p.lossFen())).append("；"));
        return b.toString();
    }

    private AccountRef open(String book, String code, String name, AccountKind kind, boolean nonNegative) {
        return ledger.open(new Account(new AccountRef(book, code), name, kind, nonNegative)).ref();
    }

    private AccountRef loss(String book, GuaranteeParty p, Loan loan) {
        return open(book, p + ":loss", "承担损失：" + loan.partyName(p), AccountKind.EXPENSE, false);
    }

    private AccountRef receivable(String book, GuaranteeParty holder, GuaranteeParty from, Loan loan) {
        return open(book, holder + ":receivable:" + from, loan.partyName(holder) + " 应收 " + loan.partyName(from),
                AccountKind.ASSET, true);
    }

    private AccountRef payable(String book, GuaranteeParty holder, GuaranteeParty to, Loan loan) {
        return open(book, holder + ":payable:" + to, loan.partyName(holder) + " 应付 " + loan.partyName(to),
                AccountKind.LIABILITY, true);
    }

    private GuaranteeScheme scheme(Loan loan) {
        return schemes.guaranteeSchemes().stream()
                .filter(g -> g.code().equals(loan.schemeCode()) && g.version() == loan.schemeVersion()).findFirst()
                .orElseThrow(() -> new IllegalStateException("guarantee scheme missing: " + loan.schemeCode()));
    }

    private java.util.Optional<Loan> find(UUID id) {
        return jdbc.sql("SELECT * FROM riskshare.guaranteed_loan WHERE id = ?").param(id)
                .query(GuaranteeDefaults::loan).optional();
    }

    private static boolean visible(Loan l, SignedInUser user) {
        return user.hasRole(Role.GOV) || l.recordedByOrg().equals(user.organisationId());
    }

    /** The loan, locked, when the user's organisation recorded it (or the user is government). */
    private Loan ownLoan(UUID id, SignedInUser user, String action) {
        Loan loan = jdbc.sql("SELECT * FROM riskshare.guaranteed_loan WHERE id = ? FOR UPDATE").param(id)
                .query(GuaranteeDefaults::loan).optional().orElseThrow(LoanNotFound::new);
        if (!visible(loan, user)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    "非本机构登记的担保业务");
            throw new LoanNotFound();
        }
        return loan;
    }

    private void requireRecorder(SignedInUser user) {
        if (!user.hasRole(Role.INSTITUTION) && !user.hasRole(Role.GOV)) {
            audit.recordIndependently(user.username(), user.organisationId(), "RECORD_GUARANTEED_LOAN", "guarantee:new",
                    Outcome.DENIED, "非金融机构或政府部门");
            throw new AccessDeniedException("只有金融机构（银行、担保机构）或政府部门可以登记担保业务");
        }
    }

    private UUID event(UUID loan, String kind, long fen, LocalDate on, @Nullable GuaranteeParty payer,
            @Nullable GuaranteeParty payee, SignedInUser user) {
        UUID id = UUID.randomUUID();
        event(id, loan, kind, fen, on, payer, payee, user);
        return id;
    }

    private void event(UUID id, UUID loan, String kind, long fen, LocalDate on, @Nullable GuaranteeParty payer,
            @Nullable GuaranteeParty payee, SignedInUser user) {
        jdbc.sql("""
                INSERT INTO riskshare.guarantee_event (id, loan_id, kind, amount_fen, happened_on, payer, payee,
                    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, loan, kind, fen, Date.valueOf(on), payer == null ? null : payer.name(),
                        payee == null ? null : payee.name(), user.username(), Timestamp.from(clock.instant()))
                .update();
    }

    private void auditFailure(SignedInUser user, String action, String target, @Nullable String why) {
        audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.FAILURE, why);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static @Nullable String text(Map<String, String> errors, String field, @Nullable String value, int max,
            String missing) {
        if (value == null || value.isBlank()) {
            errors.put(field, missing);
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.put(field, "不能超过" + max + "个字");
            return null;
        }
        return v;
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip().length() > 100
                ? value.strip().substring(0, 100) : value.strip();
    }

    private static Loan loan(ResultSet rs, int n) throws SQLException {
        Long loss = rs.getObject("loss_fen", Long.class);
        Date defaulted = rs.getDate("defaulted_on");
        return new Loan(rs.getObject("id", UUID.class), rs.getString("scheme_code"), rs.getInt("scheme_version"),
                rs.getString("loan_number"), rs.getObject("recorded_by_org", UUID.class),
                rs.getString("enterprise_name"), rs.getString("enterprise_credit_code"),
                rs.getString("enterprise_category"), rs.getLong("principal_fen"),
                rs.getDate("guaranteed_on").toLocalDate(), rs.getString("bank_name"),
                rs.getString("city_guarantor_name"), rs.getString("provincial_name"),
                rs.getString("national_fund_name"), rs.getString("local_government_name"),
                Status.valueOf(rs.getString("status")), loss,
                defaulted == null ? null : defaulted.toLocalDate(), rs.getLong("recovered_fen"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    private static final class LoanNotFound extends NotFoundException {
        LoanNotFound() {
            super("担保业务不存在");
        }
    }
}
