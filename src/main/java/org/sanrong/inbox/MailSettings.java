package org.sanrong.inbox;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The e-mail channel, under {@code sanrong.mail.*}; the SMTP server is Spring's {@code spring.mail.*}.
 *
 * @param enabled whether notices are also e-mailed to members who gave an address; off, nothing is attempted
 * @param from the sender address, required when enabled
 */
@ConfigurationProperties("sanrong.mail")
record MailSettings(boolean enabled, @Nullable String from) {
}
