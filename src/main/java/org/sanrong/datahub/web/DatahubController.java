package org.sanrong.datahub.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.datahub.DataDispute;
import org.sanrong.datahub.HubBatch;
import org.sanrong.datahub.HubData;
import org.sanrong.datahub.HubDisputes;
import org.sanrong.datahub.HubImports;
import org.sanrong.datahub.HubSource;
import org.sanrong.datahub.Measure;
import org.sanrong.datahub.RejectedRow;
import org.sanrong.identity.SignedInUser;
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
 * 数据归集 pages: the operator's upload by source with the formats and templates, the batches with their
 * provenance and rejected rows, the quality report, and the dispute queue; the enterprise raises a dispute from its
 * credit profile.
 */
@Controller
class DatahubController {

    static final int REJECTED_SHOWN = 500;

    private final HubImports imports;
    private final HubData hub;
    private final HubDisputes disputes;

    DatahubController(HubImports imports, HubData hub, HubDisputes disputes) {
        this.imports = imports;
        this.hub = hub;
        this.disputes = disputes;
    }

    @GetMapping("/admin/datahub")
    String home(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("sources", HubSource.values());
        model.addAttribute("batches", imports.batches(Math.max(0, page), 20));
        model.addAttribute("openDisputes", disputes.list(DataDispute.Status.OPEN, 0, 1).total());
        return "datahub/home";
    }

    @PostMapping("/admin/datahub")
    String upload(@RequestParam(required = false) @Nullable HubSource source,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        try {
            if (source == null) {
                throw new InvalidRequestException("source", "请选择数据来源");
            }
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("file", "请选择要上传的 .xlsx 或 CSV 文件");
            }
            HubBatch batch = imports.importFile(source, file.getInputStream(),
                    file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
            return "redirect:/admin/datahub/batches/" + batch.id();
        } catch (InvalidRequestException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("chosen", source);
            return home(0, model);
        }
    }

    @GetMapping("/admin/datahub/batches/{id}")
    String batch(@PathVariable UUID id, Model model) {
        HubBatch batch = imports.batch(id).orElseThrow(() -> new NotFoundException("导入批次不存在"));
        model.addAttribute("batch", batch);
        model.addAttribute("rejected", imports.rejectedRows(id, REJECTED_SHOWN, 0));
        return "datahub/batch";
    }

    @GetMapping("/admin/datahub/batches/{id}/rejected.csv")
    ResponseEntity<byte[]> rejected(@PathVariable UUID id) {
        HubBatch batch = imports.batch(id).orElseThrow(() -> new NotFoundException("导入批次不存在"));
        StringBuilder csv = new StringBuilder("\uFEFF行号,原因,原始内容\r\n");
        int offset = 0;
        List<RejectedRow> rows;
        do {
            rows = imports.rejectedRows(id, 5_000, offset);
            for (RejectedRow r : rows) {
                csv.append(r.line()).append(',').append(quote(r.reason())).append(',').append(quote(r.content()))
                        .append("\r\n");
            }
            offset += rows.size();
        } while (rows.size() == 5_000);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rejected-" + batch.source().name().toLowerCase() + "-" + id + ".csv",
                                StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/datahub/templates/{source}.csv")
    ResponseEntity<byte[]> template(@PathVariable HubSource source) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(source.label() + "数据模板.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(HubData.template(source).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/datahub/quality")
    String quality(Model model) {
        model.addAttribute("quality", hub.quality());
        return "datahub/quality";
    }

    @GetMapping("/admin/datahub/disputes")
    String disputeList(@RequestParam(required = false) DataDispute.@Nullable Status status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        DataDispute.Status shown = status == null ? DataDispute.Status.OPEN : status;
        model.addAttribute("status", shown);
        model.addAttribute("statuses", DataDispute.Status.values());
        model.addAttribute("disputes", disputes.list(shown, Math.max(0, page), 20));
        return "datahub/disputes";
    }

    @PostMapping("/admin/datahub/disputes/{id}/correction")
    String correct(@PathVariable UUID id, @RequestParam(required = false) @Nullable String value,
            @RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            disputes.correct(id, value, reason, user);
            redirect.addFlashAttribute("notice", "已更正，评分将随之更新");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/datahub/disputes";
    }

    @PostMapping("/admin/datahub/disputes/{id}/rejection")
    String reject(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            disputes.reject(id, reason, user);
            redirect.addFlashAttribute("notice", "已驳回该异议");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/datahub/disputes";
    }

    /** The enterprise disputes an item of its own data, from its credit profile page. */
    @PostMapping("/datahub/enterprises/{code}/disputes")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String raise(@PathVariable String code, @RequestParam HubSource source, @RequestParam String key,
            @RequestParam(required = false) @Nullable Measure measure,
            @RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            disputes.raise(code, source, key, measure, note, user);
            redirect.addFlashAttribute("notice", "异议已提交，平台运营人员核实后会更正或答复；处理前评分显示“有异议”");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/credit/enterprises/" + code + "#hub-data";
    }

    private static String quote(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
