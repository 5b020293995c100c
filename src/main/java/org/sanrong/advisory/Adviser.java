package org.sanrong.advisory;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * 金融顾问: a member of an institution that the institution names as adviser, with the specialities it vouches for.
 * A retired adviser keeps its history but takes no new assignments.
 */
public final class Adviser {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    static final int MAX_INTRODUCTION = 500;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{7,20}");

    private final Id id;
    private final UUID institutionId;
    private final String institutionName;
    private final String username;
    private final String displayName;
    private Set<Speciality> specialities;
    private String phone;
    private @Nullable String introduction;
    private boolean active;
    private final String namedBy;
    private final Instant namedAt;

    Adviser(Id id, UUID institutionId, String institutionName, String username, String displayName,
            Set<Speciality> specialities, String phone, @Nullable String introduction, boolean active, String namedBy,
            Instant namedAt) {
        this.id = id;
        this.institutionId = institutionId;
        this.institutionName = institutionName;
        this.username = username;
        this.displayName = displayName;
        this.specialities = specialities(specialities);
        this.phone = phone;
        this.introduction = introduction;
        this.active = active;
        this.namedBy = namedBy;
        this.namedAt = namedAt;
    }

    /** Names a member as adviser; refused with every problem by field. */
    static Adviser name(UUID institutionId, String institutionName, String username, String displayName,
            @Nullable Collection<Speciality> specialities, @Nullable String phone, @Nullable String introduction,
            String namedBy, Instant now) {
        Set<Speciality> s = specialities(specialities);
        String p = phone == null ? "" : phone.strip();
        String intro = introduction == null || introduction.isBlank() ? null : introduction.strip();
        check(s, p, intro);
        return new Adviser(Id.random(), institutionId, institutionName, username, displayName, s, p, intro, true,
                namedBy, now);
    }

    void revise(@Nullable Collection<Speciality> specialities, @Nullable String phone, @Nullable String introduction) {
        Set<Speciality> s = specialities(specialities);
        String p = phone == null ? "" : phone.strip();
        String intro = introduction == null || introduction.isBlank() ? null : introduction.strip();
        check(s, p, intro);
        this.specialities = s;
        this.phone = p;
        this.introduction = intro;
    }

    void retire() {
        if (!active) {
            throw new IllegalStateException("该顾问已停止服务");
        }
        active = false;
    }

    private static void check(Set<Speciality> specialities, String phone, @Nullable String introduction) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (specialities.isEmpty()) {
            errors.put("specialities", "请至少选择一项专长");
        }
        if (!PHONE.matcher(phone).matches()) {
            errors.put("phone", "请填写联系电话，7至20位数字，可含 - + 括号和空格");
        }
        if (introduction != null && introduction.codePointCount(0, introduction.length()) > MAX_INTRODUCTION) {
            errors.put("introduction", "简介不能超过" + MAX_INTRODUCTION + "个字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static Set<Speciality> specialities(@Nullable Collection<Speciality> values) {
        EnumSet<Speciality> set = EnumSet.noneOf(Speciality.class);
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }

    public Id id() { return id; }
    public UUID institutionId() { return institutionId; }
    public String institutionName() { return institutionName; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public Set<Speciality> specialities() { return specialities; }
    public String phone() { return phone; }
    public @Nullable String introduction() { return introduction; }
    public boolean active() { return active; }
    public String namedBy() { return namedBy; }
    public Instant namedAt() { return namedAt; }
}
