package org.sanrong.stats.web;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.stats.PlanIndicators;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Plans as files: the plans loaded, and a new one uploaded (multipart: code, name, file). */
@RestController
@RequestMapping("/api/v1/plan/plans")
@PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
class PlanFilesApi {

    private final PlanIndicators plan;

    PlanFilesApi(PlanIndicators plan) {
        this.plan = plan;
    }

    @GetMapping
    List<PlanIndicators.LoadedPlan> list() {
        return plan.plans();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanIndicators.LoadedPlan upload(@RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable MultipartFile file, @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        return plan.upload(code, name, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), user);
    }
}
