package org.sanrong.stats.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.stats.PlanIndicators;
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

/** 规划指标 as JSON: the indicators with base, target, latest actual and progress; a department's value entry. */
@RestController
@RequestMapping("/api/v1/plan/indicators")
@PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
class PlanApi {

    private final PlanIndicators plan;

    PlanApi(PlanIndicators plan) {
        this.plan = plan;
    }

    @GetMapping
    List<PlanIndicators.IndicatorView> list() {
        return plan.indicators();
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@PathVariable UUID id) {
        return Map.of("indicator", plan.indicator(id), "history", plan.history(id));
    }

    /** A value for a year (quarter omitted) or a quarter: {@code {"year", "quarter", "value", "unit", "source", "note"}}. */
    record ValueForm(@Nullable Integer year, @Nullable Integer quarter, @Nullable String value, @Nullable String unit,
            @Nullable String source, @Nullable String note) {
    }

    @PostMapping("/{id}/values")
    @ResponseStatus(HttpStatus.CREATED)
    PlanIndicators.IndicatorView record(@PathVariable UUID id, @RequestBody ValueForm form,
            @AuthenticationPrincipal SignedInUser user) {
        if (form.year() == null) {
            throw new org.sanrong.platform.InvalidRequestException("year", "请填写年份");
        }
        plan.record(id, form.year(), form.quarter(), form.value(), form.unit(), form.source(), form.note(), null,
                null, user);
        return plan.indicator(id);
    }
}
