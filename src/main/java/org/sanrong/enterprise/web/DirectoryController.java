package org.sanrong.enterprise.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.DirectoryQuery;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.enterprise.Qualifications;
import org.sanrong.enterprise.QualificationView;
import org.sanrong.enterprise.WhitelistImportReport;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.Spreadsheets;
import org.sanrong.reference.ReferenceData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The enterprise directory, whitelists and the review queue, for government, operators and institutions. */
@Controller
class DirectoryController {

    private static final int PAGE_SIZE = 20;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EnterpriseBook book;
    private final Qualifications qualifications;
    private final ReferenceData reference;

    DirectoryController(EnterpriseBook book, Qualifications qualifications, ReferenceData reference) {
        this.book = book;
        this.qualifications = qualifications;
        this.reference = reference;
    }

    @GetMapping("/enterprises")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String directory(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable LifecycleStage stage,
            @RequestParam(required = false) @Nullable String qualification,
            @RequestParam(required = false) DirectoryQuery.@Nullable SizeClass size,
            @RequestParam(defaultValue = "0") int page, Model model) {
        DirectoryQuery query = new DirectoryQuery(q, town, industry, stage, qualification, size);
        model.addAttribute("result", book.search(query, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("towns", reference.towns());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("sizes", DirectoryQuery.SizeClass.values());
        model.addAttribute("qualificationKinds", reference.qualificationKinds());
        return "enterprise/directory";
    }

    /** The filtered directory as Excel; public facts only (no contacts), so nothing personal leaves. */
    @GetMapping("/enterprises/export.xlsx")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    void export(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable LifecycleStage stage,
            @RequestParam(required = false) @Nullable String qualification,
            @RequestParam(required = false) DirectoryQuery.@Nullable SizeClass size,
            HttpServletResponse response) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        book.forEach(new DirectoryQuery(q, town, industry, stage, qualification, size), r -> rows.add(List.of(
                r.creditCode(), r.name(), nz(r.townName()), nz(r.industryCode()), nz(r.industryName()),
                stageName(r.stage()), r.headcount() == null ? "" : r.headcount(),
                String.join("、", r.qualifications()), r.onPlatform() ? "是" : "否")));
        xlsx(response, "企业名录.xlsx");
        Spreadsheets.write(response.getOutputStream(), "企业名录", List.of("统一社会信用代码", "企业名称", "所属镇街",
                "行业代码", "行业名称", "生命周期", "从业人数", "有效资质", "已入驻平台"), rows.iterator());
    }

    @GetMapping("/qualifications/pending")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String pending(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", qualifications.pending(Math.max(0, page), PAGE_SIZE));
        return "enterprise/pending";
    }

    @GetMapping("/whitelists")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String whitelists() {
        return "redirect:/whitelists/HIGH_TECH";
    }

    @GetMapping("/whitelists/{kind}")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String whitelist(@PathVariable String kind, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("kind", reference.qualificationKind(kind)
                .orElseThrow(() -> new org.sanrong.platform.NotFoundException("未知的白名单")));
        model.addAttribute("kinds", reference.qualificationKinds());
        model.addAttribute("result", qualifications.whitelist(kind, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("columns", Qualifications.WHITELIST_COLUMNS);
        return "enterprise/whitelist";
    }

    @GetMapping("/whitelists/{kind}/export.xlsx")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    void exportWhitelist(@PathVariable String kind, HttpServletResponse response) throws IOException {
        String name = reference.qualificationKind(kind).map(k -> k.name())
                .orElseThrow(() -> new org.sanrong.platform.NotFoundException("未知的白名单"));
        List<List<Object>> rows = new ArrayList<>();
        qualifications.forEachOnWhitelist(kind, (QualificationView v) -> rows.add(List.of(v.creditCode(),
                v.enterpriseName(), nz(v.certificateNo()), v.validFrom() == null ? "" : v.validFrom().toString(),
                v.validUntil() == null ? "" : v.validUntil().toString())));
        xlsx(response, name + "白名单.xlsx");
        Spreadsheets.write(response.getOutputStream(), name, Qualifications.WHITELIST_COLUMNS, rows.iterator());
    }

    @PostMapping("/whitelists/{kind}/import")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String importWhitelist(@PathVariable String kind, @RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("file", "请选择要导入的 Excel 文件");
            }
            WhitelistImportReport report = qualifications.importWhitelist(kind, file.getInputStream(), user);
            model.addAttribute("report", report);
        } catch (InvalidRequestException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return whitelist(kind, 0, model);
    }

    private static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static String stageName(LifecycleStage stage) {
        return switch (stage) {
            case SEED -> "种子期";
            case START_UP -> "初创期";
            case GROWTH -> "成长期";
            case EXPANSION -> "壮大期";
        };
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
