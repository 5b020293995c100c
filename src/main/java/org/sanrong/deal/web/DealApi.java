package org.sanrong.deal.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.Application;
import org.sanrong.deal.Deal;
import org.sanrong.deal.DealFlow;
import org.sanrong.deal.DealStatus;
import org.sanrong.deal.DealView;
import org.sanrong.deal.DeclineReason;
import org.sanrong.deal.Disbursement;
import org.sanrong.deal.Investment;
import org.sanrong.deal.LoanStatus;
import org.sanrong.deal.LoanStatusEntry;
import org.sanrong.deal.Offer;
import org.sanrong.deal.TimelineEntry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.IdempotentRequests;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of 融资对接, for institutions' own systems and enterprises: list deals, apply, pick up, decide, answer an
 * offer, record the disbursement or investment and report repayment status. Money in fen, rates and stakes as
 * decimal percentages, dates ISO. POSTs that create records (applications, pick-ups, disbursements, investments,
 * status reports) honour an {@code Idempotency-Key} header: a retry gets the first answer and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/deals")
class DealApi {

    private final DealFlow flow;
    private final IdempotentRequests idempotency;

    DealApi(DealFlow flow, IdempotentRequests idempotency) {
        this.flow = flow;
        this.idempotency = idempotency;
    }

    record PickUp(UUID demandId) {
    }

    /** {@code decision}: APPROVE with {@code offer}, DECLINE with {@code reason} (and {@code note}), or MATERIALS with {@code note}. */
    record Decision(String decision, @Nullable Offer offer, @Nullable DeclineReason reason, @Nullable String note) {
    }

    record Note(@Nullable String note) {
    }

    record StatusReport(LoanStatus status, LocalDate asOf, @Nullable Long outstandingFen) {
    }

    record DealDetails(DealView deal, List<TimelineEntry> timeline, List<LoanStatusEntry> statusReports) {
    }

    /** The caller's deals: an institution's (paged, filter by status) or an enterprise's. */
    @GetMapping
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ENTERPRISE')")
    ResultPage<DealView> mine(@RequestParam(required = false) @Nullable DealStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int pageSize,
            @AuthenticationPrincipal SignedInUser user) {
        if (user.hasRole(org.sanrong.identity.Role.INSTITUTION)) {
            return flow.ofInstitution(status, user, Math.max(0, page), ResultPage.sizeOf(pageSize));
        }
        List<DealView> all = flow.ofEnterprise(user).stream()
                .filter(d -> status == null || d.status() == status).toList();
        return new ResultPage<>(all, 0, Math.max(1, all.size()), all.size());
    }

    @GetMapping("/{id}")
    DealDetails one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Deal.Id dealId = new Deal.Id(id);
        return new DealDetails(flow.view(dealId, user), flow.timeline(dealId, user), flow.statusReports(dealId, user));
    }

    /** The enterprise applies to a product. */
    @PostMapping
    @PreAuthorize("hasRole('ENTERPRISE')")
    ResponseEntity<?> apply(@RequestBody Application body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, scope(user, "apply"), body, () -> created(flow.apply(body, user), user));
    }

    /** The institution picks up (接单) a published demand it was matched to. */
    @PostMapping("/pickups")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> pickUpDemand(@RequestBody PickUp body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, scope(user, "pickup"), body,
                () -> created(flow.pickUpDemand(body.demandId(), user), user));
    }

    /** The institution picks up an application or referral waiting for it. */
    @PostMapping("/{id}/pickup")
    @PreAuthorize("hasRole('INSTITUTION')")
    DealView pickUp(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        flow.pickUp(new Deal.Id(id), user);
        return flow.view(new Deal.Id(id), user);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('INSTITUTION')")
    DealView decide(@PathVariable UUID id, @RequestBody Decision body, @AuthenticationPrincipal SignedInUser user) {
        Deal.Id dealId = new Deal.Id(id);
        switch (body.decision() == null ? "" : body.decision()) {
            case "APPROVE" -> {
                if (body.offer() == null) {
                    throw new InvalidRequestException("offer", "批复时请填写批复条件");
                }
                flow.approve(dealId, body.offer(), user);
            }
            case "DECLINE" -> {
                if (body.reason() == null) {
                    throw new InvalidRequestException("reason", "拒绝时请选择原因");
                }
                flow.decline(dealId, body.reason(), body.note(), user);
            }
            case "MATERIALS" -> flow.requestMaterials(dealId, body.note() == null ? "" : body.note(), user);
            default -> throw new InvalidRequestException("decision", "decision 须为 APPROVE、DECLINE 或 MATERIALS");
        }
        return flow.view(dealId, user);
    }

    @PostMapping("/{id}/materials")
    @PreAuthorize("hasRole('ENTERPRISE')")
    DealView provideMaterials(@PathVariable UUID id, @RequestBody Note body,
            @AuthenticationPrincipal SignedInUser user) {
        flow.provideMaterials(new Deal.Id(id), body.note() == null ? "" : body.note(), user);
        return flow.view(new Deal.Id(id), user);
    }

    @PostMapping("/{id}/offer/acceptance")
    @PreAuthorize("hasRole('ENTERPRISE')")
    DealView acceptOffer(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        flow.acceptOffer(new Deal.Id(id), user);
        return flow.view(new Deal.Id(id), user);
    }

    @PostMapping("/{id}/offer/refusal")
    @PreAuthorize("hasRole('ENTERPRISE')")
    DealView declineOffer(@PathVariable UUID id, @RequestBody(required = false) @Nullable Note body,
            @AuthenticationPrincipal SignedInUser user) {
        flow.declineOffer(new Deal.Id(id), body == null ? null : body.note(), user);
        return flow.view(new Deal.Id(id), user);
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasRole('ENTERPRISE')")
    DealView withdraw(@PathVariable UUID id, @RequestBody(required = false) @Nullable Note body,
            @AuthenticationPrincipal SignedInUser user) {
        flow.withdraw(new Deal.Id(id), body == null ? null : body.note(), user);
        return flow.view(new Deal.Id(id), user);
    }

    @PostMapping("/{id}/disbursement")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> disburse(@PathVariable UUID id, @RequestBody Disbursement body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @AuthenticationPrincipal SignedInUser user) {
        return recorded(key, user, "disburse", id, body, () -> flow.recordDisbursement(new Deal.Id(id), body, user));
    }

    @PostMapping("/{id}/investment")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> invest(@PathVariable UUID id, @RequestBody Investment body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @AuthenticationPrincipal SignedInUser user) {
        return recorded(key, user, "invest", id, body, () -> flow.recordInvestment(new Deal.Id(id), body, user));
    }

    @PostMapping("/{id}/loan-status")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> reportStatus(@PathVariable UUID id, @RequestBody StatusReport body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @AuthenticationPrincipal SignedInUser user) {
        if (body.status() == null || body.asOf() == null) {
            throw new InvalidRequestException("status", "请填写还款状态和报送日期");
        }
        return recorded(key, user, "status", id, body, () -> flow.reportLoanStatus(new Deal.Id(id), body.status(),
                body.asOf(), body.outstandingFen(), user));
    }

    /** Records something on a deal once per Idempotency-Key; answers 201 with the deal as it now stands. */
    private ResponseEntity<?> recorded(@Nullable String key, SignedInUser user, String endpoint, UUID id, Object body,
            Runnable record) {
        return idempotency.once(key, scope(user, endpoint + ":" + id), body, () -> {
            record.run();
            return created(new Deal.Id(id), user);
        });
    }

    private ResponseEntity<DealView> created(Deal.Id id, SignedInUser user) {
        return ResponseEntity.created(URI.create("/api/v1/deals/" + id.value())).body(flow.view(id, user));
    }

    private static String scope(SignedInUser user, String endpoint) {
        return user.organisationId() + ":" + endpoint;
    }
}
