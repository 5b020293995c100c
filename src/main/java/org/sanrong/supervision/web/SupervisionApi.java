package org.sanrong.supervision.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.supervision.ImportPreview;
import org.sanrong.supervision.Supervision;
import org.sanrong.supervision.TaskSheet;
import org.sanrong.supervision.TaskView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 督查督办 for scripts: import a task table in one call (what the page's preview and confirm do together), list
 * tasks, report progress.
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionApi {

    private final Supervision supervision;

    SupervisionApi(Supervision supervision) {
        this.supervision = supervision;
    }

    /** The import's answer: the table, the tasks created, the rows not read, the unit names not matched. */
    record ImportResult(UUID tableId, String title, List<TaskView> tasks, List<TaskSheet.BadRow> badRows,
            List<String> unmatchedUnits) {
    }

    @PostMapping("/imports")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResponseEntity<ImportResult> importTable(@RequestParam("file") @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(defaultValue = "QUARTERLY") Supervision.Cycle cycle,
            @RequestParam(required = false) @Nullable LocalDate deadline, @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "请上传任务表文件（multipart 字段 file）");
        }
        ImportPreview preview = supervision.preview(file.getOriginalFilename() == null ? "table.xlsx"
                : file.getOriginalFilename(), file.getBytes(), user);
        List<TaskView> tasks = supervision.confirm(preview.tableId(), title, cycle, deadline, Map.of(), user);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResult(preview.tableId(),
                tasks.isEmpty() ? preview.title() : tasks.getFirst().tableTitle(), tasks, preview.badRows(),
                preview.unmatchedUnits()));
    }

    @GetMapping("/tasks")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    List<TaskView> tasks(@RequestParam(required = false) @Nullable UUID table) {
        return supervision.tasks(table);
    }

    record ReportForm(@Nullable String period, @Nullable Integer percent, @Nullable String text) {
    }

    @PostMapping("/tasks/{id}/reports")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResponseEntity<TaskView> report(@PathVariable UUID id, @RequestBody ReportForm form,
            @AuthenticationPrincipal SignedInUser user) {
        supervision.report(id, form.period(), form.percent(), form.text(), user);
        return ResponseEntity.status(HttpStatus.CREATED).body(supervision.task(id));
    }
}
