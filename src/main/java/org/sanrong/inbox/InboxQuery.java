package org.sanrong.inbox;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Filters of a person's message list: unread only, one category, one subject; blank means any. */
public record InboxQuery(boolean unreadOnly, @Nullable String category, @Nullable String subject) {

    public InboxQuery {
        category = category == null || category.isBlank() ? null : category.strip().toUpperCase(Locale.ROOT);
        subject = subject == null || subject.isBlank() ? null : subject.strip();
    }

    public static InboxQuery all() {
        return new InboxQuery(false, null, null);
    }
}
