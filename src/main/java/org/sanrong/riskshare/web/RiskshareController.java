package org.sanrong.riskshare.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Charts;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.FormInput;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.riskshare.BankBoard;
import org.sanrong.riskshare.Claim;
import org.sanrong.riskshare.ClaimView;
import org.sanrong.riskshare.Filing;
import org.sanrong.riskshare.FilingView;
import org.sanrong.riskshare.GovBoard;
import org.sanrong.riskshare.PoolFigures;
import org.sanrong.riskshare.RiskCompensation;
import org.sanrong.riskshare.SchemeCatalog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Risk-sharing pages: the bank's board (loans to file, filed loans and exposure, claims and where they stand, loss
 * ratios against the threshold), one filing with its filing and claim forms, one claim with its calculation,
 * review, payment and recoveries, government's pools with their money and the review queue, and the schemes.
 * A refused action comes back on the same page with the message next to its field.
 */
@Controller
class RiskshareController {

    private final RiskCompensation compensation;
    private final SchemeCatalog schemes;
    private final Charts charts;
    private final org.sanrong.riskshare.ClaimDocuments documents;
    private final org.sanrong.riskshare.GovOutlook outlook;

    RiskshareController(RiskCompensation compensation, SchemeCatalog schemes, Charts charts,
            org.sanrong.riskshare.ClaimDocuments documents, org.sanrong.riskshare.GovOutlook outlook) {
        this.documents = documents;
        this.outlook = outlook;
        this.compensation = compensation;
        this.schemes = schemes;
        this.charts = charts;
    }

    @GetMapping("/riskshare")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (!user.hasRole(Role.INSTITUTION)) {
            return "redirect:/riskshare/pools";
        }
        BankBoard board = compensation.bankBoard(user);
        model.addAttribute("board", board);
        long paid = board.claims().stream().filter(c -> c.status().name().equals("PAID"))
                .mapToLong(ClaimView::entitlementFen).sum();
        model.addAttribute("paidFen", paid);
        model.addAttribute("npl", compensation.nplBoard(null, user));
        model.addAttribute("tolerancePoints", compensation.nplTolerance().movePointRight(2).stripTrailingZeros()
                .toPlainString());
        putIfAbsent(model, "nplForm", new RiskshareForms.NplForm(
                org.sanrong.riskshare.NplTolerance.quarterOf(java.time.LocalDate.now()), ""));
        return "riskshare/bank";
    }

    @PostMapping("/riskshare/npl-reports")
    @PreAuthorize("hasRole('INSTITUTION')")
    String reportNpl(@ModelAttribute("nplForm") RiskshareForms.NplForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        FormInput in = new FormInput();
        BigDecimal percent = in.percent("overallPercent", form.overallPercent());
        if (percent == null && !in.errors().containsKey("overallPercent")) {
            in.reject("overallPercent", "请填写本机构全部贷款不良率（%）");
        }
        try {
            if (!in.errors().isEmpty()) {
                throw new InvalidRequestException(in.errors());
            }
            compensation.reportOverallNpl(form.quarter(), percent.movePointLeft(2), user);
        } catch (InvalidRequestException e) {
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.fieldErrors().forEach((k, v) -> errors.put(k.equals("overallRatio") ? "overallPercent" : k, v));
            FormErrors.show(errors.isEmpty() ? java.util.Map.of("_", String.valueOf(e.getMessage())) : errors,
                    binding);
            return home(user, model);
        }
        redirect.addFlashAttribute("notice", "已报送 " + form.quarter() + " 全部贷款不良率");
        return "redirect:/riskshare#npl";
    }

    // ---- one filing -------------------------------------------------------------------------------------------

    @GetMapping("/riskshare/filings/{id}")
    String filing(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return filingPage(id, user, model);
    }

    @PostMapping("/riskshare/filings/{id}/submission")
    @PreAuthorize("hasRole('INSTITUTION')")
    String file(@PathVariable UUID id, @ModelAttribute("filingForm") RiskshareForms.FilingForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        try {
            compensation.file(new Filing.Id(id), form.set(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return filingPage(id, user, model);
        }
        redirect.addFlashAttribute("notice", "已备案，资金池已记入预计补偿承诺");
        return "redirect:/riskshare/filings/" + id;
    }

    @PostMapping("/riskshare/filings/{id}/claim")
    @PreAuthorize("hasRole('INSTITUTION')")
    String claim(@PathVariable UUID id, @ModelAttribute("claimForm") RiskshareForms.ClaimForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        var parsed = form.parse(id);
        if (!parsed.errors().isEmpty() || parsed.value() == null) {
            FormErrors.show(parsed.errors(), binding);
            return filingPage(id, user, model);
        }
        Claim.Id claim;
        try {
            claim = compensation.claim(parsed.value(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return filingPage(id, user, model);
        }
        redirect.addFlashAttribute("notice", "补偿申请已提交，进入审核");
        return "redirect:/riskshare/claims/" + claim.value();
    }

    private String filingPage(UUID id, SignedInUser user, Model model) {
        FilingView filing = compensation.filing(new Filing.Id(id), user);
        model.addAttribute("filing", filing);
        model.addAttribute("scheme", schemes.version(filing.schemeCode(), filing.schemeVersion()).orElseThrow());
        putIfAbsent(model, "filingForm", RiskshareForms.FilingForm.empty());
        putIfAbsent(model, "claimForm", RiskshareForms.ClaimForm.empty());
        return "riskshare/filing";
    }

    // ---- one claim --------------------------------------------------------------------------------------------

    @GetMapping("/riskshare/claims/{id}")
    String claim(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return claimPage(id, user, model);
    }

    @PostMapping("/riskshare/claims/{id}/review")
    @PreAuthorize("hasRole('GOV')")
    String review(@PathVariable UUID id, @RequestParam String decision,
            @ModelAttribute("reviewForm") RiskshareForms.ReviewForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            compensation.review(new Claim.Id(id), "APPROVE".equals(decision), form.note(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return claimPage(id, user, model);
        }
        redirect.addFlashAttribute("notice", "APPROVE".equals(decision) ? "审核意见已提交" : "已不予通过并告知银行");
        return "redirect:/riskshare/claims/" + id;
    }

    @PostMapping("/riskshare/claims/{id}/payment")
    @PreAuthorize("hasRole('GOV')")
    String pay(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "已拨付", () -> compensation.pay(new Claim.Id(id), user));
    }

    @PostMapping("/riskshare/claims/{id}/release")
    @PreAuthorize("hasRole('GOV')")
    String release(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "已解除暂缓", () -> compensation.release(new Claim.Id(id), user));
    }

    @PostMapping("/riskshare/claims/{id}/recoveries")
    @PreAuthorize("hasRole('INSTITUTION')")
    String recovery(@PathVariable UUID id, @ModelAttribute("recoveryForm") RiskshareForms.RecoveryForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        FormInput in = new FormInput();
        Long fen = in.wan("amount", form.amount());
        LocalDate on = in.date("recoveredOn", form.recoveredOn());
        if (fen == null && !in.errors().containsKey("amount")) {
            in.reject("amount", "请填写追回金额（万元）");
        }
        if (!in.errors().isEmpty()) {
            FormErrors.show(in.errors(), binding);
            return claimPage(id, user, model);
        }
        try {
            compensation.recordRecovery(new Claim.Id(id), fen, on, user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return claimPage(id, user, model);
        }
        redirect.addFlashAttribute("notice", "追偿款已报告，请按应返还金额划回资金池");
        return "redirect:/riskshare/claims/" + id;
    }

    @PostMapping("/riskshare/recoveries/{recovery}/remittance")
    @PreAuthorize("hasRole('GOV')")
    String remitted(@PathVariable UUID recovery, @RequestParam UUID claim, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        return simple(claim, redirect, "已确认追偿款到账", () -> compensation.confirmRemittance(recovery, user));
    }

    /** The bank attaches a document to its claim (PDF, PNG or JPEG, checked by content). */
    @PostMapping("/riskshare/claims/{id}/documents")
    @PreAuthorize("hasRole('INSTITUTION')")
    String upload(@PathVariable UUID id, @ModelAttribute("documentForm") RiskshareForms.DocumentForm form,
            BindingResult binding, @RequestParam(name = "document", required = false)
            org.springframework.web.multipart.@org.jspecify.annotations.Nullable MultipartFile document,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect)
            throws java.io.IOException {
        try {
            documents.upload(new Claim.Id(id), form.documentType(), document == null ? null
                    : document.getOriginalFilename(), document == null ? null : document.getBytes(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return claimPage(id, user, model);
        }
        redirect.addFlashAttribute("notice", "材料已上传");
        return "redirect:/riskshare/claims/" + id + "#documents";
    }

    @GetMapping("/riskshare/claim-documents/{id}")
    org.springframework.http.ResponseEntity<byte[]> download(@PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user) {
        return Downloads.of(documents.download(id, user));
    }

    private String claimPage(UUID id, SignedInUser user, Model model) {
        model.addAttribute("claim", compensation.claimView(new Claim.Id(id), user));
        model.addAttribute("documents", documents.list(new Claim.Id(id), user));
        model.addAttribute("documentTypes", documents.types(new Claim.Id(id), user));
        model.addAttribute("canUpload", documents.canUpload(new Claim.Id(id), user));
        putIfAbsent(model, "documentForm", RiskshareForms.DocumentForm.empty());
        putIfAbsent(model, "reviewForm", RiskshareForms.ReviewForm.empty());
        putIfAbsent(model, "recoveryForm", RiskshareForms.RecoveryForm.empty());
        return "riskshare/claim";
    }

    private String simple(UUID claim, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/riskshare/claims/" + claim;
    }

    // ---- government -------------------------------------------------------------------------------------------

    @GetMapping("/riskshare/pools")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String pools(@AuthenticationPrincipal SignedInUser user, Model model) {
        GovBoard board = compensation.govBoard(user);
        model.addAttribute("board", board);
        Map<String, BigDecimal> byBank = new LinkedHashMap<>();
        Map<String, BigDecimal> money = new LinkedHashMap<>();
        long balance = 0;
        long reserved = 0;
        long paid = 0;
        long commitments = 0;
        for (GovBoard.Pool p : board.pools()) {
            PoolFigures f = p.figures();
            balance += f.balanceFen();
            reserved += f.reservedFen();
            paid += f.paidFen();
            commitments += f.commitmentsFen();
            for (PoolFigures.ByBank b : f.byBank()) {
                byBank.merge(b.name(), wan(b.paidFen()), BigDecimal::add);
            }
        }
        money.put("可用余额", wan(balance));
        money.put("已批准待拨付", wan(reserved));
        money.put("已拨付", wan(paid));
        money.put("备案承诺", wan(commitments));
        org.sanrong.riskshare.GovOutlook.Outlook o = outlook.outlook(balance);
        model.addAttribute("outlook", o);
        model.addAttribute("burnChart", charts.line(o.months(), Map.of("已拨付补偿（万元）",
                o.paidFen().stream().map(RiskshareController::wan).toList())));
        Map<String, BigDecimal> byTown = new LinkedHashMap<>();
        o.byTownFen().forEach((town, fen) -> byTown.put(town, wan(fen)));
        model.addAttribute("byTownChart", charts.bar(byTown));
        model.addAttribute("byBankChart", charts.bar(byBank));
        model.addAttribute("moneyChart", charts.bar(money));
        model.addAttribute("hasPayouts", !byBank.isEmpty());
        model.addAttribute("npl", compensation.nplBoard(null, user));
        model.addAttribute("tolerancePoints", compensation.nplTolerance().movePointRight(2).stripTrailingZeros()
                .toPlainString());
        putIfAbsent(model, "fundingForm", new RiskshareForms.FundingForm("", "", ""));
        return "riskshare/pools";
    }

    @PostMapping("/riskshare/pools/funding")
    @PreAuthorize("hasRole('GOV')")
    String fund(@ModelAttribute("fundingForm") RiskshareForms.FundingForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        FormInput in = new FormInput();
        Long fen = in.wan("amount", form.amount());
        if (fen == null && !in.errors().containsKey("amount")) {
            in.reject("amount", "请填写注资金额（万元）");
        }
        if (form.scheme() == null || form.scheme().isBlank()) {
            in.reject("scheme", "请选择资金池");
        }
        try {
            if (!in.errors().isEmpty()) {
                throw new InvalidRequestException(in.errors());
            }
            compensation.fund(form.scheme().strip(), fen, form.note(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return pools(user, model);
        }
        redirect.addFlashAttribute("notice", "已注资");
        return "redirect:/riskshare/pools";
    }

    @GetMapping("/riskshare/schemes")
    String schemes(Model model) {
        model.addAttribute("schemes", schemes.schemes());
        model.addAttribute("guarantees", schemes.guaranteeSchemes());
        return "riskshare/schemes";
    }

    private static BigDecimal wan(long fen) {
        return BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(1_000_000L), 2, java.math.RoundingMode.HALF_UP);
    }

    private static void putIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }
}
