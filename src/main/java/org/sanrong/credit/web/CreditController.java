package org.sanrong.credit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.credit.CreditMonitoring;
import org.sanrong.credit.CreditProfile;
import org.sanrong.credit.CreditRatings;
import org.sanrong.credit.ModelView;
import org.sanrong.credit.ScorecardModels;
import org.sanrong.datahub.DataAccess;
import org.sanrong.datahub.DataDispute;
import org.sanrong.datahub.EnterpriseHubData;
import org.sanrong.datahub.HubData;
import org.sanrong.datahub.HubDisputes;
import org.sanrong.datahub.HubRecord;
import org.sanrong.datahub.HubSource;
import org.sanrong.datahub.SeriesPoint;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Charts;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * 信用画像 pages: an enterprise's credit profile (its own, or another's for staff and consenting institutions)
 * with its hub data and disputes; for government and operator staff the models (training, review, validation,
 * Excel report) and the monitoring page with re-scoring.
 */
@Controller
class CreditController {

    private final CreditRatings ratings;
    private final ScorecardModels models;
    private final CreditMonitoring monitoring;
    private final HubData hub;
    private final HubDisputes disputes;
    private final EnterpriseBook enterprises;
    private final AuditTrail audit;
    private final Charts charts;

    CreditController(CreditRatings ratings, ScorecardModels models, CreditMonitoring monitoring, HubData hub,
            HubDisputes disputes, EnterpriseBook enterprises, AuditTrail audit, Charts charts) {
        this.ratings = ratings;
        this.models = models;
        this.monitoring = monitoring;
        this.hub = hub;
        this.disputes = disputes;
        this.enterprises = enterprises;
        this.audit = audit;
        this.charts = charts;
    }

    @GetMapping("/enterprise/credit")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String mine(@AuthenticationPrincipal SignedInUser user) {
        return "redirect:/credit/enterprises/" + enterprises.ownCreditCode(user)
                .orElseThrow(() -> new NotFoundException("当前账号不属于企业"));
    }

    /** One periodic source's last twelve months as a page shows them. */
    record SeriesTable(HubSource source, List<org.sanrong.datahub.Measure> measures, List<SeriesPoint> points,
            List<String> keys) {
    }

    record RecordTable(HubSource source, List<HubRecord> records) {
    }

    @GetMapping("/credit/enterprises/{code}")
    String profile(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, Model model) {
        CreditProfile profile = ratings.profile(code, user);
        model.addAttribute("profile", profile);
        Map<String, List<CreditProfile.FeatureLine>> groups = new LinkedHashMap<>();
        profile.features().forEach(f -> groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f));
        model.addAttribute("featureGroups", groups);
        EnterpriseHubData data = hub.view(code, user);
        List<SeriesTable> series = new ArrayList<>();
        List<RecordTable> records = new ArrayList<>();
        for (HubSource s : HubSource.values()) {
            if (s.periodic()) {
                List<SeriesPoint> points = data.series(s);
                List<SeriesPoint> last = points.size() > 12 ? points.subList(points.size() - 12, points.size())
                        : points;
                List<SeriesPoint> newestFirst = new ArrayList<>(last);
                java.util.Collections.reverse(newestFirst);
                series.add(new SeriesTable(s, s.measures(), newestFirst,
                        points.stream().map(SeriesPoint::key).toList().reversed()));
            } else {
                records.add(new RecordTable(s, data.records(s)));
            }
        }
        model.addAttribute("series", series);
        model.addAttribute("records", records);
        boolean owner = profile.access() == DataAccess.Access.OWNER;
        model.addAttribute("owner", owner);
        if (profile.access() != DataAccess.Access.GRANTED) {
            List<DataDispute> list = disputes.of(code, user);
            model.addAttribute("disputes", list);
            Set<String> disputed = new TreeSet<>();
            list.stream().filter(d -> d.status() == DataDispute.Status.OPEN)
                    .forEach(d -> disputed.add(d.source() + ":" + (d.reference() != null ? d.reference()
                            : String.valueOf(d.period()))));
            model.addAttribute("disputedKeys", disputed);
        }
        if (owner) {
            List<AuditEntry> reads = new ArrayList<>();
            reads.addAll(audit.search(new AuditQuery(null, CreditRatings.VIEW_ACTION, "enterprise:" + code, null,
                    null, null), 0, 20).items());
            reads.addAll(audit.search(new AuditQuery(null, HubData.VIEW_ACTION, "enterprise:" + code, null, null,
                    null), 0, 20).items());
            reads.sort(java.util.Comparator.comparing(AuditEntry::at).reversed());
            model.addAttribute("reads", reads.size() > 20 ? reads.subList(0, 20) : reads);
        }
        return "credit/profile";
    }

    // ---- models ------------------------------------------------------------------------------------------------

    @GetMapping("/credit/models")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String models(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("models", models.list(user));
        model.addAttribute("outcomes", models.outcomeCount());
        return "credit/models";
    }

    @PostMapping("/credit/models")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String train(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String badValue, @AuthenticationPrincipal SignedInUser user,
            Model model, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("file", "请选择带标签的 CSV 或 .xlsx 文件");
            }
            UUID id = models.trainFromFile(file.getInputStream(), file.getOriginalFilename() == null ? "upload"
                    : file.getOriginalFilename(), target, badValue, user);
            redirect.addFlashAttribute("notice", "模型已训练，等待另一位政府或运营人员审批");
            return "redirect:/credit/models/" + id;
        } catch (InvalidRequestException e) {
            model.addAttribute("problem", e.getMessage());
            return models(user, model);
        }
    }

    @PostMapping("/credit/models/platform")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String trainFromPlatform(@AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            UUID id = models.trainFromPlatform(user);
            redirect.addFlashAttribute("notice", "模型已训练，等待另一位政府或运营人员审批");
            return "redirect:/credit/models/" + id;
        } catch (InvalidRequestException e) {
            model.addAttribute("problem", e.getMessage());
            return models(user, model);
        }
    }

    @GetMapping("/credit/models/{id}")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String model(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        ModelView view = models.get(id, user);
        model.addAttribute("model", view);
        model.addAttribute("card", models.scorecard(id, user));
        model.addAttribute("ownModel", view.trainedBy().equals(user.username()));
        return "credit/model";
    }

    @PostMapping("/credit/models/{id}/approval")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String approve(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            var rescored = models.approve(id, note, user);
            redirect.addFlashAttribute("notice", "模型已批准启用，已重新评分 " + rescored.rated() + " 家企业");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/credit/models/" + id;
    }

    @PostMapping("/credit/models/{id}/rejection")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String reject(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            models.reject(id, reason, user);
            redirect.addFlashAttribute("notice", "已退回该模型");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/credit/models/" + id;
    }

    @GetMapping("/credit/models/{id}/report.xlsx")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResponseEntity<byte[]> report(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        ModelView view = models.get(id, user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        models.report(id, out, user);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("评分卡验证报告-" + view.label() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    // ---- monitoring --------------------------------------------------------------------------------------------

    @GetMapping("/credit/monitoring")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String monitoring(@AuthenticationPrincipal SignedInUser user, Model model) {
        CreditMonitoring.Report report = monitoring.report(user);
        model.addAttribute("report", report);
        model.addAttribute("gradeChart", charts.bar(report.grades()));
        model.addAttribute("scoreChart", charts.bar(report.scoreBands()));
        return "credit/monitoring";
    }

    @PostMapping("/credit/rescoring")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String rescore(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        var done = ratings.rescoreAll(user);
        redirect.addFlashAttribute("notice", "已重新评分 " + done.rated() + " 家企业，用时 " + done.millis() + " 毫秒");
        return "redirect:/credit/monitoring";
    }
}
