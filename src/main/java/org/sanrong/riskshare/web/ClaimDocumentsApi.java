package org.sanrong.riskshare.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.riskshare.Claim;
import org.sanrong.riskshare.ClaimDocuments;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A claim's documents over the API: list, upload (multipart {@code documentType}, {@code file}), download. */
@RestController
@RequestMapping("/api/v1/riskshare")
class ClaimDocumentsApi {

    private final ClaimDocuments documents;

    ClaimDocumentsApi(ClaimDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/claims/{id}/documents")
    List<ClaimDocuments.Document> list(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return documents.list(new Claim.Id(id), user);
    }

    @PostMapping("/claims/{id}/documents")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<ClaimDocuments.Document> upload(@PathVariable UUID id,
            @RequestParam(required = false) @Nullable String documentType,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user) throws IOException {
        UUID doc = documents.upload(new Claim.Id(id), documentType, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), user);
        ClaimDocuments.Document d = documents.list(new Claim.Id(id), user).stream()
                .filter(x -> x.id().equals(doc)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/riskshare/claim-documents/" + doc)).body(d);
    }

    @GetMapping("/claim-documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return Downloads.of(documents.download(id, user));
    }
}
