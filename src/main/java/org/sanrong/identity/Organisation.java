package org.sanrong.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.reference.UnifiedSocialCreditCode;

/** A party on the platform. Enterprises are active on registration; institutions wait for an operator's approval. */
public class Organisation {

    public record Id(UUID value) {
        public static Id random() {
            return new Id(UUID.randomUUID());
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    public enum Status {
        /** 待审核 */
        PENDING,
        /** 正常 */
        ACTIVE,
        /** 已停用 */
        DISABLED
    }

    private final Id id;
    private final OrganisationKind kind;
    private final @Nullable InstitutionType institutionType;
    private final String name;
    private final @Nullable UnifiedSocialCreditCode creditCode;
    private final Contact contact;
    private final Instant registeredAt;
    private Status status;
    private @Nullable Instant approvedAt;
    private @Nullable String approvedBy;

    Organisation(Id id, OrganisationKind kind, @Nullable InstitutionType institutionType, String name,
            @Nullable UnifiedSocialCreditCode creditCode, Contact contact, Instant registeredAt, Status status,
            @Nullable Instant approvedAt, @Nullable String approvedBy) {
        if ((kind == OrganisationKind.INSTITUTION) != (institutionType != null)) {
            throw new IllegalArgumentException("an institution, and only an institution, has an institution type");
        }
        if ((kind == OrganisationKind.ENTERPRISE || kind == OrganisationKind.INSTITUTION) && creditCode == null) {
            throw new IllegalArgumentException("enterprises and institutions are identified by their credit code");
        }
        this.id = id;
        this.kind = kind;
        this.institutionType = institutionType;
        this.name = requireName(name);
        this.creditCode = creditCode;
        this.contact = contact;
        this.registeredAt = registeredAt;
        this.status = status;
        this.approvedAt = approvedAt;
        this.approvedBy = approvedBy;
    }

    static Organisation registerEnterprise(String name, UnifiedSocialCreditCode code, Contact contact, Instant now) {
        return new Organisation(Id.random(), OrganisationKind.ENTERPRISE, null, name, code, contact, now,
                Status.ACTIVE, now, null);
    }

    static Organisation registerInstitution(String name, InstitutionType type, UnifiedSocialCreditCode code,
            Contact contact, Instant now) {
        return new Organisation(Id.random(), OrganisationKind.INSTITUTION, type, name, code, contact, now,
                Status.PENDING, null, null);
    }

    /** Departments and the operator are set up by an operator, not self-registered, so they start active. */
    static Organisation establish(OrganisationKind kind, String name, @Nullable UnifiedSocialCreditCode code,
            Contact contact, Instant now, String by) {
        if (kind == OrganisationKind.ENTERPRISE || kind == OrganisationKind.INSTITUTION) {
            throw new IllegalArgumentException(kind + " registers itself");
        }
        return new Organisation(Id.random(), kind, null, name, code, contact, now, Status.ACTIVE, now, by);
    }

    void approve(String operator, Instant now) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("只有待审核的机构可以审核通过，当前状态：" + status);
        }
        status = Status.ACTIVE;
        approvedAt = now;
        approvedBy = operator;
    }

    void disable() {
        if (kind == OrganisationKind.OPERATOR) {
            throw new IllegalStateException("平台运营方不能被停用");
        }
        status = Status.DISABLED;
    }

    void enable() {
        if (status != Status.DISABLED) {
            throw new IllegalStateException("只有已停用的组织可以恢复");
        }
        status = approvedAt == null ? Status.PENDING : Status.ACTIVE;
    }

    boolean isActive() {
        return status == Status.ACTIVE;
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name);
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("name must have 1 to 100 characters");
        }
        return trimmed;
    }

    public Id id() { return id; }
    public OrganisationKind kind() { return kind; }
    public @Nullable InstitutionType institutionType() { return institutionType; }
    public String name() { return name; }
    public @Nullable UnifiedSocialCreditCode creditCode() { return creditCode; }
    public Contact contact() { return contact; }
    public Instant registeredAt() { return registeredAt; }
    public Status status() { return status; }
    public @Nullable Instant approvedAt() { return approvedAt; }
    public @Nullable String approvedBy() { return approvedBy; }

    /** The person to contact at an organisation: personal data, masked wherever it is listed. */
    public record Contact(@Nullable String name, @Nullable String mobile) {
        public static Contact none() {
            return new Contact(null, null);
        }
    }
}
