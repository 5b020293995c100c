package org.sanrong.stats.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.ProductType;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Charts;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.Spreadsheets;
import org.sanrong.reference.Industry;
import org.sanrong.reference.ReferenceData;
import org.sanrong.stats.Definitions;
import org.sanrong.stats.Figures;
import org.sanrong.stats.MonthlyReport;
import org.sanrong.stats.Selection;
import org.sanrong.stats.Statistics;
import org.sanrong.stats.StatisticsTables;
import org.sanrong.stats.Totals;
import org.sanrong.stats.TrendPoint;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 统计监测 cockpit: figures with their definitions, trend, bars by town and by institution, ranking tables,
 * drill-down city → town → institution → loans, Excel export of every table, the monthly report (Excel, PDF).
 * Government sees the city; an institution sees its own figures and its rank.
 */
@Controller
class CockpitController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Statistics statistics;
    private final MonthlyReport report;
    private final ReferenceData reference;
    private final Charts charts;
    private final Clock clock;
    private final org.sanrong.warning.EarlyWarning warnings;

    CockpitController(Statistics statistics, MonthlyReport report, ReferenceData reference, Charts charts,
            Clock clock, org.sanrong.warning.EarlyWarning warnings) {
        this.warnings = warnings;
        this.statistics = statistics;
        this.report = report;
        this.reference = reference;
        this.charts = charts;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String cockpit(@RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String productType,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String institution,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        Selection s = selection(month, category, productType, industry, town, institution, user, model);
        boolean official = user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
        Figures figures = statistics.figures(s);
        List<TrendPoint> trend = statistics.trend(s, 13);
        List<Totals> towns = statistics.breakdown(s, Statistics.Dimension.TOWN);
        List<Totals> institutions = official ? statistics.breakdown(s, Statistics.Dimension.INSTITUTION) : List.of();
        boolean bySection = s.industry() == null;
        List<Totals> industries = statistics.breakdown(s, bySection ? Statistics.Dimension.SECTION
                : Statistics.Dimension.DIVISION);
        model.addAttribute("figures", figures);
        model.addAttribute("compensation", statistics.compensation(s));
        model.addAttribute("subsidiesPaid", statistics.subsidiesPaid(s));
        model.addAttribute("t", figures.totals());
        model.addAttribute("official", official);
        model.addAttribute("towns", towns);
        model.addAttribute("institutions", institutions);
        model.addAttribute("industries", industries);
        model.addAttribute("industryBySection", bySection);
        model.addAttribute("categoriesTable", statistics.breakdown(s, Statistics.Dimension.CATEGORY));
        model.addAttribute("productTypes", statistics.breakdown(s, Statistics.Dimension.PRODUCT_TYPE));
        model.addAttribute("growth", growth(s, official, user));
        model.addAttribute("twoIncreases", statistics.twoIncreases(s));
        model.addAttribute("growthTarget", statistics.settings().growthTargetPercent());
        if (!official) {
            model.addAttribute("rank", statistics.rankOf(user.organisationId(), s.month()));
        } else {
            var warningSummary = warnings.summary(user);
            model.addAttribute("warningSummary", warningSummary);
            Map<String, Long> warningTowns = new java.util.LinkedHashMap<>();
            warningSummary.openByTown().forEach((k, v) -> warningTowns.merge(reference.town(k).map(t -> t.name())
                    .orElse(k), v, Long::sum));
            Map<String, Long> warningSections = new java.util.LinkedHashMap<>();
            warningSummary.openBySection().forEach((k, v) -> warningSections.merge(reference.industry(k)
                    .map(i -> k + " " + i.name()).orElse(k), v, Long::sum));
            model.addAttribute("warningTownChart", charts.bar(warningTowns));
            model.addAttribute("warningSectionChart", charts.bar(warningSections));
        }
        List<String> months = trend.stream().map(p -> p.month().toString()).toList();
        Map<String, List<? extends Number>> balance = new LinkedHashMap<>();
        balance.put("月末余额（万元）", trend.stream().map(p -> StatisticsTables.wan(p.balanceFen())).toList());
        balance.put("当月发放额（万元）", trend.stream().map(p -> StatisticsTables.wan(p.issuedFen())).toList());
        balance.put("%同比增速", trend.stream().map(p -> p.yearOnYearPercent()).toList());
        model.addAttribute("trendChart", charts.line(months, balance));
        List<TrendPoint> tech = statistics.trend(s.withCategory(statistics.settings().techCategory()), 13);
        Map<String, List<? extends Number>> techLines = new LinkedHashMap<>();
        techLines.put("科技信贷余额（万元）", tech.stream().map(p -> StatisticsTables.wan(p.balanceFen())).toList());
        techLines.put("%同比增速", tech.stream().map(p -> p.yearOnYearPercent()).toList());
        techLines.put("%目标", tech.stream().map(p -> statistics.settings().growthTargetPercent()).toList());
        model.addAttribute("techTrendChart", charts.line(tech.stream().map(p -> p.month().toString()).toList(),
                techLines));
        model.addAttribute("townChart", charts.bar(bars(towns)));
        model.addAttribute("institutionChart", charts.bar(bars(institutions)));
        model.addAttribute("definitions", definitions());
        return "stats/cockpit";
    }

    /** The loans behind a figure (the last step of the drill-down); enterprise details open under consent. */
    @GetMapping("/statistics/loans")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String loans(@RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String productType,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String institution,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        Selection s = selection(month, category, productType, industry, town, institution, user, model);
        model.addAttribute("result", statistics.loans(s, Math.max(0, page), 50));
        return "stats/loans";
    }

    /** Any table of the cockpit as Excel, for the same filters. */
    @GetMapping("/statistics/export.xlsx")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    void export(@RequestParam String table, @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String productType,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String institution,
            @AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        Selection s = statistics.scoped(parse(month, category, productType, industry, town, institution), user);
        boolean official = user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
        Spreadsheets.Sheet sheet = switch (table) {
            case "figures" -> StatisticsTables.figures(statistics.figures(s), statistics.compensation(s),
                    statistics.subsidiesPaid(s));
            case "trend" -> StatisticsTables.trend(statistics.trend(s, 13));
            case "towns" -> StatisticsTables.totals("分镇街", "镇街", statistics.breakdown(s, Statistics.Dimension.TOWN));
            case "institutions" -> {
                if (!official) {
                    throw new org.springframework.security.access.AccessDeniedException("机构排名表面向政府部门");
                }
                yield StatisticsTables.totals("分机构", "机构", statistics.breakdown(s, Statistics.Dimension.INSTITUTION));
            }
            case "industries" -> StatisticsTables.totals("分行业", "行业", statistics.breakdown(s,
                    s.industry() == null ? Statistics.Dimension.SECTION : Statistics.Dimension.DIVISION));
            case "categories" -> StatisticsTables.totals("分企业类别", "企业类别",
                    statistics.breakdown(s, Statistics.Dimension.CATEGORY));
            case "products" -> StatisticsTables.totals("分产品类型", "产品类型",
                    statistics.breakdown(s, Statistics.Dimension.PRODUCT_TYPE));
            case "growth" -> StatisticsTables.growth(growth(s, official, user));
            case "loans" -> StatisticsTables.loans(statistics.loans(s, 0, 100_000).items());
            default -> throw new InvalidRequestException("table", "没有这张表：" + table);
        };
        attachment(response, XLSX, sheet.name() + "-" + s.month() + ".xlsx");
        Spreadsheets.write(response.getOutputStream(), List.of(sheet));
    }

    /** 统计月报 for government: Excel or PDF. */
    @GetMapping("/statistics/report")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    void monthlyReport(@RequestParam(required = false) @Nullable String month,
            @RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response) throws IOException {
        YearMonth m = month(month);
        String name = "科技金融统计月报-" + m;
        if (format.equals("pdf") && !report.pdfAvailable()) {
            response.sendError(503, "PDF 月报需要中文字体（Debian: apt-get install fonts-noto-cjk，或设置 sanrong.stats.pdf-font）；"
                    + "Excel 月报可用");
            return;
        }
        if (format.equals("pdf")) {
            byte[] pdf = report.pdf(m);
            attachment(response, "application/pdf", name + ".pdf");
            response.getOutputStream().write(pdf);
        } else {
            attachment(response, XLSX, name + ".xlsx");
            report.excel(m, response.getOutputStream());
        }
    }

    /** Tech-credit growth: every institution for government; the city and the institution itself for an institution. */
    private List<org.sanrong.stats.GrowthRow> growth(Selection s, boolean official, SignedInUser user) {
        List<org.sanrong.stats.GrowthRow> rows = statistics.techCreditGrowth(s.withInstitution(null));
        return official ? rows : rows.stream().filter(g -> g.institutionId() == null
                || g.institutionId().equals(user.organisationId())).toList();
    }

    private Selection selection(@Nullable String month, @Nullable String category, @Nullable String productType,
            @Nullable String industry, @Nullable String town, @Nullable String institution, SignedInUser user,
            Model model) {
        Selection s;
        try {
            s = statistics.scoped(parse(month, category, productType, industry, town, institution), user);
        } catch (InvalidRequestException e) {
            model.addAttribute("problem", e.getMessage());
            s = statistics.scoped(Selection.of(YearMonth.now(clock)), user);
        }
        model.addAttribute("sel", s);
        model.addAttribute("query", query(s));
        model.addAttribute("months", statistics.months(YearMonth.now(clock)));
        model.addAttribute("categories", statistics.settings().categories());
        model.addAttribute("productTypeOptions", ProductType.values());
        model.addAttribute("townOptions", reference.towns());
        model.addAttribute("sectionOptions", reference.children(null));
        model.addAttribute("townName", s.town() == null ? null : statistics.townName(s.town()));
        model.addAttribute("industryName", s.industry() == null ? null : reference.industry(s.industry())
                .map(Industry::name).orElse(s.industry()));
        return s;
    }

    private Selection parse(@Nullable String month, @Nullable String category, @Nullable String productType,
            @Nullable String industry, @Nullable String town, @Nullable String institution) {
        UUID inst = null;
        if (blank(institution) == null) {
            inst = null;
        } else {
            try {
                inst = UUID.fromString(institution.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("institution", "机构编号格式不对");
            }
        }
        return new Selection(month(month), blank(category), blank(productType), blank(industry), blank(town), inst);
    }

    private YearMonth month(@Nullable String month) {
        if (blank(month) == null) {
            return YearMonth.now(clock);
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "月份请写成 2026-03 的格式");
        }
    }

    /** The selection's filters as query parameters (for links that keep them). */
    static Map<String, String> query(Selection s) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("month", s.month().toString());
        q.put("category", s.category() == null ? "" : s.category());
        q.put("productType", s.productType() == null ? "" : s.productType());
        q.put("industry", s.industry() == null ? "" : s.industry());
        q.put("town", s.town() == null ? "" : s.town());
        q.put("institution", s.institution() == null ? "" : s.institution().toString());
        return q;
    }

    private static Map<String, java.math.BigDecimal> bars(List<Totals> rows) {
        Map<String, java.math.BigDecimal> out = new LinkedHashMap<>();
        rows.stream().limit(15).forEach(t -> out.put(t.name(), StatisticsTables.wan(t.balanceFen())));
        return out;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("balance", Definitions.BALANCE);
        d.put("increase", Definitions.INCREASE);
        d.put("issuedMonth", Definitions.ISSUED_MONTH);
        d.put("issuedYtd", Definitions.ISSUED_YTD);
        d.put("yoy", Definitions.YEAR_ON_YEAR);
        d.put("borrowers", Definitions.BORROWERS);
        d.put("firstBorrowers", Definitions.FIRST_BORROWERS);
        d.put("creditShare", Definitions.CREDIT_SHARE);
        d.put("npl", Definitions.NPL);
        d.put("invested", Definitions.INVESTED);
        d.put("demands", Definitions.DEMANDS);
        d.put("demandsMet", Definitions.DEMANDS_MET);
        d.put("matchSuccess", Definitions.MATCH_SUCCESS);
        d.put("response", Definitions.RESPONSE);
        d.put("accessRate", Definitions.ACCESS_RATE);
        d.put("techGrowth", Definitions.TECH_GROWTH);
        d.put("twoIncreases", Definitions.TWO_INCREASES);
        return d;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static void attachment(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }

}
