package org.sanrong.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise in the 企业库, identified by its unified social credit code. It exists before anyone registers
 * (imported from government lists) and is linked to its organisation on the platform when the enterprise
 * registers with the same code.
 */
public class Enterprise {

    public record Id(UUID value) {
        public static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public enum Source {
        REGISTERED, IMPORTED, DEMO
    }

    private final Id id;
    private final String creditCode;
    private final @Nullable String creditCodeException;
    private final Source source;
    private final Instant createdAt;
    private Profile profile;
    private @Nullable LifecycleStage stageOverride;
    private @Nullable String stageOverrideReason;
    private @Nullable UUID organisationId;
    private Instant updatedAt;

    Enterprise(Id id, String creditCode, @Nullable String creditCodeException, Source source, Instant createdAt,
            Profile profile, @Nullable LifecycleStage stageOverride, @Nullable String stageOverrideReason,
            @Nullable UUID organisationId, Instant updatedAt) {
        this.id = id;
        this.creditCode = creditCode;
        this.creditCodeException = creditCodeException;
        this.source = source;
        this.createdAt = createdAt;
        this.profile = profile;
        this.stageOverride = stageOverride;
        this.stageOverrideReason = stageOverrideReason;
        this.organisationId = organisationId;
        this.updatedAt = updatedAt;
    }

    static Enterprise register(String creditCode, UUID organisationId, Profile profile, Instant now) {
        return new Enterprise(Id.random(), creditCode, null, Source.REGISTERED, now, profile, null, null,
                organisationId, now);
    }

    /** Replaces the profile and answers what changed, field by field (old, new), for the history. */
    Map<String, @Nullable String[]> updateProfile(Profile next, Instant now) {
        Map<String, @Nullable String[]> changes = profile.changesTo(next);
        if (!changes.isEmpty()) {
            profile = next;
            updatedAt = now;
        }
        return changes;
    }

    /** Staff set the stage by hand, with a reason; null clears the override. */
    void overrideStage(@Nullable LifecycleStage stage, @Nullable String reason, Instant now) {
        if (stage != null && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("请填写人工调整生命周期阶段的理由");
        }
        stageOverride = stage;
        stageOverrideReason = stage == null ? null : reason.strip();
        updatedAt = now;
    }

    /** The enterprise registered on the platform with this code; it now edits its own profile. */
    void linkOrganisation(UUID organisation, Instant now) {
        if (organisationId != null && !organisationId.equals(organisation)) {
            throw new IllegalStateException("该企业已由其他账号认领");
        }
        organisationId = organisation;
        updatedAt = now;
    }

    public LifecycleStage stage(@Nullable Long latestRevenueFen, LocalDate today) {
        return stageOverride != null ? stageOverride
                : LifecycleStage.derive(profile.registeredOn(), latestRevenueFen, profile.equityFunded(), today);
    }

    public Id id() { return id; }
    public String creditCode() { return creditCode; }
    public @Nullable String creditCodeException() { return creditCodeException; }
    public Source source() { return source; }
    public Instant createdAt() { return createdAt; }
    public Profile profile() { return profile; }
    public @Nullable LifecycleStage stageOverride() { return stageOverride; }
    public @Nullable String stageOverrideReason() { return stageOverrideReason; }
    public @Nullable UUID organisationId() { return organisationId; }
    public Instant updatedAt() { return updatedAt; }
}
