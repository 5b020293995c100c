package org.sanrong.inbox.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.inbox.Inbox;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in person's unread count into every page's model as {@code unreadMessages}, for the badge in the
 * top nav (the layout cannot ask a bean itself). Only for page GETs: API calls, form posts and htmx fragments render
 * no nav, so they skip the query.
 */
@ControllerAdvice
class UnreadBadge {

    private final Inbox inbox;

    UnreadBadge(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadMessages")
    @Nullable Long unreadMessages(HttpServletRequest request, @AuthenticationPrincipal @Nullable SignedInUser user) {
        if (user == null || !"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return inbox.unreadCount(user);
    }
}
