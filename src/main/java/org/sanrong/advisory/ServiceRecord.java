package org.sanrong.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * 服务记录: one visit or service an adviser logged for an assignment, and the enterprise's rating of it (1 to 5 stars
 * with a comment, once).
 */
public final class ServiceRecord {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    static final int MAX_SUMMARY = 1000;
    static final int MAX_FOLLOW_UPS = 500;
    static final int MAX_COMMENT = 500;

    private final Id id;
    private final Assignment.Id assignmentId;
    private final LocalDate servedOn;
    private final ServiceType type;
    private final String summary;
    private final @Nullable String followUps;
    private final String loggedBy;
    private final Instant loggedAt;
    private @Nullable Integer rating;
    private @Nullable String ratingComment;
    private @Nullable String ratedBy;
    private @Nullable Instant ratedAt;

    ServiceRecord(Id id, Assignment.Id assignmentId, LocalDate servedOn, ServiceType type, String summary,
            @Nullable String followUps, String loggedBy, Instant loggedAt, @Nullable Integer rating,
            @Nullable String ratingComment, @Nullable String ratedBy, @Nullable Instant ratedAt) {
        this.id = id;
        this.assignmentId = assignmentId;
        this.servedOn = servedOn;
        this.type = type;
        this.summary = summary;
        this.followUps = followUps;
        this.loggedBy = loggedBy;
        this.loggedAt = loggedAt;
        this.rating = rating;
        this.ratingComment = ratingComment;
        this.ratedBy = ratedBy;
        this.ratedAt = ratedAt;
    }

    /**
     * The adviser logs a service on an active assignment: dated between the start of its clock and today, with a
     * type and a summary; every problem is reported by field.
     */
    static ServiceRecord log(Assignment assignment, @Nullable LocalDate servedOn, @Nullable ServiceType type,
            @Nullable String summary, @Nullable String followUps, String actor, Instant now, LocalDate today) {
        if (assignment.status() != Assignment.Status.ACTIVE) {
            throw new IllegalStateException("该指派已结束，不能再登记服务");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (servedOn == null) {
            errors.put("servedOn", "请填写服务日期");
        } else if (servedOn.isAfter(today)) {
            errors.put("servedOn", "服务日期不能晚于今天（" + today + "），请登记已经发生的服务");
        } else if (servedOn.isBefore(assignment.startedOn())) {
            errors.put("servedOn", "服务日期不能早于" + (assignment.basis() == AssignmentBasis.REQUEST ? "企业申请" : "指派")
                    + "的日期 " + assignment.startedOn());
        }
        if (type == null) {
            errors.put("type", "请选择服务方式");
        }
        String s = summary == null ? "" : summary.strip();
        if (s.isEmpty()) {
            errors.put("summary", "请填写服务内容摘要");
        } else if (s.codePointCount(0, s.length()) > MAX_SUMMARY) {
            errors.put("summary", "服务内容摘要不能超过" + MAX_SUMMARY + "个字");
        }
        String f = followUps == null || followUps.isBlank() ? null : followUps.strip();
        if (f != null && f.codePointCount(0, f.length()) > MAX_FOLLOW_UPS) {
            errors.put("followUps", "后续跟进事项不能超过" + MAX_FOLLOW_UPS + "个字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ServiceRecord(Id.random(), assignment.id(), servedOn, type, s, f, actor, now, null, null, null,
                null);
    }

    /** The enterprise rates the service, once. */
    void rate(@Nullable Integer score, @Nullable String comment, String actor, Instant now) {
        if (rating != null) {
            throw new IllegalStateException("该次服务已于 " + ratedAt.atZone(java.time.ZoneId.of("Asia/Shanghai"))
                    .toLocalDate() + " 评价为" + rating + "星，每次服务只能评价一次");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (score == null || score < 1 || score > 5) {
            errors.put("score", "请打1至5星");
        }
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        if (c != null && c.codePointCount(0, c.length()) > MAX_COMMENT) {
            errors.put("comment", "评价不能超过" + MAX_COMMENT + "个字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        rating = score;
        ratingComment = c;
        ratedBy = actor;
        ratedAt = now;
    }

    public Id id() { return id; }
    public Assignment.Id assignmentId() { return assignmentId; }
    public LocalDate servedOn() { return servedOn; }
    public ServiceType type() { return type; }
    public String summary() { return summary; }
    public @Nullable String followUps() { return followUps; }
    public String loggedBy() { return loggedBy; }
    public Instant loggedAt() { return loggedAt; }
    public @Nullable Integer rating() { return rating; }
    public @Nullable String ratingComment() { return ratingComment; }
    public @Nullable String ratedBy() { return ratedBy; }
    public @Nullable Instant ratedAt() { return ratedAt; }
}
