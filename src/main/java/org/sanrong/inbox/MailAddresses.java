package org.sanrong.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each person wants notices e-mailed; a person without a row gets none. */
@Repository
class MailAddresses {

    private final JdbcClient jdbc;

    private final org.sanrong.platform.PersonalDataCipher cipher;

    MailAddresses(JdbcClient jdbc, org.sanrong.platform.PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Optional<String> of(String username) {
        return jdbc.sql("SELECT email FROM inbox.mail_address WHERE username = ?").param(username)
                .query(String.class).optional().map(cipher::decrypt);
    }

    /** The addresses of those of these people who gave one, by username. */
    Map<String, String> of(Collection<String> usernames) {
        Map<String, String> addresses = new LinkedHashMap<>();
        if (usernames.isEmpty()) {
            return addresses;
        }
        jdbc.sql("SELECT username, email FROM inbox.mail_address WHERE username = ANY(CAST(? AS varchar[])) "
                + "ORDER BY username").param(Messages.array(usernames))
                .query(rs -> {
                    addresses.put(rs.getString("username"), cipher.decrypt(rs.getString("email")));
                });
        return addresses;
    }

    void save(String username, String email, Instant at) {
        jdbc.sql("""
                INSERT INTO inbox.mail_address (username, email, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at""")
                .params(username, cipher.encrypt(email), Timestamp.from(at)).update();
    }

    void remove(String username) {
        jdbc.sql("DELETE FROM inbox.mail_address WHERE username = ?").param(username).update();
    }
}
