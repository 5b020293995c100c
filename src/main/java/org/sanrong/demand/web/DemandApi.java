package org.sanrong.demand.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.demand.DemandStatus;
import org.sanrong.demand.DemandTerms;
import org.sanrong.demand.DemandVersion;
import org.sanrong.demand.DemandView;
import org.sanrong.demand.Demands;
import org.sanrong.demand.FinancingDemand;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.demand.OpenDemandQuery;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of 融资需求. Money in fen, rates and stakes as decimal percentages, dates ISO; errors as problem JSON with
 * the offending fields. Access rules as on the pages (they live in {@link Demands}).
 */
@RestController
@RequestMapping("/api/v1/demands")
class DemandApi {

    private final Demands demands;

    DemandApi(Demands demands) {
        this.demands = demands;
    }

    /** Why the enterprise closes its demand. */
    record Closure(@Nullable String reason) {
    }

    @GetMapping
    @PreAuthorize("hasRole('ENTERPRISE')")
    List<DemandView> mine(@AuthenticationPrincipal SignedInUser user) {
        return demands.mine(user);
    }

    /** Creates a draft, or publishes at once with {@code ?publish=true} (all or nothing). */
    @PostMapping
    @PreAuthorize("hasRole('ENTERPRISE')")
    ResponseEntity<DemandView> create(@RequestBody DemandTerms body,
            @RequestParam(defaultValue = "false") boolean publish, @AuthenticationPrincipal SignedInUser user) {
        FinancingDemand.Id id = demands.create(body, publish, user);
        return ResponseEntity.created(URI.create("/api/v1/demands/" + id.value())).body(demands.view(id, user));
    }

    @GetMapping("/open")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'GOV', 'ADMIN')")
    ResultPage<DemandView> open(@RequestParam(required = false) @Nullable FinancingKind kind,
            @RequestParam(required = false) @Nullable Long minAmountFen,
            @RequestParam(required = false) @Nullable Long maxAmountFen,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable DemandStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int pageSize,
            @AuthenticationPrincipal SignedInUser user) {
        return demands.open(new OpenDemandQuery(kind, minAmountFen, maxAmountFen, town, industry, status), user,
                Math.max(0, page), ResultPage.sizeOf(pageSize));
    }

    @GetMapping("/{id}")
    DemandView one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return demands.view(new FinancingDemand.Id(id), user);
    }

    /** New terms; a published demand becomes its next version. */
    @PutMapping("/{id}")
    DemandView revise(@PathVariable UUID id, @RequestBody DemandTerms body, @AuthenticationPrincipal SignedInUser user) {
        demands.revise(new FinancingDemand.Id(id), body, user);
        return one(id, user);
    }

    @PostMapping("/{id}/publication")
    DemandView publish(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        demands.publish(new FinancingDemand.Id(id), user);
        return one(id, user);
    }

    @PostMapping("/{id}/closure")
    DemandView close(@PathVariable UUID id, @RequestBody(required = false) @Nullable Closure body,
            @AuthenticationPrincipal SignedInUser user) {
        demands.close(new FinancingDemand.Id(id), body == null ? null : body.reason(), user);
        return one(id, user);
    }

    @GetMapping("/{id}/versions")
    List<DemandVersion> versions(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return demands.versions(new FinancingDemand.Id(id), user);
    }

    @GetMapping("/{id}/versions/{version}")
    DemandVersion version(@PathVariable UUID id, @PathVariable int version,
            @AuthenticationPrincipal SignedInUser user) {
        return demands.version(new FinancingDemand.Id(id), version, user);
    }
}
