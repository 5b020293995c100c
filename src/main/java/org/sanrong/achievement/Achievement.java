package org.sanrong.achievement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * 科技成果: one patent or research result, its owner, and the organisation that answers for it on the platform (the
 * owning enterprise, or the department that recorded a university's or institute's). Created and revised only
 * with content that passes {@link AchievementContent#problems}; an illegal state move throws
 * {@link IllegalStateException}, which callers answer with 409.
 */
public final class Achievement {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    private final Id id;
    private Owner owner;
    private final UUID managingOrganisationId;
    private final String managingOrganisationName;
    private AchievementKind kind;
    private String title;
    private String description;
    private String industryCode;
    private int trl;
    private Set<Intent> intents;
    private @Nullable PatentNumber patent;
    private String contactName;
    private String contactPhone;
    private AchievementStatus status;
    private final String createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private int version;

    Achievement(Id id, Owner owner, UUID managingOrganisationId, String managingOrganisationName,
            AchievementKind kind, String title, String description, String industryCode, int trl, Set<Intent> intents,
            @Nullable PatentNumber patent, String contactName, String contactPhone, AchievementStatus status,
            String createdBy, Instant createdAt, Instant updatedAt, int version) {
        this.id = id;
        this.owner = owner;
        this.managingOrganisationId = managingOrganisationId;
        this.managingOrganisationName = managingOrganisationName;
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.industryCode = industryCode;
        this.trl = trl;
        this.intents = intents.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(intents));
        this.patent = patent;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new, published achievement; refused with every problem of the content by field. */
    static Achievement record(AchievementContent content, Owner owner, UUID managingOrganisationId,
            String managingOrganisationName, Predicate<String> industryExists, String actor, Instant now,
            LocalDate today) {
        check(content, owner.type() != OwnerType.ENTERPRISE, industryExists, today);
        Owner o = owner.type() == OwnerType.ENTERPRISE ? owner
                : Owner.external(content.ownerType(), content.ownerName());
        return new Achievement(Id.random(), o, managingOrganisationId, managingOrganisationName, content.kind(),
                content.title(), content.description(), content.industryCode(), content.trl(), content.intents(),
                content.patent(), content.contactName(), content.contactPhone(), AchievementStatus.PUBLISHED, actor,
                now, now, 0);
    }

    /** New content; an external owner's type and name may be corrected, an enterprise owner stays who it is. */
    void revise(AchievementContent content, Predicate<String> industryExists, Instant now, LocalDate today) {
        boolean external = owner.type() != OwnerType.ENTERPRISE;
        check(content, external, industryExists, today);
        if (external) {
            owner = Owner.external(content.ownerType(), content.ownerName());
        }
        kind = content.kind();
        title = content.title();
        description = content.description();
        industryCode = content.industryCode();
        trl = content.trl();
        intents = content.intents();
        patent = content.patent();
        contactName = content.contactName();
        contactPhone = content.contactPhone();
        updatedAt = now;
    }

    void withdraw(Instant now) {
        if (status == AchievementStatus.WITHDRAWN) {
            throw new IllegalStateException("该成果已下架");
        }
        status = AchievementStatus.WITHDRAWN;
        updatedAt = now;
    }

    void republish(Instant now) {
        if (status == AchievementStatus.PUBLISHED) {
            throw new IllegalStateException("该成果已在库中展示");
        }
        status = AchievementStatus.PUBLISHED;
        updatedAt = now;
    }

    private static void check(AchievementContent content, boolean external, Predicate<String> industryExists,
            LocalDate today) {
        var errors = content.problems(external, industryExists, today);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** What the index knows the achievement by: its title, description, owner and patent number. */
    String searchableText() {
        return String.join(" ", title, description, owner.name(), patent == null ? "" : patent.value(),
                patent == null ? "" : patent.applicationNumber());
    }

    public Id id() { return id; }
    public Owner owner() { return owner; }
    public UUID managingOrganisationId() { return managingOrganisationId; }
    public String managingOrganisationName() { return managingOrganisationName; }
    public AchievementKind kind() { return kind; }
    public String title() { return title; }
    public String description() { return description; }
    public String industryCode() { return industryCode; }
    public int trl() { return trl; }
    public Set<Intent> intents() { return intents; }
    public @Nullable PatentNumber patent() { return patent; }
    public String contactName() { return contactName; }
    public String contactPhone() { return contactPhone; }
    public AchievementStatus status() { return status; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    int version() { return version; }

    void versionSaved(int saved) {
        version = saved;
    }
}
