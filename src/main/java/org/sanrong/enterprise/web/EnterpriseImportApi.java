package org.sanrong.enterprise.web;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseImports;
import org.sanrong.enterprise.ImportStatus;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import of enterprises for operators' scripts: upload a sheet, then poll the job. */
@RestController
@RequestMapping("/api/v1/admin/imports")
class EnterpriseImportApi {

    private final EnterpriseImports imports;

    EnterpriseImportApi(EnterpriseImports imports) {
        this.imports = imports;
    }

    /** Starts an import of a multipart "file" (.xlsx or UTF-8 CSV); 202 with the job, or a problem. */
    @PostMapping(path = "/enterprises", consumes = "multipart/form-data")
    ResponseEntity<ImportStatus> start(@RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "请上传 .xlsx 或 CSV 文件（表单字段 file）");
        }
        ImportStatus status = imports.start(file.getInputStream(),
                file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/imports/" + status.id())).body(status);
    }

    @GetMapping("/{id}")
    ImportStatus status(@PathVariable UUID id) {
        return imports.status(id).orElseThrow(() -> new NotFoundException("导入作业不存在或已过期"));
    }
}
