package org.sanrong.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.WorkingCalendar;

/**
 * 顾问指派: one adviser serving one enterprise, from the day the clock starts (the enterprise's request, or the
 * assignment when government took the initiative) to its end. The response time is the working days from that day to
 * the first logged service.
 */
public final class Assignment {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public enum Status {
        ACTIVE, ENDED
    }

    static final int MAX_NOTE = 500;

    private final Id id;
    private final Adviser.Id adviserId;
    private final UUID institutionId;
    private final EnterpriseRef enterprise;
    private final AssignmentBasis basis;
    private final AdviceRequest.@Nullable Id requestId;
    private final LocalDate startedOn;
    private final LocalDate assignedOn;
    private final String assignedBy;
    private final Instant assignedAt;
    private final @Nullable String note;
    private Status status;
    private @Nullable Instant endedAt;
    private @Nullable LocalDate firstServiceOn;
    private int version;

    Assignment(Id id, Adviser.Id adviserId, UUID institutionId, EnterpriseRef enterprise, AssignmentBasis basis,
            AdviceRequest.@Nullable Id requestId, LocalDate startedOn, LocalDate assignedOn, String assignedBy,
            Instant assignedAt, @Nullable String note, Status status, @Nullable Instant endedAt,
            @Nullable LocalDate firstServiceOn, int version) {
        this.id = id;
        this.adviserId = adviserId;
        this.institutionId = institutionId;
        this.enterprise = enterprise;
        this.basis = basis;
        this.requestId = requestId;
        this.startedOn = startedOn;
        this.assignedOn = assignedOn;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
        this.note = note;
        this.status = status;
        this.endedAt = endedAt;
        this.firstServiceOn = firstServiceOn;
        this.version = version;
    }

    /**
     * Government assigns an active adviser. By town or industry the enterprise must have one in the 企业库; for a
     * request the assignment answers it, may not predate it, and the clock starts on the request's day.
     *
     * @param assignedOn when the assignment was made; today when null, never in the future (an assignment made at a
     *     meeting last week may be recorded now)
     */
    static Assignment assign(Adviser adviser, EnterpriseRef enterprise, @Nullable AssignmentBasis basis,
            @Nullable AdviceRequest request, @Nullable LocalDate assignedOn, @Nullable String note, String actor,
            Instant now, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!adviser.active()) {
            errors.put("adviserId", "该顾问已停止服务，请选择其他顾问");
        }
        if (basis == null) {
            errors.put("basis", "请选择指派依据（按镇街、按行业或企业申请）");
        } else if (basis == AssignmentBasis.TOWN && enterprise.townCode() == null) {
            errors.put("basis", "该企业在企业库中没有登记所在镇街，不能按镇街指派");
        } else if (basis == AssignmentBasis.INDUSTRY && enterprise.industryCode() == null) {
            errors.put("basis", "该企业在企业库中没有登记所属行业，不能按行业指派");
        } else if (basis == AssignmentBasis.REQUEST && request == null) {
            errors.put("requestId", "按企业申请指派时请选择该企业的申请");
        } else if (basis != AssignmentBasis.REQUEST && request != null) {
            errors.put("basis", "回应企业申请时指派依据应为“企业申请”");
        }
        LocalDate on = assignedOn == null ? today : assignedOn;
        if (on.isAfter(today)) {
            errors.put("assignedOn", "指派日期不能晚于今天");
        } else if (request != null && on.isBefore(request.requestedOn())) {
            errors.put("assignedOn", "指派日期不能早于企业提出申请的日期 " + request.requestedOn());
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.codePointCount(0, n.length()) > MAX_NOTE) {
            errors.put("note", "备注不能超过" + MAX_NOTE + "个字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        LocalDate started = request != null ? request.requestedOn() : on;
        return new Assignment(Id.random(), adviser.id(), adviser.institutionId(), enterprise, basis,
                request == null ? null : request.id(), started, on, actor, now, n, Status.ACTIVE, null, null, 0);
    }

    /** A service on {@code servedOn} was logged: the first one stops the response clock. */
    void serviceLogged(LocalDate servedOn) {
        if (firstServiceOn == null || servedOn.isBefore(firstServiceOn)) {
            firstServiceOn = servedOn;
        }
    }

    void end(Instant now) {
        if (status == Status.ENDED) {
            throw new IllegalStateException("该指派已结束");
        }
        status = Status.ENDED;
        endedAt = now;
    }

    /** Working days from the start of the clock to the first service; null while none is logged. */
    public @Nullable Integer responseWorkingDays(WorkingCalendar calendar) {
        return firstServiceOn == null ? null : ResponseTime.workingDays(calendar, startedOn, firstServiceOn);
    }

    public Id id() { return id; }
    public Adviser.Id adviserId() { return adviserId; }
    public UUID institutionId() { return institutionId; }
    public EnterpriseRef enterprise() { return enterprise; }
    public AssignmentBasis basis() { return basis; }
    public AdviceRequest.@Nullable Id requestId() { return requestId; }
    public LocalDate startedOn() { return startedOn; }
    public LocalDate assignedOn() { return assignedOn; }
    public String assignedBy() { return assignedBy; }
    public Instant assignedAt() { return assignedAt; }
    public @Nullable String note() { return note; }
    public Status status() { return status; }
    public @Nullable Instant endedAt() { return endedAt; }
    public @Nullable LocalDate firstServiceOn() { return firstServiceOn; }
    int version() { return version; }

    void versionSaved(int saved) {
        version = saved;
    }
}
