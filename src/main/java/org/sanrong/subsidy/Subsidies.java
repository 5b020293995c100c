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
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.listing.ListingMilestoneReached;
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
    private final CostEvents costEvents;
    private final BatchRows batchRows;
    private final Objections objections;
    private final Clawbacks clawbacks;
    private final PaidPolicyVersions paidVersions;
    private final Payouts payouts;

    Subsidies(PolicyCatalog catalog, Entitlements entitlements, EnterpriseBook enterprises,
            OrganisationRegistry organisations, Ledger ledger, WorkingCalendar calendar, AuditTrail audit,
            Clock clock, CostEvents costEvents, BatchRows batchRows, Objections objections, Clawbacks clawbacks,
            PaidPolicyVersions paidVersions, Payouts payouts) {
        this.paidVersions = paidVersions;
        this.payouts = payouts;
        this.clawbacks = clawbacks;
        this.objections = objections;
        this.costEvents = costEvents;
        this.batchRows = batchRows;
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

    @ApplicationModuleListener
    void on(ListingMilestoneReached e) {
        listingMilestone(e);
    }

    /** A recorded event ready for the policies: its facts and who may benefit. */
    record Recorded(EventType type, String eventKey, LocalDate date, Map<String, Object> facts, String enterpriseCode,
            @Nullable UUID investorId, @Nullable String investorName) {
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
        EventFacts.event(facts, EventType.INVESTMENT_RECEIVED, e.investedOn(), e.amountFen());
        facts.put("event.stakeBasisPoints", e.stakePercent().movePointRight(2).setScale(0, RoundingMode.DOWN)
                .longValueExact());
        EventFacts.enterprise(facts, enterprises.facts(e.enterpriseCreditCode()).orElse(null), e.investedOn());
        if (investor != null) {
            facts.put("investor.type", investor.institutionType() == null ? "" : investor.institutionType().name());
            facts.put("investor.name", investor.name());
        }
        return compute(new Recorded(EventType.INVESTMENT_RECEIVED, "INVESTMENT:" + e.dealId(), e.investedOn(), facts,
                e.enterpriseCreditCode(), e.institutionId(), investor == null ? e.institutionId().toString()
                        : investor.name()));
    }

    /** As {@link #investmentRecorded}, for a loan. */
    @Transactional
    public List<Entitlement> loanDisbursed(LoanDisbursed e) {
        OrganisationView lender = organisations.find(e.institutionId()).orElse(null);
        Map<String, Object> facts = RuleFacts.defaults();
        EventFacts.event(facts, EventType.LOAN_DISBURSED, e.disbursedOn(), e.amountFen());
        facts.put("event.annualRatePpm", e.annualRatePercent().movePointRight(4).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
        facts.put("event.termMonths", (long) e.termMonths());
        facts.put("event.productType", e.productType());
        facts.put("event.loanRef", loanRef(e.dealId(), e.loanNumber()));
        facts.put("event.loanDate", e.disbursedOn().toString());
        facts.put("event.loanMonths", 0L);
        facts.put("event.ipPledge", "IP_PLEDGE_LOAN".equals(e.productType()));
        facts.put("event.principalFen", e.amountFen());
        EventFacts.enterprise(facts, enterprises.facts(e.enterpriseCreditCode()).orElse(null), e.disbursedOn());
        costEvents.recordLoan(new CostEvents.Loan(loanRef(e.dealId(), e.loanNumber()), e.enterpriseCreditCode(),
                e.institutionId(), e.productType(), e.amountFen(), e.disbursedOn()));
        if (lender != null) {
            facts.put("investor.type", lender.institutionType() == null ? "" : lender.institutionType().name());
            facts.put("investor.name", lender.name());
        }
        return compute(new Recorded(EventType.LOAN_DISBURSED, "LOAN:" + e.dealId() + ":" + e.loanNumber(),
                e.disbursedOn(), facts, e.enterpriseCreditCode(), null, null));
    }

    /** A loan's reference as cost events name it: "<deal id>/<loan number>". */
    public static String loanRef(UUID dealId, String loanNumber) {
        return dealId + "/" + loanNumber;
    }

    /**
     * As {@link #investmentRecorded}, for a listing milestone from the listing reserve. The event key is the
     * enterprise and the milestone, so a milestone reported again with its proceeds (see {@link #report}) completes
     * the same entitlement instead of making a second one.
     */
    @Transactional
    public List<Entitlement> listingMilestone(ListingMilestoneReached e) {
        Map<String, Object> facts = RuleFacts.defaults();
        EventFacts.event(facts, EventType.LISTING_MILESTONE, e.reachedOn(), 0);
        facts.put("event.milestone", EventFacts.milestoneLabel(e.milestone()));
        facts.put("event.board", e.board().name());
        EventFacts.enterprise(facts, enterprises.facts(e.creditCode()).orElse(null), e.reachedOn());
        return compute(new Recorded(EventType.LISTING_MILESTONE, listingKey(e.creditCode(),
                EventFacts.milestoneLabel(e.milestone())), e.reachedOn(), facts, e.creditCode(), null, null));
    }

    static String listingKey(String creditCode, String milestoneLabel) {
        return "LISTING:" + creditCode + ":" + milestoneLabel;
    }

    List<Entitlement> compute(Recorded r) {
        List<Entitlement> created = new ArrayList<>();
        String enterpriseName = enterprises.card(r.enterpriseCode()).map(EnterpriseCard::name)
                .orElse(r.enterpriseCode());
        for (CompiledPolicy cp : catalog.inForce(r.type(), r.date())) {
            Policy p = cp.policy();
            boolean toInvestor = p.beneficiary() == Policy.Beneficiary.INVESTOR;
            if (toInvestor && r.investorId() == null) {
                continue;
            }
            String beneficiaryKey = toInvestor ? r.investorId().toString() : r.enterpriseCode();
            entitlements.lockBeneficiary(p.code(), beneficiaryKey);
            Line line;
            try {
                line = line(cp, r.facts(), key -> entitlements.grantedFen(p.code(), beneficiaryKey, key));
            } catch (IllegalArgumentException ex) {
                audit.record("system", null, "SUBSIDY_COMPUTE", p.code() + " " + r.eventKey(), Outcome.FAILURE,
                        ex.getMessage());
                continue;
            }
            Calculation c = line.calculation();
            // not eligible, or the year's cap used up: kept with the reason, so the beneficiary sees why not
            EntitlementStatus status = c.amountFen() > 0 ? EntitlementStatus.COMPUTED : EntitlementStatus.NOT_ELIGIBLE;
            Entitlement en = new Entitlement(Entitlement.Id.random(), p.code(), p.version(), r.eventKey(),
                    beneficiaryKey, toInvestor ? r.investorId() : null, toInvestor ? r.investorName() : enterpriseName,
                    r.enterpriseCode(), r.date(), r.date().getYear(), c.amountFen(), c, status,
                    clock.instant(), null, null, null, null, null, null);
            Optional<Entitlement> stored = entitlements.insertOrComplete(en, line.capKeys(), line.exclusiveKey());
            if (stored.isPresent()) {
                created.add(stored.get());
                audit.record("system", null, "SUBSIDY_COMPUTE", target(stored.get().id()), Outcome.SUCCESS,
                        p.code() + " " + r.eventKey() + " " + status + " " + c.amountFen() + " fen");
            }
        }
        return created;
    }

    /** What one beneficiary already has under a cap key (summed from the record, or from a quote's earlier lines). */
    interface Granted {
        long fen(String capKey);
    }

    /** One event evaluated under one policy: the calculation, the cap keys it counts under, its exclusive key. */
    record Line(Calculation calculation, List<String> capKeys, @Nullable String exclusiveKey) {
    }

    /**
     * Evaluates the rules and the formula, applies every cap that applies (the tightest one binds) and the
     * one-cost-one-policy rule. The caller holds the beneficiary's lock so the sums it reads stay true.
     */
    private Line line(CompiledPolicy cp, Map<String, Object> facts, Granted granted) {
        Policy p = cp.policy();
        CompiledPolicy.Outcome outcome = cp.evaluate(facts);
        List<CompiledPolicy.AppliedCap> caps = cp.appliedCaps(facts);
        String exclusiveKey = cp.exclusiveKey(facts);
        String otherPolicy = null;
        if (exclusiveKey != null && outcome.eligible()) {
            entitlements.lockKey(exclusiveKey);
            otherPolicy = entitlements.exclusiveHolder(exclusiveKey, p.code()).orElse(null);
        }
        Calculation c = calculation(cp, facts, outcome, caps, granted, otherPolicy);
        return new Line(c, caps.stream().map(CompiledPolicy.AppliedCap::key).toList(), exclusiveKey);
    }

    /** As the full calculation, with one figure already granted under every cap (for hand-computed tests). */
    static Calculation calculation(CompiledPolicy cp, Map<String, Object> facts, CompiledPolicy.Outcome outcome,
            long grantedBefore) {
        return calculation(cp, facts, outcome, cp.appliedCaps(facts), key -> grantedBefore, null);
    }

    static Calculation calculation(CompiledPolicy cp, Map<String, Object> facts, CompiledPolicy.Outcome outcome,
            List<CompiledPolicy.AppliedCap> caps, Granted granted, @Nullable String exclusiveWith) {
        Policy p = cp.policy();
        List<Calculation.RuleCheck> checks = new ArrayList<>();
        for (Policy.Rule r : p.eligibility()) {
            checks.add(new Calculation.RuleCheck(r.name(), r.expression(), !outcome.failed().contains(r.name())));
        }
        if (p.exclusive() != null && outcome.eligible()) {
            checks.add(new Calculation.RuleCheck(exclusiveWith == null ? "同一费用只享受一项政策（" + p.exclusive().group()
                    + "）" : "同一费用只享受一项政策：已由 " + exclusiveWith + " 补贴", p.exclusive().key(),
                    exclusiveWith == null));
        }
        boolean eligible = outcome.eligible() && exclusiveWith == null;
        long formula = outcome.formulaFen();
        long amount = eligible ? formula : 0;
        Policy.Cap binding = null;
        long bindingGranted = 0;
        long bindingRemaining = Long.MAX_VALUE;
        for (CompiledPolicy.AppliedCap a : caps) {
            long before = granted.fen(a.key());
            long remaining = Math.max(0, a.cap().amountFen() - before);
            if (binding == null || remaining < bindingRemaining) {
                binding = a.cap();
                bindingGranted = before;
                bindingRemaining = remaining;
            }
        }
        boolean capped = false;
        if (eligible && binding != null && amount > bindingRemaining) {
            amount = bindingRemaining;
            capped = true;
        }
        return new Calculation(p.code(), p.version(), checks, new LinkedHashMap<>(facts), p.formula(),
                p.formulaNote(), formula, binding == null ? null : binding.amountFen(), bindingGranted, capped, amount,
                binding == null ? null : binding.name());
    }

    // ---- reported cost events --------------------------------------------------------------------------------

    /** The answer to a report: the stored event and the entitlements it produced (eligible or not). */
    public record Report(UUID id, List<Entitlement> entitlements) {
    }

    /**
     * Records a cost event the platform does not learn elsewhere — interest, guarantee or valuation fee, premium paid,
     * bond issued, capital contributed, a listing with its proceeds — and computes its entitlements at once. The bank
     * (for its loans), the enterprise (for itself) or an official reports; an unknown enterprise, a future date, a date
     * before the enterprise existed, a loan of another enterprise, a missing loan/item/milestone or a reference used
     * before is refused naming the field, nothing stored, the attempt audited.
     */
    @Transactional
    public Report report(Map<String, @Nullable Object> body, SignedInUser user) {
        try {
            return reportNow(body, user);
        } catch (InvalidRequestException e) {
            audit.recordIndependently(user.username(), user.organisationId(), "SUBSIDY_REPORT", "subsidy:report",
                    Outcome.FAILURE, e.fieldErrors().isEmpty() ? e.getMessage() : e.fieldErrors().toString());
            throw e;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            audit.recordIndependently(user.username(), user.organisationId(), "SUBSIDY_REPORT", "subsidy:report",
                    Outcome.DENIED, e.getMessage());
            throw e;
        }
    }

    private Report reportNow(Map<String, @Nullable Object> body, SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        EventFacts.Parsed e = EventFacts.parse(body, "", errors);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        EnterpriseFacts registry = null;
        CostEvents.Loan loan = null;
        if (e != null) {
            if (!e.type().reported()) {
                errors.put("type", "「" + e.type().label() + "」由平台从放款、投资记录中自动取得，无需登记");
            }
            if (e.date().isAfter(today)) {
                errors.put("date", "日期不能晚于今天（" + today + "）");
            }
            if (e.amountFen() == 0 && e.type() != EventType.LISTING_MILESTONE) {
                errors.put("amount", "金额须大于零");
            }
            String loanRef = (String) e.given().get("event.loanRef");
            if ((e.type() == EventType.INTEREST_PAID || e.type() == EventType.GUARANTEE_FEE_PAID) && loanRef == null) {
                errors.put("loanRef", "请填写贷款编号（平台贷款为「交易编号/放款编号」）");
            }
            if (e.type() == EventType.VALUATION_FEE_PAID && e.given().get("event.item") == null) {
                errors.put("item", "请填写评估的知识产权项目（如专利号）");
            }
            if (e.type() == EventType.LISTING_MILESTONE && e.given().get("event.milestone") == null) {
                errors.put("milestone", "请填写上市进程节点");
            }
            if (e.type() == EventType.BOND_ISSUED && e.given().get("event.principalFen") == null) {
                errors.put("principal", "请填写债券发行规模（元）");
            }
            if (e.enterprise() == null) {
                errors.put("enterprise", "请填写企业的统一社会信用代码");
            } else {
                registry = enterprises.facts(e.enterprise()).orElse(null);
                boolean knownOrganisation = registry == null && e.type() == EventType.CAPITAL_CONTRIBUTED
                        && organisation(e.enterprise()).isPresent();
                if (registry == null && !knownOrganisation) {
                    errors.put("enterprise", "企业库中没有统一社会信用代码为 " + e.enterprise() + " 的企业");
                } else if (registry != null && registry.registeredOn() != null
                        && e.date().isBefore(registry.registeredOn())) {
                    errors.put("date", "日期早于企业成立日期 " + registry.registeredOn());
                }
            }
            if (loanRef != null && e.enterprise() != null) {
                loan = costEvents.loan(loanRef).orElse(null);
                if (loan != null && !loan.enterpriseCode().equals(e.enterprise())) {
                    errors.put("loanRef", "贷款 " + loanRef + " 不是该企业的贷款");
                } else if (loan != null && e.date().isBefore(loan.disbursedOn())) {
                    errors.put("date", "日期早于贷款发放日 " + loan.disbursedOn());
                }
            }
            if (e.ref() != null && costEvents.refUsed(user.organisationId(), e.ref())) {
                errors.put("ref", "编号 " + e.ref() + " 已登记过，不能重复登记");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        mayReport(user, e, loan);
        Map<String, Object> facts = RuleFacts.defaults();
        EventFacts.event(facts, e.type(), e.date(), e.amountFen());
        EventFacts.enterprise(facts, registry, e.date());
        if (loan != null) {
            facts.put("event.loanDate", loan.disbursedOn().toString());
            facts.put("event.ipPledge", "IP_PLEDGE_LOAN".equals(loan.productType()));
            facts.put("event.principalFen", loan.amountFen());
            facts.put("event.productType", loan.productType());
            organisations.find(loan.institutionId()).ifPresent(o -> {
                facts.put("investor.type", o.institutionType() == null ? "" : o.institutionType().name());
                facts.put("investor.name", o.name());
            });
        }
        facts.putAll(e.given());
        EventFacts.loanMonths(facts, e.date());
        UUID id = UUID.randomUUID();
        costEvents.insert(id, e.type(), e.enterprise(), e.date(), e.amountFen(), e.given(), e.ref(), user.username(),
                user.organisationId(), clock.instant());
        audit.record(user.username(), user.organisationId(), "SUBSIDY_REPORT", "subsidy:report:" + id,
                Outcome.SUCCESS, e.type() + " " + e.enterprise() + " " + e.date() + " " + e.amountFen() + " fen");
        String key = e.type() == EventType.LISTING_MILESTONE
                ? listingKey(e.enterprise(), (String) e.given().get("event.milestone")) : "REPORT:" + id;
        return new Report(id, compute(new Recorded(e.type(), key, e.date(), facts, e.enterprise(), null, null)));
    }

    /** Officials report anything; an enterprise its own costs; an institution the costs of its loans. */
    private void mayReport(SignedInUser user, EventFacts.Parsed e, CostEvents.@Nullable Loan loan) {
        if (user.hasRole(Role.GOV)) {
            return;
        }
        boolean ok;
        if (user.hasRole(Role.ENTERPRISE)) {
            ok = enterprises.ownCreditCode(user).map(e.enterprise()::equals).orElse(false)
                    && e.type() != EventType.CAPITAL_CONTRIBUTED && e.type() != EventType.LISTING_MILESTONE;
        } else if (user.hasRole(Role.INSTITUTION)) {
            ok = java.util.Set.of(EventType.INTEREST_PAID, EventType.GUARANTEE_FEE_PAID, EventType.VALUATION_FEE_PAID,
                    EventType.PREMIUM_PAID).contains(e.type())
                    && (loan == null || loan.institutionId().equals(user.organisationId()));
        } else {
            ok = false;
        }
        if (!ok) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "只能登记本企业的费用、本机构贷款的利息和费用；注资和上市节点由政府部门登记");
        }
    }

    /** The events the user's organisation reported, newest first. */
    @Transactional(readOnly = true)
    public List<ReportedEvent> reported(SignedInUser user) {
        return costEvents.reportedBy(user.organisationId(), 200);
    }

    /** A loan the platform recorded, as an interest report names it. */
    public record RecordedLoan(String loanRef, UUID institutionId, long amountFen, LocalDate disbursedOn) {
    }

    /** The loans the platform recorded for an enterprise (what an interest report names). */
    @Transactional(readOnly = true)
    public List<RecordedLoan> loansOf(String enterpriseCode) {
        return costEvents.loansOf(enterpriseCode).stream().map(l -> new RecordedLoan(l.loanRef(), l.institutionId(),
                l.amountFen(), l.disbursedOn())).toList();
    }

    // ---- quotes (试算) -----------------------------------------------------------------------------------------

    /** One event of a quote: its reference, the amount, the calculation and what the binding cap leaves after it. */
    public record QuoteLine(String ref, long amountFen, String rule, @Nullable Long capRemainingFen,
            Calculation calculation) {
    }

    /** A quote: its lines in the order given and their total. */
    public record Quote(String policy, int version, List<QuoteLine> events, long totalFen) {
    }

    /**
     * Computes a policy on hypothetical events without saving anything (试算). Attributes given are used as given;
     * the registry fills only what is missing; an enterprise code the registry does not know is treated as a
     * hypothetical enterprise when its attributes are given. Caps count what the beneficiary was already granted in
     * the record, then the quote's earlier events, in order.
     */
    @Transactional(readOnly = true)
    public Quote quote(@Nullable String policyCode, @Nullable Integer year, @Nullable String beneficiary,
            @Nullable List<Map<String, @Nullable Object>> events) {
        Map<String, String> errors = new LinkedHashMap<>();
        CompiledPolicy latest = policyCode == null || policyCode.isBlank() ? null
                : catalog.compiledLatest(policyCode.strip()).orElse(null);
        if (latest == null) {
            errors.put("policy", policyCode == null || policyCode.isBlank() ? "请填写政策编号" : "没有这项政策：" + policyCode);
        }
        if (events == null || events.isEmpty()) {
            errors.put("events", "请至少给出一个事件");
        }
        if (year != null && (year < 2000 || year > 2100)) {
            errors.put("year", "年度须在 2000 到 2100 之间");
        }
        String benCode = beneficiary == null || beneficiary.isBlank() ? null
                : beneficiary.strip().toUpperCase(java.util.Locale.ROOT);
        List<EventFacts.Parsed> parsed = new ArrayList<>();
        for (int i = 0; events != null && i < events.size(); i++) {
            String prefix = "events[" + i + "].";
            EventFacts.Parsed e = EventFacts.parse(events.get(i) == null ? Map.of() : events.get(i), prefix, errors);
            if (e != null && year != null && e.date().getYear() != year) {
                errors.put(prefix + "date", "日期不在 " + year + " 年内");
            }
            if (e != null && latest != null && latest.policy().beneficiary() == Policy.Beneficiary.INVESTOR
                    && e.enterprise() == null) {
                errors.put(prefix + "investee", "请填写被投企业的统一社会信用代码");
            }
            if (e != null && latest != null && latest.policy().beneficiary() == Policy.Beneficiary.ENTERPRISE
                    && e.enterprise() == null && benCode == null) {
                errors.put(prefix + "enterprise", "请填写企业的统一社会信用代码（或请求的 beneficiary）");
            }
            parsed.add(e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Policy lp = latest.policy();
        boolean toInvestor = lp.beneficiary() == Policy.Beneficiary.INVESTOR;
        OrganisationView investor = toInvestor && benCode != null ? organisation(benCode).orElse(null) : null;
        Map<String, Long> inQuote = new java.util.HashMap<>();
        List<QuoteLine> lines = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < parsed.size(); i++) {
            EventFacts.Parsed e = parsed.get(i);
            String enterpriseCode = e.enterprise() != null ? e.enterprise() : benCode;
            CompiledPolicy cp = catalog.inForce(e.type(), e.date()).stream()
                    .filter(x -> x.policy().code().equals(lp.code())).findFirst().orElse(latest);
            Map<String, Object> facts = RuleFacts.defaults();
            EventFacts.event(facts, e.type(), e.date(), e.amountFen());
            EventFacts.enterprise(facts, enterprises.facts(enterpriseCode).orElse(null), e.date());
            if (e.describesEnterprise()) {
                facts.put("enterprise.known", true);
            }
            if (investor != null) {
                facts.put("investor.type", investor.institutionType() == null ? "" : investor.institutionType().name());
                facts.put("investor.name", investor.name());
            }
            facts.putAll(e.given());
            EventFacts.loanMonths(facts, e.date());
            String beneficiaryKey = toInvestor ? (investor != null ? investor.id().toString() : benCode)
                    : enterpriseCode;
            Line line;
            try {
                line = line(cp, facts, key -> inQuote.getOrDefault(key, 0L) + (beneficiaryKey == null ? 0
                        : entitlements.grantedFen(cp.policy().code(), beneficiaryKey, key)));
            } catch (IllegalArgumentException ex) {
                throw InvalidRequestException.unprocessable("events[" + i + "]", ex.getMessage());
            }
            Calculation c = line.calculation();
            String rule = c.summary();
            if (!cp.policy().triggeredBy(e.type())) {
                c = zero(c);
                rule = "本政策不因「" + e.type().label() + "」发放（触发事件：" + cp.policy().triggerLabels() + "）";
            } else if (!cp.policy().inForceOn(e.date())) {
                c = zero(c);
                rule = "事件日期 " + e.date() + " 不在政策有效期（" + cp.policy().validFrom() + " 至 "
                        + (cp.policy().validUntil() == null ? "长期" : cp.policy().validUntil()) + "）内";
            }
            for (String key : line.capKeys()) {
                inQuote.merge(key, c.amountFen(), Long::sum);
            }
            total += c.amountFen();
            lines.add(new QuoteLine(e.ref() == null ? "E" + (i + 1) : e.ref(), c.amountFen(), rule,
                    c.capRemainingAfterFen(), c));
        }
        return new Quote(lp.code(), lp.version(), lines, total);
    }

    private static Calculation zero(Calculation c) {
        return new Calculation(c.policyCode(), c.policyVersion(), c.rules(), c.inputs(), c.formula(), c.formulaNote(),
                c.formulaFen(), c.capFen(), c.grantedBeforeFen(), false, 0, c.capName());
    }

    /** An organisation by its credit code. */
    private Optional<OrganisationView> organisation(String creditCode) {
        return organisations.search(creditCode, null, null, 0, 5).items().stream()
                .filter(o -> creditCode.equals(o.creditCode())).findFirst();
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

    /**
     * Records a notice the department already published on its own notice board on {@code publishedOn} (not after
     * today, not before the entitlement was confirmed could be known: not before its event date); the notice period
     * runs from that day. For notices published outside the platform before it was used; audited with the date.
     */
    @Transactional
    public Entitlement noticePublishedOn(Entitlement.Id id, LocalDate publishedOn, SignedInUser user) {
        return attempt(id, user, "SUBSIDY_NOTICE", () -> {
            Entitlement e = official(id, user);
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            if (publishedOn.isAfter(today) || publishedOn.isBefore(e.eventDate())) {
                throw new InvalidRequestException("publishedOn", "公示发布日期须在 " + e.eventDate() + " 与今天之间");
            }
            int days = catalog.version(e.policyCode(), e.policyVersion()).map(cp -> cp.policy().noticeWorkingDays())
                    .orElse(5);
            return change(user, e, "SUBSIDY_NOTICE",
                    e.notice(user.username(), calendar.addWorkingDays(publishedOn, days)));
        });
    }

    /** A second official approves it once the notice period is over. */
    @Transactional
    public Entitlement approve(Entitlement.Id id, SignedInUser user) {
        return attempt(id, user, "SUBSIDY_APPROVE", () -> {
            Entitlement e = official(id, user);
            long open = objections.open(e.id().value());
            if (open > 0) {
                throw InvalidRequestException.conflict("objection", "公示期内有 " + open + " 条异议尚未处理，暂停审核");
            }
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
        if (batchRows.inBatch(e.id().value())) {
            throw InvalidRequestException.conflict("batch", "这笔补贴已列入拨付批次，请按批次拨付");
        }
        Policy.Allocation allocation = catalog.latest(e.policyCode()).map(Policy::allocation)
                .orElse(Policy.Allocation.FIRST_COME);
        if (allocation != Policy.Allocation.FIRST_COME) {
            throw InvalidRequestException.conflict("batch", e.policyCode() + " 的预算分配方式为"
                    + (allocation == Policy.Allocation.PRO_RATA ? "截止日按比例分配" : "择优") + "，须生成批次拨付");
        }
        String book = book(e.policyCode(), e.year());
        long free = fundBudget(e.policyCode(), e.year()) - batchRows.committedFen(e.policyCode(), e.year());
        if (e.amountFen() > free) {
            throw InvalidRequestException.conflict("budget", e.policyCode() + " " + e.year() + " 年度预算余额（扣除已列入批次"
                    + "待拨付的金额）" + yuan(Math.max(0, free)) + " 元，不足以拨付 " + yuan(e.amountFen()) + " 元；未拨付，请先追加预算");
        }
        payouts.pay(e, e.amountFen(), LocalDate.now(clock.withZone(CHINA)),
                "补贴拨付 " + e.policyCode() + " " + e.beneficiaryName(), user.username());
        paidVersions.paidUnder(e.policyCode(), e.policyVersion());
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

    // ---- objections (公示异议) -------------------------------------------------------------------------------

    /**
     * Raises an objection to an entitlement on public notice; anyone may, signed in or not (then with a name and a
     * phone to answer). The entitlement is paused (cannot be approved) until an official resolves it.
     */
    @Transactional
    public Objection object(Entitlement.Id id, @Nullable String text, @Nullable String name, @Nullable String phone,
            @Nullable SignedInUser user) {
        String actor = user == null ? "public" : user.username();
        try {
            // anyone may object, so only what is on the public notice exists for the objector: an entitlement not
            // (or no longer) on notice answers like an unknown id, revealing nothing of the private record
            Entitlement e = entitlements.findForUpdate(id).filter(x -> x.status() == EntitlementStatus.NOTICED)
                    .orElseThrow(() -> new NotFoundException("公示名单中没有这笔补贴（未公示或公示已结束），不能提出异议"));
            Map<String, String> errors = new LinkedHashMap<>();
            if (text == null || text.isBlank() || text.strip().length() > 1000) {
                errors.put("text", "请写明异议的事实和理由（不超过1000字）");
            }
            if (name == null || name.isBlank() || name.strip().length() > 100) {
                errors.put("name", "请填写姓名或单位名称");
            }
            if (phone == null || !phone.strip().matches("[0-9+\\- ]{7,20}")) {
                errors.put("phone", "请填写联系电话，以便答复");
            }
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            UUID oid = UUID.randomUUID();
            objections.insert(oid, id.value(), text.strip(), name.strip(), phone.strip(), user == null ? null
                    : user.username(), clock.instant());
            audit.record(actor, user == null ? null : user.organisationId(), "SUBSIDY_OBJECT", target(id),
                    Outcome.SUCCESS, "异议 " + oid + "，暂停审核");
            return objections.find(oid, false).orElseThrow();
        } catch (InvalidRequestException | NotFoundException ex) {
            audit.recordIndependently(actor, user == null ? null : user.organisationId(), "SUBSIDY_OBJECT",
                    target(id), Outcome.FAILURE, ex.getMessage());
            throw ex;
        }
    }

    /** An official resolves an objection: upheld rejects the entitlement, dismissed lets it be approved. */
    @Transactional
    public Objection resolve(UUID objectionId, boolean upheld, @Nullable String resolution, SignedInUser user) {
        requireGov(user);
        Objection o = objections.find(objectionId, true).orElseThrow(() -> new NotFoundException("没有这条异议"));
        try {
            if (o.status() != Objection.Status.OPEN) {
                throw InvalidRequestException.conflict("status", "这条异议已处理");
            }
            if (resolution == null || resolution.isBlank() || resolution.strip().length() > 1000) {
                throw new InvalidRequestException("resolution", "请写明处理意见（不超过1000字）");
            }
        } catch (InvalidRequestException ex) {
            audit.recordIndependently(user.username(), user.organisationId(), "SUBSIDY_RESOLVE_OBJECTION",
                    "subsidy-objection:" + objectionId, Outcome.FAILURE, ex.getMessage());
            throw ex;
        }
        Objection.Status status = upheld ? Objection.Status.UPHELD : Objection.Status.DISMISSED;
        objections.resolve(objectionId, status, resolution.strip(), user.username(), clock.instant());
        audit.record(user.username(), user.organisationId(), "SUBSIDY_RESOLVE_OBJECTION",
                "subsidy-objection:" + objectionId, Outcome.SUCCESS, status + "：" + resolution.strip());
        if (upheld) {
            Entitlement e = entitlements.findForUpdate(new Entitlement.Id(o.entitlementId())).orElseThrow();
            if (e.status() == EntitlementStatus.NOTICED) {
                change(user, e, "SUBSIDY_RESOLVE_OBJECTION", e.reject());
            }
        }
        return objections.find(objectionId, false).orElseThrow();
    }

    /** Objections for officials (the open ones first when asked). */
    @Transactional(readOnly = true)
    public List<Objection> objections(boolean openOnly, SignedInUser user) {
        requireGov(user);
        return objections.all(openOnly);
    }

    /** The entitlements paused by an open objection. */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> paused() {
        return java.util.Set.copyOf(objections.withOpen());
    }

    // ---- clawbacks ----------------------------------------------------------------------------------------------

    /**
     * The policy's clawback condition broke on {@code brokenOn} (within its years of the event): the paid amount
     * becomes a receivable — ledger entry {@code subsidy:clawback:<id>}, debit {@code receivable}, credit
     * {@code clawed_back} in the policy year's book — and the entitlement CLAWED_BACK. Once per entitlement.
     */
    @Transactional
    public Clawback clawBack(Entitlement.Id id, @Nullable String reason, @Nullable LocalDate brokenOn,
            SignedInUser user) {
        return attemptAny(user, "SUBSIDY_CLAWBACK", target(id), () -> {
            Entitlement e = official(id, user);
            Policy p = catalog.version(e.policyCode(), e.policyVersion()).map(CompiledPolicy::policy)
                    .orElseThrow(() -> new NotFoundException("没有这项政策"));
            Map<String, String> errors = new LinkedHashMap<>();
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            if (p.clawback() == null) {
                errors.put("policy", p.code() + " 没有追回条件");
            }
            if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
                errors.put("reason", "请写明追回的事实（不超过1000字）");
            }
            if (brokenOn == null || brokenOn.isAfter(today) || brokenOn.isBefore(e.eventDate())) {
                errors.put("brokenOn", "请填写条件不再满足的日期（不早于 " + e.eventDate() + "，不晚于今天）");
            } else if (p.clawback() != null && !brokenOn.isBefore(e.eventDate().plusYears(p.clawback().years()))) {
                errors.put("brokenOn", "已超过追回期限（" + p.clawback().condition() + "，自 " + e.eventDate() + " 起 "
                        + p.clawback().years() + " 年）");
            }
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            Entitlement clawed = e.clawBack();
            long amount = jdbcPaidFen(e);
            UUID cid = UUID.randomUUID();
            String book = book(e.policyCode(), e.year());
            ledger.open(new Account(new AccountRef(book, "receivable"), p.name() + " " + e.year() + " 应追回补贴",
                    AccountKind.ASSET, false));
            ledger.open(new Account(new AccountRef(book, "clawed_back"), p.name() + " " + e.year() + " 追回补贴",
                    AccountKind.INCOME, false));
            ledger.post(new JournalEntry("subsidy:clawback:" + e.id().value(), today, "补贴追回 " + e.policyCode() + " "
                    + e.beneficiaryName() + "：" + reason.strip(), List.of(
                            JournalEntry.Line.debit(new AccountRef(book, "receivable"), amount),
                            JournalEntry.Line.credit(new AccountRef(book, "clawed_back"), amount))), user.username());
            clawbacks.insert(cid, e.id().value(), amount, reason.strip(), brokenOn, user.username(), clock.instant());
            change(user, e, "SUBSIDY_CLAWBACK", clawed);
            return clawbacks.find(cid, false).orElseThrow();
        });
    }

    /** The beneficiary returned a clawed-back amount: the receivable is settled into the budget. */
    @Transactional
    public Clawback recovered(UUID clawbackId, SignedInUser user) {
        requireGov(user);
        Clawback c = clawbacks.find(clawbackId, true).orElseThrow(() -> new NotFoundException("没有这笔追回"));
        if (c.status() != Clawback.Status.DUE) {
            return c;
        }
        Entitlement e = entitlements.find(new Entitlement.Id(c.entitlementId())).orElseThrow();
        String book = book(e.policyCode(), e.year());
        ledger.post(new JournalEntry("subsidy:recovery:" + e.id().value(), LocalDate.now(clock.withZone(CHINA)),
                "追回补贴到账 " + e.policyCode() + " " + e.beneficiaryName(), List.of(
                        JournalEntry.Line.debit(new AccountRef(book, "budget"), c.amountFen()),
                        JournalEntry.Line.credit(new AccountRef(book, "receivable"), c.amountFen()))),
                user.username());
        clawbacks.recovered(clawbackId, user.username(), clock.instant());
        audit.record(user.username(), user.organisationId(), "SUBSIDY_CLAWBACK", target(e.id()), Outcome.SUCCESS,
                "追回到账 " + c.amountYuan() + " 元");
        return clawbacks.find(clawbackId, false).orElseThrow();
    }

    /** Clawbacks: all for government, one's own (as investor or enterprise) otherwise. */
    @Transactional(readOnly = true)
    public List<Clawback> clawbacks(SignedInUser user) {
        if (user.hasRole(Role.GOV)) {
            return clawbacks.all();
        }
        List<String> keys = new ArrayList<>();
        keys.add(user.organisationId().toString());
        enterprises.ownCreditCode(user).ifPresent(keys::add);
        return clawbacks.ofBeneficiaries(keys);
    }

    private long jdbcPaidFen(Entitlement e) {
        return entitlements.paidFen(e.id()).orElse(e.amountFen());
    }

    private <T> T attemptAny(SignedInUser user, String action, String target, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidRequestException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.FAILURE,
                    e.fieldErrors().isEmpty() ? e.getMessage() : e.fieldErrors().toString());
            throw e;
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.DENIED,
                    e.getMessage());
            throw e;
        }
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

    /** Entitlements as the API lists them: all (the latest 1,000) for government, one's own otherwise. */
    @Transactional(readOnly = true)
    public List<Entitlement> entitlements(SignedInUser user) {
        return user.hasRole(Role.GOV) ? entitlements.all(1000) : mine(user);
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
