package org.sanrong.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person's login, always inside one organisation. */
public class Account {

    /** Failed logins in a row that lock an account. */
    static final int LOCK_AFTER_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    public record Id(UUID value) {
        public static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public enum Status {
        ACTIVE, DISABLED
    }

    private final Id id;
    private final Organisation.Id organisationId;
    private final Username username;
    private final String displayName;
    private Set<Role> roles;
    private final boolean organisationAdmin;
    private final @Nullable String mobile;
    private final Instant createdAt;
    private String passwordHash;
    private Instant passwordChangedAt;
    private Status status;
    private int failedLogins;
    private @Nullable Instant lockedUntil;

    Account(Id id, Organisation.Id organisationId, Username username, String displayName, Set<Role> roles,
            boolean organisationAdmin, @Nullable String mobile, Instant createdAt, String passwordHash,
            Instant passwordChangedAt, Status status, int failedLogins, @Nullable Instant lockedUntil) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        String separation = Role.separationProblem(roles);
        if (separation != null) {
            throw new IllegalArgumentException(separation);
        }
        this.id = id;
        this.organisationId = organisationId;
        this.username = username;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.organisationAdmin = organisationAdmin;
        this.mobile = mobile;
        this.createdAt = createdAt;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = passwordChangedAt;
        this.status = status;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
    }

    /** The first account of an organisation administers its members. */
    static Account open(Organisation organisation, Username username, String displayName, @Nullable String mobile,
            String passwordHash, boolean organisationAdmin, Instant now) {
        return new Account(Id.random(), organisation.id(), username, displayName,
                EnumSet.of(organisation.kind().role()), organisationAdmin, mobile, now, passwordHash, now,
                Status.ACTIVE, 0, null);
    }

    /** Counts a wrong password; the fifth in a row locks the account for {@link #LOCK_DURATION}. */
    void recordFailedLogin(Instant now) {
        if (isLocked(now)) {
            return;
        }
        failedLogins++;
        if (failedLogins >= LOCK_AFTER_FAILURES) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedLogins = 0;
        }
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
    }

    /** Replaces the roles; a separated duty is held alone (三权分立). */
    void assignRoles(Set<Role> next) {
        if (next.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        String separation = Role.separationProblem(next);
        if (separation != null) {
            throw new IllegalArgumentException(separation);
        }
        roles = Set.copyOf(next);
    }

    void disable() {
        status = Status.DISABLED;
    }

    void enable() {
        status = Status.ACTIVE;
    }

    public Id id() { return id; }
    public Organisation.Id organisationId() { return organisationId; }
    public Username username() { return username; }
    public String displayName() { return displayName; }
    public Set<Role> roles() { return roles; }
    public boolean organisationAdmin() { return organisationAdmin; }
    public @Nullable String mobile() { return mobile; }
    public Instant createdAt() { return createdAt; }
    String passwordHash() { return passwordHash; }
    public Instant passwordChangedAt() { return passwordChangedAt; }
    public Status status() { return status; }
    int failedLogins() { return failedLogins; }
    public @Nullable Instant lockedUntil() { return lockedUntil; }
}
