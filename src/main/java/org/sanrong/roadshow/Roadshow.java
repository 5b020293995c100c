package org.sanrong.roadshow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.reference.ReferenceData;

/**
 * 路演活动: one event, from its announcement through applications, selection and registration to the day it is held
 * (with who attended). Each change is a named method checking the state; a move the state does not allow throws
 * {@link IllegalStateException} (409), a bad value {@link InvalidRequestException} (400) with its field.
 */
public final class Roadshow {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public enum Format { ONLINE, OFFLINE }

    public enum Status {
        /** 报名中: taking applications and registrations. */
        OPEN,
        /** 已举办: held, attendance recorded; investors who attended may mark interest. */
        HELD,
        /** 已取消. */
        CANCELLED
    }

    public enum PresenterStatus { APPLIED, SELECTED, NOT_SELECTED }

    /** Who runs the event. */
    public record Organiser(UUID organisationId, String name, boolean government) {
    }

    /** What is announced; checked when built ({@link #check}). */
    public record Details(String title, String theme, Format format, String venue, Instant startsAt,
            List<String> industries, int capacity, int presenterSlots) {

        public Details {
            industries = industries == null ? List.of() : List.copyOf(industries);
        }
    }

    /** An enterprise that applied to present, with its deck. */
    public record Presenter(String creditCode, String enterpriseName, UUID enterpriseOrganisationId,
            @Nullable String industryCode, String pitch, long amountSoughtFen, UUID deckId, String deckName,
            PresenterStatus status, Instant appliedAt, String appliedBy) {

        Presenter with(PresenterStatus s) {
            return new Presenter(creditCode, enterpriseName, enterpriseOrganisationId, industryCode, pitch,
                    amountSoughtFen, deckId, deckName, s, appliedAt, appliedBy);
        }
    }

    /** An investor registered to attend; {@code attended} is known once the event is held. */
    public record Registration(UUID institutionId, String institutionName, Instant registeredAt, String registeredBy,
            @Nullable Boolean attended) {
    }

    private final Id id;
    private final Organiser organiser;
    private final Details details;
    private Status status;
    private final Instant createdAt;
    private final String createdBy;
    private @Nullable Instant heldAt;
    private @Nullable String cancelNote;
    private final Map<String, Presenter> presenters = new LinkedHashMap<>();
    private final Map<UUID, Registration> registrations = new LinkedHashMap<>();
    private int version;

    Roadshow(Id id, Organiser organiser, Details details, Status status, Instant createdAt, String createdBy,
            @Nullable Instant heldAt, @Nullable String cancelNote, List<Presenter> presenters,
            List<Registration> registrations, int version) {
        this.id = id;
        this.organiser = organiser;
        this.details = details;
        this.status = status;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.heldAt = heldAt;
        this.cancelNote = cancelNote;
        presenters.forEach(p -> this.presenters.put(p.creditCode(), p));
        registrations.forEach(r -> this.registrations.put(r.institutionId(), r));
        this.version = version;
    }

    /**
     * Announces an event. Its date may be up to a year back (an event held offline recorded afterwards) and up to two
     * years ahead.
     */
    static Roadshow announce(Organiser organiser, Details d, ReferenceData reference, String actor, Instant now) {
        check(d, reference, now);
        return new Roadshow(Id.random(), organiser, new Details(d.title().strip(), d.theme().strip(), d.format(),
                d.venue().strip(), d.startsAt(), d.industries().stream().map(String::strip).distinct().toList(),
                d.capacity(), d.presenterSlots()), Status.OPEN, now, actor, null, null, List.of(), List.of(), 0);
    }

    static void check(Details d, ReferenceData reference, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.title() == null || d.title().isBlank()) {
            errors.put("title", "请填写路演名称");
        } else if (d.title().strip().length() > 100) {
            errors.put("title", "路演名称不能超过100个字");
        }
        if (d.theme() == null || d.theme().isBlank()) {
            errors.put("theme", "请填写路演主题");
        } else if (d.theme().strip().length() > 500) {
            errors.put("theme", "路演主题不能超过500个字");
        }
        if (d.format() == null) {
            errors.put("format", "请选择线上或线下");
        }
        if (d.venue() == null || d.venue().isBlank()) {
            errors.put("venue", "请填写地点（线下）或会议链接（线上）");
        } else if (d.venue().strip().length() > 200) {
            errors.put("venue", "地点不能超过200个字");
        }
        if (d.startsAt() == null) {
            errors.put("startsAt", "请填写路演时间");
        } else if (d.startsAt().isBefore(now.minus(Duration.ofDays(365)))) {
            errors.put("startsAt", "路演时间不能早于一年前");
        } else if (d.startsAt().isAfter(now.plus(Duration.ofDays(730)))) {
            errors.put("startsAt", "路演时间不能晚于两年后");
        }
        if (d.industries().size() > 10) {
            errors.put("industries", "行业最多10个");
        }
        for (String code : d.industries()) {
            if (!ReferenceData.isPlausibleIndustryPrefix(code.strip()) || reference.industry(code.strip()).isEmpty()) {
                errors.put("industries", "未知的行业代码：" + code + "（GB/T 4754，例如 C39）");
            }
        }
        if (d.capacity() < 1 || d.capacity() > 1000) {
            errors.put("capacity", "投资机构名额须在1至1000之间");
        }
        if (d.presenterSlots() < 1 || d.presenterSlots() > 50) {
            errors.put("presenterSlots", "路演企业名额须在1至50之间");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** 申请路演: an enterprise applies once, while the event takes applications. */
    void apply(Presenter p) {
        requireOpen("报名已结束");
        if (presenters.containsKey(p.creditCode())) {
            throw InvalidRequestException.conflict("creditCode", "贵企业已申请参加本场路演");
        }
        presenters.put(p.creditCode(), p);
    }

    /** The organiser selects a presenter (within the slots) or not. */
    void decide(String creditCode, boolean select) {
        requireOpen("路演已" + (status == Status.HELD ? "举办" : "取消") + "，不能再遴选");
        Presenter p = presenters.get(creditCode);
        if (p == null) {
            throw new InvalidRequestException("creditCode", "该企业没有申请本场路演");
        }
        if (select && p.status() != PresenterStatus.SELECTED && selected().size() >= details.presenterSlots()) {
            throw InvalidRequestException.conflict("creditCode", "路演企业名额（" + details.presenterSlots()
                    + " 家）已满");
        }
        presenters.put(creditCode, p.with(select ? PresenterStatus.SELECTED : PresenterStatus.NOT_SELECTED));
    }

    /** 投资机构报名, within the capacity. */
    void register(Registration r) {
        requireOpen("报名已结束");
        if (registrations.containsKey(r.institutionId())) {
            throw InvalidRequestException.conflict("institutionId", "贵机构已报名本场路演");
        }
        if (registrations.size() >= details.capacity()) {
            throw InvalidRequestException.conflict("institutionId", "投资机构名额（" + details.capacity() + " 家）已满");
        }
        registrations.put(r.institutionId(), r);
    }

    /**
     * 已举办: once it has started, with at least one presenter selected; records which registered investors attended
     * (those not named did not).
     */
    void hold(Set<UUID> attended, Instant now) {
        requireOpen("路演已" + (status == Status.HELD ? "举办" : "取消"));
        if (details.startsAt().isAfter(now)) {
            throw InvalidRequestException.conflict("startsAt", "路演尚未开始，不能标记为已举办");
        }
        if (selected().isEmpty()) {
            throw InvalidRequestException.conflict("presenters", "还没有入选的路演企业");
        }
        for (UUID i : attended) {
            if (!registrations.containsKey(i)) {
                throw new InvalidRequestException("attended", "出席的机构须是已报名的机构");
            }
        }
        registrations.replaceAll((k, r) -> new Registration(r.institutionId(), r.institutionName(), r.registeredAt(),
                r.registeredBy(), attended.contains(k)));
        status = Status.HELD;
        heldAt = now;
    }

    void cancel(@Nullable String note) {
        requireOpen("路演已举办，不能取消");
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n == null) {
            throw new InvalidRequestException("note", "请说明取消原因");
        }
        if (n.length() > 500) {
            throw new InvalidRequestException("note", "原因不能超过500个字");
        }
        status = Status.CANCELLED;
        cancelNote = n;
    }

    /**
     * Whether the investor may mark interest in the presenter: the event was held, the presenter presented, and the
     * investor registered and attended. Throws with a plain refusal otherwise.
     */
    Presenter checkInterest(UUID institutionId, String creditCode) {
        if (status != Status.HELD) {
            throw new IllegalStateException(status == Status.OPEN ? "路演尚未举办，举办后才能表达投资意向"
                    : "路演已取消");
        }
        Registration r = registrations.get(institutionId);
        if (r == null) {
            throw new IllegalStateException("贵机构没有报名本场路演，不能表达投资意向");
        }
        if (!Boolean.TRUE.equals(r.attended())) {
            throw new IllegalStateException("贵机构没有出席本场路演，不能表达投资意向");
        }
        Presenter p = presenters.get(creditCode);
        if (p == null || p.status() != PresenterStatus.SELECTED) {
            throw new InvalidRequestException("creditCode", "该企业没有在本场路演中路演");
        }
        return p;
    }

    private void requireOpen(String message) {
        if (status != Status.OPEN) {
            throw new IllegalStateException(message);
        }
    }

    public List<Presenter> selected() {
        return presenters.values().stream().filter(p -> p.status() == PresenterStatus.SELECTED).toList();
    }

    public Id id() { return id; }
    public Organiser organiser() { return organiser; }
    public Details details() { return details; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public @Nullable Instant heldAt() { return heldAt; }
    public @Nullable String cancelNote() { return cancelNote; }
    public List<Presenter> presenters() { return new ArrayList<>(presenters.values()); }
    public List<Registration> registrations() { return new ArrayList<>(registrations.values()); }
    public @Nullable Registration registrationOf(UUID institutionId) { return registrations.get(institutionId); }
    public @Nullable Presenter presenter(String creditCode) { return presenters.get(creditCode); }
    int version() { return version; }
    void versionSaved(int v) { version = v; }
}
