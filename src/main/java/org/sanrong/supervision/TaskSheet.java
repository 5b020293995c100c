package org.sanrong.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * Reads a task table as offices make it: title rows above the header, headers in Chinese (序号, 重点任务/目标任务,
 * 具体措施/工作措施, 牵头单位, 配合单位, 责任单位, 完成时限) or English, merged cells (blank below their first row: the
 * target task and the measure carry down), several units in a cell separated by 、, commas or spaces, and — where
 * only a 责任单位 column exists — the lead unit first. Every row it cannot read is reported with its line and reason.
 */
public final class TaskSheet {

    /** A row as read from the file: its 1-based line and cells. */
    public record Line(int number, List<String> cells) {
        String cell(int i) {
            return i >= 0 && i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** One task understood from a row. */
    public record Row(int line, @Nullable String no, @Nullable String targetTask, String measure,
            List<String> leadUnits, List<String> coUnits, @Nullable LocalDate deadline) {
    }

    public record BadRow(int line, String reason) {
    }

    /** What the file says: its title (rows above the header), the tasks, the rows it could not read. */
    public record Parsed(String title, List<Row> rows, List<BadRow> badRows, boolean hasDeadlineColumn) {
    }

    enum Column { NO, TARGET, MEASURE, LEAD, CO, RESPONSIBLE, DEADLINE }

    private static final Map<String, Column> HEADERS = new HashMap<>();

    static {
        for (String h : List.of("序号", "编号", "no", "no.", "number")) {
            HEADERS.put(h, Column.NO);
        }
        for (String h : List.of("重点任务", "目标任务", "主要任务", "任务", "工作任务", "target_task", "target task", "task")) {
            HEADERS.put(h, Column.TARGET);
        }
        for (String h : List.of("具体措施", "工作措施", "主要措施", "措施", "工作内容", "measure", "measures")) {
            HEADERS.put(h, Column.MEASURE);
        }
        for (String h : List.of("牵头单位", "牵头部门", "lead_units", "lead units", "lead", "lead_unit")) {
            HEADERS.put(h, Column.LEAD);
        }
        for (String h : List.of("配合单位", "配合部门", "协办单位", "co_units", "co-units", "co units", "co_unit")) {
            HEADERS.put(h, Column.CO);
        }
        for (String h : List.of("责任单位", "责任部门", "responsible_units", "responsible units", "units")) {
            HEADERS.put(h, Column.RESPONSIBLE);
        }
        for (String h : List.of("完成时限", "完成时间", "时间要求", "deadline", "due", "due_date")) {
            HEADERS.put(h, Column.DEADLINE);
        }
    }

    private static final Pattern UNIT_SEPARATORS = Pattern.compile("[、，,；;/\\s]+");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*[年./-]\\s*(\\d{1,2})\\s*月?(底|末)?");
    private static final Pattern YEAR_END = Pattern.compile("(\\d{4})\\s*年\\s*(底|末|内|年底)?");
    private static final int HEADER_SEARCH = 6;

    private TaskSheet() {
    }

    /**
     * Parses the lines of the first sheet. Refuses the whole file (a field error on "file") when no header row is
     * found in its first lines or a needed column is missing; otherwise answers the tasks and the rows it could not
     * read. Deadlines before {@code today} are bad rows.
     */
    public static Parsed parse(List<Line> lines, LocalDate today) {
        int headerAt = -1;
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(HEADER_SEARCH, lines.size()) && headerAt < 0; i++) {
            Map<Column, Integer> found = new LinkedHashMap<>();
            List<String> cells = lines.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                Column col = HEADERS.get(normalise(cells.get(c)));
                if (col != null) {
                    found.putIfAbsent(col, c);
                }
            }
            if (found.size() >= 2) {
                headerAt = i;
                columns = found;
            }
        }
        if (headerAt < 0) {
            throw new InvalidRequestException("file", "前" + HEADER_SEARCH + "行中找不到表头（应含 序号、具体措施、牵头单位 等列）");
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(Column.MEASURE) && !columns.containsKey(Column.TARGET)) {
            missing.add("具体措施（或重点任务）");
        }
        if (!columns.containsKey(Column.LEAD) && !columns.containsKey(Column.RESPONSIBLE)) {
            missing.add("牵头单位（或责任单位）");
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("file", "缺少列：" + String.join("、", missing) + "（表头在第"
                    + lines.get(headerAt).number() + "行）");
        }
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < headerAt; i++) {
            String text = String.join(" ", lines.get(i).cells().stream().filter(c -> c != null && !c.isBlank())
                    .map(String::strip).toList());
            if (!text.isBlank()) {
                title.append(title.isEmpty() ? "" : " ").append(text);
            }
        }
        boolean measureColumn = columns.containsKey(Column.MEASURE);
        int target = columns.getOrDefault(Column.TARGET, -1);
        int measure = measureColumn ? columns.get(Column.MEASURE) : target;
        List<Row> rows = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        String lastTarget = null;
        String lastMeasure = null;
        for (int i = headerAt + 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            String no = emptyToNull(line.cell(columns.getOrDefault(Column.NO, -1)));
            String targetTask = measureColumn ? emptyToNull(line.cell(target)) : null;
            String text = emptyToNull(line.cell(measure));
            String leadCell = line.cell(columns.getOrDefault(Column.LEAD, -1));
            String coCell = line.cell(columns.getOrDefault(Column.CO, -1));
            String responsible = line.cell(columns.getOrDefault(Column.RESPONSIBLE, -1));
            boolean hasOwnContent = no != null || !leadCell.isBlank() || !responsible.isBlank();
            // merged cells: blank below their first row
            if (targetTask == null && measureColumn) {
                targetTask = lastTarget;
            }
            if (text == null && hasOwnContent) {
                text = lastMeasure;
            }
            if (targetTask != null) {
                lastTarget = targetTask;
            }
            if (text != null) {
                lastMeasure = text;
            }
            if (text == null) {
                bad.add(new BadRow(line.number(), "没有具体措施"));
                continue;
            }
            List<String> lead = units(leadCell);
            List<String> co = units(coCell);
            if (lead.isEmpty() && !responsible.isBlank()) {
                List<String> all = units(responsible);
                lead = List.of(all.getFirst());
                List<String> rest = new ArrayList<>(all.subList(1, all.size()));
                rest.addAll(co);
                co = rest;
            }
            if (lead.isEmpty()) {
                bad.add(new BadRow(line.number(), "没有牵头单位"));
                continue;
            }
            if (no != null) {
                Integer seen = numbers.putIfAbsent(no, line.number());
                if (seen != null) {
                    bad.add(new BadRow(line.number(), "序号 " + no + " 与第" + seen + "行重复"));
                    continue;
                }
            }
            LocalDate deadline = null;
            String deadlineCell = line.cell(columns.getOrDefault(Column.DEADLINE, -1));
            if (!deadlineCell.isBlank()) {
                try {
                    deadline = deadline(deadlineCell);
                } catch (IllegalArgumentException e) {
                    bad.add(new BadRow(line.number(), "完成时限看不懂：" + deadlineCell));
                    continue;
                }
                if (deadline != null && deadline.isBefore(today)) {
                    bad.add(new BadRow(line.number(), "完成时限 " + deadline + " 已过"));
                    continue;
                }
            }
            rows.add(new Row(line.number(), no, targetTask, clip(text, 2000), lead, co, deadline));
        }
        return new Parsed(title.toString(), rows, bad, columns.containsKey(Column.DEADLINE));
    }

    /** Units in one cell, in order, each once. */
    static List<String> units(String cell) {
        List<String> out = new ArrayList<>();
        for (String u : UNIT_SEPARATORS.split(cell.strip())) {
            String name = u.strip();
            if (!name.isEmpty() && !out.contains(name)) {
                out.add(clip(name, 100));
            }
        }
        return out;
    }

    /**
     * A deadline as offices write it: 2026-06-30, 2026/6/30, 2026年6月30日, 2026年6月(底) (the month's last day), 2026年底
     * (31 December), an Excel date number; "长期"/"持续" or similar is no deadline (null).
     */
    static @Nullable LocalDate deadline(String cell) {
        String s = cell.strip();
        if (s.contains("长期") || s.contains("持续") || s.contains("常态")) {
            return null;
        }
        Matcher m = YEAR_MONTH_DAY.matcher(s);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        m = YEAR_MONTH.matcher(s);
        if (m.matches()) {
            return java.time.YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atEndOfMonth();
        }
        m = YEAR_END.matcher(s);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), 12, 31);
        }
        if (s.matches("\\d{5}(\\.0+)?")) {
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(s.replaceAll("\\..*", "")));
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static String normalise(@Nullable String header) {
        return header == null ? "" : header.strip().replace("\uFEFF", "").replaceAll("\\s+", " ").toLowerCase();
    }

    private static @Nullable String emptyToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
