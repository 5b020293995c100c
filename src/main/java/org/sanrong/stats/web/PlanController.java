package org.sanrong.stats.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Charts;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.stats.PlanIndicators;
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

/** 规划指标 pages for government: the plan's indicators with lights, one indicator with its chart, history and entry. */
@Controller
@PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
class PlanController {

    private final PlanIndicators plan;
    private final Charts charts;
    private final Clock clock;

    PlanController(PlanIndicators plan, Charts charts, Clock clock) {
        this.plan = plan;
        this.charts = charts;
        this.clock = clock;
    }

    @GetMapping("/plan")
    String list(Model model) {
        model.addAttribute("indicators", plan.indicators());
        return "stats/plan";
    }

    @GetMapping("/plan/upload")
    String uploadForm(Model model) {
        model.addAttribute("plans", plan.plans());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "stats/plan-upload";
    }

    /** A plan file (CSV or Excel) with its code and name; every bad line is shown, nothing saved then. */
    @PostMapping("/plan/upload")
    String upload(@RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable MultipartFile file, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) throws IOException {
        try {
            PlanIndicators.LoadedPlan loaded = plan.upload(code, name, file == null ? null
                    : file.getOriginalFilename(), file == null ? null : file.getBytes(), user);
            redirect.addFlashAttribute("notice", "已载入规划：" + loaded.name() + "（" + loaded.baseYear() + "–"
                    + loaded.targetYear() + "，" + loaded.indicators() + " 项指标）");
            return "redirect:/plan";
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
            redirect.addFlashAttribute("code", code);
            redirect.addFlashAttribute("name", name);
            return "redirect:/plan/upload";
        }
    }

    @GetMapping("/plan/{id}")
    String show(@PathVariable UUID id, Model model) {
        PlanIndicators.IndicatorView i = plan.indicator(id);
        model.addAttribute("i", i);
        model.addAttribute("history", plan.history(id));
        List<PlanIndicators.ActualValue> series = plan.series(id);
        List<String> periods = new java.util.ArrayList<>();
        List<java.math.BigDecimal> values = new java.util.ArrayList<>();
        List<java.math.BigDecimal> path = new java.util.ArrayList<>();
        periods.add(i.baseYear() + "（基期）");
        values.add(i.baseValue());
        path.add(i.baseValue());
        for (PlanIndicators.ActualValue v : series) {
            periods.add(v.quarter() == null ? String.valueOf(v.year()) : v.year() + "Q" + v.quarter());
            values.add(v.value());
            path.add(i.baseValue().add(i.targetValue().subtract(i.baseValue()).multiply(
                    PlanIndicators.elapsed(i.baseYear(), i.targetYear(), v.year(), v.quarter()))
                    .divide(java.math.BigDecimal.valueOf(100), 4, java.math.RoundingMode.HALF_UP)));
        }
        periods.add(i.targetYear() + "（目标）");
        values.add(null);
        path.add(i.targetValue());
        Map<String, List<? extends Number>> lines = new LinkedHashMap<>();
        lines.put("实际值（" + i.unit() + "）", values);
        lines.put("序时进度对应值（" + i.unit() + "）", path);
        model.addAttribute("chart", charts.line(periods, lines));
        model.addAttribute("bindings", PlanIndicators.Binding.values());
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "stats/plan-indicator";
    }

    @PostMapping("/plan/{id}/values")
    String record(@PathVariable UUID id, @RequestParam int year, @RequestParam(required = false) @Nullable Integer quarter,
            @RequestParam(required = false) @Nullable String value, @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable String source, @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile attachment,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) throws IOException {
        try {
            boolean file = attachment != null && !attachment.isEmpty();
            plan.record(id, year, quarter, value, unit, source, note, file ? attachment.getOriginalFilename() : null,
                    file ? attachment.getBytes() : null, user);
            redirect.addFlashAttribute("notice", "已填报");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("errors", e.fieldErrors());
            redirect.addFlashAttribute("problem", String.join("；", e.fieldErrors().values()));
        }
        return "redirect:/plan/" + id;
    }

    @PostMapping("/plan/{id}/binding")
    String bind(@PathVariable UUID id, @RequestParam(required = false) @Nullable String binding,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            plan.bind(id, binding == null || binding.isBlank() ? null : PlanIndicators.Binding.valueOf(binding), user);
            redirect.addFlashAttribute("notice", "已保存");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/plan/" + id;
    }

    @GetMapping("/plan/values/{valueId}/attachment")
    void attachment(@PathVariable long valueId, HttpServletResponse response) throws IOException {
        var file = plan.attachment(valueId).orElseThrow(() -> new NotFoundException("附件不存在"));
        CockpitController.attachment(response, "application/octet-stream", file.getKey());
        response.getOutputStream().write(file.getValue());
    }
}
