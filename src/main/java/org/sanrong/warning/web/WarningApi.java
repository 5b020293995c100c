package org.sanrong.warning.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.warning.EarlyWarning;
import org.sanrong.warning.WarningCase;
import org.sanrong.warning.WarningRules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 风险预警 as JSON: the queue, one warning, its handling, the rules. */
@RestController
@RequestMapping("/api/v1/warnings")
class WarningApi {

    private final EarlyWarning warnings;

    WarningApi(EarlyWarning warnings) {
        this.warnings = warnings;
    }

    @GetMapping
    List<WarningCase> queue(@RequestParam(required = false) WarningCase.@Nullable Status status,
            @RequestParam(required = false) WarningRules.@Nullable Level level,
            @AuthenticationPrincipal SignedInUser user) {
        return warnings.queue(status, user).stream().filter(c -> level == null || c.level() == level).toList();
    }

    @GetMapping("/{id}")
    WarningCase one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return warnings.find(id, user);
    }

    record Assignment(@Nullable String assignee) {
    }

    record Verification(@Nullable String verification) {
    }

    record Closure(@Nullable String finding, @Nullable String measures) {
    }

    @PostMapping("/{id}/assignment")
    WarningCase assign(@PathVariable UUID id, @RequestBody Assignment body, @AuthenticationPrincipal SignedInUser user) {
        warnings.assign(id, body.assignee(), user);
        return warnings.find(id, user);
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    WarningCase verify(@PathVariable UUID id, @RequestBody Verification body,
            @AuthenticationPrincipal SignedInUser user) {
        warnings.verify(id, body.verification(), user);
        return warnings.find(id, user);
    }

    @PostMapping("/{id}/closure")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    WarningCase close(@PathVariable UUID id, @RequestBody Closure body, @AuthenticationPrincipal SignedInUser user) {
        warnings.close(id, body.finding(), body.measures(), user);
        return warnings.find(id, user);
    }

    record LegalRepresentativeChange(@Nullable String creditCode, java.time.@Nullable LocalDate changedOn,
            @Nullable String reference) {
    }

    /** A change of legal representative from the registry; the enterprise is scored again. */
    @PostMapping("/legal-representative-changes")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    WarningRules.Score legalRepresentativeChange(@RequestBody LegalRepresentativeChange body,
            @AuthenticationPrincipal SignedInUser user) {
        warnings.recordLegalRepresentativeChange(body.creditCode(), body.changedOn(), body.reference(), user);
        return warnings.rescore(java.util.Objects.requireNonNull(body.creditCode()));
    }

    @GetMapping("/rules")
    List<WarningRules.Rule> rules() {
        return warnings.rules();
    }
}
