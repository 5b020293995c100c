package org.sanrong.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 诉求: an enterprise in the reserve (or government on its behalf) raises a problem to a government department, which
 * must answer within {@code sanrong.listing.request-working-days} working days ({@link WorkingCalendar}); the
 * department hears of it in its inbox, the enterprise of the answer. Overdue is worked out when read, against now.
 */
@Service
public class ListingRequests {

    private final ListingReserve reserve;
    private final OrganisationRegistry registry;
    private final WorkingCalendar calendar;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int workingDays;

    ListingRequests(ListingReserve reserve, OrganisationRegistry registry, WorkingCalendar calendar, Inbox inbox,
            AuditTrail audit, JdbcClient jdbc, Clock clock,
            @Value("${sanrong.listing.request-working-days:10}") int workingDays) {
        this.reserve = reserve;
        this.registry = registry;
        this.calendar = calendar;
        this.inbox = inbox;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    /** Government departments on the platform a request may go to. */
    @Transactional(readOnly = true)
    public List<OrganisationView> departments() {
        return registry.search(null, OrganisationKind.GOVERNMENT, null, 0, 200).items();
    }

    @Transactional
    public UUID raise(String creditCode, @Nullable RequestCategory category, @Nullable String description,
            @Nullable UUID departmentId, SignedInUser user) {
        ReserveEntry entry = reserve.readable(creditCode, user);
        Map<String, String> errors = new LinkedHashMap<>();
        if (category == null) {
            errors.put("category", "请选择诉求类别");
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            errors.put("description", "请描述需要协调解决的问题");
        } else if (text.length() > 1000) {
            errors.put("description", "诉求内容不能超过1000个字");
        }
        OrganisationView department = departmentId == null ? null : registry.find(departmentId)
                .filter(o -> o.kind() == OrganisationKind.GOVERNMENT).orElse(null);
        if (department == null) {
            errors.put("departmentId", "请选择承办的政府部门");
        }
        if (entry.status() != ReserveEntry.Status.ACTIVE) {
            errors.put("status", "该企业已不在后备库跟踪中");
        }
        String target = ListingReserve.target(entry.enterprise().creditCode());
        if (!errors.isEmpty()) {
            audit.recordIndependently(user.username(), user.organisationId(), "RAISE_LISTING_REQUEST", target,
                    Outcome.FAILURE, String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant deadline = calendar.deadline(now, workingDays);
        jdbc.sql("""
                INSERT INTO listing.request (id, entry_id, credit_code, enterprise_name, category, description,
                    department_id, department_name, raised_at, raised_by, deadline, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(id, entry.id().value(), entry.enterprise().creditCode(), entry.enterprise().name(),
                        category.name(), text, department.id(), department.name(), Timestamp.from(now),
                        user.username(), Timestamp.from(deadline))
                .update();
        audit.record(user.username(), user.organisationId(), "RAISE_LISTING_REQUEST", target, Outcome.SUCCESS,
                category.label() + " → " + department.name());
        inbox.send(Notice.of(Notice.Recipient.organisation(department.id()), "LISTING",
                "上市后备企业诉求：" + category.label(), clip(entry.enterprise().name() + " 提出诉求（"
                        + category.label() + "）：" + text + "。请于 " + java.time.LocalDate.ofInstant(deadline,
                        clock.getZone()).minusDays(1) + " 前办结。"))
                .linkTo("/listing/requests").about("listing-request:" + id));
        return id;
    }

    /** The department answers (办结); only a member of the department the request went to, or the operator. */
    @Transactional
    public void answer(UUID id, @Nullable String answer, SignedInUser user) {
        ListingRequest r = find(id, user);
        String target = "listing-request:" + id;
        if (!r.mayAnswer()) {
            audit.recordIndependently(user.username(), user.organisationId(), "ANSWER_LISTING_REQUEST", target,
                    Outcome.DENIED, "非承办部门");
            throw new AccessDeniedException("只有承办部门可以办结该诉求");
        }
        if (r.status() != ListingRequest.Status.OPEN) {
            throw InvalidRequestException.conflict("status", "该诉求已办结");
        }
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw new InvalidRequestException("answer", text.isEmpty() ? "请填写办理结果" : "办理结果不能超过1000个字");
        }
        Instant now = clock.instant();
        int n = jdbc.sql("UPDATE listing.request SET status = 'ANSWERED', answer = ?, answered_at = ?, answered_by = ? "
                + "WHERE id = ? AND status = 'OPEN'").params(text, Timestamp.from(now), user.username(), id).update();
        if (n != 1) {
            throw InvalidRequestException.conflict("status", "该诉求已办结");
        }
        audit.record(user.username(), user.organisationId(), "ANSWER_LISTING_REQUEST", target, Outcome.SUCCESS,
                now.isAfter(r.deadline()) ? "超期办结" : "按期办结");
        jdbc.sql("SELECT enterprise_org_id FROM listing.reserve_entry WHERE credit_code = ? AND status <> 'REMOVED'")
                .param(r.creditCode()).query(UUID.class).optional().ifPresent(org -> inbox.send(Notice.of(
                        Notice.Recipient.organisation(org), "LISTING", "诉求已办结：" + r.category().label(),
                        clip(r.departmentName() + " 答复：" + text)).linkTo("/enterprise/listing")
                        .about("listing-request:" + id)));
    }

    /** The requests of one enterprise in the reserve, latest first. */
    @Transactional(readOnly = true)
    public List<ListingRequest> of(String creditCode, SignedInUser user) {
        ReserveEntry entry = reserve.readable(creditCode, user);
        return jdbc.sql("SELECT * FROM listing.request WHERE entry_id = ? ORDER BY raised_at DESC")
                .param(entry.id().value()).query((rs, n) -> map(rs, user)).list();
    }

    /**
     * Requests for government: those sent to the user's department (all of them for the operator), open ones by
     * deadline first.
     */
    @Transactional(readOnly = true)
    public List<ListingRequest> forDepartment(boolean openOnly, SignedInUser user) {
        if (!ListingReserve.official(user)) {
            throw new AccessDeniedException("诉求由政府部门办理");
        }
        boolean all = user.hasRole(Role.ADMIN);
        return jdbc.sql("SELECT * FROM listing.request WHERE (:all OR department_id = :org) AND (NOT :open OR status = "
                + "'OPEN') ORDER BY (status = 'OPEN') DESC, deadline LIMIT 500")
                .param("all", all).param("org", user.organisationId()).param("open", openOnly)
                .query((rs, n) -> map(rs, user)).list();
    }

    private ListingRequest find(UUID id, SignedInUser user) {
        ListingRequest r = jdbc.sql("SELECT * FROM listing.request WHERE id = ?").param(id)
                .query((rs, n) -> map(rs, user)).optional().orElseThrow(() -> new NotFoundException("诉求不存在"));
        if (!ListingReserve.official(user)) {
            reserve.readable(r.creditCode(), user);
        }
        return r;
    }

    private ListingRequest map(java.sql.ResultSet rs, SignedInUser user) throws java.sql.SQLException {
        Instant deadline = rs.getTimestamp("deadline").toInstant();
        Timestamp answered = rs.getTimestamp("answered_at");
        ListingRequest.Status status = ListingRequest.Status.valueOf(rs.getString("status"));
        Instant now = clock.instant();
        boolean overdue = status == ListingRequest.Status.OPEN ? !now.isBefore(deadline)
                : answered != null && answered.toInstant().isAfter(deadline);
        UUID department = rs.getObject("department_id", UUID.class);
        boolean mayAnswer = status == ListingRequest.Status.OPEN && (user.hasRole(Role.ADMIN)
                || user.hasRole(Role.GOV) && user.organisationId().equals(department));
        return new ListingRequest(rs.getObject("id", UUID.class), rs.getString("credit_code"),
                rs.getString("enterprise_name"), RequestCategory.valueOf(rs.getString("category")),
                rs.getString("description"), department, rs.getString("department_name"),
                rs.getTimestamp("raised_at").toInstant(), rs.getString("raised_by"), deadline, status,
                rs.getString("answer"), answered == null ? null : answered.toInstant(), rs.getString("answered_by"),
                overdue, mayAnswer);
    }

    private static String clip(String s) {
        return s.length() <= Notice.MAX_BODY ? s : s.substring(0, Notice.MAX_BODY - 1) + "…";
    }
}
