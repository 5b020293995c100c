package org.sanrong.identity;

import static org.sanrong.identity.Organisations.instant;
import static org.sanrong.identity.Organisations.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sanrong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account repository. */
@Repository
class Accounts {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Accounts(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Account a) {
        jdbc.sql("""
                INSERT INTO identity.account (id, organisation_id, username, display_name, roles, organisation_admin,
                    mobile, mobile_index, created_at, password_hash, password_changed_at, status, failed_logins,
                    locked_until)
                VALUES (:id, :org, :username, :display, :roles, :admin, :mobile, :mindex, :created, :hash, :changed,
                    :status,
                    :failed, :locked)""")
                .param("id", a.id().value())
                .param("org", a.organisationId().value())
                .param("username", a.username().value())
                .param("display", a.displayName())
                .param("roles", roles(a.roles()))
                .param("admin", a.organisationAdmin())
                .param("mobile", cipher.encrypt(a.mobile()))
                .param("mindex", cipher.blindIndex(a.mobile()))
                .param("created", ts(a.createdAt()))
                .param("hash", a.passwordHash())
                .param("changed", ts(a.passwordChangedAt()))
                .param("status", a.status().name())
                .param("failed", a.failedLogins())
                .param("locked", ts(a.lockedUntil()))
                .update();
    }

    void update(Account a) {
        jdbc.sql("""
                UPDATE identity.account SET password_hash = :hash, password_changed_at = :changed, status = :status,
                    failed_logins = :failed, locked_until = :locked WHERE id = :id""")
                .param("hash", a.passwordHash())
                .param("changed", ts(a.passwordChangedAt()))
                .param("status", a.status().name())
                .param("failed", a.failedLogins())
                .param("locked", ts(a.lockedUntil()))
                .param("id", a.id().value())
                .update();
    }

    void updateRoles(Account a) {
        jdbc.sql("UPDATE identity.account SET roles = :roles WHERE id = :id")
                .param("roles", roles(a.roles()))
                .param("id", a.id().value())
                .update();
    }

    Optional<Account> findByUsername(String username) {
        if (!Username.isValid(username)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM identity.account WHERE username = ?")
                .param(new Username(username).value()).query(this::map).optional();
    }

    /** Locks the row: failed-login counting must not lose increments under concurrent attempts. */
    Optional<Account> findByUsernameForUpdate(String username) {
        if (!Username.isValid(username)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM identity.account WHERE username = ? FOR UPDATE")
                .param(new Username(username).value()).query(this::map).optional();
    }

    Optional<Account> find(Account.Id id) {
        return jdbc.sql("SELECT * FROM identity.account WHERE id = ?").param(id.value())
                .query(this::map).optional();
    }

    boolean existsByUsername(Username username) {
        return jdbc.sql("SELECT count(*) FROM identity.account WHERE username = ?").param(username.value())
                .query(Long.class).single() > 0;
    }

    List<Account> ofOrganisation(Organisation.Id organisation) {
        return jdbc.sql("SELECT * FROM identity.account WHERE organisation_id = ? ORDER BY created_at")
                .param(organisation.value()).query(this::map).list();
    }

    /** The blind index a mobile number is looked up by (never its plaintext). */
    String mobileIndex(String mobile) {
        return cipher.blindIndex(mobile);
    }

    Account map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).forEach(roles::add);
        return new Account(new Account.Id(rs.getObject("id", UUID.class)),
                new Organisation.Id(rs.getObject("organisation_id", UUID.class)),
                new Username(rs.getString("username")),
                rs.getString("display_name"),
                roles,
                rs.getBoolean("organisation_admin"),
                cipher.decrypt(rs.getString("mobile")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("password_hash"),
                rs.getTimestamp("password_changed_at").toInstant(),
                Account.Status.valueOf(rs.getString("status")),
                rs.getInt("failed_logins"),
                instant(rs.getTimestamp("locked_until")));
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
