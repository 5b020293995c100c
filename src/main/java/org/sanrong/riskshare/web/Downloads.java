package org.sanrong.riskshare.web;

import java.nio.charset.StandardCharsets;
import org.sanrong.riskshare.ClaimDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored claim document as a download: its checked content type, its name, never sniffed by the browser. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(ClaimDocuments.Content c) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(c.bytes());
    }
}
