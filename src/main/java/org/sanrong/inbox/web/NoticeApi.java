package org.sanrong.inbox.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator sends a notice (a maintenance window, a policy change) to an organisation or one of its members;
 * category SYSTEM unless given. The same checks as for any module's notice; the sending is audited.
 */
@RestController
@RequestMapping("/api/v1/admin/notices")
@PreAuthorize("hasRole('ADMIN')")
class NoticeApi {

    private final Inbox inbox;
    private final AuditTrail audit;

    NoticeApi(Inbox inbox, AuditTrail audit) {
        this.inbox = inbox;
        this.audit = audit;
    }

    record NoticeRequest(@Nullable UUID organisationId, @Nullable String username, @Nullable String category,
            @Nullable String title, @Nullable String body, @Nullable String link, @Nullable String subject) {
    }

    @PostMapping
    ResponseEntity<Map<String, UUID>> send(@RequestBody NoticeRequest r) {
        // Recipient and Notice refuse missing values with field errors, answered as problem JSON (400)
        Notice notice = new Notice(new Notice.Recipient(r.organisationId(), r.username()),
                r.category() == null || r.category().isBlank() ? Notice.SYSTEM : r.category(), r.title(), r.body(),
                r.link(), r.subject());
        UUID id = inbox.send(notice);
        audit.record("SEND_NOTICE", "organisation:" + notice.recipient().organisationId(), Outcome.SUCCESS,
                notice.title());
        return ResponseEntity.created(URI.create("/api/v1/admin/notices/" + id)).body(Map.of("id", id));
    }
}
