package org.sanrong.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sanrong.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The message repository: a message once, and one delivery per person it reached with that person's read state and
 * e-mail outcome. Every read is by username, so one person never sees another's deliveries.
 */
@Repository
class Messages {

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, Notice notice, Instant at) {
        jdbc.sql("""
                INSERT INTO inbox.message (id, organisation_id, username, category, title, body, link, subject,
                    sent_at) VALUES (:id, :org, :username, :category, :title, :body, :link, :subject, :at)""")
                .param("id", id)
                .param("org", notice.recipient().organisationId())
                .param("username", notice.recipient().username())
                .param("category", notice.category())
                .param("title", notice.title())
                .param("body", notice.body())
                .param("link", notice.link())
                .param("subject", notice.subject())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** One statement for all recipients, however many members the organisation has. */
    void deliver(UUID id, Collection<String> usernames, String category, Instant at) {
        if (usernames.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO inbox.delivery (message_id, username, sent_at, category)
                SELECT :id, u, :at, :category FROM unnest(CAST(:usernames AS varchar[])) AS u""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("category", category)
                .param("usernames", array(usernames))
                .update();
    }

    long unread(String username) {
        return jdbc.sql("SELECT count(*) FROM inbox.delivery WHERE username = ? AND read_at IS NULL")
                .param(username).query(Long.class).single();
    }

    long count(String username, InboxQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT count(*) FROM inbox.delivery d" + (q.subject() == null ? ""
                        : " JOIN inbox.message m ON m.id = d.message_id") + where(username, q, params))
                .params(params).query(Long.class).single();
    }

    List<InboxMessage> page(String username, InboxQuery q, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(username, q, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("SELECT m.*, d.read_at FROM inbox.delivery d JOIN inbox.message m ON m.id = d.message_id"
                        + where + " ORDER BY d.sent_at DESC, d.message_id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(Messages::map).list();
    }

    private static String where(String username, InboxQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE d.username = :username");
        params.put("username", username);
        if (q.unreadOnly()) {
            where.append(" AND d.read_at IS NULL");
        }
        if (q.category() != null) {
            where.append(" AND d.category = :category");
            params.put("category", q.category());
        }
        if (q.subject() != null) {
            where.append(" AND m.subject = :subject");
            params.put("subject", q.subject());
        }
        return where.toString();
    }

    /** The categories of the person's messages, for the filter. */
    List<String> categories(String username) {
        return jdbc.sql("SELECT DISTINCT category FROM inbox.delivery WHERE username = ? ORDER BY category")
                .param(username).query(String.class).list();
    }

    /** The message if it reached this person of this organisation. */
    Optional<InboxMessage> find(UUID id, String username, UUID organisationId) {
        return jdbc.sql("""
                SELECT m.*, d.read_at FROM inbox.delivery d JOIN inbox.message m ON m.id = d.message_id
                WHERE d.message_id = :id AND d.username = :username AND m.organisation_id = :org""")
                .param("id", id).param("username", username).param("org", organisationId)
                .query(Messages::map).optional();
    }

    /** Marks it read for this person; the first reading time stays. */
    void markRead(UUID id, String username, Instant at) {
        jdbc.sql("UPDATE inbox.delivery SET read_at = ? WHERE message_id = ? AND username = ? AND read_at IS NULL")
                .params(Timestamp.from(at), id, username).update();
    }

    int markAllRead(String username, Instant at) {
        return jdbc.sql("UPDATE inbox.delivery SET read_at = ? WHERE username = ? AND read_at IS NULL")
                .params(Timestamp.from(at), username).update();
    }

    boolean existsAbout(String subject) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inbox.message WHERE subject = ?)").param(subject)
                .query(Boolean.class).single();
    }

    /** What an e-mail says: the message itself, whoever reads it. */
    Optional<InboxMessage> content(UUID id) {
        return jdbc.sql("SELECT m.*, NULL::timestamptz AS read_at FROM inbox.message m WHERE m.id = ?").param(id)
                .query(Messages::map).optional();
    }

    void recordMailed(UUID id, String username, String email, Instant at) {
        jdbc.sql("""
                UPDATE inbox.delivery SET mailed_to = ?, mailed_at = ?, mail_failure = NULL
                WHERE message_id = ? AND username = ?""")
                .params(PersonalData.maskEmail(email), Timestamp.from(at), id, username).update();
    }

    void recordMailFailure(UUID id, String username, String email, String failure) {
        jdbc.sql("UPDATE inbox.delivery SET mailed_to = ?, mail_failure = ? WHERE message_id = ? AND username = ?")
                .params(PersonalData.maskEmail(email), failure.length() > 500 ? failure.substring(0, 500) : failure,
                        id, username).update();
    }

    static String array(Collection<String> values) {
        // usernames are letters, digits, '_', '.' and '-' (Username), so they need no quoting in an array literal
        return values.stream().collect(Collectors.joining(",", "{", "}"));
    }

    private static InboxMessage map(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxMessage(rs.getObject("id", UUID.class), rs.getString("category"), rs.getString("title"),
                rs.getString("body"), rs.getString("link"), rs.getString("subject"),
                rs.getTimestamp("sent_at").toInstant(), read == null ? null : read.toInstant());
    }
}
