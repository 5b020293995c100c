package org.sanrong.subsidy.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.subsidy.Calculation;
import org.sanrong.subsidy.Entitlement;
import org.sanrong.subsidy.Subsidies;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of subsidies. Amounts are decimal strings in yuan with two places. {@code POST /trial} evaluates a
 * policy on given facts without saving (试算); the state changes answer 409 when the state does not allow them.
 */
@RestController
@RequestMapping("/api/v1/subsidies")
class SubsidyApi {

    private final Subsidies subsidies;

    SubsidyApi(Subsidies subsidies) {
        this.subsidies = subsidies;
    }

    record TrialRequest(@Nullable String policy, @Nullable Map<String, @Nullable Object> facts,
            @Nullable String grantedBefore) {
    }

    record RuleResult(String name, String expression, boolean passed) {
    }

    record TrialResponse(String policy, int version, boolean eligible, List<RuleResult> rules, String formula,
            String formulaAmount, @Nullable String cap, @Nullable String capRemaining, boolean capApplied,
            String amount, Map<String, Object> inputs) {

        static TrialResponse of(Calculation c) {
            return new TrialResponse(c.policyCode(), c.policyVersion(),
                    c.rules().stream().allMatch(Calculation.RuleCheck::passed),
                    c.rules().stream().map(r -> new RuleResult(r.name(), r.expression(), r.passed())).toList(),
                    c.formula(), yuan(c.formulaFen()), c.capFen() == null ? null : yuan(c.capFen()),
                    c.capRemainingFen() == null ? null : yuan(c.capRemainingFen()), c.capApplied(),
                    yuan(c.amountFen()), c.inputs());
        }
    }

    record EntitlementJson(UUID id, String policy, int policyVersion, String beneficiary, String enterprise,
            String eventDate, int year, String amount, String status, @Nullable String noticeUntil,
            TrialResponse calculation) {

        static EntitlementJson of(Entitlement e) {
            return new EntitlementJson(e.id().value(), e.policyCode(), e.policyVersion(), e.beneficiaryName(),
                    e.enterpriseCode(), e.eventDate().toString(), e.year(), yuan(e.amountFen()), e.status().name(),
                    e.noticeUntil() == null ? null : e.noticeUntil().toString(), TrialResponse.of(e.calculation()));
        }
    }

    @GetMapping("/mine")
    List<EntitlementJson> mine(@AuthenticationPrincipal SignedInUser user) {
        return subsidies.mine(user).stream().map(EntitlementJson::of).toList();
    }

    @PostMapping("/trial")
    TrialResponse trial(@RequestBody TrialRequest body) {
        if (body.policy() == null || body.policy().isBlank()) {
            throw new InvalidRequestException("policy", "请填写政策编号");
        }
        long granted = 0;
        if (body.grantedBefore() != null && !body.grantedBefore().isBlank()) {
            try {
                BigDecimal fen = new BigDecimal(body.grantedBefore().strip()).movePointRight(2);
                if (fen.signum() < 0 || fen.stripTrailingZeros().scale() > 0) {
                    throw new NumberFormatException();
                }
                granted = fen.longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidRequestException("grantedBefore", "须为不超过两位小数的非负金额（元）");
            }
        }
        return TrialResponse.of(subsidies.trial(body.policy(), body.facts() == null ? Map.of() : body.facts(),
                granted));
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
