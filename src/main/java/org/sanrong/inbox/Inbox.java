package org.sanrong.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Account;
import org.sanrong.identity.AccountView;
import org.sanrong.identity.Membership;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 站内消息. Modules {@link #send} notices; each person reads their own messages and read state. A notice to an
 * organisation reaches the members it has when it is sent, each with their own read state, so a colleague reading it
 * leaves it unread for the others. A person reads only messages that reached them: anything else is "not found",
 * whether or not it exists. Reading is not audited (it is the reader's own data).
 */
@Service
public class Inbox {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_EMAIL = 254;

    private final Messages messages;
    private final MailAddresses addresses;
    private final MailChannel mail;
    private final Membership membership;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inbox(Messages messages, MailAddresses addresses, MailChannel mail, Membership membership,
            ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.addresses = addresses;
        this.mail = mail;
        this.membership = membership;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the notice for its recipients in the caller's transaction (a rolled-back action tells no one) and
     * answers the message's id. Two statements plus the organisation's member list; the e-mail copy, when the
     * channel is on, goes after commit on another thread and never fails the sender.
     *
     * @throws NotFoundException if the organisation does not exist
     * @throws InvalidRequestException if the notice names a user who is not a member of the organisation
     */
    @Transactional
    public UUID send(Notice notice) {
        List<AccountView> members = membership.membersOf(notice.recipient().organisationId());
        String only = notice.recipient().username();
        List<AccountView> recipients = only == null ? members
                : members.stream().filter(a -> a.username().equals(only)).toList();
        if (only != null && recipients.isEmpty()) {
            throw new InvalidRequestException("username", "用户 " + only + " 不是该组织的成员");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        messages.insert(id, notice, now);
        messages.deliver(id, recipients.stream().map(AccountView::username).toList(), notice.category(), now);
        if (mail.enabled()) {
            List<String> active = recipients.stream().filter(a -> a.status() == Account.Status.ACTIVE)
                    .map(AccountView::username).toList();
            List<String> mailable = List.copyOf(addresses.of(active).keySet());
            if (!mailable.isEmpty()) {
                events.publishEvent(new MailDue(id, mailable));
            }
        }
        return id;
    }

    /** Whether any message about this subject was ever sent: lets a sender notify once (a reminder, a welcome). */
    @Transactional(readOnly = true)
    public boolean sentAbout(String subject) {
        return messages.existsAbout(subject.strip());
    }

    /** The person's unread messages: one count over an index of unread deliveries, cheap enough for every page. */
    @Transactional(readOnly = true)
    public long unreadCount(SignedInUser user) {
        return messages.unread(user.username());
    }

    /** The person's messages, newest first. */
    @Transactional(readOnly = true)
    public ResultPage<InboxMessage> list(SignedInUser user, InboxQuery query, int page, int size) {
        int p = Math.max(0, page);
        int s = ResultPage.sizeOf(size);
        long total = messages.count(user.username(), query);
        return new ResultPage<>(total == 0 ? List.of() : messages.page(user.username(), query, p, s), p, s, total);
    }

    /** The categories among the person's messages, for a filter. */
    @Transactional(readOnly = true)
    public List<String> categories(SignedInUser user) {
        return messages.categories(user.username());
    }

    /** One message, without marking it read. */
    @Transactional(readOnly = true)
    public InboxMessage message(UUID id, SignedInUser user) {
        return messages.find(id, user.username(), user.organisationId()).orElseThrow(MessageNotFound::new);
    }

    /** Marks the message read for this person only, and answers it; reading it again changes nothing. */
    @Transactional
    public InboxMessage markRead(UUID id, SignedInUser user) {
        messages.markRead(id, user.username(), clock.instant());
        return message(id, user);
    }

    /** Marks all of the person's messages read; answers how many were unread. */
    @Transactional
    public int markAllRead(SignedInUser user) {
        return messages.markAllRead(user.username(), clock.instant());
    }

    /** Whether notices are also e-mailed ({@code sanrong.mail.enabled}). */
    public boolean mailEnabled() {
        return mail.enabled();
    }

    @Transactional(readOnly = true)
    public Optional<String> mailAddress(SignedInUser user) {
        return addresses.of(user.username());
    }

    /** Sets where the person's notices are e-mailed; blank removes the address. */
    @Transactional
    public void changeMailAddress(SignedInUser user, @Nullable String email) {
        String e = email == null ? "" : email.strip();
        if (e.isEmpty()) {
            addresses.remove(user.username());
            return;
        }
        if (e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches()) {
            throw new InvalidRequestException("email", "请填写有效的电子邮箱地址，如 name@example.com");
        }
        addresses.save(user.username(), e, clock.instant());
    }

    private static final class MessageNotFound extends NotFoundException {
        MessageNotFound() {
            super("消息不存在");
        }
    }
}
