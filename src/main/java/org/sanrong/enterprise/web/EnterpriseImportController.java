package org.sanrong.enterprise.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseImports;
import org.sanrong.enterprise.EnterpriseSheet;
import org.sanrong.enterprise.ImportStatus;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The operator's upload page for enterprise sheets, the htmx-polled progress and the report of rejected rows. */
@Controller
@RequestMapping("/admin/imports/enterprises")
class EnterpriseImportController {

    private final EnterpriseImports imports;

    EnterpriseImportController(EnterpriseImports imports) {
        this.imports = imports;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("headers", EnterpriseSheet.headers());
        return "enterprise/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("file", "请选择要上传的 .xlsx 或 CSV 文件");
            }
            ImportStatus status = imports.start(file.getInputStream(),
                    file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
            return "redirect:/admin/imports/enterprises/" + status.id();
        } catch (InvalidRequestException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("headers", EnterpriseSheet.headers());
            return "enterprise/import";
        }
    }

    @GetMapping("/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", status(id));
        return "enterprise/import-job";
    }

    /** The progress fragment; it polls itself until the import has finished, then shows the report. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", status(id));
        return "enterprise/import-job :: progress";
    }

    @GetMapping("/{id}/rejected.csv")
    ResponseEntity<Resource> rejected(@PathVariable UUID id) {
        ImportStatus job = status(id);
        Path file = imports.rejectedRows(id).orElseThrow(() -> new NotFoundException("该导入没有被拒绝的行"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rejected-" + baseName(job.fileName()) + ".csv", StandardCharsets.UTF_8).build()
                        .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(new FileSystemResource(file));
    }

    /** An empty sheet with the headers and one example row, to fill in Excel. */
    @GetMapping("/template.csv")
    ResponseEntity<byte[]> template() {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        EnterpriseSheet.writeCsvHeader(out);
        EnterpriseSheet.writeCsvRow(out, new String[] {"91441900MA4W7K3L0X", "东莞示例电子科技有限公司", "有限责任公司",
            "2018-06-01", "500", "441900401", "广东省东莞市松山湖科技路1号", "C3982", "120", "2025", "8600.5",
            "512.25", "18", "3", "12", "2", "4", "5", "张三", "13800000000"});
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("企业导入模板.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private ImportStatus status(UUID id) {
        return imports.status(id).orElseThrow(() -> new NotFoundException("导入作业不存在或已过期"));
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
