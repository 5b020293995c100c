package org.sanrong.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.catalog.ProductRef;
import org.sanrong.platform.Fen;
import org.sanrong.platform.InvalidRequestException;

/**
 * 对接案件: one enterprise and one institution's product, from application or pick-up to an outcome. Each state change is
 * a named method that checks the current state (an illegal move throws {@link IllegalStateException}, which callers
 * answer with 409), changes it, adds a line to the timeline and registers the event other modules read.
 */
public final class Deal {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    /** Who the deal is between and what it is about; fixed when it opens. */
    public record Parties(@Nullable UUID demandId, boolean oneLender, String enterpriseCreditCode,
            String enterpriseName, org.sanrong.enterprise.@Nullable LifecycleStage enterpriseStage,
            UUID enterpriseOrganisationId, UUID institutionId, String institutionName,
            ProductRef product, String productName, String productType, FinancingKind kind) {
    }

    /** A line of the timeline, as it will be stored. */
    record Step(Instant at, String actor, String kind, @Nullable String detail) {
    }

    private final Id id;
    private final DealOrigin origin;
    private final Parties parties;
    private final long amountFen;
    private final @Nullable Integer termMonths;
    private final @Nullable String purpose;
    private final Instant openedAt;
    private final @Nullable String sourceRef;
    private DealStatus status;
    private @Nullable Instant deadline;
    private @Nullable Instant pickedUpAt;
    private @Nullable Instant decidedAt;
    private @Nullable Offer offer;
    private @Nullable DeclineReason declineReason;
    private @Nullable String declineNote;
    private @Nullable String materialsRequest;
    private @Nullable Instant closedAt;
    private @Nullable String closedNote;
    private @Nullable Disbursement disbursement;
    private @Nullable Investment investment;
    private @Nullable LoanStatus loanStatus;
    private @Nullable LocalDate loanStatusOn;
    private @Nullable Long outstandingFen;
    private int version;
    private final List<Step> steps = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    Deal(Id id, DealOrigin origin, Parties parties, long amountFen, @Nullable Integer termMonths,
            @Nullable String purpose, Instant openedAt, DealStatus status, @Nullable Instant deadline,
            @Nullable Instant pickedUpAt, @Nullable Instant decidedAt, @Nullable Offer offer,
            @Nullable DeclineReason declineReason, @Nullable String declineNote, @Nullable String materialsRequest,
            @Nullable Instant closedAt, @Nullable String closedNote, @Nullable Disbursement disbursement,
            @Nullable Investment investment, @Nullable LoanStatus loanStatus, @Nullable LocalDate loanStatusOn,
            @Nullable Long outstandingFen, int version, @Nullable String sourceRef) {
        this.id = id;
        this.sourceRef = sourceRef;
        this.origin = origin;
        this.parties = parties;
        this.amountFen = amountFen;
        this.termMonths = termMonths;
        this.purpose = purpose;
        this.openedAt = openedAt;
        this.status = status;
        this.deadline = deadline;
        this.pickedUpAt = pickedUpAt;
        this.decidedAt = decidedAt;
        this.offer = offer;
        this.declineReason = declineReason;
        this.declineNote = declineNote;
        this.materialsRequest = materialsRequest;
        this.closedAt = closedAt;
        this.closedNote = closedNote;
        this.disbursement = disbursement;
        this.investment = investment;
        this.loanStatus = loanStatus;
        this.loanStatusOn = loanStatusOn;
        this.outstandingFen = outstandingFen;
        this.version = version;
    }

    /**
     * A new deal. An application or a referral waits for the institution to pick it up; a pick-up starts under
     * review. Either way the institution's clock runs until {@code deadline}.
     */
    static Deal open(DealOrigin origin, Parties parties, long amountFen, @Nullable Integer termMonths,
            @Nullable String purpose, String actor, Instant now, Instant deadline) {
        return open(origin, parties, amountFen, termMonths, purpose, actor, now, deadline, null);
    }

    /**
     * As above, with where it came from outside the deal module ({@code roadshow:<eventId>}) and, for a roadshow deal,
     * no deadline: the investor is not answering a waiting application.
     */
    static Deal open(DealOrigin origin, Parties parties, long amountFen, @Nullable Integer termMonths,
            @Nullable String purpose, String actor, Instant now, @Nullable Instant deadline,
            @Nullable String sourceRef) {
        if (amountFen <= 0) {
            throw new InvalidRequestException("amountFen", "申请金额须大于零");
        }
        if (amountFen > Fen.MAX) {
            throw new InvalidRequestException("amountFen", "金额过大，请核对单位（万元）");
        }
        if (termMonths != null && (termMonths < 1 || termMonths > 360)) {
            throw new InvalidRequestException("termMonths", "期限须在1至360个月之间");
        }
        String p = purpose == null || purpose.isBlank() ? null : purpose.strip();
        if (p != null && p.length() > 500) {
            throw new InvalidRequestException("purpose", "资金用途说明不能超过500个字");
        }
        boolean underReview = origin == DealOrigin.PICK_UP || origin == DealOrigin.ROADSHOW;
        DealStatus status = underReview ? DealStatus.UNDER_REVIEW : DealStatus.AWAITING_PICKUP;
        Deal deal = new Deal(Id.random(), origin, parties, amountFen, termMonths, p, now, status, deadline,
                underReview ? now : null, null, null, null, null, null, null, null, null, null, null,
                null, null, 0, sourceRef);
        deal.step(now, actor, origin.name(), Fen.formatWan(amountFen));
        deal.events.add(new DealOpened(deal.id.value(), origin, parties.demandId(), parties.enterpriseCreditCode(),
                parties.institutionId(), parties.product().productId(), parties.product().version(), amountFen, now));
        return deal;
    }

    /** AWAITING_PICKUP → UNDER_REVIEW; the decision clock starts. */
    void pickUp(String actor, Instant now, Instant decideBy) {
        require(DealStatus.AWAITING_PICKUP, "只有待受理的申请可以接单");
        status = DealStatus.UNDER_REVIEW;
        pickedUpAt = now;
        deadline = decideBy;
        step(now, actor, "PICKED_UP", null);
    }

    /** UNDER_REVIEW → MATERIALS_REQUESTED: the clock waits for the enterprise. */
    void requestMaterials(String request, String actor, Instant now) {
        require(DealStatus.UNDER_REVIEW, "只有审批中的申请可以要求补充材料");
        String r = text(request, "request", "请说明需要补充的材料", 1000);
        status = DealStatus.MATERIALS_REQUESTED;
        materialsRequest = r;
        deadline = null;
        step(now, actor, "MATERIALS_REQUESTED", r);
    }

    /** MATERIALS_REQUESTED → UNDER_REVIEW with a fresh decision clock (none for a roadshow deal). */
    void provideMaterials(String note, String actor, Instant now, @Nullable Instant decideBy) {
        require(DealStatus.MATERIALS_REQUESTED, "机构没有要求补充材料");
        String n = text(note, "note", "请说明已补充的材料", 1000);
        status = DealStatus.UNDER_REVIEW;
        deadline = decideBy;
        step(now, actor, "MATERIALS_PROVIDED", n);
    }

    /** UNDER_REVIEW → OFFERED; the offer is checked against the product's kind. */
    void approve(Offer terms, String actor, Instant now) {
        require(DealStatus.UNDER_REVIEW, "只有审批中的申请可以批复");
        terms.check(parties.kind());
        status = DealStatus.OFFERED;
        offer = terms;
        decidedAt = now;
        deadline = null;
        step(now, actor, "APPROVED", Fen.formatWan(terms.amountFen()));
        events.add(decided(true, now));
    }

    /** AWAITING_PICKUP or UNDER_REVIEW → DECLINED, with a standard reason ({@code OTHER} needs a note). */
    void decline(DeclineReason reason, @Nullable String note, String actor, Instant now) {
        if (status != DealStatus.UNDER_REVIEW && status != DealStatus.AWAITING_PICKUP
                && status != DealStatus.MATERIALS_REQUESTED) {
            throw new IllegalStateException("该申请已" + label() + "，不能再作拒绝决定");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (reason == DeclineReason.OTHER && n == null) {
            throw new InvalidRequestException("note", "选择“其他”时请说明原因");
        }
        if (n != null && n.length() > 500) {
            throw new InvalidRequestException("note", "说明不能超过500个字");
        }
        status = DealStatus.DECLINED;
        declineReason = reason;
        declineNote = n;
        decidedAt = now;
        closedAt = now;
        deadline = null;
        step(now, actor, "DECLINED", reason.label() + (n == null ? "" : "：" + n));
        events.add(decided(false, now));
    }

    /** OFFERED → ACCEPTED. */
    void acceptOffer(String actor, Instant now) {
        require(DealStatus.OFFERED, "没有待确认的批复");
        status = DealStatus.ACCEPTED;
        step(now, actor, "OFFER_ACCEPTED", null);
    }

    /** OFFERED → OFFER_DECLINED. */
    void declineOffer(@Nullable String note, String actor, Instant now) {
        require(DealStatus.OFFERED, "没有待确认的批复");
        status = DealStatus.OFFER_DECLINED;
        closedAt = now;
        closedNote = optionalText(note, 500);
        step(now, actor, "OFFER_DECLINED", closedNote);
    }

    /** The enterprise walks away, at any point before the money moves: no lock-in. */
    void withdraw(@Nullable String reason, String actor, Instant now) {
        if (!status.active()) {
            throw new IllegalStateException("该申请已" + label() + "，不能撤回");
        }
        status = DealStatus.WITHDRAWN;
        closedAt = now;
        closedNote = optionalText(reason, 500);
        deadline = null;
        step(now, actor, "WITHDRAWN", closedNote);
    }

    /** The institution's clock ran out (checked against {@code now} here, not trusted from the caller). */
    void markOverdue(Instant now) {
        if (!status.institutionClockRuns() || deadline == null || !deadline.isBefore(now)) {
            throw new IllegalStateException("该申请未超时");
        }
        DealStatus missed = status;
        status = DealStatus.OVERDUE;
        closedAt = now;
        step(now, "system", "OVERDUE", missed == DealStatus.AWAITING_PICKUP ? "未在时限内接单" : "未在时限内作出决定");
        events.add(new DealOverdue(id.value(), parties.demandId(), parties.institutionId(),
                parties.enterpriseCreditCode(), missed));
        deadline = null;
    }

    /** The demand ended elsewhere before this institution picked it up. */
    void supersede(String why, Instant now) {
        require(DealStatus.AWAITING_PICKUP, "只有待受理的申请可以因需求结束而关闭");
        status = DealStatus.SUPERSEDED;
        closedAt = now;
        closedNote = why;
        deadline = null;
        step(now, "system", "SUPERSEDED", why);
    }

    /**
     * ACCEPTED → FUNDED for a loan or lease: no more than approved, not before the approval, not in the future,
     * maturing after it is paid out.
     */
    void recordDisbursement(Disbursement d, String actor, Instant now, LocalDate today, LocalDate decidedOn) {
        require(DealStatus.ACCEPTED, "只有企业已接受批复的申请可以登记放款");
        if (parties.kind() == FinancingKind.EQUITY) {
            throw new IllegalStateException("股权投资请登记投资，而不是放款");
        }
        if (!d.missing().isEmpty()) {
            throw new InvalidRequestException(d.missing());
        }
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (d.loanNumber().isEmpty()) {
            errors.put("loanNumber", "请填写机构的借据号或合同号");
        } else if (d.loanNumber().length() > 64) {
            errors.put("loanNumber", "借据号不能超过64个字符");
        }
        Offer approved = java.util.Objects.requireNonNull(offer);
        if (d.amountFen() <= 0) {
            errors.put("amountFen", "放款金额须大于零");
        } else if (d.amountFen() > approved.amountFen()) {
            errors.put("amountFen", "放款金额 " + Fen.formatWan(d.amountFen()) + " 超过批复金额 "
                    + Fen.formatWan(approved.amountFen()));
        }
        if (d.disbursedOn().isBefore(decidedOn)) {
            errors.put("disbursedOn", "放款日期不能早于批复日期 " + decidedOn);
        } else if (d.disbursedOn().isAfter(today)) {
            errors.put("disbursedOn", "放款日期不能晚于今天");
        }
        if (!d.maturityOn().isAfter(d.disbursedOn())) {
            errors.put("maturityOn", "到期日须晚于放款日期");
        }
        if (d.annualRatePercent().signum() < 0 || d.annualRatePercent().compareTo(BigDecimal.valueOf(36)) > 0) {
            errors.put("annualRatePercent", "年化利率须在0%至36%之间");
        }
        if (d.termMonths() < 1 || d.termMonths() > 360) {
            errors.put("termMonths", "期限须在1至360个月之间");
        }
        if (d.guarantee() != null && d.guarantee().length() > 200) {
            errors.put("guarantee", "担保方式不能超过200个字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        status = DealStatus.FUNDED;
        disbursement = d;
        loanStatus = LoanStatus.NORMAL;
        loanStatusOn = d.disbursedOn();
        outstandingFen = d.amountFen();
        closedAt = now;
        step(now, actor, "DISBURSED", d.loanNumber() + " " + Fen.formatWan(d.amountFen()));
        events.add(new LoanDisbursed(id.value(), d.loanNumber(), parties.institutionId(),
                parties.enterpriseCreditCode(), parties.product().productId(), parties.productType(), d.amountFen(),
                d.annualRatePercent(), d.termMonths(), d.disbursedOn(), d.maturityOn(), d.guarantee()));
    }

    /** ACCEPTED → FUNDED for equity. */
    void recordInvestment(Investment i, String actor, Instant now, LocalDate today, LocalDate decidedOn) {
        require(DealStatus.ACCEPTED, "只有企业已接受批复的申请可以登记投资");
        if (parties.kind() != FinancingKind.EQUITY) {
            throw new IllegalStateException("债权类产品请登记放款，而不是投资");
        }
        if (!i.missing().isEmpty()) {
            throw new InvalidRequestException(i.missing());
        }
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        Offer approved = java.util.Objects.requireNonNull(offer);
        if (i.amountFen() <= 0) {
            errors.put("amountFen", "投资金额须大于零");
        } else if (i.amountFen() > approved.amountFen()) {
            errors.put("amountFen", "投资金额 " + Fen.formatWan(i.amountFen()) + " 超过批复金额 "
                    + Fen.formatWan(approved.amountFen()));
        }
        if (i.stakePercent() == null || i.stakePercent().signum() <= 0
                || i.stakePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.put("stakePercent", "占股比例须大于0%且不超过100%");
        }
        if (i.investedOn().isBefore(decidedOn)) {
            errors.put("investedOn", "投资日期不能早于批复日期 " + decidedOn);
        } else if (i.investedOn().isAfter(today)) {
            errors.put("investedOn", "投资日期不能晚于今天");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        status = DealStatus.FUNDED;
        investment = i;
        closedAt = now;
        step(now, actor, "INVESTED", Fen.formatWan(i.amountFen()) + " " + i.stakePercent().toPlainString() + "%");
        events.add(new InvestmentRecorded(id.value(), parties.institutionId(), parties.enterpriseCreditCode(),
                parties.product().productId(), i.amountFen(), i.stakePercent(), i.investedOn()));
    }

    /** A repayment status of a funded loan as of a date; nothing after 已结清, and never back in time. */
    void reportLoanStatus(LoanStatus next, LocalDate asOf, @Nullable Long outstanding, String actor, Instant now,
            LocalDate today) {
        if (status != DealStatus.FUNDED || disbursement == null) {
            throw new IllegalStateException("只有已放款的贷款可以报送还款状态");
        }
        if (loanStatus == LoanStatus.REPAID) {
            throw new IllegalStateException("贷款已结清，不能再报送");
        }
        if (asOf.isAfter(today)) {
            throw new InvalidRequestException("asOf", "报送日期不能晚于今天");
        }
        if (loanStatusOn != null && asOf.isBefore(loanStatusOn)) {
            throw new InvalidRequestException("asOf", "报送日期不能早于上次报送的 " + loanStatusOn);
        }
        Long left = next == LoanStatus.REPAID ? Long.valueOf(0L) : outstanding;
        if (left != null && (left < 0 || left > disbursement.amountFen())) {
            throw new InvalidRequestException("outstandingFen", "贷款余额须在0至放款金额之间");
        }
        loanStatus = next;
        loanStatusOn = asOf;
        outstandingFen = left;
        step(now, actor, "LOAN_STATUS", next.label() + (left == null ? "" : " 余额 " + Fen.formatWan(left)));
        events.add(new LoanStatusReported(id.value(), disbursement.loanNumber(), parties.institutionId(),
                parties.enterpriseCreditCode(), next, asOf, left));
    }

    private ApplicationDecided decided(boolean approved, Instant now) {
        return new ApplicationDecided(id.value(), parties.institutionId(), parties.product().productId(),
                parties.enterpriseCreditCode(), approved, declineReason, now);
    }

    private void require(DealStatus expected, String message) {
        if (status != expected) {
            throw new IllegalStateException(message + "（当前：" + label() + "）");
        }
    }

    private String label() {
        return switch (status) {
            case AWAITING_PICKUP -> "待受理";
            case UNDER_REVIEW -> "审批中";
            case MATERIALS_REQUESTED -> "待补充材料";
            case OFFERED -> "批复待确认";
            case ACCEPTED -> "待放款";
            case FUNDED -> parties.kind() == FinancingKind.EQUITY ? "已投资" : "已放款";
            case DECLINED -> "未获批准";
            case OFFER_DECLINED -> "企业已放弃";
            case WITHDRAWN -> "已撤回";
            case OVERDUE -> "超时未处理";
            case SUPERSEDED -> "需求已结束";
        };
    }

    private static String text(@Nullable String value, String field, String missing, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, missing);
        }
        if (value.strip().length() > max) {
            throw new InvalidRequestException(field, "不能超过" + max + "个字");
        }
        return value.strip();
    }

    private static @Nullable String optionalText(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new InvalidRequestException("note", "说明不能超过" + max + "个字");
        }
        return value.strip();
    }

    private void step(Instant at, String actor, String kind, @Nullable String detail) {
        steps.add(new Step(at, actor, kind, detail));
    }

    List<Step> drainSteps() {
        List<Step> out = List.copyOf(steps);
        steps.clear();
        return out;
    }

    List<Object> drainEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public Id id() { return id; }
    public DealOrigin origin() { return origin; }
    public Parties parties() { return parties; }
    public long amountFen() { return amountFen; }
    public @Nullable Integer termMonths() { return termMonths; }
    public @Nullable String purpose() { return purpose; }
    public Instant openedAt() { return openedAt; }
    /** Where the deal came from outside the deal module, e.g. {@code roadshow:<eventId>}; null for the others. */
    public @Nullable String sourceRef() { return sourceRef; }
    public DealStatus status() { return status; }
    public @Nullable Instant deadline() { return deadline; }
    public @Nullable Instant pickedUpAt() { return pickedUpAt; }
    public @Nullable Instant decidedAt() { return decidedAt; }
    public @Nullable Offer offer() { return offer; }
    public @Nullable DeclineReason declineReason() { return declineReason; }
    public @Nullable String declineNote() { return declineNote; }
    public @Nullable String materialsRequest() { return materialsRequest; }
    public @Nullable Instant closedAt() { return closedAt; }
    public @Nullable String closedNote() { return closedNote; }
    public @Nullable Disbursement disbursement() { return disbursement; }
    public @Nullable Investment investment() { return investment; }
    public @Nullable LoanStatus loanStatus() { return loanStatus; }
    public @Nullable LocalDate loanStatusOn() { return loanStatusOn; }
    public @Nullable Long outstandingFen() { return outstandingFen; }
    int version() { return version; }
    void versionSaved(int v) { version = v; }
}
