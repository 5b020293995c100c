package org.sanrong.datahub.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.datahub.DataDispute;
import org.sanrong.datahub.EnterpriseHubData;
import org.sanrong.datahub.HubBatch;
import org.sanrong.datahub.HubData;
import org.sanrong.datahub.HubDisputes;
import org.sanrong.datahub.HubImports;
import org.sanrong.datahub.HubQuality;
import org.sanrong.datahub.HubSource;
import org.sanrong.datahub.Measure;
import org.sanrong.datahub.RejectedRow;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
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
 * JSON API of the data hub: operators import a source's file (multipart) and read batches with their rejected
 * rows and the quality report; anyone allowed reads an enterprise's hub data (the enterprise, staff, institutions
 * under consent; audited); the enterprise disputes an item and the operator resolves it.
 */
@RestController
@RequestMapping("/api/v1/datahub")
class DatahubApi {

    private final HubImports imports;
    private final HubData hub;
    private final HubDisputes disputes;

    DatahubApi(HubImports imports, HubData hub, HubDisputes disputes) {
        this.imports = imports;
        this.hub = hub;
        this.disputes = disputes;
    }

    record BatchDetails(HubBatch batch, List<RejectedRow> rejectedRows) {
    }

    record DisputeRequest(@Nullable HubSource source, @Nullable String key, @Nullable Measure measure,
            @Nullable String note) {
    }

    record Resolution(@Nullable String value, @Nullable String reason) {
    }

    /** Imports one source's file; answers the batch (201), or 400 naming the problem when the file is refused. */
    @PostMapping("/batches")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<BatchDetails> importFile(@RequestParam(required = false) @Nullable HubSource source,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file) throws IOException {
        if (source == null) {
            throw new InvalidRequestException("source", "请指定数据来源 source（" + List.of(HubSource.values()) + "）");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "请上传文件（字段 file）");
        }
        HubBatch batch = imports.importFile(source, file.getInputStream(),
                file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
        return ResponseEntity.created(URI.create("/api/v1/datahub/batches/" + batch.id()))
                .body(new BatchDetails(batch, imports.rejectedRows(batch.id(), 1_000, 0)));
    }

    @GetMapping("/batches")
    @PreAuthorize("hasRole('ADMIN')")
    ResultPage<HubBatch> batches(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int pageSize) {
        return imports.batches(Math.max(0, page), ResultPage.sizeOf(pageSize));
    }

    /** A batch's provenance and its rejected rows ({@code offset}, at most 1,000 at a time). */
    @GetMapping("/batches/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    BatchDetails batch(@PathVariable UUID id, @RequestParam(defaultValue = "0") int offset) {
        HubBatch batch = imports.batch(id).orElseThrow(() -> new NotFoundException("导入批次不存在"));
        return new BatchDetails(batch, imports.rejectedRows(id, 1_000, Math.max(0, offset)));
    }

    @GetMapping("/quality")
    @PreAuthorize("hasAnyRole('ADMIN', 'GOV')")
    HubQuality quality() {
        return hub.quality();
    }

    @GetMapping("/enterprises/{code}")
    EnterpriseHubData enterprise(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        return hub.view(code, user);
    }

    @PostMapping("/enterprises/{code}/disputes")
    @PreAuthorize("hasRole('ENTERPRISE')")
    ResponseEntity<Map<String, UUID>> raise(@PathVariable String code, @RequestBody DisputeRequest body,
            @AuthenticationPrincipal SignedInUser user) {
        if (body.source() == null || body.key() == null) {
            throw new InvalidRequestException("source", "请指定数据来源 source 和所属期或文号 key");
        }
        UUID id = disputes.raise(code, body.source(), body.key(), body.measure(), body.note(), user);
        return ResponseEntity.created(URI.create("/api/v1/datahub/disputes/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/enterprises/{code}/disputes")
    List<DataDispute> disputesOf(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        return disputes.of(code, user);
    }

    @GetMapping("/disputes")
    @PreAuthorize("hasRole('ADMIN')")
    ResultPage<DataDispute> disputes(@RequestParam(required = false) DataDispute.@Nullable Status status,
            @RequestParam(defaultValue = "0") int page) {
        return disputes.list(status, Math.max(0, page), 50);
    }

    @GetMapping("/disputes/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    DataDispute dispute(@PathVariable UUID id) {
        return disputes.get(id);
    }

    @PostMapping("/disputes/{id}/correction")
    @PreAuthorize("hasRole('ADMIN')")
    DataDispute correct(@PathVariable UUID id, @RequestBody Resolution body, @AuthenticationPrincipal SignedInUser user) {
        disputes.correct(id, body.value(), body.reason(), user);
        return disputes.get(id);
    }

    @PostMapping("/disputes/{id}/rejection")
    @PreAuthorize("hasRole('ADMIN')")
    DataDispute reject(@PathVariable UUID id, @RequestBody Resolution body, @AuthenticationPrincipal SignedInUser user) {
        disputes.reject(id, body.reason(), user);
        return disputes.get(id);
    }
}
