package org.sanrong.supervision;

import java.io.ByteArrayInputStream;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.Spreadsheets;
import org.sanrong.platform.UploadedDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督查督办 use cases: import a task table (preview, then confirm; the original file kept), the boards, progress
 * reports by the lead units (co-operating units add their part), the finance office's review and score, binding a task
 * to a plan indicator, and reminders in the inbox for reports not made by their due day. Every write is audited, a
 * refused one too.
 */
@Service
public class Supervision {

    /** How often lead units report. */
    public enum Cycle {
        MONTHLY, QUARTERLY
    }

    private final JdbcClient jdbc;
    private final OrganisationRegistry organisations;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final int yellowFrom;
    private final int redAbove;
    private final int dueDay;

    Supervision(JdbcClient jdbc, OrganisationRegistry organisations, Inbox inbox, AuditTrail audit, Clock clock,
            @Value("${sanrong.supervision.yellow-from-points:10}") int yellowFrom,
            @Value("${sanrong.supervision.red-above-points:30}") int redAbove,
            @Value("${sanrong.supervision.report-due-day:25}") int dueDay) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
        this.yellowFrom = yellowFrom;
        this.redAbove = redAbove;
        this.dueDay = dueDay;
    }

    // ---- import ---------------------------------------------------------------------------------------------

    /**
     * Reads an uploaded table (.xlsx or .csv) and keeps it, with the original file, as a preview to confirm. A file
     * that cannot be read at all is refused whole (and the attempt audited).
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public ImportPreview preview(String fileName, byte[] file, SignedInUser user) {
        requireOfficial(user, "IMPORT_TASKS", "task-table");
        if (file.length == 0) {
            throw refused(user, "请选择要导入的文件");
        }
        String lower = fileName.toLowerCase();
        List<TaskSheet.Line> lines;
        if (lower.endsWith(".xlsx")) {
            lines = new ArrayList<>();
            List<TaskSheet.Line> sink = lines;
            try {
                Spreadsheets.read(new ByteArrayInputStream(file), r -> sink.add(new TaskSheet.Line(r.line(), r.cells())));
            } catch (RuntimeException e) {
                throw refused(user, "无法读取该Excel文件：" + e.getMessage());
            }
        } else if (lower.endsWith(".csv")) {
            lines = CsvLines.read(file);
        } else {
            throw refused(user, "只支持 .xlsx 和 .csv 文件");
        }
        TaskSheet.Parsed parsed;
        try {
            parsed = TaskSheet.parse(lines, LocalDate.now(clock));
        } catch (InvalidRequestException e) {
            throw refused(user, e.getMessage());
        }
        UUID id = UUID.randomUUID();
        String title = parsed.title().isBlank() ? fileName.replaceAll("\\.[^.]+$", "") : parsed.title();
        jdbc.sql("INSERT INTO supervision.task_table (id, status, title, cycle, file_name, content_type, file, "
                + "imported_by, imported_at) VALUES (?, 'PREVIEW', ?, 'QUARTERLY', ?, ?, ?, ?, ?)")
                .params(id, clip(title, 200), clip(fileName, 200), lower.endsWith(".csv") ? "text/csv"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file, user.username(),
                        Timestamp.from(clock.instant())).update();
        return previewOf(id, parsed);
    }

    /** The preview of an upload not yet confirmed (parsed again from the kept file). */
    @Transactional(readOnly = true)
    public ImportPreview preview(UUID tableId, SignedInUser user) {
        requireOfficial(user, "IMPORT_TASKS", "task-table:" + tableId);
        return previewOf(tableId, parse(tableId));
    }

    /**
     * Saves the tasks of a previewed table: title and reporting cycle as given, a deadline for tasks the file gave
     * none (optional; it must not be past), and the unit mappings chosen, which are remembered for later imports.
     * All or nothing. Answers the tasks created.
     */
    @Transactional
    public List<TaskView> confirm(UUID tableId, @Nullable String title, Cycle cycle, @Nullable LocalDate deadline,
            Map<String, UUID> mappings, SignedInUser user) {
        requireOfficial(user, "IMPORT_TASKS", "task-table:" + tableId);
        String status = jdbc.sql("SELECT status FROM supervision.task_table WHERE id = ?").param(tableId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("导入记录不存在"));
        if (!status.equals("PREVIEW")) {
            throw InvalidRequestException.conflict("tableId", "该表已导入");
        }
        LocalDate today = LocalDate.now(clock);
        if (deadline != null && deadline.isBefore(today)) {
            throw refused(user, "统一完成时限 " + deadline + " 已过");
        }
        TaskSheet.Parsed parsed = parse(tableId);
        if (parsed.rows().isEmpty()) {
            throw refused(user, "没有可导入的任务");
        }
        for (Map.Entry<String, UUID> m : mappings.entrySet()) {
            OrganisationView org = organisations.find(m.getValue()).filter(o -> o.kind() == OrganisationKind.GOVERNMENT)
                    .orElseThrow(() -> refused(user, "单位“" + m.getKey() + "”只能对应政府部门"));
            jdbc.sql("INSERT INTO supervision.unit_alias (name, organisation_id, mapped_by, mapped_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (name) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, mapped_by = "
                    + "EXCLUDED.mapped_by, mapped_at = EXCLUDED.mapped_at")
                    .params(m.getKey(), org.id(), user.username(), Timestamp.from(clock.instant())).update();
        }
        int seq = 0;
        for (TaskSheet.Row r : parsed.rows()) {
            jdbc.sql("INSERT INTO supervision.task (id, table_id, seq, no, target_task, measure, lead_units, co_units, "
                    + "starts_on, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), tableId, ++seq, r.no(), r.targetTask(), r.measure(),
                            r.leadUnits().toArray(String[]::new), r.coUnits().toArray(String[]::new), Date.valueOf(today),
                            r.deadline() != null ? Date.valueOf(r.deadline()) : deadline == null ? null
                                    : Date.valueOf(deadline)).update();
        }
        jdbc.sql("UPDATE supervision.task_table SET status = 'IMPORTED', title = COALESCE(?, title), cycle = ?, "
                + "confirmed_at = ? WHERE id = ?")
                .params(title == null || title.isBlank() ? null : clip(title.strip(), 200), cycle.name(),
                        Timestamp.from(clock.instant()), tableId).update();
        audit.record(user.username(), user.organisationId(), "IMPORT_TASKS", "task-table:" + tableId, Outcome.SUCCESS,
                parsed.rows().size() + " 项任务，" + parsed.badRows().size() + " 行无法读取");
        return tasks(tableId);
    }

    /** The original file of a table, as uploaded. */
    @Transactional(readOnly = true)
    public Map.Entry<String, byte[]> originalFile(UUID tableId, SignedInUser user) {
        requireOfficial(user, "VIEW_TASK_TABLE", "task-table:" + tableId);
        return jdbc.sql("SELECT file_name, file FROM supervision.task_table WHERE id = ?").param(tableId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new NotFoundException("导入记录不存在"));
    }

    // ---- boards ---------------------------------------------------------------------------------------------

    public record TableView(UUID id, String title, Cycle cycle, String fileName, String importedBy,
            java.time.Instant importedAt, long tasks) {
    }

    @Transactional(readOnly = true)
    public List<TableView> tables() {
        return jdbc.sql("SELECT t.*, (SELECT count(*) FROM supervision.task k WHERE k.table_id = t.id) AS n FROM "
                + "supervision.task_table t WHERE status = 'IMPORTED' ORDER BY imported_at DESC")
                .query((rs, n) -> new TableView(rs.getObject("id", UUID.class), rs.getString("title"),
                        Cycle.valueOf(rs.getString("cycle")), rs.getString("file_name"), rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toInstant(), rs.getLong("n"))).list();
    }

    /** The tasks of a table (all tables with null), in order; each with its status and light. */
    @Transactional(readOnly = true)
    public List<TaskView> tasks(@Nullable UUID tableId) {
        return jdbc.sql(SELECT_TASK + " WHERE tt.status = 'IMPORTED' AND (CAST(:table AS uuid) IS NULL OR k.table_id = "
                + ":table) ORDER BY tt.imported_at, k.seq").param("table", tableId).query((rs, n) -> task(rs)).list();
    }

    /** The tasks a government organisation leads or co-operates on (by its mapped unit names). */
    @Transactional(readOnly = true)
    public List<TaskView> tasksOf(UUID organisationId) {
        Set<String> names = unitNamesOf(organisationId);
        return tasks(null).stream().filter(t -> t.leadUnits().stream().anyMatch(names::contains)
                || t.coUnits().stream().anyMatch(names::contains)).toList();
    }

    @Transactional(readOnly = true)
    public TaskView task(UUID id) {
        return jdbc.sql(SELECT_TASK + " WHERE k.id = :id").param("id", id).query((rs, n) -> task(rs)).optional()
                .orElseThrow(() -> new NotFoundException("任务不存在"));
    }

    @Transactional(readOnly = true)
    public List<ReportView> reports(UUID taskId) {
        Map<UUID, List<ReportView.Attachment>> files = new java.util.HashMap<>();
        jdbc.sql("SELECT a.id, a.report_id, a.file_name, a.content_type, a.size FROM supervision.report_attachment a "
                + "JOIN supervision.report r ON r.id = a.report_id WHERE r.task_id = ? ORDER BY a.file_name")
                .param(taskId).query(rs -> {
                    files.computeIfAbsent(rs.getObject("report_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(new ReportView.Attachment(rs.getObject("id", UUID.class), rs.getString("file_name"),
                                    rs.getString("content_type"), rs.getInt("size")));
                });
        return jdbc.sql("SELECT * FROM supervision.report WHERE task_id = ? ORDER BY reported_at DESC").param(taskId)
                .query((rs, n) -> new ReportView(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
                        rs.getString("period"), rs.getInt("percent"), rs.getString("text"), rs.getBoolean("lead"),
                        rs.getString("organisation"), rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant(), rs.getObject("score", Integer.class),
                        rs.getString("comment"), rs.getString("reviewed_by"),
                        rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
                        files.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    /** A file as uploaded with a report, before it is checked. */
    public record Upload(@Nullable String fileName, byte @Nullable [] content) {
    }

    /** At most this many attachments per report, each at most {@link #MAX_ATTACHMENT_BYTES}. */
    public static final int MAX_ATTACHMENTS = 5;
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    /** One attachment with its content, for whoever may see the task's reports. */
    @Transactional(readOnly = true)
    public Map.Entry<ReportView.Attachment, byte[]> attachment(UUID id) {
        return jdbc.sql("SELECT * FROM supervision.report_attachment WHERE id = ?").param(id)
                .query((rs, n) -> Map.entry(new ReportView.Attachment(rs.getObject("id", UUID.class),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size")),
                        rs.getBytes("content"))).optional()
                .orElseThrow(() -> new NotFoundException("附件不存在"));
    }

    /** The task an attachment's report belongs to. */
    @Transactional(readOnly = true)
    public UUID taskOfAttachment(UUID id) {
        return jdbc.sql("SELECT r.task_id FROM supervision.report_attachment a JOIN supervision.report r ON r.id = "
                + "a.report_id WHERE a.id = ?").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("附件不存在"));
    }

    /** Whether the user's organisation leads the task (or co-operates on it). */
    public enum UnitRole {
        LEAD, CO, NONE
    }

    @Transactional(readOnly = true)
    public UnitRole roleOf(TaskView task, SignedInUser user) {
        Set<String> names = unitNamesOf(user.organisationId());
        if (task.leadUnits().stream().anyMatch(names::contains)) {
            return UnitRole.LEAD;
        }
        return task.coUnits().stream().anyMatch(names::contains) ? UnitRole.CO : UnitRole.NONE;
    }

    // ---- reports and reviews ----------------------------------------------------------------------------------

    /**
     * A lead unit reports progress for a period (percent 0-100, text); a co-operating unit adds its part, which does
     * not move the task's progress. Refused for anyone else's task, a percentage outside 0-100, an empty text, a
     * period in the future or badly written.
     */
    @Transactional
    public UUID report(UUID taskId, @Nullable String period, @Nullable Integer percent, @Nullable String text,
            SignedInUser user) {
        return report(taskId, period, percent, text, List.of(), user);
    }

    /**
     * The same with attachments (PDF, PNG or JPEG by content, at most five of 10 MB each); a refused file refuses the
     * whole report, nothing saved. Empty file fields (a form submitted without a file) are ignored.
     */
    @Transactional
    public UUID report(UUID taskId, @Nullable String period, @Nullable Integer percent, @Nullable String text,
            List<Upload> uploads, SignedInUser user) {
        TaskView task = task(taskId);
        UnitRole role = roleOf(task, user);
        String target = "task:" + taskId;
        if (role == UnitRole.NONE) {
            audit.recordIndependently(user.username(), user.organisationId(), "REPORT_TASK_PROGRESS", target,
                    Outcome.DENIED, "非本单位任务");
            throw new AccessDeniedException("只有任务的牵头单位或配合单位可以报送进展");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Cycle cycle = cycleOf(task.tableId());
        if (period == null || !(cycle == Cycle.MONTHLY ? period.matches("\\d{4}-(0[1-9]|1[0-2])")
                : period.matches("\\d{4}Q[1-4]"))) {
            errors.put("period", cycle == Cycle.MONTHLY ? "报送期间请写成 2026-03" : "报送期间请写成 2026Q1");
        } else if (periodStart(period).isAfter(LocalDate.now(clock))) {
            errors.put("period", "不能报送未来的期间");
        }
        if (percent == null || percent < 0 || percent > 100) {
            errors.put("percent", "完成百分比须在0至100之间");
        }
        if (text == null || text.isBlank()) {
            errors.put("text", "请填写进展情况");
        } else if (text.length() > 4000) {
            errors.put("text", "进展情况不能超过4000字");
        }
        List<UploadedDocument> documents = new java.util.ArrayList<>();
        List<Upload> given = uploads.stream().filter(u -> u.content() != null && !(u.content().length == 0
                && (u.fileName() == null || u.fileName().isBlank()))).toList();
        if (given.size() > MAX_ATTACHMENTS) {
            errors.put("attachments", "每次报送最多 " + MAX_ATTACHMENTS + " 个附件");
        } else {
            for (Upload u : given) {
                try {
                    documents.add(UploadedDocument.check("attachments", u.fileName(), u.content(), java.util.EnumSet.of(
                            UploadedDocument.Kind.PDF, UploadedDocument.Kind.PNG, UploadedDocument.Kind.JPEG),
                            MAX_ATTACHMENT_BYTES));
                } catch (InvalidRequestException e) {
                    errors.put("attachments", "附件 " + u.fileName() + "：" + e.getMessage());
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            audit.recordIndependently(user.username(), user.organisationId(), "REPORT_TASK_PROGRESS", target,
                    Outcome.FAILURE, String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO supervision.report (id, task_id, period, percent, text, lead, organisation_id, organisation, "
                + "reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, taskId, period, percent, text.strip(), role == UnitRole.LEAD, user.organisationId(),
                        user.organisationName(), user.username(), Timestamp.from(clock.instant())).update();
        if (role == UnitRole.LEAD) {
            jdbc.sql("UPDATE supervision.task SET progress = ?, last_report_at = ?, completed_on = CASE WHEN ? = 100 "
                    + "THEN COALESCE(completed_on, ?) ELSE NULL END WHERE id = ?")
                    .params(percent, Timestamp.from(clock.instant()), percent, Date.valueOf(LocalDate.now(clock)), taskId)
                    .update();
        }
        for (UploadedDocument d : documents) {
            jdbc.sql("INSERT INTO supervision.report_attachment (id, report_id, file_name, content_type, size, sha256, "
                    + "content) VALUES (?, ?, ?, ?, ?, ?, ?)").params(UUID.randomUUID(), id, d.fileName(),
                            d.contentType(), d.size(), d.sha256(), d.content()).update();
        }
        audit.record(user.username(), user.organisationId(), "REPORT_TASK_PROGRESS", target, Outcome.SUCCESS,
                period + " " + percent + "%" + (role == UnitRole.LEAD ? "" : "（配合单位）")
                        + (documents.isEmpty() ? "" : "，附件 " + documents.size() + " 个"));
        return id;
    }

    /** The finance office reviews a report: a score of 0-100 and a comment. */
    @Transactional
    public void review(UUID reportId, @Nullable Integer score, @Nullable String comment, SignedInUser user) {
        requireOfficial(user, "REVIEW_TASK_REPORT", "task-report:" + reportId);
        if (score == null || score < 0 || score > 100) {
            audit.recordIndependently(user.username(), user.organisationId(), "REVIEW_TASK_REPORT",
                    "task-report:" + reportId, Outcome.FAILURE, "评分须在0至100之间");
            throw new InvalidRequestException("score", "评分须在0至100之间");
        }
        int n = jdbc.sql("UPDATE supervision.report SET score = ?, comment = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?")
                .params(score, comment == null || comment.isBlank() ? null : clip(comment.strip(), 1000),
                        user.username(), Timestamp.from(clock.instant()), reportId).update();
        if (n == 0) {
            throw new NotFoundException("报送记录不存在");
        }
        audit.record(user.username(), user.organisationId(), "REVIEW_TASK_REPORT", "task-report:" + reportId,
                Outcome.SUCCESS, score + "分");
    }

    /** Binds a task to a plan indicator (or unbinds with null) so its page shows the live figure. */
    @Transactional
    public void bind(UUID taskId, @Nullable UUID indicatorId, SignedInUser user) {
        requireOfficial(user, "BIND_TASK", "task:" + taskId);
        task(taskId);
        jdbc.sql("UPDATE supervision.task SET bound_indicator = ? WHERE id = ?").params(indicatorId, taskId).update();
        audit.record(user.username(), user.organisationId(), "BIND_TASK", "task:" + taskId, Outcome.SUCCESS,
                indicatorId == null ? "解除" : indicatorId.toString());
    }

    /**
     * Reminds each mapped lead unit, once per task and period, of a report not made by its due day; answers how many
     * reminders went out.
     */
    @Scheduled(cron = "${sanrong.supervision.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public int remind() {
        int sent = 0;
        for (TaskView t : tasks(null)) {
            if (!t.reportOverdue() || t.duePeriod() == null) {
                continue;
            }
            for (String unit : t.leadUnits()) {
                UUID org = organisationOf(unit).orElse(null);
                String subject = "sup:" + t.id() + ":" + t.duePeriod() + ":" + org;
                if (org == null || inbox.sentAbout(subject)) {
                    continue;
                }
                inbox.send(Notice.of(Notice.Recipient.organisation(org), Notice.SYSTEM, "督办提醒：进展报送已逾期",
                        clip("《" + t.tableTitle() + "》第" + (t.no() == null ? t.seq() : t.no()) + "项 “"
                                + t.measure() + "” " + t.duePeriod() + " 的进展应于截止日前报送，请尽快报送。",
                                Notice.MAX_BODY)).linkTo("/supervision/tasks/" + t.id()).about(subject));
                sent++;
            }
        }
        return sent;
    }

    // ---- pieces ---------------------------------------------------------------------------------------------

    private static final String SELECT_TASK = "SELECT k.*, tt.title, tt.cycle, (SELECT max(r.period) FROM "
            + "supervision.report r WHERE r.task_id = k.id AND r.lead) AS last_period FROM supervision.task k "
            + "JOIN supervision.task_table tt ON tt.id = k.table_id";

    private TaskView task(ResultSet rs) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        LocalDate starts = rs.getDate("starts_on").toLocalDate();
        Date d = rs.getDate("deadline");
        LocalDate deadline = d == null ? null : d.toLocalDate();
        int progress = rs.getInt("progress");
        Schedule schedule = Schedule.of(starts, deadline, today, progress, yellowFrom, redAbove);
        Cycle cycle = Cycle.valueOf(rs.getString("cycle"));
        String due = duePeriod(cycle, starts, today);
        String last = rs.getString("last_period");
        boolean overdue = progress < 100 && due != null && (last == null || last.compareTo(due) < 0);
        TaskView.Status status = progress >= 100 ? TaskView.Status.COMPLETED
                : schedule.light() == Schedule.Light.RED || overdue ? TaskView.Status.LAGGING
                : rs.getTimestamp("last_report_at") == null ? TaskView.Status.NOT_STARTED : TaskView.Status.IN_PROGRESS;
        return new TaskView(rs.getObject("id", UUID.class), rs.getObject("table_id", UUID.class),
                rs.getString("title"), rs.getInt("seq"), rs.getString("no"), rs.getString("target_task"),
                rs.getString("measure"), texts(rs.getArray("lead_units")), texts(rs.getArray("co_units")), starts,
                deadline, progress, rs.getTimestamp("last_report_at") == null ? null
                        : rs.getTimestamp("last_report_at").toInstant(), schedule, status, overdue, due,
                rs.getObject("bound_indicator", UUID.class));
    }

    /**
     * The latest period whose report is due by today (reports are due by the due day of the period's last month) and
     * that ended after the task started; null when none is due yet.
     */
    String duePeriod(Cycle cycle, LocalDate startsOn, LocalDate today) {
        YearMonth m = YearMonth.from(today);
        for (int back = 0; back < 24; back++, m = m.minusMonths(1)) {
            boolean periodEnd = cycle == Cycle.MONTHLY || m.getMonthValue() % 3 == 0;
            if (!periodEnd) {
                continue;
            }
            LocalDate due = m.atDay(Math.min(dueDay, m.lengthOfMonth()));
            if (!today.isAfter(due)) {
                continue;
            }
            if (m.atEndOfMonth().isBefore(startsOn)) {
                return null;
            }
            return cycle == Cycle.MONTHLY ? m.toString() : m.getYear() + "Q" + (m.getMonthValue() / 3);
        }
        return null;
    }

    private static LocalDate periodStart(String period) {
        if (period.contains("Q")) {
            return LocalDate.of(Integer.parseInt(period.substring(0, 4)),
                    (Integer.parseInt(period.substring(5)) - 1) * 3 + 1, 1);
        }
        return YearMonth.parse(period).atDay(1);
    }

    private Cycle cycleOf(UUID tableId) {
        return Cycle.valueOf(jdbc.sql("SELECT cycle FROM supervision.task_table WHERE id = ?").param(tableId)
                .query(String.class).single());
    }

    private TaskSheet.Parsed parse(UUID tableId) {
        Map.Entry<String, byte[]> file = jdbc.sql("SELECT file_name, file FROM supervision.task_table WHERE id = ?")
                .param(tableId).query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new NotFoundException("导入记录不存在"));
        List<TaskSheet.Line> lines = new ArrayList<>();
        if (file.getKey().toLowerCase().endsWith(".csv")) {
            lines = CsvLines.read(file.getValue());
        } else {
            List<TaskSheet.Line> sink = lines;
            Spreadsheets.read(new ByteArrayInputStream(file.getValue()), r -> sink.add(new TaskSheet.Line(r.line(),
                    r.cells())));
        }
        return TaskSheet.parse(lines, LocalDate.now(clock));
    }

    private ImportPreview previewOf(UUID id, TaskSheet.Parsed parsed) {
        Map<String, UUID> units = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        parsed.rows().forEach(r -> {
            names.addAll(r.leadUnits());
            names.addAll(r.coUnits());
        });
        for (String name : names) {
            units.put(name, organisationOf(name).orElse(null));
        }
        Map<String, Object> row = jdbc.sql("SELECT status, title, file_name FROM supervision.task_table WHERE id = ?")
                .param(id).query().singleRow();
        return new ImportPreview(id, (String) row.get("status"), (String) row.get("title"),
                (String) row.get("file_name"), parsed.rows(), parsed.badRows(), units, parsed.hasDeadlineColumn());
    }

    /** A unit name's organisation: a remembered mapping, else a government organisation of exactly that name. */
    Optional<UUID> organisationOf(String unit) {
        Optional<UUID> alias = jdbc.sql("SELECT organisation_id FROM supervision.unit_alias WHERE name = ?")
                .param(unit).query(UUID.class).optional();
        if (alias.isPresent()) {
            return alias;
        }
        return organisations.search(unit, OrganisationKind.GOVERNMENT, null, 0, 20).items().stream()
                .filter(o -> o.name().equals(unit)).map(OrganisationView::id).findFirst();
    }

    private Set<String> unitNamesOf(UUID organisationId) {
        Set<String> names = new java.util.HashSet<>(jdbc.sql("SELECT name FROM supervision.unit_alias WHERE "
                + "organisation_id = ?").param(organisationId).query(String.class).list());
        organisations.find(organisationId).ifPresent(o -> names.add(o.name()));
        return names;
    }

    private InvalidRequestException refused(SignedInUser user, String why) {
        audit.recordIndependently(user.username(), user.organisationId(), "IMPORT_TASKS", "task-table", Outcome.FAILURE,
                why);
        return new InvalidRequestException("file", why);
    }

    private void requireOfficial(SignedInUser user, String action, String target) {
        if (!(user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN))) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.DENIED,
                    "督查督办面向政府部门");
            throw new AccessDeniedException("督查督办面向政府部门");
        }
    }

    private static List<String> texts(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
