package org.sanrong.credit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.credit.CreditMonitoring;
import org.sanrong.credit.CreditProfile;
import org.sanrong.credit.CreditRatings;
import org.sanrong.credit.ModelView;
import org.sanrong.credit.ScorecardModels;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.http.MediaType;
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
 * JSON API of 信用画像: an enterprise's credit profile (rating, innovation score, reasons, hints, features) for the
 * enterprise itself, staff, and institutions under consent (audited); models — train from a labelled file or from
 * platform outcomes, list, approve (by someone other than the trainer), reject, the Excel report; re-scoring and
 * monitoring for staff.
 */
@RestController
@RequestMapping("/api/v1/credit")
class CreditApi {

    private final CreditRatings ratings;
    private final ScorecardModels models;
    private final CreditMonitoring monitoring;

    CreditApi(CreditRatings ratings, ScorecardModels models, CreditMonitoring monitoring) {
        this.ratings = ratings;
        this.models = models;
        this.monitoring = monitoring;
    }

    record Review(@Nullable String note, @Nullable String reason) {
    }

    @GetMapping("/enterprises/{code}")
    CreditProfile profile(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        return ratings.profile(code, user);
    }

    @GetMapping("/models")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    List<ModelView> models(@AuthenticationPrincipal SignedInUser user) {
        return models.list(user);
    }

    @GetMapping("/models/{id}")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ModelView model(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return models.get(id, user);
    }

    /** Trains from a labelled file (multipart {@code file}, {@code target} column, optional {@code badValue}). */
    @PostMapping(value = "/models", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResponseEntity<ModelView> train(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String badValue, @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "请上传带标签的 CSV 或 .xlsx 文件（字段 file）");
        }
        UUID id = models.trainFromFile(file.getInputStream(), file.getOriginalFilename() == null ? "upload"
                : file.getOriginalFilename(), target, badValue, user);
        return ResponseEntity.created(URI.create("/api/v1/credit/models/" + id)).body(models.get(id, user));
    }

    /** Trains from the outcomes the platform knows (loans' repayment status, the demo's simulated outcomes). */
    @PostMapping("/models/platform")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResponseEntity<ModelView> trainFromPlatform(@AuthenticationPrincipal SignedInUser user) {
        UUID id = models.trainFromPlatform(user);
        return ResponseEntity.created(URI.create("/api/v1/credit/models/" + id)).body(models.get(id, user));
    }

    /** Approves a pending model (not by its trainer): it goes into use and everyone is re-scored. */
    @PostMapping("/models/{id}/approval")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ModelView approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable Review body,
            @AuthenticationPrincipal SignedInUser user) {
        models.approve(id, body == null ? null : body.note(), user);
        return models.get(id, user);
    }

    @PostMapping("/models/{id}/rejection")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ModelView reject(@PathVariable UUID id, @RequestBody(required = false) @Nullable Review body,
            @AuthenticationPrincipal SignedInUser user) {
        models.reject(id, body == null ? null : body.reason(), user);
        return models.get(id, user);
    }

    @GetMapping(value = "/models/{id}/report.xlsx")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResponseEntity<byte[]> report(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        models.report(id, out, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).body(out.toByteArray());
    }

    @PostMapping("/rescoring")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    CreditRatings.Rescored rescore(@AuthenticationPrincipal SignedInUser user) {
        return ratings.rescoreAll(user);
    }

    @GetMapping("/monitoring")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    CreditMonitoring.Report monitoring(@AuthenticationPrincipal SignedInUser user) {
        return monitoring.report(user);
    }
}
