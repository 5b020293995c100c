package org.sanrong.riskshare.web;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.riskshare.FilingImport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Filing by Excel import over the API: the template, and the import answering the report (problem JSON if refused). */
@RestController
@PreAuthorize("hasRole('INSTITUTION')")
class FilingImportApi {

    private final FilingImport imports;

    FilingImportApi(FilingImport imports) {
        this.imports = imports;
    }

    @GetMapping("/api/v1/riskshare/filings/import-template")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("风险补偿备案导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(imports.template());
    }

    @PostMapping("/api/v1/riskshare/filings/import")
    FilingImport.Report importSheet(@RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user) throws IOException {
        return imports.importSheet(file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), user);
    }
}
