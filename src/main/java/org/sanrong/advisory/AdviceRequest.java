package org.sanrong.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * An enterprise's request for a finance adviser (申请金融顾问): open until government assigns one (or the enterprise
 * cancels it). The day it was made starts the response clock of the assignment that answers it.
 */
public final class AdviceRequest {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public enum Status {
        OPEN, ASSIGNED, CANCELLED
    }

    static final int MAX_DESCRIPTION = 1000;

    private final Id id;
    private final EnterpriseRef enterprise;
    private final Speciality speciality;
    private final String description;
    private final String requestedBy;
    private final Instant requestedAt;
    private final LocalDate requestedOn;
    private Status status;
    private @Nullable UUID assignmentId;
    private @Nullable Instant closedAt;

    AdviceRequest(Id id, EnterpriseRef enterprise, Speciality speciality, String description, String requestedBy,
            Instant requestedAt, LocalDate requestedOn, Status status, @Nullable UUID assignmentId,
            @Nullable Instant closedAt) {
        this.id = id;
        this.enterprise = enterprise;
        this.speciality = speciality;
        this.description = description;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.requestedOn = requestedOn;
        this.status = status;
        this.assignmentId = assignmentId;
        this.closedAt = closedAt;
    }

    static AdviceRequest open(EnterpriseRef enterprise, @Nullable Speciality speciality, @Nullable String description,
            String actor, Instant now, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (speciality == null) {
            errors.put("speciality", "请选择需要哪方面的顾问");
        }
        String d = description == null ? "" : description.strip();
        if (d.isEmpty()) {
            errors.put("description", "请简要说明企业的情况和需要的帮助");
        } else if (d.codePointCount(0, d.length()) > MAX_DESCRIPTION) {
            errors.put("description", "说明不能超过" + MAX_DESCRIPTION + "个字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new AdviceRequest(Id.random(), enterprise, speciality, d, actor, now, today, Status.OPEN, null, null);
    }

    void assigned(UUID assignment, Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("该申请已" + (status == Status.ASSIGNED ? "指派顾问" : "撤回"));
        }
        status = Status.ASSIGNED;
        assignmentId = assignment;
        closedAt = now;
    }

    void cancel(Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("该申请已" + (status == Status.ASSIGNED ? "指派顾问" : "撤回") + "，不能撤回");
        }
        status = Status.CANCELLED;
        closedAt = now;
    }

    public Id id() { return id; }
    public EnterpriseRef enterprise() { return enterprise; }
    public Speciality speciality() { return speciality; }
    public String description() { return description; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public LocalDate requestedOn() { return requestedOn; }
    public Status status() { return status; }
    public @Nullable UUID assignmentId() { return assignmentId; }
    public @Nullable Instant closedAt() { return closedAt; }
}
