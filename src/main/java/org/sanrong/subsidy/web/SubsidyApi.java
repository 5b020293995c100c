package org.sanrong.subsidy.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.subsidy.Calculation;
import org.sanrong.subsidy.Clawback;
import org.sanrong.subsidy.Entitlement;
import org.sanrong.subsidy.Objection;
import org.sanrong.subsidy.ReportedEvent;
import org.sanrong.subsidy.Subsidies;
import org.sanrong.subsidy.SubsidyViews;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of subsidies. Amounts are decimal strings in yuan with two places. {@code POST /quotes} computes a policy
 * on hypothetical events without saving (试算); the state changes answer 409 when the state does not allow them.
 */
@RestController
@RequestMapping("/api/v1/subsidies")
class SubsidyApi {

    private final Subsidies subsidies;
    private final SubsidyViews views;
    private final org.sanrong.enterprise.EnterpriseBook enterprises;

    SubsidyApi(Subsidies subsidies, SubsidyViews views, org.sanrong.enterprise.EnterpriseBook enterprises) {
        this.subsidies = subsidies;
        this.views = views;
        this.enterprises = enterprises;
    }

    /** {@code POST /quotes}: a policy, the year, the beneficiary's credit code and hypothetical events. */
    record QuoteRequest(@Nullable String policy, @Nullable Integer year, @Nullable String beneficiary,
            @Nullable List<Map<String, @Nullable Object>> events) {
    }

    record QuoteEventJson(String ref, String amount, String rule, @Nullable String capRemaining) {
    }

    record QuoteJson(List<QuoteEventJson> events, String total) {
        static QuoteJson of(Subsidies.Quote q) {
            return new QuoteJson(q.events().stream().map(l -> new QuoteEventJson(l.ref(), yuan(l.amountFen()),
                    l.rule(), l.capRemainingFen() == null ? null : yuan(l.capRemainingFen()))).toList(),
                    yuan(q.totalFen()));
        }
    }

    record RuleResult(String name, String expression, boolean passed) {
    }

    /** How an entitlement's amount came about. */
    record CalculationJson(String policy, int version, boolean eligible, List<RuleResult> rules, String formula,
            String formulaAmount, @Nullable String cap, @Nullable String capRemaining, boolean capApplied,
            String amount, Map<String, Object> inputs) {

        static CalculationJson of(Calculation c) {
            return new CalculationJson(c.policyCode(), c.policyVersion(), c.eligible(),
                    c.rules().stream().map(r -> new RuleResult(r.name(), r.expression(), r.passed())).toList(),
                    c.formula(), yuan(c.formulaFen()), c.capFen() == null ? null : yuan(c.capFen()),
                    c.capRemainingFen() == null ? null : yuan(c.capRemainingFen()), c.capApplied(),
                    yuan(c.amountFen()), c.inputs());
        }
    }

    record EntitlementJson(UUID id, String policy, int policyVersion, String beneficiary, String enterprise,
            String eventDate, int year, String amount, String status, @Nullable String noticeUntil,
            CalculationJson calculation) {

        static EntitlementJson of(Entitlement e) {
            return new EntitlementJson(e.id().value(), e.policyCode(), e.policyVersion(), e.beneficiaryName(),
                    e.enterpriseCode(), e.eventDate().toString(), e.year(), yuan(e.amountFen()), e.status().name(),
                    e.noticeUntil() == null ? null : e.noticeUntil().toString(), CalculationJson.of(e.calculation()));
        }
    }

    /** Entitlements with policy code, beneficiary, amount, status and calculation: one's own; all for government. */
    @GetMapping("/entitlements")
    List<EntitlementJson> entitlements(@AuthenticationPrincipal SignedInUser user) {
        return subsidies.entitlements(user).stream().map(EntitlementJson::of).toList();
    }

    /** Budget use of a year by policy, town, industry and month, and the forecast from the pipeline. */
    @GetMapping("/budget")
    @PreAuthorize("hasRole('GOV')")
    SubsidyViews.BudgetUse budget(@org.springframework.web.bind.annotation.RequestParam int year,
            @AuthenticationPrincipal SignedInUser user) {
        return views.budgetUse(year, user);
    }

    /** For each policy the enterprise does not qualify for: the failed rule and what would change it. */
    @GetMapping("/why-not")
    List<SubsidyViews.WhyNot> whyNot(
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String enterprise,
            @AuthenticationPrincipal SignedInUser user) {
        String code = user.hasRole(org.sanrong.identity.Role.GOV) && enterprise != null ? enterprise
                : enterprises.ownCreditCode(user).orElseThrow(() -> new org.sanrong.platform.InvalidRequestException(
                        "enterprise", "仅企业（或政府部门指定企业）可查看"));
        return views.whyNot(code);
    }

    /** Computes a policy on hypothetical events without saving anything (试算). */
    @PostMapping("/quotes")
    QuoteJson quote(@RequestBody QuoteRequest body) {
        return QuoteJson.of(subsidies.quote(body.policy(), body.year(), body.beneficiary(), body.events()));
    }

    record ReportJson(UUID id, List<EntitlementJson> entitlements) {
    }

    /** A cost event reported by the bank, the enterprise or an official; its entitlements are computed at once. */
    @PostMapping("/events")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ReportJson report(@RequestBody Map<String, @Nullable Object> body, @AuthenticationPrincipal SignedInUser user) {
        Subsidies.Report r = subsidies.report(body, user);
        return new ReportJson(r.id(), r.entitlements().stream().map(EntitlementJson::of).toList());
    }

    @GetMapping("/events")
    List<ReportedEvent> reported(@AuthenticationPrincipal SignedInUser user) {
        return subsidies.reported(user);
    }

    record ObjectionRequest(@Nullable String text, @Nullable String name, @Nullable String phone) {
    }

    record ResolutionRequest(@Nullable Boolean upheld, @Nullable String resolution) {
    }

    /** An objection to an entitlement on public notice: pauses it until resolved. */
    @PostMapping("/{id}/objections")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    Objection object(@PathVariable UUID id, @RequestBody ObjectionRequest body,
            @AuthenticationPrincipal SignedInUser user) {
        return subsidies.object(new Entitlement.Id(id), body.text(), body.name(), body.phone(), user);
    }

    @GetMapping("/objections")
    @PreAuthorize("hasRole('GOV')")
    List<Objection> objections(@AuthenticationPrincipal SignedInUser user) {
        return subsidies.objections(false, user);
    }

    @PostMapping("/objections/{id}/resolution")
    @PreAuthorize("hasRole('GOV')")
    Objection resolve(@PathVariable UUID id, @RequestBody ResolutionRequest body,
            @AuthenticationPrincipal SignedInUser user) {
        if (body.upheld() == null) {
            throw new org.sanrong.platform.InvalidRequestException("upheld", "请选择异议是否成立");
        }
        return subsidies.resolve(id, body.upheld(), body.resolution(), user);
    }

    record ClawbackRequest(@Nullable String reason, java.time.@Nullable LocalDate brokenOn) {
    }

    /** The policy's condition broke later: the paid amount becomes a receivable. */
    @PostMapping("/{id}/clawback")
    @PreAuthorize("hasRole('GOV')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    Clawback clawBack(@PathVariable UUID id, @RequestBody ClawbackRequest body,
            @AuthenticationPrincipal SignedInUser user) {
        return subsidies.clawBack(new Entitlement.Id(id), body.reason(), body.brokenOn(), user);
    }

    /** Clawbacks: all for government, one's own otherwise. */
    @GetMapping("/clawbacks")
    List<Clawback> clawbacks(@AuthenticationPrincipal SignedInUser user) {
        return subsidies.clawbacks(user);
    }

    @PostMapping("/clawbacks/{id}/recovery")
    @PreAuthorize("hasRole('GOV')")
    Clawback recovered(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return subsidies.recovered(id, user);
    }

    @GetMapping("/{id}")
    EntitlementJson one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return EntitlementJson.of(subsidies.view(new Entitlement.Id(id), user));
    }

    @PostMapping("/{id}/confirmation")
    EntitlementJson confirm(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return EntitlementJson.of(subsidies.confirm(new Entitlement.Id(id), user));
    }

    @PostMapping("/{id}/notice")
    @PreAuthorize("hasRole('GOV')")
    EntitlementJson notice(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return EntitlementJson.of(subsidies.notice(new Entitlement.Id(id), user));
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize("hasRole('GOV')")
    EntitlementJson approve(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return EntitlementJson.of(subsidies.approve(new Entitlement.Id(id), user));
    }

    @PostMapping("/{id}/payment")
    @PreAuthorize("hasRole('GOV')")
    EntitlementJson pay(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return EntitlementJson.of(subsidies.pay(new Entitlement.Id(id), user));
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
