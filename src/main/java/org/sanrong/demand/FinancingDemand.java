package org.sanrong.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * 融资需求: one enterprise's request for financing. It changes only through named methods that check the state;
 * once published, every revision is a new version (the repository keeps each version's full terms), and each
 * published version is announced with {@link DemandPublished} so matching can index it again.
 */
public class FinancingDemand {

    public record Id(UUID value) {
        public static Id random() {
            return new Id(UUID.randomUUID());
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    private final Id id;
    private final String enterpriseCreditCode;
    private final UUID organisationId;
    private final Instant createdAt;
    private final String createdBy;
    private DemandStatus status;
    private int version;
    private DemandTerms terms;
    private @Nullable Long raisedFen;
    private @Nullable String closedReason;
    private Instant updatedAt;
    private @Nullable Instant publishedAt;
    private final List<Object> events = new ArrayList<>();

    FinancingDemand(Id id, String enterpriseCreditCode, UUID organisationId, Instant createdAt, String createdBy,
            DemandStatus status, int version, DemandTerms terms, @Nullable Long raisedFen,
            @Nullable String closedReason, Instant updatedAt, @Nullable Instant publishedAt) {
        this.id = id;
        this.enterpriseCreditCode = enterpriseCreditCode;
        this.organisationId = organisationId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.status = status;
        this.version = version;
        this.terms = terms;
        this.raisedFen = raisedFen;
        this.closedReason = closedReason;
        this.updatedAt = updatedAt;
        this.publishedAt = publishedAt;
    }

    /** A new draft; its values must be sensible, though it may be incomplete. */
    static FinancingDemand draft(String enterpriseCreditCode, UUID organisationId, DemandTerms terms, String by,
            Instant now, LocalDate today) {
        refuseIfAny(terms.problems(today));
        return new FinancingDemand(Id.random(), enterpriseCreditCode, organisationId, now, by, DemandStatus.DRAFT, 0,
                terms, null, null, now, null);
    }

    /**
     * Replaces the terms. A draft just changes; a published demand must stay complete and becomes the next version.
     * Answers whether a new version was made (false for a draft or when nothing changed).
     */
    boolean revise(DemandTerms next, Instant now, LocalDate today) {
        if (status.finished()) {
            throw new IllegalStateException("需求已结束（" + status + "），不能再修改");
        }
        if (status == DemandStatus.DRAFT) {
            refuseIfAny(next.problems(today));
            terms = next;
            updatedAt = now;
            return false;
        }
        refuseIfAny(next.problemsForPublication(today));
        if (next.equals(terms)) {
            return false;
        }
        terms = next;
        version++;
        updatedAt = now;
        events.add(published());
        return true;
    }

    /** DRAFT → PUBLISHED as version 1; refused with every missing or bad field when incomplete. */
    void publish(Instant now, LocalDate today) {
        if (status != DemandStatus.DRAFT) {
            throw new IllegalStateException("只有草稿可以发布");
        }
        refuseIfAny(terms.problemsForPublication(today));
        status = DemandStatus.PUBLISHED;
        version = 1;
        publishedAt = now;
        updatedAt = now;
        events.add(published());
    }

    /** PUBLISHED → IN_PROGRESS: an institution has taken it up; a second institution changes nothing. */
    void startProgress(Instant now) {
        if (status == DemandStatus.IN_PROGRESS) {
            return;
        }
        if (status != DemandStatus.PUBLISHED) {
            throw new IllegalStateException("只有已发布的需求可以进入对接");
        }
        status = DemandStatus.IN_PROGRESS;
        updatedAt = now;
    }

    /** IN_PROGRESS → SATISFIED when the amount raised covers the demand, else PARTLY_SATISFIED. */
    void markSatisfied(long raised, Instant now) {
        if (status != DemandStatus.IN_PROGRESS) {
            throw new IllegalStateException("只有对接中的需求可以登记融资结果");
        }
        if (raised <= 0) {
            throw new InvalidRequestException("raisedFen", "已融得金额须大于零");
        }
        long asked = terms.amountFen() == null ? 0 : terms.amountFen();
        status = raised >= asked ? DemandStatus.SATISFIED : DemandStatus.PARTLY_SATISFIED;
        raisedFen = raised;
        updatedAt = now;
        events.add(closed());
    }

    /** The enterprise withdraws it, with a reason; a draft, a published or an in-progress demand. */
    void close(@Nullable String reason, Instant now) {
        if (status.finished()) {
            throw new IllegalStateException("需求已结束，不能关闭");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "请填写关闭原因");
        }
        if (reason.strip().length() > 200) {
            throw new InvalidRequestException("reason", "关闭原因不能超过200个字");
        }
        status = DemandStatus.CLOSED;
        closedReason = reason.strip();
        updatedAt = now;
        events.add(closed());
    }

    /** An open demand whose needed-by date is long past. */
    void expire(Instant now) {
        if (!status.open()) {
            throw new IllegalStateException("只有已发布或对接中的需求会过期");
        }
        status = DemandStatus.EXPIRED;
        updatedAt = now;
        events.add(closed());
    }

    /** Whether the needed-by date passed more than {@code graceDays} ago. */
    boolean overdue(LocalDate today, int graceDays) {
        return status.open() && terms.neededBy() != null && terms.neededBy().plusDays(graceDays).isBefore(today);
    }

    private DemandPublished published() {
        return new DemandPublished(id.value(), version, enterpriseCreditCode, organisationId,
                terms.amountFen() == null ? 0 : terms.amountFen(), terms.kinds(), terms.purposeCategory(),
                terms.termMonths() == null ? 0 : terms.termMonths(), terms.maxAnnualRatePercent(),
                terms.maxEquityStakePercent(), terms.collateral(), terms.neededBy(), terms.visibility(),
                terms.chosenInstitutions());
    }

    private DemandClosed closed() {
        return new DemandClosed(id.value(), enterpriseCreditCode, status, closedReason, raisedFen);
    }

    private static void refuseIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Events registered since the last call, to publish in the same transaction. */
    List<Object> drainEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public Id id() { return id; }
    public String enterpriseCreditCode() { return enterpriseCreditCode; }
    public UUID organisationId() { return organisationId; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public DemandStatus status() { return status; }
    public int version() { return version; }
    public DemandTerms terms() { return terms; }
    public @Nullable Long raisedFen() { return raisedFen; }
    public @Nullable String closedReason() { return closedReason; }
    public Instant updatedAt() { return updatedAt; }
    public @Nullable Instant publishedAt() { return publishedAt; }
}
