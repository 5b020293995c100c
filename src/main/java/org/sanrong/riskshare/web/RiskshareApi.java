package org.sanrong.riskshare.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.IdempotentRequests;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.reference.ReferenceData;
import org.sanrong.riskshare.Claim;
import org.sanrong.riskshare.ClaimView;
import org.sanrong.riskshare.Compensation;
import org.sanrong.riskshare.Filing;
import org.sanrong.riskshare.FilingStatus;
import org.sanrong.riskshare.FilingView;
import org.sanrong.riskshare.GuaranteeParty;
import org.sanrong.riskshare.GuaranteeScheme;
import org.sanrong.riskshare.GuaranteeSplit;
import org.sanrong.riskshare.LoanFeature;
import org.sanrong.riskshare.PoolFigures;
import org.sanrong.riskshare.RiskCompensation;
import org.sanrong.riskshare.Scheme;
import org.sanrong.riskshare.SchemeCatalog;
import org.sanrong.riskshare.Yuan;
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
 * JSON API of risk sharing. Quotes (试算) compute without saving: amounts are decimal strings in yuan with two
 * places, ratios with four. Filing, claims, review, payment, recoveries and pool funding change state; their
 * request amounts are yuan strings too, and the records they answer carry fen ({@code ...Fen}). Creating POSTs honour
 * an {@code Idempotency-Key}. Bad input answers 400 problem JSON with {@code errors} by field.
 */
@RestController
@RequestMapping("/api/v1/riskshare")
class RiskshareApi {

    private final SchemeCatalog schemes;
    private final RiskCompensation compensation;
    private final ReferenceData reference;
    private final IdempotentRequests idempotency;
    private final java.time.Clock clock;

    private final org.sanrong.riskshare.GuaranteeDefaults guarantees;
    private final org.sanrong.riskshare.GovOutlook outlookService;

    RiskshareApi(SchemeCatalog schemes, RiskCompensation compensation, ReferenceData reference,
            IdempotentRequests idempotency, java.time.Clock clock, org.sanrong.riskshare.GuaranteeDefaults guarantees,
            org.sanrong.riskshare.GovOutlook outlookService) {
        this.guarantees = guarantees;
        this.outlookService = outlookService;
        this.schemes = schemes;
        this.compensation = compensation;
        this.reference = reference;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    // ---- quotes -------------------------------------------------------------------------------------------------

    record QuoteLoanRequest(@Nullable String ref, @Nullable String amount, @Nullable Boolean keySupportList,
            @Nullable Boolean ipPledge, @Nullable Boolean monetaryTool, @Nullable String loss,
            @Nullable Boolean firstLoan, @Nullable Boolean pureCredit, @Nullable Boolean receivablesPledge,
            @Nullable Boolean inventoryPledge, @Nullable Boolean guaranteed) {

        Set<LoanFeature> features() {
            Set<LoanFeature> f = EnumSet.noneOf(LoanFeature.class);
            add(f, keySupportList, LoanFeature.KEY_SUPPORT_LIST);
            add(f, ipPledge, LoanFeature.IP_PLEDGE);
            add(f, monetaryTool, LoanFeature.MONETARY_TOOL);
            add(f, firstLoan, LoanFeature.FIRST_LOAN);
            add(f, pureCredit, LoanFeature.PURE_CREDIT);
            add(f, receivablesPledge, LoanFeature.RECEIVABLES_PLEDGE);
            add(f, inventoryPledge, LoanFeature.INVENTORY_PLEDGE);
            add(f, guaranteed, LoanFeature.GUARANTEED);
            return f;
        }

        private static void add(Set<LoanFeature> f, @Nullable Boolean on, LoanFeature feature) {
            if (Boolean.TRUE.equals(on)) {
                f.add(feature);
            }
        }
    }

    record QuoteRequest(@Nullable String scheme, @Nullable Integer year, @Nullable String filedPrincipal,
            @Nullable List<QuoteLoanRequest> loans) {
    }

    record QuoteLine(String ref, String ratio, String compensation) {
    }

    record QuoteResponse(String lossRatio, boolean suspended, List<QuoteLine> loans, String payable, String held) {
    }

    /** 试算: a year's claims of a bank under one scheme, computed by the scheme version in force that year. */
    @PostMapping("/quotes")
    QuoteResponse quote(@RequestBody QuoteRequest body) {
        Map<String, String> errors = new LinkedHashMap<>();
        Scheme scheme = null;
        if (body.scheme() == null || body.scheme().isBlank()) {
            errors.put("scheme", "请填写补偿方案代码，如 GZ-2025-BANK");
        } else if (schemes.latest(body.scheme().strip()).isEmpty()) {
            errors.put("scheme", "没有补偿方案 " + body.scheme().strip() + "（担保分险请用 /guarantee-quotes）");
        } else if (body.year() == null) {
            errors.put("year", "请填写年度");
        } else {
            scheme = schemes.forYear(body.scheme().strip(), body.year()).orElse(null);
            if (scheme == null) {
                errors.put("year", body.scheme().strip() + " 在 " + body.year() + " 年不在有效期内");
            }
        }
        Long filed = Amounts.yuan(errors, "filedPrincipal", body.filedPrincipal(), true);
        if (filed != null && filed == 0) {
            errors.put("filedPrincipal", "当年备案本金须大于零");
        }
        List<Compensation.QuoteLoan> loans = new ArrayList<>();
        if (body.loans() == null || body.loans().isEmpty()) {
            errors.put("loans", "请列出至少一笔贷款");
        } else if (body.loans().size() > 1000) {
            errors.put("loans", "一次最多试算1000笔贷款");
        } else {
            Set<String> refs = new LinkedHashSet<>();
            for (int i = 0; i < body.loans().size(); i++) {
                QuoteLoanRequest l = body.loans().get(i);
                String p = "loans[" + i + "].";
                if (l == null) {
                    errors.put("loans[" + i + "]", "缺少贷款");
                    continue;
                }
                if (l.ref() == null || l.ref().isBlank() || l.ref().length() > 64) {
                    errors.put(p + "ref", "请填写贷款编号（不超过64个字符）");
                } else if (!refs.add(l.ref().strip())) {
                    errors.put(p + "ref", "贷款编号 " + l.ref().strip() + " 重复");
                }
                Long amount = Amounts.yuan(errors, p + "amount", l.amount(), true);
                Long loss = Amounts.yuan(errors, p + "loss", l.loss(), true);
                if (amount != null && amount == 0) {
                    errors.put(p + "amount", "贷款金额须大于零");
                }
                if (amount != null && loss != null && loss > amount) {
                    errors.put(p + "loss", "损失不能超过贷款金额");
                }
                if (amount != null && loss != null && l.ref() != null) {
                    loans.add(new Compensation.QuoteLoan(l.ref().strip(), amount, loss, l.features()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Compensation.Quote q = Compensation.quote(scheme, filed, loans);
        return new QuoteResponse(Yuan.ratio(q.lossRatio()), q.suspended(), q.loans().stream()
                .map(l -> new QuoteLine(l.ref(), Yuan.ratio(l.entitlement().ratio()),
                        Yuan.plain(l.entitlement().amountFen()))).toList(),
                Yuan.plain(q.payableFen()), Yuan.plain(q.heldFen()));
    }

    record GuaranteeQuoteRequest(@Nullable String scheme, @Nullable String enterpriseCategory,
            @Nullable String principal, @Nullable String loss, @Nullable String recovery) {
    }

    record PartyLine(GuaranteeParty party, String name, String share, String loss, String recovery, String net) {
    }

    record FeeLine(String name, GuaranteeParty payer, GuaranteeParty payee, String rate, String base, String yearly) {
    }

    record GuaranteeQuoteResponse(String scheme, int version, @Nullable String enterpriseCategory, String principal,
            String loss, String recovery, List<PartyLine> parties, List<FeeLine> fees) {
    }

    /** The split of a guaranteed loan's loss and recovery between the parties, and the yearly fees, without saving. */
    @PostMapping("/guarantee-quotes")
    GuaranteeQuoteResponse guaranteeQuote(@RequestBody GuaranteeQuoteRequest body) {
        Map<String, String> errors = new LinkedHashMap<>();
        GuaranteeScheme scheme = null;
        if (body.scheme() == null || body.scheme().isBlank()) {
            errors.put("scheme", "请填写担保分险方案代码，如 NFGF-TECH-2024 或 AH-4321");
        } else {
            scheme = schemes.guarantee(body.scheme().strip(), LocalDate.now(clock)).orElse(null);
            if (scheme == null) {
                errors.put("scheme", "没有担保分险方案 " + body.scheme().strip());
            }
        }
        Long principal = Amounts.yuan(errors, "principal", body.principal(), true);
        Long loss = Amounts.yuan(errors, "loss", body.loss(), true);
        Long recovery = Amounts.yuan(errors, "recovery", body.recovery(), false);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Set<String> categories = body.enterpriseCategory() == null || body.enterpriseCategory().isBlank()
                ? Set.of() : guarantees.categories(body.enterpriseCategory());
        GuaranteeSplit.Result r = GuaranteeSplit.split(scheme, categories, principal, loss,
                recovery == null ? 0 : recovery);
        List<PartyLine> parties = new ArrayList<>();
        for (GuaranteeParty p : GuaranteeParty.values()) {
            GuaranteeSplit.Part part = r.parts().stream().filter(x -> x.party() == p).findFirst()
                    .orElse(new GuaranteeSplit.Part(p, BigDecimal.ZERO, 0, 0));
            parties.add(new PartyLine(p, p.label(), Yuan.ratio(part.share()), Yuan.plain(part.lossFen()),
                    Yuan.plain(part.recoveryFen()), Yuan.plain(part.netFen())));
        }
        return new GuaranteeQuoteResponse(scheme.code(), scheme.version(), body.enterpriseCategory(),
                Yuan.plain(principal), Yuan.plain(loss), Yuan.plain(recovery == null ? 0 : recovery), parties,
                r.fees().stream().map(f -> new FeeLine(f.name(), f.payer(), f.payee(), Yuan.ratio(f.rate()),
                        Yuan.plain(f.baseFen()), Yuan.plain(f.yearlyFen()))).toList());
    }

    /** Every scheme version with its sources and validity. */
    /** Government's outlook: burn rate, forecast of claims from the credit profile, payouts by bank and by town. */
    @GetMapping("/outlook")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    org.sanrong.riskshare.GovOutlook.Outlook outlook(@AuthenticationPrincipal SignedInUser user) {
        long free = compensation.govBoard(user).pools().stream().mapToLong(p -> p.figures().balanceFen()).sum();
        return outlookService.outlook(free);
    }

    @GetMapping("/schemes")
    Map<String, Object> schemes() {
        return Map.of("compensation", schemes.schemes(), "guarantee", schemes.guaranteeSchemes());
    }

    // ---- filing -------------------------------------------------------------------------------------------------

    record Features(@Nullable List<LoanFeature> features) {

        Set<LoanFeature> set() {
            return features == null || features.isEmpty() ? EnumSet.noneOf(LoanFeature.class)
                    : EnumSet.copyOf(features);
        }
    }

    /** The bank's loans offered, not eligible and filed. */
    @GetMapping("/filings")
    @PreAuthorize("hasRole('INSTITUTION')")
    List<FilingView> filings(@RequestParam(required = false) @Nullable FilingStatus status,
            @AuthenticationPrincipal SignedInUser user) {
        return compensation.filings(status, user);
    }

    @GetMapping("/filings/{id}")
    FilingView filing(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return compensation.filing(new Filing.Id(id), user);
    }

    /** The bank files a loan offered to it. */
    @PostMapping("/filings/{id}/submission")
    @PreAuthorize("hasRole('INSTITUTION')")
    FilingView file(@PathVariable UUID id, @RequestBody(required = false) @Nullable Features body,
            @AuthenticationPrincipal SignedInUser user) {
        return compensation.file(new Filing.Id(id), body == null ? Set.of() : body.set(), user);
    }

    record ManualFiling(@Nullable String scheme, @Nullable String loanNumber, @Nullable String enterpriseCreditCode,
            @Nullable String productType, @Nullable String amount, @Nullable LocalDate disbursedOn,
            @Nullable LocalDate maturityOn, @Nullable Integer termMonths, @Nullable BigDecimal annualRatePercent,
            @Nullable String guarantee, @Nullable List<LoanFeature> features) {
    }

    /** A loan made outside the platform, filed by hand. */
    @PostMapping("/filings")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> fileManually(@RequestBody ManualFiling body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.scheme() == null || body.scheme().isBlank()) {
            errors.put("scheme", "请填写补偿方案代码");
        }
        Long amount = Amounts.yuan(errors, "amount", body.amount(), true);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RiskCompensation.ManualLoan loan = new RiskCompensation.ManualLoan(strip(body.loanNumber()),
                strip(body.enterpriseCreditCode()), strip(body.productType()), amount, body.disbursedOn(),
                body.maturityOn(), body.termMonths() == null ? 0 : body.termMonths(), body.annualRatePercent(),
                body.guarantee());
        Set<LoanFeature> features = new Features(body.features()).set();
        return idempotency.once(key, user.organisationId() + ":riskshare-filing", body, () -> {
            FilingView f = compensation.fileManually(body.scheme().strip(), loan, features, user);
            return ResponseEntity.created(URI.create("/api/v1/riskshare/filings/" + f.id())).body(f);
        });
    }

    record StatusBody(org.sanrong.deal.@Nullable LoanStatus status, @Nullable LocalDate asOf,
            @Nullable String outstanding) {
    }

    /** The repayment status of a loan filed by hand (platform loans report through their deal). */
    @PostMapping("/filings/{id}/loan-status")
    @PreAuthorize("hasRole('INSTITUTION')")
    FilingView reportStatus(@PathVariable UUID id, @RequestBody StatusBody body,
            @AuthenticationPrincipal SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.status() == null) {
            errors.put("status", "请填写还款状态");
        }
        if (body.asOf() == null) {
            errors.put("asOf", "请填写报送日期");
        }
        Long outstanding = Amounts.yuan(errors, "outstanding", body.outstanding(), false);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return compensation.reportManualStatus(new Filing.Id(id), body.status(), body.asOf(), outstanding, user);
    }

    // ---- claims -------------------------------------------------------------------------------------------------

    record ClaimBody(@Nullable UUID filingId, @Nullable String loss, @Nullable LocalDate overdueSince,
            @Nullable String lawsuitCaseNo, @Nullable LocalDate lawsuitAcceptedOn, @Nullable List<String> documents,
            @Nullable String note) {
    }

    /** The bank claims on a filed loan reported non-performing. */
    @PostMapping("/claims")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> claim(@RequestBody ClaimBody body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.filingId() == null) {
            errors.put("filingId", "请指明备案记录");
        }
        Long loss = Amounts.yuan(errors, "loss", body.loss(), true);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return idempotency.once(key, user.organisationId() + ":riskshare-claim", body, () -> {
            Claim.Id id = compensation.claim(new RiskCompensation.ClaimRequest(body.filingId(), loss,
                    body.overdueSince(), body.lawsuitCaseNo(), body.lawsuitAcceptedOn(),
                    body.documents() == null ? List.of() : body.documents(), body.note()), user);
            return ResponseEntity.created(URI.create("/api/v1/riskshare/claims/" + id.value()))
                    .body(compensation.claimView(id, user));
        });
    }

    @GetMapping("/claims/{id}")
    ClaimView claim(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return compensation.claimView(new Claim.Id(id), user);
    }

    record Review(@Nullable String decision, @Nullable String note) {
    }

    /** Government decides the claim's current review step: APPROVE or REJECT (with a note). */
    @PostMapping("/claims/{id}/reviews")
    @PreAuthorize("hasRole('GOV')")
    ClaimView review(@PathVariable UUID id, @RequestBody Review body, @AuthenticationPrincipal SignedInUser user) {
        String d = body.decision() == null ? "" : body.decision().strip();
        if (!d.equals("APPROVE") && !d.equals("REJECT")) {
            throw new InvalidRequestException("decision", "decision 须为 APPROVE 或 REJECT");
        }
        compensation.review(new Claim.Id(id), d.equals("APPROVE"), body.note(), user);
        return compensation.claimView(new Claim.Id(id), user);
    }

    @PostMapping("/claims/{id}/payment")
    @PreAuthorize("hasRole('GOV')")
    ClaimView pay(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        compensation.pay(new Claim.Id(id), user);
        return compensation.claimView(new Claim.Id(id), user);
    }

    @PostMapping("/claims/{id}/release")
    @PreAuthorize("hasRole('GOV')")
    ClaimView release(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        compensation.release(new Claim.Id(id), user);
        return compensation.claimView(new Claim.Id(id), user);
    }

    record RecoveryBody(@Nullable String amount, @Nullable LocalDate recoveredOn) {
    }

    /** The bank reports money recovered after compensation; the pools' pro-rata part becomes owed to them. */
    @PostMapping("/claims/{id}/recoveries")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> recovery(@PathVariable UUID id, @RequestBody RecoveryBody body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @AuthenticationPrincipal SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long amount = Amounts.yuan(errors, "amount", body.amount(), true);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return idempotency.once(key, user.organisationId() + ":riskshare-recovery:" + id, body, () -> {
            compensation.recordRecovery(new Claim.Id(id), amount, body.recoveredOn(), user);
            return ResponseEntity.created(URI.create("/api/v1/riskshare/claims/" + id))
                    .body(compensation.claimView(new Claim.Id(id), user));
        });
    }

    @PostMapping("/recoveries/{id}/remittance")
    @PreAuthorize("hasRole('GOV')")
    void remitted(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        compensation.confirmRemittance(id, user);
    }

    // ---- NPL tolerance ------------------------------------------------------------------------------------------

    record NplReport(@Nullable String quarter, @Nullable String overallRatio) {
    }

    record NplRow(UUID institutionId, String institutionName, String quarter, String techOutstanding,
            String techNonPerforming, String techRatio, @Nullable String overallRatio, @Nullable String difference,
            String tolerance, boolean flagged) {
    }

    /** The bank reports its all-loan NPL ratio of a quarter: {"quarter": "2026Q4", "overallRatio": "0.0152"}. */
    @PostMapping("/npl-reports")
    @PreAuthorize("hasRole('INSTITUTION')")
    List<NplRow> reportNpl(@RequestBody NplReport body, @AuthenticationPrincipal SignedInUser user) {
        BigDecimal ratio = null;
        if (body.overallRatio() != null && !body.overallRatio().isBlank()) {
            try {
                ratio = new BigDecimal(body.overallRatio().strip());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("overallRatio", "不良率须为小数，如 0.0152");
            }
        }
        compensation.reportOverallNpl(body.quarter() == null ? null : body.quarter().strip(), ratio, user);
        return npl(body.quarter(), user);
    }

    /** Banks' NPL ratio of small and micro tech loans against their overall ratio and the tolerance. */
    @GetMapping("/npl-tolerance")
    List<NplRow> npl(@RequestParam(required = false) @Nullable String quarter,
            @AuthenticationPrincipal SignedInUser user) {
        return compensation.nplBoard(quarter, user).stream().map(r -> new NplRow(r.institutionId(),
                r.institutionName(), r.quarter(), Yuan.plain(r.techOutstandingFen()), Yuan.plain(r.techNplFen()),
                Yuan.ratio(r.techRatio()), r.overallRatio() == null ? null : Yuan.ratio(r.overallRatio()),
                r.difference() == null ? null : Yuan.ratio(r.difference()), Yuan.ratio(r.tolerance()), r.flagged()))
                .toList();
    }

    // ---- pools --------------------------------------------------------------------------------------------------

    @GetMapping("/pools/{code}")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    PoolFigures pool(@PathVariable String code) {
        if (schemes.latest(code).isEmpty()) {
            throw new org.sanrong.platform.NotFoundException("资金池不存在：" + code);
        }
        return compensation.pool(code);
    }

    record Funding(@Nullable String amount, @Nullable String note) {
    }

    @PostMapping("/pools/{code}/funding")
    @PreAuthorize("hasRole('GOV')")
    PoolFigures fund(@PathVariable String code, @RequestBody Funding body, @AuthenticationPrincipal SignedInUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long amount = Amounts.yuan(errors, "amount", body.amount(), true);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        compensation.fund(code, amount, body.note(), user);
        return compensation.pool(code);
    }

    private static @Nullable String strip(@Nullable String s) {
        return s == null ? null : s.strip();
    }
}
