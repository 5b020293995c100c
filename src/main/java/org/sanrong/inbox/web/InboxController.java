package org.sanrong.inbox.web;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.InboxMessage;
import org.sanrong.inbox.InboxQuery;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 消息 pages: the signed-in person's messages with filters, opening one (which marks it read and follows its link),
 * marking all read, and where notices are e-mailed.
 */
@Controller
class InboxController {

    static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final MessageSource texts;

    InboxController(Inbox inbox, MessageSource texts) {
        this.inbox = inbox;
        this.texts = texts;
    }

    @GetMapping("/inbox")
    String list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
        InboxQuery query = new InboxQuery(unread, category, null);
        model.addAttribute("result", inbox.list(user, query, page, PAGE_SIZE));
        model.addAttribute("categories", inbox.categories(user));
        model.addAttribute("unread", unread);
        model.addAttribute("category", query.category());
        return "inbox/list";
    }

    /** Opening a message reads it: on to its link when it has one, else the message itself. */
    @GetMapping("/inbox/{id}")
    String open(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        InboxMessage message = inbox.markRead(id, user);
        if (message.link() != null) {
            // the link is a path inside the application (Notice checks it), so this never leaves the site
            return "redirect:" + message.link();
        }
        model.addAttribute("message", message);
        // UnreadBadge counted before this message was read
        model.addAttribute("unreadMessages", inbox.unreadCount(user));
        return "inbox/show";
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        inbox.markRead(id, user);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String markAllRead(@AuthenticationPrincipal SignedInUser user, Locale locale, RedirectAttributes redirect) {
        int n = inbox.markAllRead(user);
        redirect.addFlashAttribute("notice", texts.getMessage("inbox.allMarkedRead", new Object[] {n}, locale));
        return "redirect:/inbox";
    }

    @GetMapping("/inbox/settings")
    String settings(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("email", inbox.mailAddress(user).orElse(""));
        model.addAttribute("mailEnabled", inbox.mailEnabled());
        return "inbox/settings";
    }

    @PostMapping("/inbox/settings")
    String changeSettings(@RequestParam(defaultValue = "") String email, @AuthenticationPrincipal SignedInUser user,
            Locale locale, Model model, RedirectAttributes redirect) {
        try {
            inbox.changeMailAddress(user, email);
        } catch (InvalidRequestException e) {
            model.addAttribute("email", email);
            model.addAttribute("emailError", e.getMessage());
            model.addAttribute("mailEnabled", inbox.mailEnabled());
            return "inbox/settings";
        }
        redirect.addFlashAttribute("notice", texts.getMessage("inbox.settings.saved", null, locale));
        return "redirect:/inbox/settings";
    }
}
