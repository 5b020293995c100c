package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * 补偿申请: a bank's claim on a non-performing filed loan, with each pool's share computed when it is filed and shown
 * with its calculation. Review goes step by step, each step by a different person (经办与复核分离) within its
 * working days; a further approval step is added when the entitlement is large. Named state changes check the
 * current state ({@link IllegalStateException}, answered 409) and add a line to the claim's history.
 */
public final class Claim {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    /** One pool's part: its ratio and amount, the calculation in words, and how much of recoveries went back to it. */
    public record Share(UUID filingId, String schemeCode, int schemeVersion, int payOrder, BigDecimal ratio,
            long ownFen, long amountFen, List<String> calculation, ShareStatus status, long returnedFen) {

        public Share {
            calculation = List.copyOf(calculation);
        }

        Share with(ShareStatus s) {
            return new Share(filingId, schemeCode, schemeVersion, payOrder, ratio, ownFen, amountFen, calculation, s,
                    returnedFen);
        }

        Share returned(long fen) {
            return new Share(filingId, schemeCode, schemeVersion, payOrder, ratio, ownFen, amountFen, calculation,
                    status, returnedFen + fen);
        }
    }

    public enum ShareStatus { PENDING, APPROVED, HELD, PAID, REJECTED }

    /** What the bank states and attaches. */
    public record Application(UUID institutionId, String institutionName, String loanNumber, @Nullable UUID dealId,
            String enterpriseCreditCode, String enterpriseName, long loanAmountFen, long lossFen,
            @Nullable LocalDate overdueSince, @Nullable String lawsuitCaseNo, @Nullable LocalDate lawsuitAcceptedOn,
            List<String> documents, @Nullable String note) {

        public Application {
            documents = List.copyOf(documents);
        }
    }

    /** A line of the claim's history, as it will be stored. */
    record Step(Instant at, String actor, String kind, @Nullable String stepName, @Nullable String detail) {
    }

    /** A review step as frozen on the claim: its name and working days. */
    public record ReviewStep(String name, int workingDays) {
    }

    private final Id id;
    private final Application application;
    private final int claimYear;
    private final Instant submittedAt;
    private final String submittedBy;
    private ClaimStatus status;
    private final List<ReviewStep> reviewSteps;
    private int stepIndex;
    private @Nullable Instant stepStartedAt;
    private @Nullable Instant stepDeadline;
    private final long entitlementFen;
    private long recoveredFen;
    private @Nullable Instant closedAt;
    private final List<Share> shares;
    private int version;
    private final List<Step> steps = new ArrayList<>();

    Claim(Id id, Application application, int claimYear, Instant submittedAt, String submittedBy, ClaimStatus status,
            List<ReviewStep> reviewSteps, int stepIndex, @Nullable Instant stepStartedAt,
            @Nullable Instant stepDeadline, long entitlementFen, long recoveredFen, @Nullable Instant closedAt,
            List<Share> shares, int version) {
        this.id = id;
        this.application = application;
        this.claimYear = claimYear;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.status = status;
        this.reviewSteps = List.copyOf(reviewSteps);
        this.stepIndex = stepIndex;
        this.stepStartedAt = stepStartedAt;
        this.stepDeadline = stepDeadline;
        this.entitlementFen = entitlementFen;
        this.recoveredFen = recoveredFen;
        this.closedAt = closedAt;
        this.shares = new ArrayList<>(shares);
        this.version = version;
    }

    /** A new claim, under review from its first step. */
    static Claim submit(Application a, List<Share> shares, List<ReviewStep> reviewSteps, String actor, Instant now,
            LocalDate today, Instant firstDeadline) {
        long total = shares.stream().mapToLong(Share::amountFen).sum();
        Claim c = new Claim(Id.random(), a, today.getYear(), now, actor, ClaimStatus.UNDER_REVIEW, reviewSteps, 0, now,
                firstDeadline, total, 0, null, shares, 0);
        c.step(now, actor, "SUBMITTED", null, "申请补偿：损失 " + Yuan.grouped(a.lossFen()) + "，测算补偿 "
                + Yuan.grouped(total));
        return c;
    }

    /**
     * The current step's decision. The reviewer must not have reviewed an earlier step of this claim. Answers true
     * when this was the last step and the claim is approved.
     */
    boolean review(boolean approve, @Nullable String note, String actor, List<String> earlierReviewers, Instant now,
            java.util.function.Function<Integer, Instant> deadlineIn) {
        if (status != ClaimStatus.UNDER_REVIEW) {
            throw new IllegalStateException("该申请" + status.label() + "，不在审核中");
        }
        if (earlierReviewers.contains(actor)) {
            throw InvalidRequestException.conflict("reviewer", "经办与复核须由不同人员办理：您已审核过本申请的前一步骤，"
                    + "不能再审核“" + currentStep().name() + "”");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 500) {
            throw new InvalidRequestException("note", "审核意见不能超过500个字");
        }
        if (!approve && n == null) {
            throw new InvalidRequestException("note", "不予通过时请写明理由");
        }
        String stepName = currentStep().name();
        if (!approve) {
            status = ClaimStatus.REJECTED;
            closedAt = now;
            stepDeadline = null;
            shares.replaceAll(s -> s.with(ShareStatus.REJECTED));
            step(now, actor, "REJECTED", stepName, n);
            return false;
        }
        step(now, actor, "REVIEWED", stepName, n == null ? "通过" : "通过：" + n);
        if (stepIndex + 1 < reviewSteps.size()) {
            stepIndex++;
            stepStartedAt = now;
            stepDeadline = deadlineIn.apply(currentStep().workingDays());
            return false;
        }
        status = ClaimStatus.APPROVED;
        stepDeadline = null;
        shares.replaceAll(s -> s.amountFen() == 0 ? s.with(ShareStatus.PAID) : s.with(ShareStatus.APPROVED));
        return true;
    }

    /** The pool's share is held: the bank's loss ratio of the year exceeds the threshold. */
    void hold(String schemeCode, String why, String actor, Instant now) {
        boolean changed = false;
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            if (s.schemeCode().equals(schemeCode) && s.status() == ShareStatus.APPROVED) {
                shares.set(i, s.with(ShareStatus.HELD));
                changed = true;
            }
        }
        if (!changed) {
            throw new IllegalStateException("没有可暂缓的已批准份额");
        }
        status = ClaimStatus.HELD;
        step(now, actor, "HELD", null, why);
    }

    /** A held share may be paid again. */
    void release(String schemeCode, String actor, Instant now) {
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            if (s.schemeCode().equals(schemeCode) && s.status() == ShareStatus.HELD) {
                shares.set(i, s.with(ShareStatus.APPROVED));
            }
        }
        if (shares.stream().noneMatch(s -> s.status() == ShareStatus.HELD)) {
            status = ClaimStatus.APPROVED;
        }
        step(now, actor, "RELEASED", null, schemeCode + " 亏损率已不超过阈值，解除暂缓");
    }

    /** A share is paid; the claim is PAID when none is left to pay. */
    void paid(String schemeCode, String actor, Instant now) {
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            if (s.schemeCode().equals(schemeCode) && s.status() == ShareStatus.APPROVED) {
                shares.set(i, s.with(ShareStatus.PAID));
                step(now, actor, "PAID", null, s.schemeCode() + " 拨付 " + Yuan.grouped(s.amountFen()));
            }
        }
        if (shares.stream().allMatch(s -> s.status() == ShareStatus.PAID)) {
            status = ClaimStatus.PAID;
            closedAt = now;
        } else if (shares.stream().anyMatch(s -> s.status() == ShareStatus.HELD)) {
            status = ClaimStatus.HELD;
        }
    }

    /** Money the bank recovered after compensation; answers each pool's pro-rata part (by what it paid). */
    List<Long> recovered(long amountFen, LocalDate on, String actor, Instant now) {
        if (status != ClaimStatus.PAID) {
            throw new IllegalStateException("只有已拨付的补偿才需返还追偿款（当前：" + status.label() + "）");
        }
        if (amountFen <= 0) {
            throw new InvalidRequestException("amount", "追回金额须大于零");
        }
        if (recoveredFen + amountFen > application.lossFen()) {
            throw new InvalidRequestException("amount", "累计追回 " + Yuan.grouped(recoveredFen + amountFen)
                    + " 超过申请补偿的损失 " + Yuan.grouped(application.lossFen()) + "：追偿款不能多于损失");
        }
        List<Long> parts = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            long part = BigDecimal.valueOf(amountFen).multiply(BigDecimal.valueOf(s.amountFen()))
                    .divide(BigDecimal.valueOf(application.lossFen()), 0, java.math.RoundingMode.HALF_UP).longValue();
            part = Math.min(part, s.amountFen() - s.returnedFen());
            parts.add(part);
            shares.set(i, s.returned(part));
        }
        recoveredFen += amountFen;
        long toPools = parts.stream().mapToLong(Long::longValue).sum();
        step(now, actor, "RECOVERY", null, on + " 追回 " + Yuan.grouped(amountFen) + "，按各方承担比例应返还资金池 "
                + Yuan.grouped(toPools));
        return parts;
    }

    void remitted(long fen, String actor, Instant now) {
        step(now, actor, "REMITTED", null, "资金池确认收到追偿返还 " + Yuan.grouped(fen));
    }

    public ReviewStep currentStep() {
        return reviewSteps.get(Math.min(stepIndex, reviewSteps.size() - 1));
    }

    private void step(Instant at, String actor, String kind, @Nullable String stepName, @Nullable String detail) {
        steps.add(new Step(at, actor, kind, stepName, detail));
    }

    List<Step> drainSteps() {
        List<Step> out = List.copyOf(steps);
        steps.clear();
        return out;
    }

    public Id id() { return id; }
    public Application application() { return application; }
    public int claimYear() { return claimYear; }
    public Instant submittedAt() { return submittedAt; }
    public String submittedBy() { return submittedBy; }
    public ClaimStatus status() { return status; }
    public List<ReviewStep> reviewSteps() { return reviewSteps; }
    public int stepIndex() { return stepIndex; }
    public @Nullable Instant stepStartedAt() { return stepStartedAt; }
    public @Nullable Instant stepDeadline() { return stepDeadline; }
    public long entitlementFen() { return entitlementFen; }
    public long recoveredFen() { return recoveredFen; }
    public @Nullable Instant closedAt() { return closedAt; }
    public List<Share> shares() { return List.copyOf(shares); }
    int version() { return version; }
    void versionSaved(int v) { version = v; }
}
