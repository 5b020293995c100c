package org.sanrong.riskshare.web;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.riskshare.FilingImport;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Filing by Excel import (备案导入), page and API: the template, the upload, and the report of rows filed and rows
 * refused with every failed rule.
 */
@Controller
@PreAuthorize("hasRole('INSTITUTION')")
class FilingImportController {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FilingImport imports;

    FilingImportController(FilingImport imports) {
        this.imports = imports;
    }

    /** Only carries the file's problem back to the page. */
    record ImportForm(@Nullable String file) {
    }

    @GetMapping("/riskshare/filings/import-template")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("风险补偿备案导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(imports.template());
    }

    @GetMapping("/riskshare/filings/import")
    String page(Model model) {
        if (!model.containsAttribute("importForm")) {
            model.addAttribute("importForm", new ImportForm(null));
        }
        model.addAttribute("columns", FilingImport.COLUMNS);
        model.addAttribute("maxRows", FilingImport.MAX_ROWS);
        return "riskshare/import";
    }

    @PostMapping("/riskshare/filings/import")
    String upload(@ModelAttribute("importForm") ImportForm form, BindingResult binding,
            @RequestParam(name = "sheet", required = false) @Nullable MultipartFile sheet,
            @AuthenticationPrincipal SignedInUser user, Model model) throws IOException {
        try {
            model.addAttribute("report", imports.importSheet(sheet == null ? null : sheet.getOriginalFilename(),
                    sheet == null ? null : sheet.getBytes(), user));
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
        }
        return page(model);
    }
}
