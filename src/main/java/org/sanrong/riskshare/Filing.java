package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.LoanStatus;
import org.sanrong.platform.InvalidRequestException;

/**
 * 备案: one loan and one pool. A loan disbursed through the platform is offered to its bank for each pool that serves
 * its enterprise, checked against the scheme version in force on the disbursement date; the bank files it within
 * the window, declaring what only it knows (a monetary-policy tool, a first loan...). Filing fixes the features, the
 * expected ratio and the commitment (exposure × expected ratio) that the pool's ledger carries.
 */
public final class Filing {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public enum Origin { PLATFORM, MANUAL }

    /** The loan as disbursed. */
    public record Loan(@Nullable UUID dealId, String loanNumber, UUID institutionId, String institutionName,
            String enterpriseCreditCode, String enterpriseName, String productType, long amountFen,
            LocalDate disbursedOn, LocalDate maturityOn, int termMonths, @Nullable BigDecimal annualRatePercent,
            @Nullable String guarantee) {
    }

    private final Id id;
    private final String schemeCode;
    private final int schemeVersion;
    private final @Nullable String exclusiveGroup;
    private final Origin origin;
    private final Loan loan;
    private Set<LoanFeature> features;
    private FilingStatus status;
    private final List<String> failedRules;
    private final Instant offeredAt;
    private final LocalDate fileBy;
    private @Nullable Instant filedAt;
    private @Nullable String filedBy;
    private @Nullable Integer filedYear;
    private @Nullable BigDecimal expectedRatio;
    private @Nullable Long commitmentFen;
    private @Nullable LoanStatus loanStatus;
    private @Nullable LocalDate loanStatusOn;
    private @Nullable Long outstandingFen;
    private int version;

    Filing(Id id, String schemeCode, int schemeVersion, @Nullable String exclusiveGroup, Origin origin, Loan loan,
            Set<LoanFeature> features, FilingStatus status, List<String> failedRules, Instant offeredAt,
            LocalDate fileBy, @Nullable Instant filedAt, @Nullable String filedBy, @Nullable Integer filedYear,
            @Nullable BigDecimal expectedRatio, @Nullable Long commitmentFen, @Nullable LoanStatus loanStatus,
            @Nullable LocalDate loanStatusOn, @Nullable Long outstandingFen, int version) {
        this.id = id;
        this.schemeCode = schemeCode;
        this.schemeVersion = schemeVersion;
        this.exclusiveGroup = exclusiveGroup;
        this.origin = origin;
        this.loan = loan;
        this.features = features.isEmpty() ? EnumSet.noneOf(LoanFeature.class) : EnumSet.copyOf(features);
        this.status = status;
        this.failedRules = List.copyOf(failedRules);
        this.offeredAt = offeredAt;
        this.fileBy = fileBy;
        this.filedAt = filedAt;
        this.filedBy = filedBy;
        this.filedYear = filedYear;
        this.expectedRatio = expectedRatio;
        this.commitmentFen = commitmentFen;
        this.loanStatus = loanStatus;
        this.loanStatusOn = loanStatusOn;
        this.outstandingFen = outstandingFen;
        this.version = version;
    }

    /** A loan offered to its bank under a scheme version: OFFERED, or INELIGIBLE with every failed rule. */
    static Filing offer(Scheme scheme, Origin origin, Loan loan, Set<LoanFeature> derived, List<String> failedRules,
            Instant now) {
        return new Filing(Id.random(), scheme.code(), scheme.version(), scheme.exclusiveGroup(), origin, loan, derived,
                failedRules.isEmpty() ? FilingStatus.OFFERED : FilingStatus.INELIGIBLE, failedRules, now,
                scheme.filing().lastDay(loan.disbursedOn()), null, null, null, null, null, LoanStatus.NORMAL,
                loan.disbursedOn(), loan.amountFen(), 0);
    }

    /**
     * OFFERED → FILED, by {@code fileBy}. {@code declared}: the features only the bank knows; others are refused.
     * The expected ratio and commitment are computed by the caller from the final features.
     */
    void file(Set<LoanFeature> declared, String actor, Instant now, LocalDate today) {
        if (status == FilingStatus.INELIGIBLE) {
            throw new IllegalStateException("该贷款不符合备案条件：" + String.join("；", failedRules));
        }
        if (status == FilingStatus.FILED) {
            throw new IllegalStateException("该贷款已备案，不能重复备案");
        }
        if (today.isAfter(fileBy)) {
            throw new InvalidRequestException("fileBy", "已过备案期限：须在 " + fileBy + " 前备案（放款日 "
                    + loan.disbursedOn() + "）");
        }
        for (LoanFeature f : declared) {
            if (!Eligibility.DECLARABLE.contains(f)) {
                throw new InvalidRequestException("features", "“" + f.label() + "”由平台按企业资质和产品认定，不能自行申报");
            }
        }
        features.addAll(declared);
        status = FilingStatus.FILED;
        filedAt = now;
        filedBy = actor;
        filedYear = today.getYear();
    }

    /** Fixes what the pool expects to pay for the loan, once filed. */
    void commit(BigDecimal ratio, long commitment) {
        expectedRatio = ratio;
        commitmentFen = commitment;
    }

    /** The bank's latest report on the loan. */
    void reported(LoanStatus s, LocalDate asOf, @Nullable Long outstanding) {
        if (loanStatusOn != null && asOf.isBefore(loanStatusOn)) {
            return;
        }
        loanStatus = s;
        loanStatusOn = asOf;
        outstandingFen = s == LoanStatus.REPAID ? Long.valueOf(0) : outstanding;
    }

    public Id id() { return id; }
    public String schemeCode() { return schemeCode; }
    public int schemeVersion() { return schemeVersion; }
    public @Nullable String exclusiveGroup() { return exclusiveGroup; }
    public Origin origin() { return origin; }
    public Loan loan() { return loan; }
    public Set<LoanFeature> features() { return Set.copyOf(features); }
    public FilingStatus status() { return status; }
    public List<String> failedRules() { return failedRules; }
    public Instant offeredAt() { return offeredAt; }
    public LocalDate fileBy() { return fileBy; }
    public @Nullable Instant filedAt() { return filedAt; }
    public @Nullable String filedBy() { return filedBy; }
    public @Nullable Integer filedYear() { return filedYear; }
    public @Nullable BigDecimal expectedRatio() { return expectedRatio; }
    public @Nullable Long commitmentFen() { return commitmentFen; }
    public @Nullable LoanStatus loanStatus() { return loanStatus; }
    public @Nullable LocalDate loanStatusOn() { return loanStatusOn; }
    public @Nullable Long outstandingFen() { return outstandingFen; }
    int version() { return version; }
    void versionSaved(int v) { version = v; }
}
