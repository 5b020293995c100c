package org.sanrong.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.Fen;
import org.sanrong.platform.InvalidRequestException;

/**
 * 上市后备企业: one enterprise in the reserve, from enrolment to listing (or removal). Each change is a named method
 * that checks the current state (a move the state does not allow throws {@link IllegalStateException}, answered 409),
 * adds a line to the entry's log and, for a milestone, registers {@link ListingMilestoneReached}.
 */
public final class ReserveEntry {

    public record Id(UUID value) {
        static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public enum Status {
        /** 在库: being followed. */
        ACTIVE,
        /** 已上市: reached {@link Milestone#LISTED}; stays for the funnel. */
        LISTED,
        /** 已移出: taken out of the reserve with a reason; may be enrolled again. */
        REMOVED
    }

    /** The enterprise as it was when enrolled (kept current from profile changes), for boards without joins. */
    public record Enterprise(String creditCode, String name, @Nullable String townCode, @Nullable String industryCode,
            @Nullable UUID organisationId) {
    }

    /** A milestone reached, with its evidence document. */
    public record MilestoneRecord(Milestone milestone, LocalDate reachedOn, UUID evidenceId, String evidenceName,
            @Nullable String note, Instant recordedAt, String recordedBy) {
    }

    /** A line of the entry's log, as it will be stored. */
    record Step(Instant at, String actor, String kind, @Nullable String detail) {
    }

    private final Id id;
    private final Enterprise enterprise;
    private final boolean byRule;
    private final String reason;
    private final Instant enrolledAt;
    private final String enrolledBy;
    private final UUID enrolledByOrganisation;
    private ReserveGrade grade;
    private ListingBoard board;
    private Status status;
    private @Nullable String sponsor;
    private @Nullable String lawFirm;
    private @Nullable String auditor;
    private @Nullable Long marketValueFen;
    private @Nullable LocalDate marketValueOn;
    private @Nullable String marketValueBy;
    private @Nullable Instant closedAt;
    private @Nullable String closedNote;
    private final Map<Milestone, MilestoneRecord> milestones = new EnumMap<>(Milestone.class);
    private int version;
    private final List<Step> steps = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    ReserveEntry(Id id, Enterprise enterprise, boolean byRule, String reason, Instant enrolledAt, String enrolledBy,
            UUID enrolledByOrganisation, ReserveGrade grade, ListingBoard board, Status status,
            @Nullable String sponsor, @Nullable String lawFirm, @Nullable String auditor,
            @Nullable Long marketValueFen, @Nullable LocalDate marketValueOn, @Nullable String marketValueBy,
            @Nullable Instant closedAt, @Nullable String closedNote, List<MilestoneRecord> milestones, int version) {
        this.id = id;
        this.enterprise = enterprise;
        this.byRule = byRule;
        this.reason = reason;
        this.enrolledAt = enrolledAt;
        this.enrolledBy = enrolledBy;
        this.enrolledByOrganisation = enrolledByOrganisation;
        this.grade = grade;
        this.board = board;
        this.status = status;
        this.sponsor = sponsor;
        this.lawFirm = lawFirm;
        this.auditor = auditor;
        this.marketValueFen = marketValueFen;
        this.marketValueOn = marketValueOn;
        this.marketValueBy = marketValueBy;
        this.closedAt = closedAt;
        this.closedNote = closedNote;
        milestones.forEach(m -> this.milestones.put(m.milestone(), m));
        this.version = version;
    }

    /** 入库: by rule (the reason says which) or by hand (the reason is the official's). */
    static ReserveEntry enrol(Enterprise enterprise, ReserveGrade grade, ListingBoard board, boolean byRule,
            @Nullable String reason, @Nullable String sponsor, @Nullable String lawFirm, @Nullable String auditor,
            String actor, UUID actorOrganisation, Instant now) {
        String why = text(reason, "reason", byRule ? "请说明入库规则" : "手工入库请填写理由", 500);
        ReserveEntry entry = new ReserveEntry(Id.random(), enterprise, byRule, why, now, actor, actorOrganisation,
                grade, board, Status.ACTIVE, optional(sponsor, "sponsor", "保荐机构"), optional(lawFirm, "lawFirm",
                "律师事务所"), optional(auditor, "auditor", "会计师事务所"), null, null, null, null, null, List.of(), 0);
        entry.step(now, actor, byRule ? "ENROLLED_BY_RULE" : "ENROLLED", grade.label() + " · " + board.label() + " · "
                + why);
        return entry;
    }

    /**
     * Records a milestone reached on {@code on} with its evidence. Milestones come in order: one already recorded, one
     * that does not apply to the target board, one before the latest recorded, one that skips a step of this board,
     * a date before the previous milestone's or after today are refused with the field and why. Reaching a milestone
     * raises the grade to the milestone's (never lowers it); {@link Milestone#LISTED} ends the entry as listed.
     */
    void recordMilestone(Milestone m, LocalDate on, UUID evidenceId, String evidenceName, @Nullable String note,
            String actor, Instant now, LocalDate today) {
        checkMilestone(m, on, today);
        String n = optional(note, "note", "说明");
        milestones.put(m, new MilestoneRecord(m, on, evidenceId, evidenceName, n, now, actor));
        ReserveGrade before = grade;
        if (m.grade().above(grade)) {
            grade = m.grade();
        }
        if (m == Milestone.LISTED) {
            status = Status.LISTED;
            closedAt = now;
        }
        step(now, actor, "MILESTONE", m.label() + " " + on + (before != grade ? "，分级 " + before.name() + "→"
                + grade.name() : ""));
        events.add(new ListingMilestoneReached(id.value(), enterprise.creditCode(), enterprise.name(), board, m, on,
                evidenceId, actor, now));
    }

    /** The checks of {@link #recordMilestone} on the milestone and its date, without recording anything. */
    void checkMilestone(Milestone m, LocalDate on, LocalDate today) {
        requireActive();
        MilestoneRecord already = milestones.get(m);
        if (already != null) {
            throw InvalidRequestException.conflict("milestone", "「" + m.label() + "」已于 " + already.reachedOn()
                    + " 登记，不能重复登记");
        }
        if (!board.milestones().contains(m)) {
            throw new InvalidRequestException("milestone", "「" + m.label() + "」不适用于目标板块" + board.label());
        }
        if (on.isAfter(today)) {
            throw new InvalidRequestException("reachedOn", "里程碑日期不能晚于今天（" + today + "）");
        }
        MilestoneRecord latest = latest();
        if (latest != null && m.ordinal() < latest.milestone().ordinal()) {
            throw new InvalidRequestException("milestone", "里程碑须按顺序登记：已登记「" + latest.milestone().label()
                    + "」，不能再登记在它之前的「" + m.label() + "」");
        }
        Milestone expected = next();
        if (expected != null && m != expected) {
            throw new InvalidRequestException("milestone", "里程碑须按顺序登记：下一步应为「" + expected.label()
                    + "」，不能跳过");
        }
        if (latest != null && on.isBefore(latest.reachedOn())) {
            throw new InvalidRequestException("reachedOn", "日期不能早于上一里程碑「" + latest.milestone().label()
                    + "」的日期 " + latest.reachedOn());
        }
    }

    /** The next milestone of the target board not yet recorded after the latest one; null when listed. */
    public @Nullable Milestone next() {
        MilestoneRecord latest = latest();
        for (Milestone m : board.milestones()) {
            if ((latest == null || m.ordinal() > latest.milestone().ordinal()) && !milestones.containsKey(m)) {
                return m;
            }
        }
        return null;
    }

    /** 调整分级, by hand with a reason (e.g. an application withdrawn). */
    void regrade(ReserveGrade to, @Nullable String why, String actor, Instant now) {
        requireActive();
        String r = text(why, "reason", "请说明调整分级的理由", 500);
        if (to == grade) {
            throw new InvalidRequestException("grade", "分级未变化");
        }
        step(now, actor, "REGRADED", grade.name() + "→" + to.name() + "：" + r);
        grade = to;
    }

    /** 调整目标板块, with a reason; milestones recorded stay. */
    void retarget(ListingBoard to, @Nullable String why, String actor, Instant now) {
        requireActive();
        String r = text(why, "reason", "请说明调整目标板块的理由", 500);
        if (to == board) {
            throw new InvalidRequestException("board", "目标板块未变化");
        }
        step(now, actor, "RETARGETED", board.label() + "→" + to.label() + "：" + r);
        board = to;
    }

    /** 中介机构: sponsor (保荐机构), law firm, auditor; blank clears one. */
    void engage(@Nullable String newSponsor, @Nullable String newLawFirm, @Nullable String newAuditor, String actor,
            Instant now) {
        if (status == Status.REMOVED) {
            throw new IllegalStateException("该企业已移出后备库");
        }
        sponsor = optional(newSponsor, "sponsor", "保荐机构");
        lawFirm = optional(newLawFirm, "lawFirm", "律师事务所");
        auditor = optional(newAuditor, "auditor", "会计师事务所");
        step(now, actor, "INTERMEDIARIES", "保荐 " + dash(sponsor) + " · 律所 " + dash(lawFirm) + " · 审计 "
                + dash(auditor));
    }

    /** 预计市值: an estimate (unlisted firms have no market price), dated, by whoever entered it. */
    void estimateMarketValue(long fen, LocalDate on, String actor, Instant now, LocalDate today) {
        if (status == Status.REMOVED) {
            throw new IllegalStateException("该企业已移出后备库");
        }
        if (fen <= 0) {
            throw new InvalidRequestException("marketValue", "预计市值须大于零");
        }
        if (fen > Fen.MAX) {
            throw new InvalidRequestException("marketValue", "预计市值过大，请核对单位（万元）");
        }
        if (on.isAfter(today)) {
            throw new InvalidRequestException("marketValueOn", "估值日期不能晚于今天");
        }
        marketValueFen = fen;
        marketValueOn = on;
        marketValueBy = actor;
        step(now, actor, "MARKET_VALUE", Fen.formatYi(fen) + "（" + on + "）");
    }

    /** 移出后备库, with a reason. */
    void remove(@Nullable String why, String actor, Instant now) {
        requireActive();
        String r = text(why, "reason", "请说明移出理由", 500);
        status = Status.REMOVED;
        closedAt = now;
        closedNote = r;
        step(now, actor, "REMOVED", r);
    }

    /** The enterprise's name, town or industry changed in the 企业库. */
    ReserveEntry withEnterprise(Enterprise e) {
        return new ReserveEntry(id, e, byRule, reason, enrolledAt, enrolledBy, enrolledByOrganisation, grade, board,
                status, sponsor, lawFirm, auditor, marketValueFen, marketValueOn, marketValueBy, closedAt, closedNote,
                List.copyOf(milestones.values()), version);
    }

    public @Nullable MilestoneRecord latest() {
        return milestones.values().stream().max(java.util.Comparator.comparingInt(r -> r.milestone().ordinal()))
                .orElse(null);
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new IllegalStateException(status == Status.LISTED ? "该企业已上市，不再变更" : "该企业已移出后备库");
        }
    }

    private void step(Instant at, String actor, String kind, @Nullable String detail) {
        steps.add(new Step(at, actor, kind, detail));
    }

    List<Step> drainSteps() {
        List<Step> out = List.copyOf(steps);
        steps.clear();
        return out;
    }

    List<Object> drainEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    static String text(@Nullable String value, String field, String missing, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, missing);
        }
        if (value.strip().length() > max) {
            throw new InvalidRequestException(field, "不能超过" + max + "个字");
        }
        return value.strip();
    }

    private static @Nullable String optional(@Nullable String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 100) {
            throw new InvalidRequestException(field, label + "不能超过100个字");
        }
        return value.strip();
    }

    private static String dash(@Nullable String s) {
        return s == null ? "—" : s;
    }

    public Id id() { return id; }
    public Enterprise enterprise() { return enterprise; }
    public boolean byRule() { return byRule; }
    public String reason() { return reason; }
    public Instant enrolledAt() { return enrolledAt; }
    public String enrolledBy() { return enrolledBy; }
    public UUID enrolledByOrganisation() { return enrolledByOrganisation; }
    public ReserveGrade grade() { return grade; }
    public ListingBoard board() { return board; }
    public Status status() { return status; }
    public @Nullable String sponsor() { return sponsor; }
    public @Nullable String lawFirm() { return lawFirm; }
    public @Nullable String auditor() { return auditor; }
    public @Nullable Long marketValueFen() { return marketValueFen; }
    public @Nullable LocalDate marketValueOn() { return marketValueOn; }
    public @Nullable String marketValueBy() { return marketValueBy; }
    public @Nullable Instant closedAt() { return closedAt; }
    public @Nullable String closedNote() { return closedNote; }
    public List<MilestoneRecord> milestones() {
        return milestones.values().stream().sorted(java.util.Comparator.comparingInt(r -> r.milestone().ordinal()))
                .toList();
    }
    int version() { return version; }
    void versionSaved(int v) { version = v; }
}
