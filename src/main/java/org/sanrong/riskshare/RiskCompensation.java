package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.deal.LoanStatus;
import org.sanrong.deal.LoanStatusReported;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.ledger.InsufficientBalanceException;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.WorkingCalendar;
import org.sanrong.reference.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 风险补偿 use cases. Loans disbursed through the platform are offered to their banks for filing; banks file them
 * (or file loans made elsewhere by hand), claim when a filed loan turns non-performing, and report recoveries;
 * government reviews claims step by step (maker ≠ checker, working-day deadlines), pays them, funds the pools and
 * confirms recoveries received. Money moves only through the pools' ledger books ({@link PoolBook}). Every write is
 * audited; a refused one is audited as FAILURE or DENIED and changes nothing.
 */
@Service
public class RiskCompensation {

    private final SchemeCatalog schemes;
    private final Filings filings;
    private final Claims claims;
    private final PoolBook pools;
    private final EnterpriseBook enterprises;
    private final ReferenceData reference;
    private final OrganisationRegistry organisations;
    private final AuditTrail audit;
    private final RiskshareNotices notices;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LoanBook loans;
    private final Set<String> techQualifications;
    private final BigDecimal nplTolerance;

    RiskCompensation(SchemeCatalog schemes, Filings filings, Claims claims, PoolBook pools, EnterpriseBook enterprises,
            ReferenceData reference, OrganisationRegistry organisations, AuditTrail audit, RiskshareNotices notices,
            WorkingCalendar calendar, ApplicationEventPublisher events, Clock clock, LoanBook loans,
            @org.springframework.beans.factory.annotation.Value(
                    "${sanrong.riskshare.npl.tech-qualifications:TECH_SME,HIGH_TECH,SRDI_SME,LITTLE_GIANT}")
            List<String> techQualifications,
            @org.springframework.beans.factory.annotation.Value("${sanrong.riskshare.npl.tolerance-points:3}")
            BigDecimal tolerancePoints) {
        this.loans = loans;
        this.techQualifications = Set.copyOf(techQualifications);
        this.nplTolerance = tolerancePoints.movePointLeft(2);
        this.schemes = schemes;
        this.filings = filings;
        this.claims = claims;
        this.pools = pools;
        this.enterprises = enterprises;
        this.reference = reference;
        this.organisations = organisations;
        this.audit = audit;
        this.notices = notices;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    // ---- offering ---------------------------------------------------------------------------------------------

    /**
     * A loan was disbursed on the platform: for each pool that serves the enterprise's area and the lender's kind,
     * the loan is checked against the scheme version in force on the disbursement date and offered to the bank (or
     * recorded as not eligible, every failed rule named). The same event twice offers it once.
     */
    @ApplicationModuleListener
    void on(LoanDisbursed e) {
        offer(e);
    }

    @Transactional
    public List<Filing.Id> offer(LoanDisbursed e) {
        OrganisationView lender = organisations.find(e.institutionId()).orElse(null);
        InstitutionType type = lender == null ? null : lender.institutionType();
        EnterpriseFacts facts = enterprises.facts(e.enterpriseCreditCode()).orElse(null);
        String enterpriseName = enterprises.card(e.enterpriseCreditCode()).map(EnterpriseCard::name)
                .orElse(e.enterpriseCreditCode());
        Filing.Loan loan = new Filing.Loan(e.dealId(), e.loanNumber(), e.institutionId(),
                lender == null ? "" : lender.name(), e.enterpriseCreditCode(), enterpriseName, e.productType(),
                e.amountFen(), e.disbursedOn(), e.maturityOn(), e.termMonths(), e.annualRatePercent(), e.guarantee());
        boolean smallTech = facts != null && facts.qualifications().stream().anyMatch(techQualifications::contains)
                && (facts.headcount() == null || facts.headcount() < 300);
        loans.disbursed(e.dealId(), e.institutionId(), loan.institutionName(), e.enterpriseCreditCode(), e.amountFen(),
                e.disbursedOn(), smallTech);
        List<Filing.Id> offered = new ArrayList<>();
        for (Scheme s : schemes.inForceOn(e.disbursedOn())) {
            if (!applies(s, e.enterpriseCreditCode(), type)) {
                continue;
            }
            Set<String> qualifications = facts == null ? Set.of() : facts.qualifications();
            List<String> failed = facts == null ? List.of("企业未在平台企业库登记")
                    : Eligibility.failedRules(s, candidate(loan, type, facts), this::qualificationName);
            Filing f = Filing.offer(s, Filing.Origin.PLATFORM, loan,
                    Eligibility.derivedFeatures(s, e.productType(), qualifications, e.guarantee()), failed,
                    clock.instant());
            if (filings.insertIfAbsent(f)) {
                offered.add(f.id());
                audit.record("system", null, "OFFER_FILING", target(f.id()), Outcome.SUCCESS, s.code() + " "
                        + f.status().name() + (failed.isEmpty() ? "" : "：" + String.join("；", failed)));
                if (f.status() == FilingStatus.OFFERED) {
                    notices.offered(f, s);
                }
            }
        }
        return offered;
    }

    /** The loan's repayment status follows the deal; a repaid filed loan ends its pool's commitment. */
    @ApplicationModuleListener
    void on(LoanStatusReported e) {
        reported(e);
    }

    @Transactional
    public void reported(LoanStatusReported e) {
        loans.reported(e.dealId(), e.asOf(), e.status().name(), e.outstandingFen());
        for (Filing f : filings.ofDeal(e.dealId())) {
            Filing locked = filings.findForUpdate(f.id()).orElseThrow();
            locked.reported(e.status(), e.asOf(), e.outstandingFen());
            filings.update(locked);
            if (locked.status() == FilingStatus.FILED && e.status() == LoanStatus.REPAID) {
                pools.releaseCommitment(locked, e.asOf(), "system");
            }
        }
    }

    private boolean applies(Scheme s, String creditCode, @Nullable InstitutionType type) {
        return Eligibility.serves(s, creditCode) && (s.eligibility().institutionTypes().isEmpty()
                || (type != null && s.eligibility().institutionTypes().contains(type.name())));
    }

    private Eligibility.Candidate candidate(Filing.Loan loan, @Nullable InstitutionType type, EnterpriseFacts facts) {
        boolean emerging = facts.industryCode() != null
                && !reference.emergingIndustriesOf(facts.industryCode()).isEmpty();
        return new Eligibility.Candidate(type, loan.productType(), loan.amountFen(), loan.termMonths(),
                loan.enterpriseCreditCode(), facts.industryCode(), facts.qualifications(), emerging);
    }

    private String qualificationName(String code) {
        return reference.qualificationKind(code).map(k -> k.name()).orElse(code);
    }

    // ---- filing -----------------------------------------------------------------------------------------------

    /** The bank files a loan offered to it, declaring what only it knows; the pool's commitment is booked. */
    @Transactional
    public FilingView file(Filing.Id id, Set<LoanFeature> declared, SignedInUser user) {
        Filing f = banksOwnFiling(id, user, "FILE_LOAN");
        Scheme s = scheme(f);
        LocalDate today = LocalDate.now(clock);
        guarded(user, "FILE_LOAN", target(id), () -> {
            f.file(declared, user.username(), clock.instant(), today);
            commit(f, s, today);
            filings.update(f);
            return null;
        });
        pools.commit(f, today, user.username());
        audit.record(user.username(), user.organisationId(), "FILE_LOAN", target(id), Outcome.SUCCESS, s.code() + " "
                + f.loan().loanNumber() + " 预计补偿比例 " + Yuan.percent(f.expectedRatio()));
        return view(f, user);
    }

    /** A loan made outside the platform, filed by the bank by hand: checked like the others, refused whole when not eligible. */
    @Transactional
    public FilingView fileManually(String schemeCode, ManualLoan m, Set<LoanFeature> declared, SignedInUser user) {
        requireRole(user, Role.INSTITUTION, "只有金融机构可以备案贷款");
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = m.problems(today);
        if (!errors.isEmpty()) {
            auditFailure(user, "FILE_LOAN_MANUALLY", "loan:" + m.loanNumber(), String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        Scheme s = schemes.inForce(schemeCode, m.disbursedOn()).orElseThrow(() -> {
            auditFailure(user, "FILE_LOAN_MANUALLY", "loan:" + m.loanNumber(), "方案 " + schemeCode + " 在放款日未生效");
            return new InvalidRequestException("scheme", "方案 " + schemeCode + " 在放款日 " + m.disbursedOn()
                    + " 不在有效期内，或不存在");
        });
        OrganisationView lender = organisations.find(user.organisationId()).orElseThrow();
        EnterpriseFacts facts = enterprises.facts(m.enterpriseCreditCode()).orElse(null);
        if (facts == null) {
            auditFailure(user, "FILE_LOAN_MANUALLY", "loan:" + m.loanNumber(), "企业未在平台企业库登记");
            throw new InvalidRequestException("enterpriseCreditCode", "企业未在平台企业库登记，请先请企业注册或由运营导入");
        }
        String name = enterprises.card(m.enterpriseCreditCode()).map(EnterpriseCard::name).orElseThrow();
        Filing.Loan loan = new Filing.Loan(null, m.loanNumber(), lender.id(), lender.name(), m.enterpriseCreditCode(),
                name, m.productType(), m.amountFen(), m.disbursedOn(), m.maturityOn(), m.termMonths(),
                m.annualRatePercent(), m.guarantee());
        List<String> failed = Eligibility.failedRules(s, candidate(loan, lender.institutionType(), facts),
                this::qualificationName);
        if (!failed.isEmpty()) {
            auditFailure(user, "FILE_LOAN_MANUALLY", "loan:" + m.loanNumber(), String.join("；", failed));
            throw new InvalidRequestException("loan", "不符合备案条件：" + String.join("；", failed));
        }
        Filing f = Filing.offer(s, Filing.Origin.MANUAL, loan, Eligibility.derivedFeatures(s, m.productType(),
                facts.qualifications(), m.guarantee()), List.of(), clock.instant());
        if (!filings.insertIfAbsent(f)) {
            auditFailure(user, "FILE_LOAN_MANUALLY", "loan:" + m.loanNumber(), "重复备案");
            throw InvalidRequestException.conflict("loanNumber", "借据号 " + m.loanNumber() + " 已在 " + s.code()
                    + " 备案或待备案，不能重复备案");
        }
        guarded(user, "FILE_LOAN_MANUALLY", "loan:" + m.loanNumber(), () -> {
            f.file(declared, user.username(), clock.instant(), today);
            commit(f, s, today);
            return null;
        });
        try {
            filings.update(f);
        } catch (DuplicateKeyException e) {
            auditFailure(user, "FILE_LOAN_MANUALLY", "loan:" + m.loanNumber(), "一笔贷款只能选择一种模式");
            throw InvalidRequestException.conflict("scheme", "该贷款已按同组的另一模式备案，一笔贷款只能选择一种模式");
        }
        pools.commit(f, today, user.username());
        audit.record(user.username(), user.organisationId(), "FILE_LOAN_MANUALLY", target(f.id()), Outcome.SUCCESS,
                s.code() + " " + m.loanNumber());
        return view(f, user);
    }

    /**
     * The bank reports the repayment status of a loan it filed by hand (platform loans follow their deal). A repaid
     * loan ends the pool's commitment.
     */
    @Transactional
    public FilingView reportManualStatus(Filing.Id id, LoanStatus status, LocalDate asOf, @Nullable Long outstandingFen,
            SignedInUser user) {
        Filing f = banksOwnFiling(id, user, "REPORT_LOAN_STATUS");
        Map<String, String> errors = new LinkedHashMap<>();
        if (f.origin() != Filing.Origin.MANUAL) {
            errors.put("status", "平台放款的贷款请在对接记录中报送还款状态");
        }
        if (asOf.isAfter(LocalDate.now(clock)) || asOf.isBefore(f.loan().disbursedOn())) {
            errors.put("asOf", "报送日期须在放款日与今天之间");
        } else if (f.loanStatusOn() != null && asOf.isBefore(f.loanStatusOn())) {
            errors.put("asOf", "报送日期不能早于上次报送的 " + f.loanStatusOn());
        }
        if (status != LoanStatus.REPAID && (outstandingFen == null || outstandingFen < 0
                || outstandingFen > f.loan().amountFen())) {
            errors.put("outstanding", "贷款余额须在0至贷款金额之间");
        }
        if (!errors.isEmpty()) {
            auditFailure(user, "REPORT_LOAN_STATUS", target(id), String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        f.reported(status, asOf, outstandingFen);
        filings.update(f);
        if (f.status() == FilingStatus.FILED && status == LoanStatus.REPAID) {
            pools.releaseCommitment(f, asOf, user.username());
        }
        audit.record(user.username(), user.organisationId(), "REPORT_LOAN_STATUS", target(id), Outcome.SUCCESS,
                status.label());
        return view(f, user);
    }

    /** The expected ratio (as if the whole loan were lost) and the commitment it implies. */
    private void commit(Filing f, Scheme s, LocalDate today) {
        long volume = filings.filedPrincipal(s.code(), f.loan().institutionId(), today.getYear())
                + f.loan().amountFen();
        Compensation.Entitlement e = Compensation.entitle(s.ratio(), new Compensation.LoanCase(f.loan().amountFen(),
                f.loan().amountFen(), f.features(), volume));
        f.commit(e.ratio(), e.amountFen());
    }

    /** A loan made outside the platform, as the bank states it. Amounts in fen. */
    public record ManualLoan(String loanNumber, String enterpriseCreditCode, String productType, long amountFen,
            LocalDate disbursedOn, LocalDate maturityOn, int termMonths, @Nullable BigDecimal annualRatePercent,
            @Nullable String guarantee) {

        Map<String, String> problems(LocalDate today) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (loanNumber == null || loanNumber.isBlank() || loanNumber.strip().length() > 64) {
                errors.put("loanNumber", "请填写借据号（不超过64个字符）");
            }
            if (enterpriseCreditCode == null || enterpriseCreditCode.isBlank()) {
                errors.put("enterpriseCreditCode", "请填写借款企业的统一社会信用代码");
            }
            if (productType == null || productType.isBlank()) {
                errors.put("productType", "请选择贷款品种");
            }
            if (amountFen <= 0) {
                errors.put("amount", "贷款金额须大于零");
            }
            if (disbursedOn == null) {
                errors.put("disbursedOn", "请填写放款日期");
            } else if (disbursedOn.isAfter(today)) {
                errors.put("disbursedOn", "放款日期不能晚于今天");
            }
            if (maturityOn == null) {
                errors.put("maturityOn", "请填写到期日");
            } else if (disbursedOn != null && !maturityOn.isAfter(disbursedOn)) {
                errors.put("maturityOn", "到期日须晚于放款日期");
            }
            if (termMonths < 1 || termMonths > 360) {
                errors.put("termMonths", "期限须在1至360个月之间");
            }
            return errors;
        }
    }

    // ---- claims -----------------------------------------------------------------------------------------------

    /** What a bank states when it claims. Amount in fen. */
    public record ClaimRequest(UUID filingId, long lossFen, @Nullable LocalDate overdueSince,
            @Nullable String lawsuitCaseNo, @Nullable LocalDate lawsuitAcceptedOn, List<String> documents,
            @Nullable String note) {

        public ClaimRequest {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /**
     * The bank claims on a filed loan reported non-performing. The entitlement is computed at once, pool by pool in
     * pay order, and the claim goes to the first review step with its deadline.
     */
    @Transactional
    public Claim.Id claim(ClaimRequest r, SignedInUser user) {
        Filing any = banksOwnFiling(new Filing.Id(r.filingId()), user, "CLAIM_COMPENSATION");
        String target = "loan:" + any.loan().loanNumber();
        List<Filing> filed = filings.filedOfLoan(any.loan().institutionId(), any.loan().loanNumber());
        if (filed.isEmpty()) {
            auditFailure(user, "CLAIM_COMPENSATION", target, "未备案");
            throw InvalidRequestException.conflict("filingId", "该贷款未备案，不能申请风险补偿");
        }
        Filing lead = filed.stream().min(java.util.Comparator.comparingInt((Filing f) -> scheme(f).payOrder())
                .thenComparing(Filing::schemeCode)).orElseThrow();
        Scheme leadScheme = scheme(lead);
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = claimProblems(r, lead, leadScheme, today);
        if (!errors.isEmpty()) {
            auditFailure(user, "CLAIM_COMPENSATION", target, String.join("；", errors.values()));
            int status = errors.containsKey("loanStatus") ? 409 : 400;
            throw status == 409 ? InvalidRequestException.conflict("loanStatus", errors.get("loanStatus"))
                    : new InvalidRequestException(errors);
        }
        if (claims.liveOfLoan(lead.loan().institutionId(), lead.loan().loanNumber()).isPresent()) {
            auditFailure(user, "CLAIM_COMPENSATION", target, "重复申请");
            throw InvalidRequestException.conflict("filingId", "该贷款已有补偿申请在办或已补偿，不能重复申请");
        }
        List<Compensation.Stacked> stack = new ArrayList<>();
        Map<String, Filing> byScheme = new LinkedHashMap<>();
        for (Filing f : filed) {
            Scheme s = scheme(f);
            long volume = filings.filedPrincipal(s.code(), f.loan().institutionId(), java.util.Objects.requireNonNull(
                    f.filedYear()));
            stack.add(new Compensation.Stacked(s, new Compensation.LoanCase(f.loan().amountFen(), r.lossFen(),
                    f.features(), volume)));
            byScheme.put(s.code(), f);
        }
        List<Claim.Share> shares = new ArrayList<>();
        for (Compensation.Share s : Compensation.stack(stack)) {
            Filing f = byScheme.get(s.scheme().code());
            shares.add(new Claim.Share(f.id().value(), s.scheme().code(), s.scheme().version(), s.scheme().payOrder(),
                    s.own().ratio(), s.own().amountFen(), s.payFen(), s.steps(), Claim.ShareStatus.PENDING, 0));
        }
        long total = shares.stream().mapToLong(Claim.Share::amountFen).sum();
        List<Claim.ReviewStep> steps = new ArrayList<>();
        leadScheme.review().steps().forEach(s -> steps.add(new Claim.ReviewStep(s.name(), s.workingDays())));
        if (leadScheme.review().secondApprovalAbove() != null
                && total > Yuan.toFen(leadScheme.review().secondApprovalAbove())) {
            Scheme.ReviewRules.Step second = java.util.Objects.requireNonNull(leadScheme.review().secondApproval());
            steps.add(new Claim.ReviewStep(second.name(), second.workingDays()));
        }
        Instant now = clock.instant();
        Claim.Application a = new Claim.Application(lead.loan().institutionId(), lead.loan().institutionName(),
                lead.loan().loanNumber(), lead.loan().dealId(), lead.loan().enterpriseCreditCode(),
                lead.loan().enterpriseName(), lead.loan().amountFen(), r.lossFen(), r.overdueSince(),
                blank(r.lawsuitCaseNo()), r.lawsuitAcceptedOn(), r.documents(), blank(r.note()));
        Claim c = Claim.submit(a, shares, steps, user.username(), now, today,
                calendar.deadline(now, steps.getFirst().workingDays()));
        try {
            claims.insert(c);
        } catch (DuplicateKeyException e) {
            auditFailure(user, "CLAIM_COMPENSATION", target, "重复申请");
            throw InvalidRequestException.conflict("filingId", "该贷款已有补偿申请在办或已补偿，不能重复申请");
        }
        audit.record(user.username(), user.organisationId(), "CLAIM_COMPENSATION", claimTarget(c.id()),
                Outcome.SUCCESS, lead.loan().loanNumber() + " 损失 " + Yuan.grouped(r.lossFen()) + " 测算补偿 "
                        + Yuan.grouped(total));
        return c.id();
    }

    private Map<String, String> claimProblems(ClaimRequest r, Filing lead, Scheme s, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        LoanStatus trigger = LoanStatus.valueOf(s.claim().loanStatus());
        if (lead.loanStatus() != trigger) {
            errors.put("loanStatus", "贷款尚未报送为“" + trigger.label() + "”（当前：" + (lead.loanStatus() == null ? "未报送"
                    : lead.loanStatus().label()) + "），不能申请补偿");
            return errors;
        }
        if (r.lossFen() <= 0) {
            errors.put("loss", "请填写损失金额（未收回本金）");
        } else if (r.lossFen() > lead.loan().amountFen()) {
            errors.put("loss", "损失 " + Yuan.grouped(r.lossFen()) + " 超过贷款金额 " + Yuan.grouped(lead.loan().amountFen()));
        } else if (s.claim().lossBasis() == Scheme.ClaimRules.LossBasis.UNRECOVERED_PRINCIPAL
                && lead.outstandingFen() != null && r.lossFen() > lead.outstandingFen()) {
            errors.put("loss", "损失 " + Yuan.grouped(r.lossFen()) + " 超过报送的贷款余额 "
                    + Yuan.grouped(lead.outstandingFen()) + "：补偿按未收回本金计算");
        }
        if (s.claim().minOverdueDays() > 0) {
            if (r.overdueSince() == null) {
                errors.put("overdueSince", "请填写逾期起始日（须逾期超过 " + s.claim().minOverdueDays() + " 天）");
            } else if (r.overdueSince().isBefore(lead.loan().disbursedOn())) {
                errors.put("overdueSince", "逾期起始日不能早于放款日");
            } else if (java.time.temporal.ChronoUnit.DAYS.between(r.overdueSince(), today)
                    <= s.claim().minOverdueDays()) {
                errors.put("overdueSince", "逾期未超过 " + s.claim().minOverdueDays() + " 天，尚不能申请补偿");
            }
        }
        if (s.claim().lawsuitRequired()) {
            if (r.lawsuitCaseNo() == null || r.lawsuitCaseNo().isBlank()) {
                errors.put("lawsuitCaseNo", "请填写法院受理案号（须已起诉并获受理）");
            } else if (r.lawsuitCaseNo().strip().length() > 100) {
                errors.put("lawsuitCaseNo", "案号不能超过100个字符");
            }
            if (r.lawsuitAcceptedOn() == null) {
                errors.put("lawsuitAcceptedOn", "请填写法院受理日期");
            } else if (r.lawsuitAcceptedOn().isAfter(today) || r.lawsuitAcceptedOn().isBefore(lead.loan().disbursedOn())) {
                errors.put("lawsuitAcceptedOn", "受理日期须在放款日与今天之间");
            }
        }
        List<String> missing = s.claim().documents().stream().filter(d -> !r.documents().contains(d)).toList();
        if (!missing.isEmpty()) {
            errors.put("documents", "缺少材料：" + String.join("、", missing));
        }
        if (r.note() != null && r.note().strip().length() > 1000) {
            errors.put("note", "说明不能超过1000个字");
        }
        return errors;
    }

    /**
     * Government decides the current review step. Nobody reviews two steps of one claim. On the last approval each
     * pool reserves its share (refused whole when a pool has not enough); a share whose bank's loss ratio of the
     * year exceeds the threshold is held, and so are that bank's other unpaid claims of the year in that pool.
     */
    @Transactional
    public void review(Claim.Id id, boolean approve, @Nullable String note, SignedInUser user) {
        String action = approve ? "APPROVE_CLAIM" : "REJECT_CLAIM";
        Claim c = governmentClaim(id, user, action);
        List<String> reviewers = claims.reviewers(id);
        Instant now = clock.instant();
        String stepName = c.currentStep().name();
        boolean approved = guarded(user, action, claimTarget(id),
                () -> c.review(approve, note, user.username(), reviewers, now, days -> calendar.deadline(now, days)));
        if (approved) {
            LocalDate today = LocalDate.now(clock);
            for (Claim.Share s : c.shares()) {
                boolean held = suspended(s.schemeCode(), c.application().institutionId(), c.claimYear());
                try {
                    pools.approve(c, s, held, today, user.username());
                } catch (InsufficientBalanceException e) {
                    String why = "资金池 " + s.schemeCode() + " 可用余额 " + Yuan.grouped(e.balanceFen()) + " 不足以支付 "
                            + Yuan.grouped(e.requiredFen()) + "，请先注资";
                    auditFailure(user, action, claimTarget(id), why);
                    throw InvalidRequestException.conflict("budget", why);
                }
                if (held && s.amountFen() > 0) {
                    c.hold(s.schemeCode(), heldWhy(s.schemeCode(), c), user.username(), now);
                }
                Filing f = filings.find(new Filing.Id(s.filingId())).orElseThrow();
                pools.releaseCommitment(f, today, user.username());
            }
            claims.update(c);
            for (Claim.Share s : c.shares()) {
                if (s.status() == Claim.ShareStatus.HELD) {
                    holdOthers(s.schemeCode(), c, user, now);
                }
            }
            notices.claimChanged(c, c.status() == ClaimStatus.HELD ? "补偿申请已批准，暂缓拨付" : "补偿申请已批准",
                    c.application().loanNumber() + " 补偿 " + Yuan.grouped(c.entitlementFen())
                            + (c.status() == ClaimStatus.HELD ? "：本年度申请补偿的损失超过备案本金的阈值，暂缓拨付。" : "，等待拨付。"));
        } else {
            claims.update(c);
            if (c.status() == ClaimStatus.REJECTED) {
                notices.claimChanged(c, "补偿申请未通过", c.application().loanNumber() + "：" + note);
            }
        }
        audit.record(user.username(), user.organisationId(), action, claimTarget(id), Outcome.SUCCESS,
                stepName + " → " + c.status().label());
    }

    /** Pays an approved claim, pool by pool; a share whose bank is now over the threshold is held instead. */
    @Transactional
    public void pay(Claim.Id id, SignedInUser user) {
        Claim c = governmentClaim(id, user, "PAY_CLAIM");
        if (c.status() != ClaimStatus.APPROVED) {
            auditFailure(user, "PAY_CLAIM", claimTarget(id), "状态：" + c.status().label());
            throw InvalidRequestException.conflict("status", "只有已批准待拨付的申请可以拨付（当前：" + c.status().label() + "）");
        }
        payShares(c, user);
        audit.record(user.username(), user.organisationId(), "PAY_CLAIM", claimTarget(id), Outcome.SUCCESS,
                c.status().label());
    }

    /** Releases a held claim when its bank's loss ratio no longer exceeds the threshold, and pays it. */
    @Transactional
    public void release(Claim.Id id, SignedInUser user) {
        Claim c = governmentClaim(id, user, "RELEASE_CLAIM");
        if (c.status() != ClaimStatus.HELD) {
            auditFailure(user, "RELEASE_CLAIM", claimTarget(id), "状态：" + c.status().label());
            throw InvalidRequestException.conflict("status", "只有暂缓拨付的申请可以解除暂缓（当前：" + c.status().label() + "）");
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        for (Claim.Share s : c.shares()) {
            if (s.status() != Claim.ShareStatus.HELD) {
                continue;
            }
            if (suspended(s.schemeCode(), c.application().institutionId(), c.claimYear())) {
                String why = heldWhy(s.schemeCode(), c);
                auditFailure(user, "RELEASE_CLAIM", claimTarget(id), why);
                throw InvalidRequestException.conflict("status", "仍不能解除暂缓：" + why);
            }
            pools.release(c, s, today, user.username());
            c.release(s.schemeCode(), user.username(), now);
        }
        payShares(c, user);
        audit.record(user.username(), user.organisationId(), "RELEASE_CLAIM", claimTarget(id), Outcome.SUCCESS,
                c.status().label());
    }

    private void payShares(Claim c, SignedInUser user) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        for (Claim.Share s : c.shares()) {
            if (s.status() != Claim.ShareStatus.APPROVED) {
                continue;
            }
            if (suspended(s.schemeCode(), c.application().institutionId(), c.claimYear())) {
                pools.hold(c, s, today, user.username());
                c.hold(s.schemeCode(), heldWhy(s.schemeCode(), c), user.username(), now);
                continue;
            }
            pools.pay(c, s, today, user.username());
            c.paid(s.schemeCode(), user.username(), now);
            events.publishEvent(new CompensationPaid(c.id().value(), s.schemeCode(), c.application().institutionId(),
                    c.application().loanNumber(), c.application().enterpriseCreditCode(), s.amountFen(), today));
        }
        claims.update(c);
        notices.claimChanged(c, c.status() == ClaimStatus.PAID ? "补偿已拨付" : "补偿暂缓拨付",
                c.application().loanNumber() + "：" + c.status().label() + " " + Yuan.grouped(c.entitlementFen()));
    }

    /** The bank's other approved, unpaid claims of the year in the pool are held too ("all its claims"). */
    private void holdOthers(String scheme, Claim except, SignedInUser user, Instant now) {
        LocalDate today = LocalDate.now(clock);
        for (Claim other : claims.inPoolYear(scheme, except.application().institutionId(), except.claimYear())) {
            if (other.id().equals(except.id()) || other.status() != ClaimStatus.APPROVED) {
                continue;
            }
            for (Claim.Share s : other.shares()) {
                if (s.schemeCode().equals(scheme) && s.status() == Claim.ShareStatus.APPROVED && s.amountFen() > 0) {
                    pools.hold(other, s, today, user.username());
                    other.hold(scheme, heldWhy(scheme, other), user.username(), now);
                }
            }
            claims.update(other);
            audit.record(user.username(), user.organisationId(), "HOLD_CLAIM", claimTarget(other.id()),
                    Outcome.SUCCESS, heldWhy(scheme, other));
        }
    }

    /** Whether the bank's losses claimed in the year exceed the scheme's share of the principal it filed. */
    private boolean suspended(String schemeCode, UUID bank, int year) {
        Scheme s = schemes.forYear(schemeCode, year).or(() -> schemes.latest(schemeCode)).orElseThrow();
        if (s.suspension() == null) {
            return false;
        }
        return Compensation.exceeds(claims.claimedLoss(schemeCode, bank, year),
                filings.filedPrincipal(schemeCode, bank, year), s.suspension().lossRatioAbove());
    }

    private String heldWhy(String schemeCode, Claim c) {
        UUID bank = c.application().institutionId();
        long loss = claims.claimedLoss(schemeCode, bank, c.claimYear());
        long filed = filings.filedPrincipal(schemeCode, bank, c.claimYear());
        Scheme s = schemes.forYear(schemeCode, c.claimYear()).or(() -> schemes.latest(schemeCode)).orElseThrow();
        return c.claimYear() + "年申请补偿的损失 " + Yuan.grouped(loss) + " ÷ 当年备案本金 " + Yuan.grouped(filed) + " = "
                + Yuan.ratio(Compensation.lossRatio(loss, filed)) + "，超过 " + (s.suspension() == null ? "—"
                        : Yuan.percent(s.suspension().lossRatioAbove())) + "，本年度补偿暂缓拨付";
    }

    // ---- recoveries -------------------------------------------------------------------------------------------

    /**
     * The bank reports money recovered after compensation; each pool's part (in proportion to what it paid of the
     * loss) becomes what the bank owes the pool, until the pool confirms it arrived.
     */
    @Transactional
    public UUID recordRecovery(Claim.Id id, long amountFen, @Nullable LocalDate on, SignedInUser user) {
        Claim c = banksOwnClaim(id, user, "REPORT_RECOVERY");
        LocalDate today = LocalDate.now(clock);
        LocalDate day = on == null ? today : on;
        if (day.isAfter(today)) {
            auditFailure(user, "REPORT_RECOVERY", claimTarget(id), "追回日期晚于今天");
            throw new InvalidRequestException("recoveredOn", "追回日期不能晚于今天");
        }
        Instant now = clock.instant();
        List<Claim.Share> before = c.shares();
        List<Long> parts = guarded(user, "REPORT_RECOVERY", claimTarget(id),
                () -> c.recovered(amountFen, day, user.username(), now));
        UUID recovery = UUID.randomUUID();
        Map<UUID, Long> byFiling = new LinkedHashMap<>();
        Map<UUID, String> schemeOf = new LinkedHashMap<>();
        for (int i = 0; i < before.size(); i++) {
            Claim.Share s = before.get(i);
            byFiling.put(s.filingId(), parts.get(i));
            schemeOf.put(s.filingId(), s.schemeCode());
            pools.recoveryDue(c, s.schemeCode(), recovery, s.filingId(), parts.get(i), today, user.username());
        }
        long toPools = parts.stream().mapToLong(Long::longValue).sum();
        claims.update(c);
        claims.insertRecovery(new RecoveryView(recovery, id.value(), amountFen, day, toPools, now, user.username(),
                null, null), schemeOf, byFiling);
        audit.record(user.username(), user.organisationId(), "REPORT_RECOVERY", claimTarget(id), Outcome.SUCCESS,
                "追回 " + Yuan.grouped(amountFen) + "，应返还资金池 " + Yuan.grouped(toPools));
        return recovery;
    }

    /** The pool confirms the bank's part of a recovery arrived: the bank owes it no more. */
    @Transactional
    public void confirmRemittance(UUID recoveryId, SignedInUser user) {
        requireRole(user, Role.GOV, "只有政府部门可以确认追偿款到账");
        RecoveryView r = claims.recoveryForUpdate(recoveryId).orElseThrow(() -> new NotFoundException("追偿记录不存在"));
        Claim c = claims.findForUpdate(new Claim.Id(r.claimId())).orElseThrow();
        if (r.remitted()) {
            auditFailure(user, "CONFIRM_REMITTANCE", claimTarget(c.id()), "已确认");
            throw InvalidRequestException.conflict("recovery", "该笔追偿款已确认到账");
        }
        LocalDate today = LocalDate.now(clock);
        claims.recoveryParts(recoveryId).forEach((filing, part) -> pools.remitted(c, part.getKey(), recoveryId, filing,
                part.getValue(), today, user.username()));
        Instant now = clock.instant();
        c.remitted(r.poolShareFen(), user.username(), now);
        claims.update(c);
        claims.remitted(recoveryId, user.username(), now);
        audit.record(user.username(), user.organisationId(), "CONFIRM_REMITTANCE", claimTarget(c.id()),
                Outcome.SUCCESS, Yuan.grouped(r.poolShareFen()));
    }

    // ---- pools ------------------------------------------------------------------------------------------------

    /** Government puts money into a pool (split between its funders), within the year's budget. */
    @Transactional
    public void fund(String schemeCode, long amountFen, @Nullable String note, SignedInUser user) {
        requireRole(user, Role.GOV, "只有政府部门可以向资金池注资");
        LocalDate today = LocalDate.now(clock);
        Scheme s = schemes.inForce(schemeCode, today).or(() -> schemes.latest(schemeCode))
                .orElseThrow(() -> new NotFoundException("资金池不存在：" + schemeCode));
        if (amountFen <= 0) {
            auditFailure(user, "FUND_POOL", "pool:" + schemeCode, "金额不大于零");
            throw new InvalidRequestException("amount", "注资金额须大于零");
        }
        if (s.budget().yearly() != null) {
            long funded = pools.fundedIn(s, today.getYear());
            long budget = Yuan.toFen(s.budget().yearly());
            if (funded + amountFen > budget) {
                String why = today.getYear() + "年已注资 " + Yuan.grouped(funded) + "，再注 " + Yuan.grouped(amountFen)
                        + " 将超过年度预算 " + Yuan.grouped(budget);
                auditFailure(user, "FUND_POOL", "pool:" + schemeCode, why);
                throw new InvalidRequestException("amount", why);
            }
        }
        String text = note == null || note.isBlank() ? today.getYear() + "年度预算" : note.strip();
        if (text.length() > 200) {
            throw new InvalidRequestException("note", "说明不能超过200个字");
        }
        pools.fund(s, "pool:" + schemeCode + ":fund:" + UUID.randomUUID(), amountFen, today, text, user.username());
        audit.record(user.username(), user.organisationId(), "FUND_POOL", "pool:" + schemeCode, Outcome.SUCCESS,
                Yuan.grouped(amountFen) + " " + text);
    }

    @Transactional(readOnly = true)
    public PoolFigures pool(String schemeCode) {
        return pools.figures(schemeCode);
    }

    // ---- NPL tolerance ----------------------------------------------------------------------------------------

    /** The bank reports its all-loan NPL ratio of a quarter (a fraction, four places at most); the latest counts. */
    @Transactional
    public void reportOverallNpl(@Nullable String quarter, @Nullable BigDecimal ratio, SignedInUser user) {
        requireRole(user, Role.INSTITUTION, "只有金融机构报送本机构不良率");
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        try {
            LocalDate end = NplTolerance.endOf(quarter);
            if (end.minusMonths(3).plusDays(1).isAfter(today)) {
                errors.put("quarter", "不能报送尚未开始的季度");
            }
        } catch (IllegalArgumentException e) {
            errors.put("quarter", e.getMessage());
        }
        if (ratio == null || ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            errors.put("overallRatio", "不良率须为0至1之间的小数，如 0.0152 表示 1.52%");
        } else if (ratio.stripTrailingZeros().scale() > 4) {
            errors.put("overallRatio", "不良率最多保留4位小数（0.01个百分点）");
        }
        if (!errors.isEmpty()) {
            auditFailure(user, "REPORT_NPL_RATIO", "npl:" + user.organisationId(), String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        loans.reportOverall(user.organisationId(), quarter, ratio, user.username(), clock.instant());
        audit.record(user.username(), user.organisationId(), "REPORT_NPL_RATIO", "npl:" + user.organisationId(),
                Outcome.SUCCESS, quarter + " " + ratio.toPlainString());
    }

    /**
     * The NPL-tolerance board of a quarter (default: the current one), its small-tech figures at the quarter's end or
     * today if earlier: a bank sees its own row, government every lender's.
     */
    @Transactional(readOnly = true)
    public List<NplTolerance.Row> nplBoard(@Nullable String quarter, SignedInUser user) {
        LocalDate today = LocalDate.now(clock);
        String q = quarter == null || quarter.isBlank() ? NplTolerance.quarterOf(today) : quarter.strip();
        LocalDate end;
        try {
            end = NplTolerance.endOf(q);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("quarter", e.getMessage());
        }
        LocalDate at = end.isAfter(today) ? today : end;
        boolean bank = user.hasRole(Role.INSTITUTION);
        if (!bank && !official(user)) {
            throw new AccessDeniedException("只有金融机构和政府部门可以查看不良贷款容忍度");
        }
        Map<UUID, long[]> figures = loans.smallTechAt(at, bank ? user.organisationId() : null);
        Map<UUID, BigDecimal> overall = loans.overall(q);
        Map<UUID, String> names = loans.lenders();
        List<NplTolerance.Row> rows = new ArrayList<>();
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>(figures.keySet());
        ids.addAll(overall.keySet());
        for (UUID id : ids) {
            if (bank && !id.equals(user.organisationId())) {
                continue;
            }
            long[] f = figures.getOrDefault(id, new long[2]);
            String name = names.getOrDefault(id, bank ? user.organisationName()
                    : organisations.find(id).map(OrganisationView::name).orElse(id.toString()));
            rows.add(new NplTolerance.Row(id, name, q, f[0], f[1], overall.get(id), nplTolerance));
        }
        rows.sort(java.util.Comparator.comparing(NplTolerance.Row::flagged).reversed()
                .thenComparing(NplTolerance.Row::institutionName));
        return rows;
    }

    /** The tolerance in force, as a fraction (0.03 for 3 points). */
    public BigDecimal nplTolerance() {
        return nplTolerance;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public FilingView filing(Filing.Id id, SignedInUser user) {
        Filing f = filings.find(id).orElseThrow(FilingNotFound::new);
        if (!official(user) && !f.loan().institutionId().equals(user.organisationId())) {
            throw new FilingNotFound();
        }
        return view(f, user);
    }

    /** The filings of a deal's loan, for its lender and government. */
    @Transactional(readOnly = true)
    public List<FilingView> filingsOfDeal(UUID dealId, SignedInUser user) {
        return filings.ofDeal(dealId).stream()
                .filter(f -> official(user) || f.loan().institutionId().equals(user.organisationId()))
                .map(f -> view(f, user)).toList();
    }

    @Transactional(readOnly = true)
    public List<FilingView> filings(@Nullable FilingStatus status, SignedInUser user) {
        requireRole(user, Role.INSTITUTION, "只有金融机构有自己的备案贷款");
        return filings.ofInstitution(user.organisationId(), status, 500).stream().map(f -> view(f, user)).toList();
    }

    @Transactional(readOnly = true)
    public ClaimView claimView(Claim.Id id, SignedInUser user) {
        Claim c = claims.find(id).orElseThrow(ClaimNotFound::new);
        if (!official(user) && !c.application().institutionId().equals(user.organisationId())) {
            throw new ClaimNotFound();
        }
        return view(c, user, true);
    }

    @Transactional(readOnly = true)
    public BankBoard bankBoard(SignedInUser user) {
        requireRole(user, Role.INSTITUTION, "只有金融机构有风险补偿台账");
        List<FilingView> all = filings.ofInstitution(user.organisationId(), null, 500).stream()
                .map(f -> view(f, user)).toList();
        List<FilingView> filed = all.stream().filter(f -> f.status() == FilingStatus.FILED).toList();
        long exposure = filed.stream().mapToLong(f -> f.outstandingFen() == null ? f.amountFen() : f.outstandingFen())
                .sum();
        long commitment = filed.stream().filter(f -> f.loanStatus() != LoanStatus.REPAID && f.claimId() == null)
                .mapToLong(f -> f.commitmentFen() == null ? 0 : f.commitmentFen()).sum();
        int year = LocalDate.now(clock).getYear();
        List<LossRatioView> ratios = new ArrayList<>();
        filed.stream().map(FilingView::schemeCode).distinct().sorted().forEach(code -> ratios.add(lossRatio(code,
                user.organisationId(), year)));
        return new BankBoard(all.stream().filter(f -> f.status() == FilingStatus.OFFERED).toList(), filed,
                all.stream().filter(f -> f.status() == FilingStatus.INELIGIBLE).toList(), exposure, commitment,
                claims.ofInstitution(user.organisationId(), 200).stream().map(c -> view(c, user, false)).toList(),
                ratios);
    }

    @Transactional(readOnly = true)
    public LossRatioView lossRatio(String schemeCode, UUID bank, int year) {
        Scheme s = schemes.forYear(schemeCode, year).or(() -> schemes.latest(schemeCode)).orElseThrow();
        long loss = claims.claimedLoss(schemeCode, bank, year);
        long filed = filings.filedPrincipal(schemeCode, bank, year);
        BigDecimal threshold = s.suspension() == null ? null : s.suspension().lossRatioAbove();
        return new LossRatioView(schemeCode, s.name(), year, loss, filed, Compensation.lossRatio(loss, filed),
                threshold, threshold != null && Compensation.exceeds(loss, filed, threshold));
    }

    @Transactional(readOnly = true)
    public GovBoard govBoard(SignedInUser user) {
        if (!official(user)) {
            throw new AccessDeniedException("只有政府部门可以查看资金池");
        }
        LocalDate today = LocalDate.now(clock);
        List<GovBoard.Pool> list = new ArrayList<>();
        schemes.schemes().stream().map(Scheme::code).distinct().forEach(code -> {
            Scheme s = schemes.inForce(code, today).or(() -> schemes.latest(code)).orElseThrow();
            list.add(new GovBoard.Pool(s, pools.figures(code), pools.fundedIn(s, today.getYear())));
        });
        return new GovBoard(list, views(claims.withStatus(ClaimStatus.UNDER_REVIEW, 200), user),
                views(claims.withStatus(ClaimStatus.APPROVED, 200), user),
                views(claims.withStatus(ClaimStatus.HELD, 200), user), views(claims.recent(20), user));
    }

    private List<ClaimView> views(List<Claim> list, SignedInUser user) {
        return list.stream().map(c -> view(c, user, false)).toList();
    }

    // ---- views ------------------------------------------------------------------------------------------------

    private FilingView view(Filing f, SignedInUser user) {
        Scheme s = scheme(f);
        boolean own = f.loan().institutionId().equals(user.organisationId()) && user.hasRole(Role.INSTITUTION);
        UUID claimId = f.status() == FilingStatus.FILED ? claims.liveOfLoan(f.loan().institutionId(),
                f.loan().loanNumber()).map(c -> c.id().value()).orElse(null) : null;
        boolean canFile = own && f.status() == FilingStatus.OFFERED && !LocalDate.now(clock).isAfter(f.fileBy());
        boolean canClaim = own && f.status() == FilingStatus.FILED && claimId == null
                && f.loanStatus() == LoanStatus.valueOf(s.claim().loanStatus());
        return new FilingView(f.id().value(), s.code(), s.version(), s.name(), s.example(), f.origin(),
                f.loan().dealId(), f.loan().loanNumber(), f.loan().institutionId(), f.loan().institutionName(),
                f.loan().enterpriseCreditCode(), f.loan().enterpriseName(), f.loan().productType(),
                Eligibility.productLabel(f.loan().productType()), f.loan().amountFen(), f.loan().disbursedOn(),
                f.loan().maturityOn(), f.loan().termMonths(), f.loan().annualRatePercent(), f.loan().guarantee(),
                f.features().stream().sorted().toList(), f.status(), f.failedRules(), f.fileBy(), f.filedAt(),
                f.filedBy(), f.expectedRatio(), f.commitmentFen(), f.loanStatus(), f.loanStatusOn(),
                f.outstandingFen(), claimId, canFile, canClaim, Eligibility.DECLARABLE.stream().sorted().toList(),
                s.claim().documents(), s.claim().lawsuitRequired(), s.claim().minOverdueDays());
    }

    private ClaimView view(Claim c, SignedInUser user, boolean details) {
        Set<ClaimView.Action> actions = EnumSet.noneOf(ClaimView.Action.class);
        boolean gov = user.hasRole(Role.GOV);
        boolean own = user.hasRole(Role.INSTITUTION) && c.application().institutionId().equals(user.organisationId());
        List<RecoveryView> recoveries = details ? claims.recoveries(c.id()) : List.of();
        if (gov) {
            switch (c.status()) {
                case UNDER_REVIEW -> actions.add(ClaimView.Action.REVIEW);
                case APPROVED -> actions.add(ClaimView.Action.PAY);
                case HELD -> actions.add(ClaimView.Action.RELEASE);
                default -> { }
            }
            if (recoveries.stream().anyMatch(r -> !r.remitted())) {
                actions.add(ClaimView.Action.CONFIRM_REMITTANCE);
            }
        }
        if (own && c.status() == ClaimStatus.PAID && c.recoveredFen() < c.application().lossFen()) {
            actions.add(ClaimView.Action.RECORD_RECOVERY);
        }
        List<ClaimView.ShareView> shares = c.shares().stream().map(s -> new ClaimView.ShareView(s.filingId(),
                s.schemeCode(), schemes.version(s.schemeCode(), s.schemeVersion()).map(Scheme::name)
                        .orElse(s.schemeCode()), s.schemeVersion(), s.ratio(), s.ownFen(), s.amountFen(),
                s.calculation(), s.status(), s.returnedFen())).toList();
        Claim.Application a = c.application();
        boolean reviewing = c.status() == ClaimStatus.UNDER_REVIEW;
        return new ClaimView(c.id().value(), a.institutionId(), a.institutionName(), a.loanNumber(), a.dealId(),
                a.enterpriseCreditCode(), a.enterpriseName(), a.loanAmountFen(), a.lossFen(), a.overdueSince(),
                a.lawsuitCaseNo(), a.lawsuitAcceptedOn(), a.documents(), a.note(), c.claimYear(), c.submittedAt(),
                c.submittedBy(), c.status(), c.reviewSteps(), c.stepIndex(), reviewing ? c.currentStep().name() : null,
                c.stepDeadline(), reviewing && c.stepDeadline() != null && c.stepDeadline().isBefore(clock.instant()),
                c.entitlementFen(), c.recoveredFen(), shares, details ? claims.history(c.id()) : List.of(), recoveries,
                actions);
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private Scheme scheme(Filing f) {
        return schemes.version(f.schemeCode(), f.schemeVersion())
                .orElseThrow(() -> new IllegalStateException("scheme version missing: " + f.schemeCode() + " v"
                        + f.schemeVersion()));
    }

    private Filing banksOwnFiling(Filing.Id id, SignedInUser user, String action) {
        Filing f = filings.findForUpdate(id).orElseThrow(FilingNotFound::new);
        if (!user.hasRole(Role.INSTITUTION) || !f.loan().institutionId().equals(user.organisationId())) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    "非本机构的贷款");
            if (official(user)) {
                throw new AccessDeniedException("只有放款机构可以办理");
            }
            throw new FilingNotFound();
        }
        return f;
    }

    private Claim banksOwnClaim(Claim.Id id, SignedInUser user, String action) {
        Claim c = claims.findForUpdate(id).orElseThrow(ClaimNotFound::new);
        if (!user.hasRole(Role.INSTITUTION) || !c.application().institutionId().equals(user.organisationId())) {
            audit.recordIndependently(user.username(), user.organisationId(), action, claimTarget(id),
                    Outcome.DENIED, "非本机构的补偿申请");
            if (official(user)) {
                throw new AccessDeniedException("只有申请机构可以办理");
            }
            throw new ClaimNotFound();
        }
        return c;
    }

    private Claim governmentClaim(Claim.Id id, SignedInUser user, String action) {
        Claim c = claims.findForUpdate(id).orElseThrow(ClaimNotFound::new);
        if (!user.hasRole(Role.GOV)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, claimTarget(id),
                    Outcome.DENIED, "非政府部门");
            if (c.application().institutionId().equals(user.organisationId()) || user.hasRole(Role.ADMIN)) {
                throw new AccessDeniedException("只有政府部门可以审核和拨付补偿");
            }
            throw new ClaimNotFound();
        }
        return c;
    }

    /** Runs a state change; a refused one is audited (FAILURE, in its own transaction) and answered 409 or 400. */
    private <T> T guarded(SignedInUser user, String action, String target, Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalStateException e) {
            auditFailure(user, action, target, e.getMessage());
            throw InvalidRequestException.conflict("status", String.valueOf(e.getMessage()));
        } catch (InvalidRequestException e) {
            auditFailure(user, action, target, e.fieldErrors().isEmpty() ? String.valueOf(e.getMessage())
                    : String.join("；", e.fieldErrors().values()));
            throw e;
        }
    }

    private void auditFailure(SignedInUser user, String action, String target, @Nullable String why) {
        audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.FAILURE, why);
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }

    private static void requireRole(SignedInUser user, Role role, String message) {
        if (!user.hasRole(role)) {
            throw new AccessDeniedException(message);
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String target(Filing.Id id) {
        return "filing:" + id.value();
    }

    static String claimTarget(Claim.Id id) {
        return "claim:" + id.value();
    }

    private static final class FilingNotFound extends NotFoundException {
        FilingNotFound() {
            super("备案记录不存在");
        }
    }

    private static final class ClaimNotFound extends NotFoundException {
        ClaimNotFound() {
            super("补偿申请不存在");
        }
    }
}
