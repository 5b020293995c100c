package org.sanrong.inbox;

import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails each message to the members it reached who gave an address: one plain-text mail per person, after the
 * sender's transaction committed and on another thread, so a slow or broken mail server neither delays nor fails
 * the sender. A failure is logged and recorded on that person's delivery, never retried by hand. Switched on with
 * {@code sanrong.mail.enabled=true}, which then needs {@code spring.mail.host} and {@code sanrong.mail.from}: a
 * half-configured channel stops the start rather than dropping mail quietly.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
class MailChannel {

    private static final Logger log = LoggerFactory.getLogger(MailChannel.class);
    static final String SUBJECT_PREFIX = "[三融] ";

    private final boolean enabled;
    private final @Nullable String from;
    private final @Nullable JavaMailSender sender;
    private final String publicUrl;
    private final Messages messages;
    private final MailAddresses addresses;
    private final Clock clock;

    MailChannel(MailSettings settings, ObjectProvider<JavaMailSender> sender,
            @Value("${sanrong.public-url:}") String publicUrl, Messages messages, MailAddresses addresses,
            Clock clock) {
        this.enabled = settings.enabled();
        this.from = settings.from() == null || settings.from().isBlank() ? null : settings.from().strip();
        this.sender = settings.enabled() ? sender.getIfAvailable() : null;
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
        this.messages = messages;
        this.addresses = addresses;
        this.clock = clock;
        if (enabled && this.sender == null) {
            throw new IllegalStateException("sanrong.mail.enabled=true needs an SMTP server: set spring.mail.host "
                    + "(and spring.mail.port, .username, .password as the server wants)");
        }
        if (enabled && from == null) {
            throw new IllegalStateException("sanrong.mail.enabled=true needs a sender address: set sanrong.mail.from");
        }
        if (enabled) {
            log.info("Inbox e-mail channel on, from {}", from);
        }
    }

    boolean enabled() {
        return enabled;
    }

    @ApplicationModuleListener
    void on(MailDue due) {
        if (!enabled || sender == null || from == null) {
            return;
        }
        InboxMessage message = messages.content(due.messageId()).orElse(null);
        if (message == null) {
            return;
        }
        for (Map.Entry<String, String> to : addresses.of(due.usernames()).entrySet()) {
            try {
                sender.send(mail(to.getValue(), message));
                messages.recordMailed(message.id(), to.getKey(), to.getValue(), clock.instant());
            } catch (RuntimeException e) { // MailException mostly; whatever it is, the next person still gets theirs
                log.warn("E-mail of message {} to {} failed: {}", message.id(), to.getKey(), e.getMessage());
                messages.recordMailFailure(message.id(), to.getKey(), to.getValue(),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private SimpleMailMessage mail(String to, InboxMessage message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(SUBJECT_PREFIX + message.title());
        StringBuilder text = new StringBuilder(message.body()).append("\n\n");
        if (message.link() != null) {
            text.append(publicUrl).append(message.link()).append("\n\n");
        }
        text.append("—— 三融平台站内消息，登录后可在“消息”中查看全部通知").append(publicUrl.isEmpty() ? "" : "：" + publicUrl + "/inbox")
                .append('\n');
        mail.setText(text.toString());
        return mail;
    }
}
