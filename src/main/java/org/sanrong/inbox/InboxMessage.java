package org.sanrong.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message as one person sees it: the notice and when that person read it (null while unread). */
public record InboxMessage(UUID id, String category, String title, String body, @Nullable String link,
        @Nullable String subject, Instant sentAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
