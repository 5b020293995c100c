package org.sanrong.subsidy.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.subsidy.Batch;
import org.sanrong.subsidy.SubsidyBatches;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payment batches for officials: prepare, select (择优), check, second approval, pay (export: the batch page). */
@RestController
@RequestMapping("/api/v1/subsidies/batches")
@PreAuthorize("hasRole('GOV')")
class SubsidyBatchApi {

    private final SubsidyBatches batches;

    SubsidyBatchApi(SubsidyBatches batches) {
        this.batches = batches;
    }

    record PrepareRequest(@Nullable String policy, @Nullable Integer year) {
    }

    record SelectRequest(@Nullable List<UUID> selected) {
    }

    record ItemJson(UUID entitlement, int rank, String beneficiary, String enterprise, String eventDate,
            String claimed, String allocated, boolean selected, boolean paid) {
    }

    record BatchJson(UUID id, String policy, int year, String allocation, String status, String available,
            String total, String madeBy, @Nullable String checkedBy, @Nullable String secondBy, List<ItemJson> items) {

        static BatchJson of(Batch b) {
            return new BatchJson(b.id(), b.policyCode(), b.year(), b.allocation().name(), b.status().name(),
                    b.availableYuan(), b.totalYuan(), b.madeBy(), b.checkedBy(), b.secondBy(), b.items().stream()
                            .map(i -> new ItemJson(i.entitlementId(), i.rank(), i.beneficiaryName(),
                                    i.enterpriseCode(), i.eventDate().toString(), i.claimedYuan(), i.allocatedYuan(),
                                    i.selected(), i.paidAt() != null)).toList());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BatchJson prepare(@RequestBody PrepareRequest body, @AuthenticationPrincipal SignedInUser user) {
        if (body.policy() == null || body.year() == null) {
            throw new InvalidRequestException(body.policy() == null ? "policy" : "year", "请填写政策编号和年度");
        }
        return BatchJson.of(batches.prepare(body.policy(), body.year(), user));
    }

    @GetMapping
    List<BatchJson> all(@AuthenticationPrincipal SignedInUser user) {
        return batches.all(user).stream().map(BatchJson::of).toList();
    }

    @GetMapping("/{id}")
    BatchJson one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return BatchJson.of(batches.view(id, user));
    }

    @PostMapping("/{id}/selection")
    BatchJson select(@PathVariable UUID id, @RequestBody SelectRequest body,
            @AuthenticationPrincipal SignedInUser user) {
        return BatchJson.of(batches.select(id, body.selected() == null ? List.of() : body.selected(), user));
    }

    @PostMapping("/{id}/check")
    BatchJson check(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return BatchJson.of(batches.check(id, user));
    }

    @PostMapping("/{id}/approval")
    BatchJson approve(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return BatchJson.of(batches.approve(id, user));
    }

    @PostMapping("/{id}/payment")
    BatchJson pay(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return BatchJson.of(batches.pay(id, user));
    }
}
