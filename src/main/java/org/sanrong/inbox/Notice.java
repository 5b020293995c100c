package org.sanrong.inbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Username;
import org.sanrong.platform.InvalidRequestException;

/**
 * What a module tells a party: sent with {@link Inbox#send}. Checked here, so a bad notice fails in the sender's code
 * (and in its transaction) rather than reaching anyone; every problem is reported at once, by field.
 *
 * @param recipient an organisation, meaning each of its members, or one member of it
 * @param category a short code such as {@link #DEAL}, {@link #DEMAND} or {@link #SYSTEM}: capital letters, digits and
 *     '_', for filtering; modules may bring their own
 * @param title at most {@value #MAX_TITLE} characters
 * @param body at most {@value #MAX_BODY} characters, plain text
 * @param link where opening the message goes: a path in this application ({@code /deals/…}), never another site
 * @param subject what the message is about, e.g. {@code deal:<uuid>}, for grouping; no spaces
 */
public record Notice(Recipient recipient, String category, String title, String body, @Nullable String link,
        @Nullable String subject) {

    public static final String DEAL = "DEAL";
    public static final String DEMAND = "DEMAND";
    public static final String SYSTEM = "SYSTEM";
    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 1000;
    public static final int MAX_LINK = 500;
    public static final int MAX_SUBJECT = 100;

    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    // a path: one leading '/', then no second '/' (a protocol-relative URL to another host), no '\' (which browsers
    // treat as '/'), no spaces or control characters
    private static final Pattern LINK = Pattern.compile("/(?![/\\\\])[^\\s\\\\\\p{Cntrl}]*");
    private static final Pattern SUBJECT = Pattern.compile("[^\\s\\p{Cntrl}]+");

    /** Every member of an organisation, or only the one named. */
    public record Recipient(UUID organisationId, @Nullable String username) {

        public Recipient {
            if (organisationId == null) {
                throw new InvalidRequestException("organisationId", "请指定接收消息的组织");
            }
            if (username != null && username.isBlank()) {
                username = null;
            }
            if (username != null) {
                if (!Username.isValid(username.strip())) {
                    throw new InvalidRequestException("username", Username.RULE_MESSAGE);
                }
                username = username.strip().toLowerCase(Locale.ROOT);
            }
        }

        public static Recipient organisation(UUID organisationId) {
            return new Recipient(organisationId, null);
        }

        public static Recipient member(UUID organisationId, String username) {
            return new Recipient(organisationId, username);
        }
    }

    public Notice {
        Map<String, String> errors = new LinkedHashMap<>();
        if (recipient == null) {
            errors.put("organisationId", "请指定接收消息的组织");
        }
        category = category == null ? "" : category.strip();
        if (!CATEGORY.matcher(category).matches()) {
            errors.put("category", "消息类别须为2至20位大写字母、数字或下划线，如 DEAL");
        }
        title = text(errors, "title", title, MAX_TITLE, "标题");
        body = text(errors, "body", body, MAX_BODY, "正文");
        link = link == null || link.isBlank() ? null : link.strip();
        if (link != null && (link.length() > MAX_LINK || !LINK.matcher(link).matches())) {
            errors.put("link", "链接须为本平台内的路径，以 / 开头，不超过" + MAX_LINK + "个字符");
        }
        subject = subject == null || subject.isBlank() ? null : subject.strip();
        if (subject != null && (subject.length() > MAX_SUBJECT || !SUBJECT.matcher(subject).matches())) {
            errors.put("subject", "关联对象须为不含空格的标识，如 deal:编号，不超过" + MAX_SUBJECT + "个字符");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** A notice without link or subject; add them with {@link #linkTo} and {@link #about}. */
    public static Notice of(Recipient recipient, String category, String title, String body) {
        return new Notice(recipient, category, title, body, null, null);
    }

    public Notice linkTo(String path) {
        return new Notice(recipient, category, title, body, path, subject);
    }

    public Notice about(String subjectReference) {
        return new Notice(recipient, category, title, body, link, subjectReference);
    }

    private static String text(Map<String, String> errors, String field, @Nullable String value, int max,
            String label) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.put(field, "请填写" + label);
        } else if (v.codePointCount(0, v.length()) > max) {
            errors.put(field, label + "不能超过" + max + "个字");
        }
        return v;
    }
}
