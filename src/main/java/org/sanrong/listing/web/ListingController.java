package org.sanrong.listing.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.listing.ListingBoard;
import org.sanrong.listing.ListingFigures;
import org.sanrong.listing.ListingPortrait;
import org.sanrong.listing.ListingPortraits;
import org.sanrong.listing.ListingRequests;
import org.sanrong.listing.ListingReserve;
import org.sanrong.listing.Milestone;
import org.sanrong.listing.RequestCategory;
import org.sanrong.listing.ReserveBoard;
import org.sanrong.listing.ReserveEntry;
import org.sanrong.listing.ReserveEntryView;
import org.sanrong.listing.ReserveGrade;
import org.sanrong.listing.ReserveQuery;
import org.sanrong.listing.RulePreview;
import org.sanrong.listing.StoredDocument;
import org.sanrong.platform.Charts;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.FormInput;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.reference.ReferenceData;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 上市后备 pages: government's board of the reserve and its list, enrolment by hand or by rule (with a preview), one
 * entry with its milestones, intermediaries, figures, market value and 诉求, the listing portrait, and the requests a
 * department has to answer. A refused action comes back on the same page with the message next to its field.
 */
@Controller
class ListingController {

    private final ListingReserve reserve;
    private final ListingPortraits portraits;
    private final ListingRequests requests;
    private final ReferenceData reference;
    private final Charts charts;
    private final java.time.Clock clock;

    ListingController(ListingReserve reserve, ListingPortraits portraits, ListingRequests requests,
            ReferenceData reference, Charts charts, java.time.Clock clock) {
        this.clock = clock;
        this.reserve = reserve;
        this.portraits = portraits;
        this.requests = requests;
        this.reference = reference;
        this.charts = charts;
    }

    // ---- government: the whole reserve ---------------------------------------------------------------------

    @GetMapping("/listing")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String board(@AuthenticationPrincipal SignedInUser user, Model model) {
        ReserveBoard b = reserve.board(user);
        model.addAttribute("board", b);
        model.addAttribute("gradeChart", charts.pie(b.byGrade(), "listing.grade."));
        model.addAttribute("boardChart", charts.pie(b.byBoard(), "listing.board."));
        model.addAttribute("stageChart", charts.bar(b.byStage()));
        model.addAttribute("townChart", charts.bar(b.byTown()));
        model.addAttribute("industryChart", charts.bar(b.byIndustry()));
        model.addAttribute("funnelChart", charts.funnel(b.funnel()));
        return "listing/board";
    }

    @GetMapping("/listing/reserve")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String list(@RequestParam(required = false) @Nullable String grade,
            @RequestParam(required = false) @Nullable String board,
            @RequestParam(required = false) @Nullable String milestone,
            @RequestParam(required = false) @Nullable String town, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        ReserveQuery query = new ReserveQuery(ListingForms.enumOf(ReserveGrade.class, grade),
                ListingForms.enumOf(ListingBoard.class, board), Milestone.parse(milestone), town, q,
                ListingForms.enumOf(ReserveEntry.Status.class, status));
        model.addAttribute("result", reserve.search(query, user, Math.max(0, page), 20));
        model.addAttribute("query", query);
        putChoices(model);
        return "listing/reserve";
    }

    @GetMapping("/listing/criteria")
    String criteria(Model model) {
        model.addAttribute("rules", portraits.rules());
        return "listing/criteria";
    }

    // ---- enrolling ------------------------------------------------------------------------------------------

    @GetMapping("/listing/enrol")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String enrolForm(@RequestParam(required = false) @Nullable String creditCode, Model model) {
        ListingForms.EnrolForm form = ListingForms.EnrolForm.empty();
        if (creditCode != null) {
            form = new ListingForms.EnrolForm(creditCode, "D", "CHINEXT", "", "", "", "");
        }
        model.addAttribute("enrolForm", form);
        model.addAttribute("ruleForm", ListingForms.RuleForm.empty());
        return enrolPage(model);
    }

    @PostMapping("/listing/enrol")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String enrol(@ModelAttribute("enrolForm") ListingForms.EnrolForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            reserve.enrol(form.parse(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            model.addAttribute("ruleForm", ListingForms.RuleForm.empty());
            return enrolPage(model);
        }
        redirect.addFlashAttribute("notice", "已入库");
        return "redirect:/listing/reserve/" + form.creditCode().strip().toUpperCase(java.util.Locale.ROOT);
    }

    @PostMapping("/listing/enrol/rule")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String rule(@ModelAttribute("ruleForm") ListingForms.RuleForm form, BindingResult binding,
            @RequestParam(defaultValue = "preview") String action, @AuthenticationPrincipal SignedInUser user,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("enrolForm", ListingForms.EnrolForm.empty());
        var parsed = form.parse();
        if (!parsed.errors().isEmpty() || parsed.value() == null) {
            FormErrors.show(parsed.errors(), binding);
            return enrolPage(model);
        }
        try {
            if (action.equals("enrol")) {
                int n = reserve.enrolByRule(parsed.value(), user);
                redirect.addFlashAttribute("notice", "已按规则入库 " + n + " 家企业");
                return "redirect:/listing/reserve";
            }
            RulePreview preview = reserve.preview(parsed.value(), user);
            model.addAttribute("preview", preview);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
        }
        return enrolPage(model);
    }

    private String enrolPage(Model model) {
        putChoices(model);
        model.addAttribute("qualificationKinds", reference.qualificationKinds());
        return "listing/enrol";
    }

    // ---- one entry ------------------------------------------------------------------------------------------

    @GetMapping("/enterprise/listing")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        String code = reserve.ownCode(user).orElse(null);
        if (code != null) {
            try {
                reserve.view(code, user);
                return "redirect:/listing/reserve/" + code;
            } catch (NotFoundException e) {
                // not in the reserve: say so
            }
        }
        return "listing/not-enrolled";
    }

    @GetMapping("/listing/reserve/{code}")
    String entry(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, Model model) {
        return entryPage(code, user, model);
    }

    @PostMapping("/listing/reserve/{code}/milestones")
    String milestone(@PathVariable String code, @ModelAttribute("milestoneForm") ListingForms.MilestoneForm form,
            BindingResult binding, @RequestParam(name = "evidenceFile", required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) throws IOException {
        FormInput in = new FormInput();
        LocalDate on = in.date("reachedOn", form.reachedOn());
        if (!in.errors().isEmpty()) {
            FormErrors.show(in.errors(), binding);
            return entryPage(code, user, model);
        }
        Milestone m = Milestone.parse(form.milestone());
        byte[] bytes = file == null ? null : file.getBytes();
        return submit(code, user, model, binding, redirect, () -> reserve.recordMilestone(code, m, on, form.note(),
                file == null ? null : file.getOriginalFilename(), bytes, user),
                m == null ? "" : "已登记里程碑：" + m.label());
    }

    @PostMapping("/listing/reserve/{code}/grade")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String grade(@PathVariable String code, @ModelAttribute("gradeForm") ListingForms.GradeForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(code, user, model, binding, redirect, () -> reserve.regrade(code,
                ListingForms.enumOf(ReserveGrade.class, form.grade()), form.reason(), user), "分级已调整");
    }

    @PostMapping("/listing/reserve/{code}/board")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String retarget(@PathVariable String code, @ModelAttribute("boardForm") ListingForms.BoardForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(code, user, model, binding, redirect, () -> reserve.retarget(code,
                ListingForms.enumOf(ListingBoard.class, form.board()), form.reason(), user), "目标板块已调整");
    }

    @PostMapping("/listing/reserve/{code}/intermediaries")
    String engage(@PathVariable String code, @ModelAttribute("intermediariesForm") ListingForms.IntermediariesForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        return submit(code, user, model, binding, redirect, () -> reserve.engage(code, form.sponsor(), form.lawFirm(),
                form.auditor(), user), "中介机构已更新");
    }

    @PostMapping("/listing/reserve/{code}/market-value")
    String marketValue(@PathVariable String code, @ModelAttribute("marketValueForm") ListingForms.MarketValueForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        FormInput in = new FormInput();
        Long fen = in.wan("marketValue", form.marketValue());
        LocalDate on = in.date("marketValueOn", form.marketValueOn());
        if (!in.errors().isEmpty()) {
            FormErrors.show(in.errors(), binding);
            return entryPage(code, user, model);
        }
        return submit(code, user, model, binding, redirect, () -> reserve.estimateMarketValue(code, fen, on, user),
                "预计市值已更新");
    }

    @PostMapping("/listing/reserve/{code}/figures")
    String figures(@PathVariable String code, @ModelAttribute("figuresForm") ListingForms.FiguresForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        var parsed = form.parse();
        if (!parsed.errors().isEmpty() || parsed.value() == null) {
            binding.reject("invalid", String.join("；", parsed.errors().values()));
            return entryPage(code, user, model);
        }
        return submit(code, user, model, binding, redirect, () -> reserve.saveFigures(code, parsed.value(), user),
                "财务数据已保存");
    }

    @PostMapping("/listing/reserve/{code}/removal")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String remove(@PathVariable String code, @ModelAttribute("removeForm") ListingForms.GradeForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        try {
            reserve.remove(code, form.reason(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return entryPage(code, user, model);
        }
        redirect.addFlashAttribute("notice", "已移出后备库");
        return "redirect:/listing/reserve";
    }

    @PostMapping("/listing/reserve/{code}/requests")
    String raise(@PathVariable String code, @ModelAttribute("requestForm") ListingForms.RequestForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        UUID department = uuid(form.departmentId());
        return submit(code, user, model, binding, redirect, () -> requests.raise(code, form.categoryValue(),
                form.description(), department, user), "诉求已提交，承办部门将在时限内答复");
    }

    @GetMapping("/listing/reserve/{code}/portrait")
    String portrait(@PathVariable String code, @RequestParam(required = false) @Nullable String board,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        ListingPortrait p = portraits.portrait(code, ListingForms.enumOf(ListingBoard.class, board), user);
        model.addAttribute("portrait", p);
        model.addAttribute("boards", ListingBoard.values());
        List<String> years = p.trend().stream().map(t -> String.valueOf(t.year())).toList();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("营业收入（万元）", p.trend().stream().map(t -> wan(t.revenueFen())).toList());
        series.put("净利润（万元）", p.trend().stream().map(t -> wan(t.netProfitFen())).toList());
        series.put("研发投入（万元）", p.trend().stream().map(t -> wan(t.rdExpenseFen())).toList());
        series.put("经营现金流（万元）", p.trend().stream().map(t -> wan(t.operatingCashFlowFen())).toList());
        model.addAttribute("trendChart", charts.line(years, series));
        return "listing/portrait";
    }

    @GetMapping("/listing/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        StoredDocument d = reserve.document(id, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(d.content());
    }

    // ---- requests for departments -----------------------------------------------------------------------------

    @GetMapping("/listing/requests")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String requests(@RequestParam(defaultValue = "false") boolean open, @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("requests", requests.forDepartment(open, user));
        model.addAttribute("open", open);
        return "listing/requests";
    }

    @PostMapping("/listing/requests/{id}/answer")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String answer(@PathVariable UUID id, @RequestParam(required = false) @Nullable String answer,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            requests.answer(id, answer, user);
            redirect.addFlashAttribute("notice", "诉求已办结");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/listing/requests";
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private String submit(String code, SignedInUser user, Model model, BindingResult binding,
            RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return entryPage(code, user, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/listing/reserve/" + code;
    }

    private String entryPage(String code, SignedInUser user, Model model) {
        ReserveEntryView entry = reserve.view(code, user);
        model.addAttribute("entry", entry);
        model.addAttribute("requests", requests.of(code, user));
        model.addAttribute("departments", requests.departments());
        model.addAttribute("categories", RequestCategory.values());
        putChoices(model);
        putIfAbsent(model, "milestoneForm", ListingForms.MilestoneForm.empty(entry.next()));
        putIfAbsent(model, "gradeForm", new ListingForms.GradeForm(entry.grade().name(), ""));
        putIfAbsent(model, "boardForm", new ListingForms.BoardForm(entry.board().name(), ""));
        putIfAbsent(model, "removeForm", new ListingForms.GradeForm("", ""));
        putIfAbsent(model, "intermediariesForm", new ListingForms.IntermediariesForm(entry.sponsor(), entry.lawFirm(),
                entry.auditor()));
        putIfAbsent(model, "marketValueForm", new ListingForms.MarketValueForm(
                entry.marketValueFen() == null ? "" : ListingForms.wan(entry.marketValueFen()),
                entry.marketValueOn() == null ? "" : entry.marketValueOn().toString()));
        putIfAbsent(model, "requestForm", ListingForms.RequestForm.empty());
        putIfAbsent(model, "figuresForm", new ListingForms.FiguresForm(null, null, null, null));
        model.addAttribute("figureRows", figureRows(entry.figures()));
        return "listing/entry";
    }

    /** The last three fiscal years as rows of the figures form, with what was entered. */
    private List<Map<String, String>> figureRows(List<ListingFigures> figures) {
        int last = LocalDate.now(clock).getYear() - 1;
        List<Map<String, String>> rows = new ArrayList<>();
        for (int y = last - 2; y <= last; y++) {
            int year = y;
            ListingFigures f = figures.stream().filter(x -> x.year() == year).findFirst().orElse(null);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("year", String.valueOf(year));
            row.put("netProfit", f == null ? "" : ListingForms.wan(f.netProfitFen()));
            row.put("cashFlow", f == null ? "" : ListingForms.wan(f.operatingCashFlowFen()));
            row.put("roe", f == null || f.roePercent() == null ? "" : f.roePercent().toPlainString());
            rows.add(row);
        }
        return rows;
    }

    private void putChoices(Model model) {
        model.addAttribute("grades", ReserveGrade.values());
        model.addAttribute("boardChoices", ListingBoard.values());
        model.addAttribute("milestones", Milestone.values());
        model.addAttribute("statuses", ReserveEntry.Status.values());
        model.addAttribute("towns", reference.towns());
    }

    private static void putIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    private static java.math.@Nullable BigDecimal wan(@Nullable Long fen) {
        return fen == null ? null : java.math.BigDecimal.valueOf(fen).movePointLeft(6);
    }

    private static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
