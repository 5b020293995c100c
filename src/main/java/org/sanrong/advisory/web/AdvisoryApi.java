package org.sanrong.advisory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.advisory.AdviceRequest;
import org.sanrong.advisory.Adviser;
import org.sanrong.advisory.AdviserView;
import org.sanrong.advisory.Advisory;
import org.sanrong.advisory.AdvisoryBoard;
import org.sanrong.advisory.AreaOrder;
import org.sanrong.advisory.Assignment;
import org.sanrong.advisory.AssignmentOrder;
import org.sanrong.advisory.AssignmentView;
import org.sanrong.advisory.RequestView;
import org.sanrong.advisory.ServiceEntry;
import org.sanrong.advisory.ServiceRecord;
import org.sanrong.advisory.ServiceView;
import org.sanrong.advisory.Speciality;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.IdempotentRequests;
import org.sanrong.platform.Problems;
import org.sanrong.platform.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the 金融顾问 programme: institutions name advisers, enterprises request one, government assigns,
 * advisers log services, enterprises rate them, government reads the board. Dates ISO (China dates). POSTs that
 * create records honour an {@code Idempotency-Key} header.
 */
@RestController
@RequestMapping("/api/v1/advisory")
class AdvisoryApi {

    private final Advisory advisory;
    private final AdvisoryBoard board;
    private final IdempotentRequests idempotency;

    AdvisoryApi(Advisory advisory, AdvisoryBoard board, IdempotentRequests idempotency) {
        this.advisory = advisory;
        this.board = board;
        this.idempotency = idempotency;
    }

    record NewAdviser(@Nullable String username, @Nullable Set<Speciality> specialities, @Nullable String phone,
            @Nullable String introduction) {
    }

    record NewRequest(@Nullable Speciality speciality, @Nullable String description) {
    }

    record Rating(@Nullable Integer score, @Nullable String comment) {
    }

    record AssignmentDetails(AssignmentView assignment, List<ServiceView> services) {
    }

    /** Government: every active adviser; an institution: its own. */
    @GetMapping("/advisers")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    List<AdviserView> advisers(@AuthenticationPrincipal SignedInUser user) {
        return user.hasRole(Role.INSTITUTION) ? advisory.advisersOfInstitution(user) : advisory.activeAdvisers();
    }

    /** An institution's administrator names a member as adviser. */
    @PostMapping("/advisers")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> nameAdviser(@RequestBody NewAdviser body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, user.organisationId() + ":adviser", body, () -> {
            Adviser.Id id = advisory.nameAdviser(body.username(), body.specialities(), body.phone(),
                    body.introduction(), user);
            AdviserView view = advisory.advisersOfInstitution(user).stream()
                    .filter(a -> a.id().equals(id.value())).findFirst().orElseThrow();
            return ResponseEntity.created(URI.create("/api/v1/advisory/advisers/" + id.value())).body(view);
        });
    }

    /** The enterprise asks for an adviser. */
    @PostMapping("/requests")
    @PreAuthorize("hasRole('ENTERPRISE')")
    ResponseEntity<?> request(@RequestBody NewRequest body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, user.organisationId() + ":advice-request", body, () -> {
            AdviceRequest.Id id = advisory.request(body.speciality(), body.description(), user);
            RequestView view = advisory.requestsOfEnterprise(user).stream()
                    .filter(r -> r.id().equals(id.value())).findFirst().orElseThrow();
            return ResponseEntity.created(URI.create("/api/v1/advisory/requests/" + id.value())).body(view);
        });
    }

    /** Government: the open requests, oldest first; an enterprise: its own. */
    @GetMapping("/requests")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'ENTERPRISE')")
    List<RequestView> requests(@AuthenticationPrincipal SignedInUser user) {
        return user.hasRole(Role.ENTERPRISE) ? advisory.requestsOfEnterprise(user) : advisory.openRequests(user);
    }

    @PostMapping("/requests/{id}/cancellation")
    @PreAuthorize("hasRole('ENTERPRISE')")
    List<RequestView> cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        advisory.cancelRequest(new AdviceRequest.Id(id), user);
        return advisory.requestsOfEnterprise(user);
    }

    /** Government assigns an adviser to an enterprise (by town, by industry, or answering a request). */
    @PostMapping("/assignments")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResponseEntity<?> assign(@RequestBody AssignmentOrder body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, user.organisationId() + ":assignment", body, () -> {
            Assignment.Id id = advisory.assign(body, user);
            return ResponseEntity.created(URI.create("/api/v1/advisory/assignments/" + id.value()))
                    .body(advisory.assignment(id, user));
        });
    }

    /**
     * Government assigns one adviser to the enterprises of a town and/or industry at once, those it does not serve
     * yet, up to {@code limit} (at most 100); answers how many were assigned and skipped.
     */
    @PostMapping("/assignments/area")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    AreaOrder.Result assignArea(@RequestBody AreaOrder body, @AuthenticationPrincipal SignedInUser user) {
        return advisory.assignArea(body, user);
    }

    /**
     * The caller's assignments: government all (paged), an enterprise those serving it, an adviser their own, an
     * institution's other members their institution's.
     */
    @GetMapping("/assignments")
    ResultPage<AssignmentView> assignments(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int pageSize, @AuthenticationPrincipal SignedInUser user) {
        if (user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN)) {
            return advisory.recentAssignments(user, page, pageSize);
        }
        List<AssignmentView> all = user.hasRole(Role.ENTERPRISE) ? advisory.assignmentsOfEnterprise(user)
                : advisory.adviserOf(user).isPresent() ? advisory.assignmentsOfAdviser(user)
                : advisory.assignmentsOfInstitution(user);
        return new ResultPage<>(all, 0, Math.max(1, all.size()), all.size());
    }

    @GetMapping("/assignments/{id}")
    AssignmentDetails assignment(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Assignment.Id assignment = new Assignment.Id(id);
        return new AssignmentDetails(advisory.assignment(assignment, user), advisory.services(assignment, user));
    }

    @PostMapping("/assignments/{id}/end")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    AssignmentView end(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        advisory.endAssignment(new Assignment.Id(id), user);
        return advisory.assignment(new Assignment.Id(id), user);
    }

    /** The assignment's adviser logs a visit or service. */
    @PostMapping("/assignments/{id}/services")
    ResponseEntity<?> logService(@PathVariable UUID id, @RequestBody ServiceEntry body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, user.organisationId() + ":service:" + id, body, () -> {
            ServiceRecord.Id service = advisory.logService(new Assignment.Id(id), body, user);
            return ResponseEntity.created(URI.create("/api/v1/advisory/services/" + service.value()))
                    .body(advisory.service(service, user));
        });
    }

    @GetMapping("/services/{id}")
    ServiceView service(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return advisory.service(new ServiceRecord.Id(id), user);
    }

    /** The served enterprise rates a service 1-5, once. */
    @PostMapping("/services/{id}/rating")
    @PreAuthorize("hasRole('ENTERPRISE')")
    ServiceView rate(@PathVariable UUID id, @RequestBody Rating body, @AuthenticationPrincipal SignedInUser user) {
        advisory.rate(new ServiceRecord.Id(id), body.score(), body.comment(), user);
        return advisory.service(new ServiceRecord.Id(id), user);
    }

    /** Coverage by town, response times and each institution's figures. */
    @GetMapping("/board")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    AdvisoryBoard.Figures board(@AuthenticationPrincipal SignedInUser user) {
        return board.figures(user);
    }

    /**
     * A refusal by the module's own rules says why (only the served enterprise rates, only owners edit); a refusal
     * by the role checks keeps the platform's general message.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        String detail = e instanceof AuthorizationDeniedException || e.getMessage() == null ? "当前账号无权执行该操作"
                : e.getMessage();
        return Problems.of(HttpStatus.FORBIDDEN, "无权访问", detail, request);
    }
}
