package org.sanrong.riskshare.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.IdempotentRequests;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.riskshare.GuaranteeDefaults;
import org.sanrong.riskshare.GuaranteeParty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Guaranteed loans (担保分险) over JSON: record one with its chain and scheme, record its default and recoveries (each
 * party's part, payable and receivable go to the ledger), settle between parties, and read who owes whom. Amounts in
 * requests are yuan strings; the view answers fen.
 */
@RestController
@RequestMapping("/api/v1/riskshare/guaranteed-loans")
class GuaranteeApi {

    private final GuaranteeDefaults guarantees;
    private final IdempotentRequests idempotency;

    GuaranteeApi(GuaranteeDefaults guarantees, IdempotentRequests idempotency) {
        this.guarantees = guarantees;
        this.idempotency = idempotency;
    }

    record NewLoanBody(@Nullable String scheme, @Nullable String loanNumber, @Nullable String enterpriseName,
            @Nullable String enterpriseCreditCode, @Nullable String enterpriseCategory, @Nullable String principal,
            @Nullable LocalDate guaranteedOn, @Nullable String bankName, @Nullable String cityGuarantorName,
            @Nullable String provincialName, @Nullable String nationalFundName,
            @Nullable String localGovernmentName) {
    }

    record AmountBody(@Nullable String amount, @Nullable LocalDate on) {
    }

    record SettlementBody(@Nullable GuaranteeParty payer, @Nullable GuaranteeParty payee, @Nullable String amount,
            @Nullable LocalDate on) {
    }

    @GetMapping
    List<GuaranteeDefaults.Loan> list(@AuthenticationPrincipal SignedInUser user) {
        return guarantees.loans(user);
    }

    @GetMapping("/{id}")
    GuaranteeDefaults.View one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return guarantees.view(id, user);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('INSTITUTION', 'GOV')")
    ResponseEntity<?> record(@RequestBody NewLoanBody body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long principal = Amounts.yuan(errors, "principal", body.principal(), true);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return idempotency.once(key, user.organisationId() + ":riskshare-guaranteed-loan", body, () -> {
            UUID id = guarantees.record(new GuaranteeDefaults.NewLoan(body.scheme(), body.loanNumber(),
                    body.enterpriseName(), body.enterpriseCreditCode(), body.enterpriseCategory(), principal,
                    body.guaranteedOn(), body.bankName(), body.cityGuarantorName(), body.provincialName(),
                    body.nationalFundName(), body.localGovernmentName()), user);
            return ResponseEntity.created(URI.create("/api/v1/riskshare/guaranteed-loans/" + id))
                    .body(guarantees.view(id, user));
        });
    }

    @PostMapping("/{id}/default")
    GuaranteeDefaults.View recordDefault(@PathVariable UUID id, @RequestBody AmountBody body,
            @AuthenticationPrincipal SignedInUser user) {
        guarantees.recordDefault(id, amount(body.amount(), "loss"), body.on(), user);
        return guarantees.view(id, user);
    }

    @PostMapping("/{id}/recoveries")
    GuaranteeDefaults.View recordRecovery(@PathVariable UUID id, @RequestBody AmountBody body,
            @AuthenticationPrincipal SignedInUser user) {
        guarantees.recordRecovery(id, amount(body.amount(), "amount"), body.on(), user);
        return guarantees.view(id, user);
    }

    @PostMapping("/{id}/settlements")
    GuaranteeDefaults.View settle(@PathVariable UUID id, @RequestBody SettlementBody body,
            @AuthenticationPrincipal SignedInUser user) {
        guarantees.settle(id, body.payer(), body.payee(), amount(body.amount(), "amount"), body.on(), user);
        return guarantees.view(id, user);
    }

    private static Long amount(@Nullable String value, String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long fen = Amounts.yuan(errors, field, value, true);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return fen;
    }
}
