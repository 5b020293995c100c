package org.sanrong.supervision.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.PdfReports;
import org.sanrong.platform.Spreadsheets;
import org.sanrong.stats.PlanIndicators;
import org.sanrong.supervision.ImportPreview;
import org.sanrong.supervision.Supervision;
import org.sanrong.supervision.TaskView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 督查督办 pages: boards, import with preview, a task with its reports, reviews and live figure. */
@Controller
@PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
class SupervisionController {

    private final Supervision supervision;
    private final OrganisationRegistry organisations;
    private final PlanIndicators plan;
    private final String pdfFont;

    SupervisionController(Supervision supervision, OrganisationRegistry organisations, PlanIndicators plan,
            @org.springframework.beans.factory.annotation.Value("${sanrong.stats.pdf-font:"
                    + PdfReports.DEFAULT_FONT + "}") String pdfFont) {
        this.supervision = supervision;
        this.organisations = organisations;
        this.plan = plan;
        this.pdfFont = pdfFont;
    }

    @GetMapping("/supervision")
    String board(@RequestParam(required = false) @Nullable UUID table,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(defaultValue = "false") boolean mine, @AuthenticationPrincipal SignedInUser user,
            Model model) {
        List<TaskView> tasks = mine ? supervision.tasksOf(user.organisationId()) : tasks(table, unit);
        model.addAttribute("unit", unit == null || unit.isBlank() ? null : unit.strip());
        model.addAttribute("tables", supervision.tables());
        model.addAttribute("tasks", tasks);
        model.addAttribute("table", table);
        model.addAttribute("mine", mine);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TaskView.Status s : TaskView.Status.values()) {
            byStatus.put(s.label(), tasks.stream().filter(t -> t.status() == s).count());
        }
        model.addAttribute("byStatus", byStatus);
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        for (TaskView t : tasks) {
            for (String lead : t.leadUnits()) {
                long[] c = byUnit.computeIfAbsent(lead, k -> new long[3]);
                c[0]++;
                if (t.status() == TaskView.Status.COMPLETED) {
                    c[1]++;
                }
                if (t.status() == TaskView.Status.LAGGING) {
                    c[2]++;
                }
            }
        }
        model.addAttribute("byUnit", byUnit);
        return "supervision/board";
    }

    /** The board as Excel for the quarterly meeting. */
    @GetMapping("/supervision/export.xlsx")
    void export(@RequestParam(required = false) @Nullable UUID table,
            @RequestParam(required = false) @Nullable String unit, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("督办任务.xlsx", StandardCharsets.UTF_8));
        Spreadsheets.write(response.getOutputStream(), board(table, unit));
    }

    /** The same as a PDF report for the meeting's papers. */
    @GetMapping("/supervision/report.pdf")
    void report(@RequestParam(required = false) @Nullable UUID table,
            @RequestParam(required = false) @Nullable String unit, HttpServletResponse response)
            throws IOException {
        String title = (table == null ? "督查督办任务进展情况" : supervision.tables().stream()
                .filter(t -> t.id().equals(table)).map(t -> t.title() + " 进展情况").findFirst().orElse("督查督办任务进展情况"))
                + (unit == null || unit.isBlank() ? "" : "（" + unit.strip() + "）");
        byte[] pdf = PdfReports.tables(title, "截至 " + LocalDate.now() + "。完成进度为牵头单位最近一次报送；序时进度为开始至完成时限的"
                + "时间比例；落后10个百分点以内为绿灯，10至30为黄灯，超过30或逾期未完成为红灯。", board(table, unit), pdfFont,
                Map.of("督办任务", new float[] {2.5f, 0.8f, 3f, 6f, 2.5f, 2.5f, 1.6f, 1f, 1f, 1f, 0.8f, 1.2f}));
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("督办任务进展.pdf", StandardCharsets.UTF_8));
        response.getOutputStream().write(pdf);
    }

    /** A table's tasks (or all), and only a department's (lead or co-operating) when one is named. */
    private List<TaskView> tasks(@Nullable UUID table, @Nullable String unit) {
        List<TaskView> all = supervision.tasks(table);
        if (unit == null || unit.isBlank()) {
            return all;
        }
        String u = unit.strip();
        return all.stream().filter(t -> t.leadUnits().contains(u) || t.coUnits().contains(u)).toList();
    }

    private List<Spreadsheets.Sheet> board(@Nullable UUID table, @Nullable String unit) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        for (TaskView t : tasks(table, unit)) {
            rows.add(List.of(t.tableTitle(), t.no() == null ? t.seq() : t.no(), t.targetTask() == null ? ""
                    : t.targetTask(), t.measure(), String.join("、", t.leadUnits()), String.join("、", t.coUnits()),
                    t.deadline() == null ? "" : t.deadline().toString(), t.progress(),
                    t.schedule().schedulePercent() == null ? "" : t.schedule().schedulePercent(), t.status().label(),
                    light(t), t.reportOverdue() ? "逾期未报" : ""));
            for (String lead : t.leadUnits()) {
                long[] c = byUnit.computeIfAbsent(lead, k -> new long[3]);
                c[0]++;
                c[1] += t.status() == TaskView.Status.COMPLETED ? 1 : 0;
                c[2] += t.status() == TaskView.Status.LAGGING ? 1 : 0;
            }
        }
        List<List<Object>> units = new ArrayList<>();
        byUnit.forEach((lead, c) -> units.add(List.of(lead, c[0], c[1], c[2])));
        return List.of(new Spreadsheets.Sheet("督办任务", List.of("任务表", "序号", "重点任务", "具体措施", "牵头单位",
                "配合单位", "完成时限", "完成进度（%）", "序时进度（%）", "状态", "灯", "报送"), rows),
                new Spreadsheets.Sheet("按牵头单位", List.of("牵头单位", "任务数", "已完成", "滞后"), units));
    }

    @GetMapping("/supervision/imports")
    String importForm() {
        return "supervision/import";
    }

    @PostMapping("/supervision/imports")
    String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            ImportPreview preview = supervision.preview(file.getOriginalFilename() == null ? "table.xlsx"
                    : file.getOriginalFilename(), file.getBytes(), user);
            return "redirect:/supervision/imports/" + preview.tableId();
        } catch (InvalidRequestException e) {
            model.addAttribute("fileError", e.getMessage());
            return "supervision/import";
        }
    }

    @GetMapping("/supervision/imports/{id}")
    String preview(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("preview", supervision.preview(id, user));
        model.addAttribute("governments", organisations.search(null, OrganisationKind.GOVERNMENT, null, 0, 200)
                .items());
        model.addAttribute("cycles", Supervision.Cycle.values());
        return "supervision/preview";
    }

    @PostMapping("/supervision/imports/{id}/confirm")
    String confirm(@PathVariable UUID id, @RequestParam(required = false) @Nullable String title,
            @RequestParam(defaultValue = "QUARTERLY") Supervision.Cycle cycle,
            @RequestParam(required = false) @Nullable LocalDate deadline, HttpServletRequest request,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        Map<String, UUID> mappings = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (k.startsWith("unit[") && k.endsWith("]") && v.length > 0 && !v[0].isBlank()) {
                mappings.put(k.substring(5, k.length() - 1), UUID.fromString(v[0]));
            }
        });
        try {
            List<TaskView> created = supervision.confirm(id, title, cycle, deadline, mappings, user);
            redirect.addFlashAttribute("notice", "已导入 " + created.size() + " 项任务");
            return "redirect:/supervision?table=" + id;
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/supervision/imports/" + id;
        }
    }

    @GetMapping("/supervision/tables/{id}/original")
    void original(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
            throws IOException {
        var file = supervision.originalFile(id, user);
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(file.getKey(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.getOutputStream().write(file.getValue());
    }

    @GetMapping("/supervision/tasks/{id}")
    String task(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        TaskView t = supervision.task(id);
        model.addAttribute("t", t);
        model.addAttribute("reports", supervision.reports(id));
        model.addAttribute("role", supervision.roleOf(t, user).name());
        model.addAttribute("indicators", plan.indicators());
        model.addAttribute("bound", t.boundIndicator() == null ? null : plan.indicator(t.boundIndicator()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "supervision/task";
    }

    @PostMapping("/supervision/tasks/{id}/reports")
    String report(@PathVariable UUID id, @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) throws IOException {
        try {
            List<Supervision.Upload> uploads = new java.util.ArrayList<>();
            for (MultipartFile f : attachments == null ? List.<MultipartFile>of() : attachments) {
                uploads.add(new Supervision.Upload(f.getOriginalFilename(), f.getBytes()));
            }
            supervision.report(id, period, percent, text, uploads, user);
            redirect.addFlashAttribute("notice", "进展已报送");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
            redirect.addFlashAttribute("problem", String.join("；", e.fieldErrors().values()));
        }
        return "redirect:/supervision/tasks/" + id;
    }

    /** An attachment of a progress report, for whoever may open the task. */
    @GetMapping("/supervision/attachments/{id}")
    void attachment(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        var file = supervision.attachment(id);
        response.setContentType(file.getKey().contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(file.getKey().fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.getOutputStream().write(file.getValue());
    }

    @PostMapping("/supervision/reports/{reportId}/review")
    String review(@PathVariable UUID reportId, @RequestParam UUID task,
            @RequestParam(required = false) @Nullable Integer score,
            @RequestParam(required = false) @Nullable String comment, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            supervision.review(reportId, score, comment, user);
            redirect.addFlashAttribute("notice", "已评分");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supervision/tasks/" + task;
    }

    @PostMapping("/supervision/tasks/{id}/binding")
    String bind(@PathVariable UUID id, @RequestParam(required = false) @Nullable String indicator,
            @AuthenticationPrincipal SignedInUser user) {
        supervision.bind(id, indicator == null || indicator.isBlank() ? null : UUID.fromString(indicator), user);
        return "redirect:/supervision/tasks/" + id;
    }

    static String light(TaskView t) {
        return switch (t.schedule().light()) {
            case GREEN -> "绿灯";
            case YELLOW -> "黄灯";
            case RED -> "红灯";
            case NONE -> "—";
        };
    }
}
