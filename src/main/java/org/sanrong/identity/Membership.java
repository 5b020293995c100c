package org.sanrong.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts within organisations: invitations, password changes, and the operator's account administration. */
@Service
public class Membership {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final Organisations organisations;
    private final OrganisationRegistry registry;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** How many of the latest passwords, the current one included, a new one may not repeat. */
    private final int passwordHistory;
    private final SignedInSessions sessions;

    Membership(Accounts accounts, Organisations organisations, OrganisationRegistry registry,
            PasswordEncoder passwords, AuditTrail audit, JdbcClient jdbc, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${sanrong.security.password.history:5}")
            int passwordHistory, SignedInSessions sessions) {
        this.sessions = sessions;
        this.passwordHistory = passwordHistory;
        this.accounts = accounts;
        this.organisations = organisations;
        this.registry = registry;
        this.passwords = passwords;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A pending invitation as the invitee sees it. */
    public record Invitation(String organisationName, String username, String displayName, Instant expiresAt) {
    }

    /**
     * An organisation admin invites a further member. Returns the one-time token for the invitation link; only its
     * hash is stored, so the link cannot be recovered from the database.
     */
    @Transactional
    public String invite(String inviter, String username, String displayName) {
        Account admin = accounts.findByUsername(inviter).orElseThrow(() -> new NotFoundException("账号不存在"));
        if (!admin.organisationAdmin()) {
            throw new InvalidRequestException("只有组织管理员可以邀请成员");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Username.isValid(username)) {
            errors.put("username", Username.RULE_MESSAGE);
        } else if (accounts.existsByUsername(new Username(username)) || invitationPendingFor(username)) {
            errors.put("username", "用户名已被使用");
        }
        OrganisationRegistry.required(errors, "displayName", displayName, 50, "姓名");
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO identity.invitation (token_hash, organisation_id, username, display_name, invited_by,
                    created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(hash(token), admin.organisationId().value(), new Username(username).value(),
                        displayName.strip(), admin.username().value(), Timestamp.from(now),
                        Timestamp.from(now.plus(INVITATION_VALIDITY)))
                .update();
        audit.record("INVITE_MEMBER", "account:" + new Username(username).value(), Outcome.SUCCESS, null);
        return token;
    }

    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(String token) {
        return jdbc.sql("""
                SELECT o.name, i.username, i.display_name, i.expires_at FROM identity.invitation i
                JOIN identity.organisation o ON o.id = i.organisation_id
                WHERE i.token_hash = ? AND i.accepted_at IS NULL AND i.expires_at > ?""")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** The invitee sets a password; the account is created in the inviting organisation. */
    @Transactional
    public void acceptInvitation(String token, String password, @Nullable String mobile) {
        var row = jdbc.sql("""
                SELECT organisation_id, username, display_name FROM identity.invitation
                WHERE token_hash = ? AND accepted_at IS NULL AND expires_at > ? FOR UPDATE""")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)})
                .optional()
                .orElseThrow(() -> new InvalidRequestException("邀请链接无效或已过期，请联系组织管理员重新邀请"));
        Map<String, String> errors = new LinkedHashMap<>();
        registry.checkNewAccount(errors, (String) row[1], (String) row[2], password);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Organisation organisation = organisations.find(new Organisation.Id((UUID) row[0])).orElseThrow();
        Account account = Account.open(organisation, new Username((String) row[1]), (String) row[2],
                mobile == null || mobile.isBlank() ? null : mobile.strip(), passwords.encode(password), false,
                clock.instant());
        accounts.insert(account);
        jdbc.sql("UPDATE identity.invitation SET accepted_at = ? WHERE token_hash = ?")
                .params(Timestamp.from(clock.instant()), hash(token)).update();
        audit.record(account.username().value(), organisation.id().value(), "ACCEPT_INVITATION",
                "account:" + account.username(), Outcome.SUCCESS, null);
    }

    @Transactional
    public void changePassword(String username, String current, String next) {
        Account account = accounts.findByUsernameForUpdate(username)
                .orElseThrow(() -> new NotFoundException("账号不存在"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!passwords.matches(current, account.passwordHash())) {
            errors.put("currentPassword", "当前密码不正确");
        }
        PasswordPolicy.check(next).ifPresent(m -> errors.put("newPassword", m));
        if (errors.isEmpty() && passwords.matches(next, account.passwordHash())) {
            errors.put("newPassword", "新密码不能与当前密码相同");
        }
        if (errors.isEmpty() && passwordHistory > 1) {
            List<String> earlier = jdbc.sql("SELECT password_hash FROM identity.password_history WHERE account_id = ? "
                    + "ORDER BY replaced_at DESC LIMIT ?").params(account.id().value(), passwordHistory - 1)
                    .query(String.class).list();
            if (earlier.stream().anyMatch(h -> passwords.matches(next, h))) {
                errors.put("newPassword", "新密码不能与最近" + passwordHistory + "次使用过的密码相同");
            }
        }
        if (!errors.isEmpty()) {
            audit.recordIndependently(account.username().value(), account.organisationId().value(),
                    "CHANGE_PASSWORD", "account:" + account.username(), Outcome.FAILURE, errors.keySet().toString());
            throw new InvalidRequestException(errors);
        }
        jdbc.sql("INSERT INTO identity.password_history (account_id, password_hash, replaced_at) VALUES (?, ?, ?)")
                .params(account.id().value(), account.passwordHash(), java.sql.Timestamp.from(clock.instant()))
                .update();
        account.changePassword(passwords.encode(next), clock.instant());
        accounts.update(account);
        audit.record("CHANGE_PASSWORD", "account:" + account.username(), Outcome.SUCCESS, null);
    }

    @Transactional(readOnly = true)
    public List<AccountView> membersOf(UUID organisationId) {
        Organisation organisation = organisations.find(new Organisation.Id(organisationId))
                .orElseThrow(() -> new NotFoundException("组织不存在"));
        Instant now = clock.instant();
        return accounts.ofOrganisation(organisation.id()).stream()
                .map(a -> AccountView.of(a, organisation.name(), now)).toList();
    }

    /** When the account's password was last set (for the maximum-age rule). */
    @Transactional(readOnly = true)
    public Optional<Instant> passwordChangedAt(String username) {
        return accounts.findByUsername(username).map(Account::passwordChangedAt);
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> account(String username) {
        return accounts.findByUsername(username).map(a -> AccountView.of(a,
                organisations.find(a.organisationId()).map(Organisation::name).orElse(""), clock.instant()));
    }

    @Transactional(readOnly = true)
    public ResultPage<AccountView> search(@Nullable String text, int page, int size) {
        String where = " WHERE true";
        List<Object> params = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            // a mobile number is found through its blind index (HMAC-SM3): the column itself is SM4 ciphertext
            where += " AND (a.username ILIKE ? OR a.display_name ILIKE ? OR o.name ILIKE ? OR a.mobile_index = ?)";
            String like = "%" + OrganisationRegistry.escapeLike(text.strip()) + "%";
            params.add(like);
            params.add(like);
            params.add(like);
            params.add(accounts.mobileIndex(text));
        }
        long total = jdbc.sql("SELECT count(*) FROM identity.account a JOIN identity.organisation o "
                + "ON o.id = a.organisation_id" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        Instant now = clock.instant();
        List<AccountView> rows = jdbc.sql("SELECT a.*, o.name AS organisation_name FROM identity.account a "
                + "JOIN identity.organisation o ON o.id = a.organisation_id" + where
                + " ORDER BY a.created_at DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> AccountView.of(accounts.map(rs, n), rs.getString("organisation_name"), now))
                .list();
        return new ResultPage<>(rows, page, size, total);
    }

    @Transactional(readOnly = true)
    public long countAccounts() {
        return jdbc.sql("SELECT count(*) FROM identity.account").query(Long.class).single();
    }

    /** Disables an account; its open page sessions end at once (the next request goes to the login page). */
    @Transactional
    public void disable(UUID accountId) {
        Account account = change(accountId, "DISABLE_ACCOUNT", Account::disable);
        sessions.end(u -> u.username().equals(account.username().value()));
    }

    /** The roles an operator account may be given: everyday operation or exactly one separated duty. */
    public static final java.util.List<Role> OPERATOR_ROLES = java.util.List.of(Role.ADMIN, Role.SYSTEM_ADMIN,
            Role.SECURITY_ADMIN, Role.AUDITOR);

    /**
     * The security administrator gives an operator account its role (三权分立): everyday operation (ADMIN) or exactly
     * one of the separated duties. Only a security administrator may, never for their own account, and only within
     * the platform operator's organisation; refusals are audited. The account's sessions end so the new role applies
     * from its next sign-in.
     */
    @Transactional
    public void assignRole(String securityAdmin, UUID accountId, Role role) {
        Account actor = accounts.findByUsername(securityAdmin).orElseThrow(() -> new NotFoundException("账号不存在"));
        Account account = accounts.find(new Account.Id(accountId))
                .orElseThrow(() -> new NotFoundException("账号不存在"));
        String refusal = null;
        if (!actor.roles().contains(Role.SECURITY_ADMIN)) {
            refusal = "只有安全管理员可以分配角色";
        } else if (actor.id().equals(account.id())) {
            refusal = "安全管理员不能更改自己的角色";
        } else if (!OPERATOR_ROLES.contains(role)) {
            refusal = "只能分配平台运营、系统管理员、安全管理员或审计管理员角色";
        } else if (organisations.find(account.organisationId()).map(o -> o.kind() != OrganisationKind.OPERATOR)
                .orElse(true)) {
            refusal = "只有平台运营中心的账号可以担任管理角色";
        }
        if (refusal != null) {
            audit.recordIndependently(actor.username().value(), actor.organisationId().value(), "ASSIGN_ROLE",
                    "account:" + account.username(), Outcome.DENIED, role + " " + refusal);
            throw new InvalidRequestException(java.util.Map.of("role", refusal));
        }
        appoint(account, role);
    }

    /**
     * Gives an operator account one role without a security administrator: only for seeding (the demo's and a new
     * installation's first security administrator), never from a request.
     */
    @Transactional
    public void appointAtSetup(String username, Role role) {
        Account account = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("账号不存在"));
        if (!OPERATOR_ROLES.contains(role) || organisations.find(account.organisationId())
                .map(o -> o.kind() != OrganisationKind.OPERATOR).orElse(true)) {
            throw new InvalidRequestException("只有平台运营中心的账号可以担任管理角色");
        }
        appoint(account, role);
    }

    private void appoint(Account account, Role role) {
        account.assignRoles(java.util.EnumSet.of(role));
        accounts.updateRoles(account);
        audit.record("ASSIGN_ROLE", "account:" + account.username(), Outcome.SUCCESS, role.name());
        sessions.end(u -> u.username().equals(account.username().value()));
    }

    /** The platform operator's accounts with their roles, for the security administrator. */
    @Transactional(readOnly = true)
    public List<AccountView> operatorAccounts() {
        Instant now = clock.instant();
        return organisations.ofKind(OrganisationKind.OPERATOR).stream()
                .flatMap(o -> accounts.ofOrganisation(o.id()).stream().map(a -> AccountView.of(a, o.name(), now)))
                .toList();
    }

    @Transactional
    public void enable(UUID accountId) {
        change(accountId, "ENABLE_ACCOUNT", Account::enable);
    }

    @Transactional
    public void unlock(UUID accountId) {
        change(accountId, "UNLOCK_ACCOUNT", Account::unlock);
    }

    private Account change(UUID accountId, String action, java.util.function.Consumer<Account> change) {
        Account account = accounts.find(new Account.Id(accountId))
                .orElseThrow(() -> new NotFoundException("账号不存在"));
        change.accept(account);
        accounts.update(account);
        audit.record(action, "account:" + account.username(), Outcome.SUCCESS, null);
        return account;
    }

    private boolean invitationPendingFor(String username) {
        return jdbc.sql("SELECT count(*) FROM identity.invitation WHERE username = ? AND accepted_at IS NULL "
                + "AND expires_at > ?").params(new Username(username).value(), Timestamp.from(clock.instant()))
                .query(Long.class).single() > 0;
    }

    static String hash(String token) {
        return org.sanrong.platform.Sha256.hex(token);
    }
}
