package org.sanrong.inbox.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.InboxMessage;
import org.sanrong.inbox.InboxQuery;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.ResultPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the signed-in person's messages. {@code readAt} is null while unread; a message that did not reach the
 * caller is 404 whether or not it exists.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApi {

    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    record UnreadCount(long unread) {
    }

    record Marked(int marked) {
    }

    /** Newest first; {@code unread=true}, {@code category} and {@code subject} narrow it. */
    @GetMapping
    ResultPage<InboxMessage> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int pageSize,
            @AuthenticationPrincipal SignedInUser user) {
        return inbox.list(user, new InboxQuery(unread, category, subject), page, pageSize);
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount(@AuthenticationPrincipal SignedInUser user) {
        return new UnreadCount(inbox.unreadCount(user));
    }

    /** One message; reading it here does not mark it read. */
    @GetMapping("/{id}")
    InboxMessage one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return inbox.message(id, user);
    }

    @PostMapping("/{id}/read")
    InboxMessage markRead(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return inbox.markRead(id, user);
    }

    @PostMapping("/read-all")
    Marked markAllRead(@AuthenticationPrincipal SignedInUser user) {
        return new Marked(inbox.markAllRead(user));
    }
}
