package org.sanrong.riskshare.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.riskshare.BridgeLoans;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 转贷 over JSON: town lists, application, the bank's commitment, lending, renewal, repayment, the fund's money. */
@RestController
@RequestMapping("/api/v1/riskshare/bridge")
class BridgeApi {

    private final BridgeLoans bridges;

    BridgeApi(BridgeLoans bridges) {
        this.bridges = bridges;
    }

    record ListBody(@Nullable String town, @Nullable String creditCode) {
    }

    record ApplyBody(@Nullable UUID bankId, @Nullable String oldLoanNumber, @Nullable LocalDate oldLoanMaturity,
            @Nullable String amount) {
    }

    record CommitBody(@Nullable Boolean renew, @Nullable String reason) {
    }

    record RenewBody(@Nullable Boolean renewed, @Nullable String newLoanNumber) {
    }

    record DateBody(@Nullable LocalDate on) {
    }

    record AmountBody(@Nullable String amount) {
    }

    record Board(BridgeLoans.Terms terms, BridgeLoans.FundFigures fund, List<BridgeLoans.Bridge> bridges) {
    }

    @GetMapping
    Board board(@AuthenticationPrincipal SignedInUser user) {
        return new Board(bridges.terms(), bridges.figures(), bridges.bridges(user));
    }

    @GetMapping("/{id}")
    BridgeLoans.Bridge one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return bridges.bridge(id, user);
    }

    @GetMapping("/town-lists")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'GOV', 'ADMIN')")
    List<BridgeLoans.Listed> listed() {
        return bridges.listed(null);
    }

    @PostMapping("/town-lists")
    ResponseEntity<Void> list(@RequestBody ListBody body, @AuthenticationPrincipal SignedInUser user) {
        bridges.list(body.town(), body.creditCode(), user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping
    ResponseEntity<BridgeLoans.Bridge> apply(@RequestBody ApplyBody body, @AuthenticationPrincipal SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long amount = Amounts.yuan(errors, "amount", body.amount(), true);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID id = bridges.apply(new BridgeLoans.Application(body.bankId(), body.oldLoanNumber(),
                body.oldLoanMaturity(), amount), user);
        return ResponseEntity.created(URI.create("/api/v1/riskshare/bridge/" + id)).body(bridges.bridge(id, user));
    }

    @PostMapping("/{id}/commitment")
    BridgeLoans.Bridge commit(@PathVariable UUID id, @RequestBody CommitBody body,
            @AuthenticationPrincipal SignedInUser user) {
        bridges.commit(id, body.renew() == null || body.renew(), body.reason(), user);
        return bridges.bridge(id, user);
    }

    @PostMapping("/{id}/lending")
    BridgeLoans.Bridge lend(@PathVariable UUID id, @RequestBody(required = false) @Nullable DateBody body,
            @AuthenticationPrincipal SignedInUser user) {
        bridges.lend(id, body == null ? null : body.on(), user);
        return bridges.bridge(id, user);
    }

    @PostMapping("/{id}/renewal")
    BridgeLoans.Bridge renew(@PathVariable UUID id, @RequestBody RenewBody body,
            @AuthenticationPrincipal SignedInUser user) {
        bridges.renew(id, body.renewed() == null || body.renewed(), body.newLoanNumber(), user);
        return bridges.bridge(id, user);
    }

    @PostMapping("/{id}/repayment")
    BridgeLoans.Bridge repaid(@PathVariable UUID id, @RequestBody(required = false) @Nullable DateBody body,
            @AuthenticationPrincipal SignedInUser user) {
        bridges.repaid(id, body == null ? null : body.on(), user);
        return bridges.bridge(id, user);
    }

    @PostMapping("/funding")
    @PreAuthorize("hasRole('GOV')")
    BridgeLoans.FundFigures fund(@RequestBody AmountBody body, @AuthenticationPrincipal SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long amount = Amounts.yuan(errors, "amount", body.amount(), true);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        bridges.fund(amount, user);
        return bridges.figures();
    }
}
