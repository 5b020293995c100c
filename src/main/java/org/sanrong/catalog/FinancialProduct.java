package org.sanrong.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.InstitutionType;
import org.sanrong.platform.InvalidRequestException;

/**
 * An institution's financial product. Lifecycle: DRAFT -> SUBMITTED -> PUBLISHED -> WITHDRAWN or EXPIRED; a
 * government reviewer approves a submission or returns it to DRAFT with a reason (when review is not required,
 * submitting publishes). Each publication, and each change to a published product, makes a new version numbered
 * from 1; the versions themselves are kept immutable by the repository.
 */
public class FinancialProduct {

    public record Id(UUID value) {
        public static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public enum Status {
        DRAFT, SUBMITTED, PUBLISHED, WITHDRAWN, EXPIRED
    }

    private final Id id;
    private final UUID institutionId;
    private final String institutionName;
    private final InstitutionType institutionType;
    private final Instant createdAt;
    private final String createdBy;
    private ProductContent content;
    private Status status;
    private int version;
    private @Nullable String returnReason;
    private Instant updatedAt;

    FinancialProduct(Id id, UUID institutionId, String institutionName, InstitutionType institutionType,
            ProductContent content, Status status, int version, @Nullable String returnReason, Instant createdAt,
            String createdBy, Instant updatedAt) {
        this.id = id;
        this.institutionId = institutionId;
        this.institutionName = institutionName;
        this.institutionType = institutionType;
        this.content = content;
        this.status = status;
        this.version = version;
        this.returnReason = returnReason;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
    }

    /** A new draft; it needs at least a type and a name. */
    static FinancialProduct draft(UUID institutionId, String institutionName, InstitutionType institutionType,
            ProductContent content, String actor, Instant now) {
        requireNoProblems(content.draftProblems());
        return new FinancialProduct(Id.random(), institutionId, institutionName, institutionType, content,
                Status.DRAFT, 0, null, now, actor, now);
    }

    /**
     * Replaces the content. A draft stays a draft; a published product must stay complete and gets a new version
     * (unless nothing changed);
     * a withdrawn or expired one becomes a draft again. A submission under review cannot change.
     */
    void edit(ProductContent next, LocalDate today, Instant now) {
        requireNoProblems(next.draftProblems());
        switch (status) {
            case SUBMITTED -> throw new IllegalStateException("产品正在审核中，不能修改；如需修改请先撤回");
            case PUBLISHED -> {
                requireNoProblems(next.publishProblems(today));
                if (next.equals(content)) {
                    return; // saved unchanged: no new version
                }
                version++;
            }
            case WITHDRAWN, EXPIRED -> status = Status.DRAFT;
            case DRAFT -> {
            }
        }
        content = next;
        updatedAt = now;
    }

    /** Hands a complete draft in: for review, or straight to publication when no review is required. */
    void submit(boolean reviewRequired, LocalDate today, Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("只有草稿状态的产品可以提交");
        }
        requireNoProblems(content.publishProblems(today));
        returnReason = null;
        updatedAt = now;
        if (reviewRequired) {
            status = Status.SUBMITTED;
        } else {
            publish();
        }
    }

    /** A government reviewer approves the submission: it is published as the next version. */
    void approve(LocalDate today, Instant now) {
        if (status != Status.SUBMITTED) {
            throw new IllegalStateException("只有待审核的产品可以审核通过");
        }
        requireNoProblems(content.publishProblems(today));
        updatedAt = now;
        publish();
    }

    /** A government reviewer sends the submission back to its institution with a reason. */
    void returnToDraft(@Nullable String reason, Instant now) {
        if (status != Status.SUBMITTED) {
            throw new IllegalStateException("只有待审核的产品可以退回");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "请填写退回理由");
        }
        if (reason.strip().length() > 500) {
            throw new InvalidRequestException("reason", "退回理由不能超过500个字");
        }
        status = Status.DRAFT;
        returnReason = reason.strip();
        updatedAt = now;
    }

    /** The institution takes the product off the shelf, or takes back a submission. */
    void withdraw(Instant now) {
        if (status != Status.PUBLISHED && status != Status.SUBMITTED) {
            throw new IllegalStateException("只有已发布或待审核的产品可以撤回");
        }
        status = status == Status.SUBMITTED ? Status.DRAFT : Status.WITHDRAWN;
        updatedAt = now;
    }

    /** Past its validity, a published product expires; answers whether it did. */
    boolean expire(LocalDate today, Instant now) {
        if (status == Status.PUBLISHED && content.validUntil() != null && content.validUntil().isBefore(today)) {
            status = Status.EXPIRED;
            updatedAt = now;
            return true;
        }
        return false;
    }

    private void publish() {
        status = Status.PUBLISHED;
        version++;
        returnReason = null;
    }

    private static void requireNoProblems(java.util.Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    public boolean ownedBy(UUID organisationId) {
        return institutionId.equals(organisationId);
    }

    public Id id() { return id; }
    public UUID institutionId() { return institutionId; }
    public String institutionName() { return institutionName; }
    public InstitutionType institutionType() { return institutionType; }
    public ProductContent content() { return content; }
    public Status status() { return status; }
    public int version() { return version; }
    public @Nullable String returnReason() { return returnReason; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
}
