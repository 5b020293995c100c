package org.sanrong.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.ledger.Account;
import org.sanrong.ledger.AccountKind;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.InsufficientBalanceException;
import org.sanrong.ledger.JournalEntry;
import org.sanrong.ledger.Ledger;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.WorkingCalendar;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subsidy desk: entitlements appear by themselves when an investment or a loan is recorded (one per policy in
 * force on the event date and event, capped per beneficiary and year by what was already granted), are confirmed by
 * the beneficiary, publicly noticed and approved by two different officials, and paid from the policy's budget for
 * the year through the ledger. {@link #trial} evaluates a policy on given facts without saving anything.
 */
@Service
public class Subsidies {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PolicyCatalog catalog;
    private final Entitlements entitlements;
    private final EnterpriseBook enterprises;
    private final OrganisationRegistry organisations;
    private final Ledger ledger;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    Subsidies(PolicyCatalog catalog, Entitlements entitlements, EnterpriseBook enterprises,
            OrganisationRegistry organisations, Ledger ledger, WorkingCalendar calendar, AuditTrail audit,
            Clock clock) {
        this.catalog = catalog;
        this.entitlements = entitlements;
        this.enterprises = enterprises;
        this.organisations = organisations;
        this.ledger = ledger;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- computing from the record --------------------------------------------------------------------------------

    @ApplicationModuleListener
    void on(InvestmentRecorded e) {
        investmentRecorded(e);
    }

    @ApplicationModuleListener
    void on(LoanDisbursed e) {
        loanDisbursed(e);
    }

    /**
     * Computes what an investment is entitled to under each policy in force, including the policies it does not
     * qualify for ({@link EntitlementStatus#NOT_ELIGIBLE}, with the failed rules); the same event twice creates them
     * once. Answers what was created.
     */
    @Transactional
    public List<Entitlement> investmentRecorded(InvestmentRecorded e) {
        OrganisationView investor = organisations.find(e.institutionId()).orElse(null);
        Map<String, Object> facts = RuleFacts.defaults();
        RuleFacts.event(facts, "INVESTMENT_RECEIVED", e.investedOn(), e.amountFen());
        facts.put("event.stakeBasisPoints", e.stakePercent().movePointRight(2).setScale(0, RoundingMode.DOWN)
                .longValueExact());
        enterpriseFacts(facts, e.enterpriseCreditCode(), e.investedOn());
        if (investor != null) {
            facts.put("investor.type", investor.institutionType() == null ? "" : investor.institutionType().name());
            facts.put("investor.name", investor.name());
        }
        return compute(Policy.Trigger.INVESTMENT_RECEIVED, "INVESTMENT:" + e.dealId(), e.investedOn(), facts,
                e.enterpriseCreditCode(), e.institutionId(), investor == null ? e.institutionId().toString()
                        : investor.name());
    }

    /** As {@link #investmentRecorded}, for a loan. */
    @Transactional
    public List<Entitlement> loanDisbursed(LoanDisbursed e) {
        OrganisationView lender = organisations.find(e.institutionId()).orElse(null);
        Map<String, Object> facts = RuleFacts.defaults();
        RuleFacts.event(facts, "LOAN_DISBURSED", e.disbursedOn(), e.amountFen());
        facts.put("event.annualRatePpm", e.annualRatePercent().movePointRight(4).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
        facts.put("event.termMonths", (long) e.termMonths());
        facts.put("event.productType", e.productType());
        enterpriseFacts(facts, e.enterpriseCreditCode(), e.disbursedOn());
        if (lender != null) {
            facts.put("investor.type", lender.institutionType() == null ? "" : lender.institutionType().name());
            facts.put("investor.name", lender.name());
        }
        return compute(Policy.Trigger.LOAN_DISBURSED, "LOAN:" + e.dealId() + ":" + e.loanNumber(), e.disbursedOn(),
                facts, e.enterpriseCreditCode(), null, null);
    }

    private void enterpriseFacts(Map<String, Object> facts, String creditCode, LocalDate on) {
        EnterpriseFacts f = enterprises.facts(creditCode).orElse(null);
        if (f == null) {
            return;
        }
        facts.put("enterprise.known", true);
        facts.put("enterprise.townCode", f.townCode() == null ? "" : f.townCode());
        facts.put("enterprise.industryCode", f.industryCode() == null ? "" : f.industryCode());
        facts.put("enterprise.stage", f.stage().name());
        facts.put("enterprise.qualifications", f.qualifications().stream().sorted().toList());
        facts.put("enterprise.ageYears", f.registeredOn() == null ? -1L
                : (long) Period.between(f.registeredOn(), on).getYears());
        facts.put("enterprise.headcount", f.headcount() == null ? -1L : (long) f.headcount());
    }

    private List<Entitlement> compute(Policy.Trigger trigger, String eventKey, LocalDate date,
            Map<String, Object> facts, String enterpriseCode, @Nullable UUID investorId,
            @Nullable String investorName) {
        List<Entitlement> created = new ArrayList<>();
        String enterpriseName = enterprises.card(enterpriseCode).map(EnterpriseCard::name).orElse(enterpriseCode);
        for (CompiledPolicy cp : catalog.inForce(trigger, date)) {
            Policy p = cp.policy();
            CompiledPolicy.Outcome outcome;
            try {
                outcome = cp.evaluate(facts);
            } catch (IllegalArgumentException ex) {
                audit.record("system", null, "SUBSIDY_COMPUTE", p.code() + " " + eventKey, Outcome.FAILURE,
                        ex.getMessage());
                continue;
            }
            boolean toInvestor = p.beneficiary() == Policy.Beneficiary.INVESTOR;
            if (toInvestor && investorId == null) {
                continue;
            }
            String beneficiaryKey = toInvestor ? investorId.toString() : enterpriseCode;
            entitlements.lockYear(p.code(), beneficiaryKey, date.getYear());
            long granted = entitlements.grantedFen(p.code(), beneficiaryKey, date.getYear());
            Calculation c = calculation(cp, facts, outcome, granted);
            // not eligible, or the year's cap used up: kept with the reason, so the beneficiary sees why not
            EntitlementStatus status = c.amountFen() > 0 ? EntitlementStatus.COMPUTED : EntitlementStatus.NOT_ELIGIBLE;
            Entitlement en = new Entitlement(Entitlement.Id.random(), p.code(), p.version(), eventKey,
                    beneficiaryKey, toInvestor ? investorId : null, toInvestor ? investorName : enterpriseName,
                    enterpriseCode, date, date.getYear(), c.amountFen(), c, status,
                    clock.instant(), null, null, null, null, null, null);
            if (entitlements.insertIfAbsent(en)) {
                created.add(en);
                audit.record("system", null, "SUBSIDY_COMPUTE", target(en.id()), Outcome.SUCCESS,
                        p.code() + " " + eventKey + " " + status + " " + c.amountFen() + " fen");
            }
        }
        return created;
    }

    static Calculation calculation(CompiledPolicy cp, Map<String, Object> facts, CompiledPolicy.Outcome outcome,
            long grantedBefore) {
        Policy p = cp.policy();
        List<Calculation.RuleCheck> checks = new ArrayList<>();
        for (int i = 0; i < p.eligibility().size(); i++) {
            Policy.Rule r = p.eligibility().get(i);
            checks.add(new Calculation.RuleCheck(r.name(), r.expression(), !outcome.failed().contains(r.name())));
        }
        Long cap = p.capPerBeneficiaryYearFen();
        long amount = outcome.formulaFen();
        boolean capped = false;
        if (cap != null && amount > cap - grantedBefore) {
            amount = Math.max(0, cap - grantedBefore);
            capped = true;
        }
        if (!outcome.eligible()) {
            amount = 0;
            capped = false;
        }
        return new Calculation(p.code(), p.version(), checks, new LinkedHashMap<>(facts), p.formula(),
                p.formulaNote(), outcome.formulaFen(), cap, grantedBefore, capped, amount);
    }

    // ---- trial (试算) -------------------------------------------------------------------------------------------

    /**
     * Evaluates the latest version of a policy on the given facts (variable name to value; the rest take neutral
     * defaults), with an optional amount already granted in the year for the cap. Saves nothing.
     */
    public Calculation trial(String policyCode, Map<String, @Nullable Object> given, long grantedBeforeFen) {
        CompiledPolicy cp = catalog.compiledLatest(policyCode)
                .orElseThrow(() -> new InvalidRequestException("policy", "没有这项政策：" + policyCode));
        Map<String, Object> facts = RuleFacts.defaults();
        facts.putAll(RuleFacts.coerce(given));
        CompiledPolicy.Outcome outcome;
        try {
            outcome = cp.evaluate(facts);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.unprocessable("facts", e.getMessage());
        }
        return calculation(cp, facts, outcome, grantedBeforeFen);
    }

    // ---- the way to payment ------------------------------------------------------------------------------------

    /** The beneficiary confirms its entitlement. */
    @Transactional
    public Entitlement confirm(Entitlement.Id id, SignedInUser user) {
        return attempt(id, user, "SUBSIDY_CONFIRM", () -> {
            Entitlement e = mine(id, user);
            return change(user, e, "SUBSIDY_CONFIRM", e.confirm(user.username()));
        });
    }

    /** An official publishes the confirmed entitlement for its public-notice period (working days). */
    @Transactional
    public Entitlement notice(Entitlement.Id id, SignedInUser user) {
        return attempt(id, user, "SUBSIDY_NOTICE", () -> {
            Entitlement e = official(id, user);
            int days = catalog.version(e.policyCode(), e.policyVersion()).map(cp -> cp.policy().noticeWorkingDays())
                    .orElse(5);
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            return change(user, e, "SUBSIDY_NOTICE",
                    e.notice(user.username(), calendar.addWorkingDays(today, days)));
        });
    }

    /** A second official approves it once the notice period is over. */
    @Transactional
    public Entitlement approve(Entitlement.Id id, SignedInUser user) {
        return attempt(id, user, "SUBSIDY_APPROVE", () -> {
            Entitlement e = official(id, user);
            return change(user, e, "SUBSIDY_APPROVE",
                    e.approve(user.username(), LocalDate.now(clock.withZone(CHINA))));
        });
    }

    /**
     * Pays an approved entitlement from the policy's budget for its year: one ledger entry under the key
     * {@code subsidy:pay:<id>}, so a retried payment pays once. Refused whole when the budget is short.
     */
    @Transactional
    public Entitlement pay(Entitlement.Id id, SignedInUser user) {
        return attempt(id, user, "SUBSIDY_PAY", () -> payNow(id, user));
    }

    private Entitlement payNow(Entitlement.Id id, SignedInUser user) {
        Entitlement e = official(id, user);
        if (e.status() == EntitlementStatus.PAID) {
            return e;
        }
        Entitlement paid = e.pay(user.username(), clock.instant());
        String book = book(e.policyCode(), e.year());
        fundBudget(e.policyCode(), e.year());
        try {
            ledger.post(new JournalEntry("subsidy:pay:" + e.id().value(), LocalDate.now(clock.withZone(CHINA)),
                    "补贴拨付 " + e.policyCode() + " " + e.beneficiaryName(),
                    List.of(JournalEntry.Line.debit(new AccountRef(book, "paid"), e.amountFen()),
                            JournalEntry.Line.credit(new AccountRef(book, "budget"), e.amountFen()))),
                    user.username());
        } catch (InsufficientBalanceException ex) {
            throw InvalidRequestException.conflict("budget", e.policyCode() + " " + e.year() + " 年度预算余额 "
                    + yuan(ex.balanceFen()) + " 元，不足以拨付 " + yuan(e.amountFen()) + " 元；未拨付，请先追加预算");
        }
        return change(user, e, "SUBSIDY_PAY", paid);
    }

    /** The policy's budget account for the year, opened and funded with the policy's yearly budget once. */
    @Transactional
    public long fundBudget(String policyCode, int year) {
        Policy p = catalog.latest(policyCode).orElseThrow(() -> new NotFoundException("没有这项政策"));
        String book = book(policyCode, year);
        ledger.open(new Account(new AccountRef(book, "budget"), p.name() + " " + year + " 预算资金", AccountKind.ASSET,
                true));
        ledger.open(new Account(new AccountRef(book, "appropriation"), p.name() + " " + year + " 年度预算",
                AccountKind.EQUITY, false));
        ledger.open(new Account(new AccountRef(book, "paid"), p.name() + " " + year + " 已拨付", AccountKind.EXPENSE,
                false));
        if (p.budgetPerYearFen() > 0) {
            ledger.post(new JournalEntry("subsidy:budget:" + policyCode + ":" + year, LocalDate.of(year, 1, 1),
                    p.name() + " " + year + " 年度预算下达",
                    List.of(JournalEntry.Line.debit(new AccountRef(book, "budget"), p.budgetPerYearFen()),
                            JournalEntry.Line.credit(new AccountRef(book, "appropriation"), p.budgetPerYearFen()))),
                    "system");
        }
        return ledger.balance(new AccountRef(book, "budget"));
    }

    public static String book(String policyCode, int year) {
        return "subsidy:" + policyCode + ":" + year;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The entitlements of the user's organisation (as investor) or of its enterprise. */
    @Transactional(readOnly = true)
    public List<Entitlement> mine(SignedInUser user) {
        List<String> keys = new ArrayList<>();
        keys.add(user.organisationId().toString());
        enterprises.ownCreditCode(user).ifPresent(keys::add);
        return entitlements.ofBeneficiaries(keys);
    }

    /** Government's queue: everything not yet paid, oldest first. */
    @Transactional(readOnly = true)
    public List<Entitlement> queue(SignedInUser user) {
        requireGov(user);
        return entitlements.withStatus(List.of(EntitlementStatus.COMPUTED, EntitlementStatus.CONFIRMED,
                EntitlementStatus.NOTICED, EntitlementStatus.APPROVED), 500);
    }

    /** What is on public notice (公示): open to everyone. */
    @Transactional(readOnly = true)
    public List<Entitlement> onNotice() {
        return entitlements.withStatus(List.of(EntitlementStatus.NOTICED), 500);
    }

    @Transactional(readOnly = true)
    public List<Entitlement> ofEvent(String eventKey) {
        return entitlements.ofEvent(eventKey);
    }

    @Transactional(readOnly = true)
    public Entitlement view(Entitlement.Id id, SignedInUser user) {
        Entitlement e = entitlements.find(id).orElseThrow(() -> new NotFoundException("没有这笔补贴"));
        if (!user.hasRole(Role.GOV) && !isBeneficiary(e, user)) {
            throw new NotFoundException("没有这笔补贴");
        }
        return e;
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private Entitlement mine(Entitlement.Id id, SignedInUser user) {
        Entitlement e = entitlements.findForUpdate(id).orElseThrow(() -> new NotFoundException("没有这笔补贴"));
        if (!isBeneficiary(e, user)) {
            throw new NotFoundException("没有这笔补贴");
        }
        return e;
    }

    private boolean isBeneficiary(Entitlement e, SignedInUser user) {
        return e.beneficiaryKey().equals(user.organisationId().toString())
                || enterprises.ownCreditCode(user).map(e.beneficiaryKey()::equals).orElse(false);
    }

    private Entitlement official(Entitlement.Id id, SignedInUser user) {
        requireGov(user);
        return entitlements.findForUpdate(id).orElseThrow(() -> new NotFoundException("没有这笔补贴"));
    }

    private void requireGov(SignedInUser user) {
        if (!user.hasRole(Role.GOV)) {
            throw new org.springframework.security.access.AccessDeniedException("仅政府部门可操作");
        }
    }

    /** Runs a step; a refusal is audited in its own transaction (the step's own work rolls back). */
    private Entitlement attempt(Entitlement.Id id, SignedInUser user, String action,
            java.util.function.Supplier<Entitlement> step) {
        try {
            return step.get();
        } catch (InvalidRequestException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.FAILURE,
                    e.getMessage());
            throw e;
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    e.getMessage());
            throw e;
        }
    }

    private Entitlement change(SignedInUser user, Entitlement before, String action, Entitlement after) {
        entitlements.update(after, before.status(), clock.instant());
        audit.record(user.username(), user.organisationId(), action, target(after.id()), Outcome.SUCCESS,
                before.status() + " → " + after.status());
        return after;
    }

    static String target(Entitlement.Id id) {
        return "subsidy:" + id.value();
    }

    /** The names of the variables rules may use (event, enterprise and investor facts). */
    public static List<String> variables() {
        return List.copyOf(RuleLanguage.VARIABLES.keySet());
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
