package org.sanrong.stats;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.Spreadsheets;

/**
 * A plan file read and checked as a whole before anything is saved: CSV (UTF-8 with or without BOM, or GBK) or Excel,
 * header {@code category,indicator,unit,base_YYYY,target_YYYY,nature} or in Chinese
 * {@code 类别,指标,单位,YYYY年基期值,YYYY年目标值,属性}; the two years are the plan's base and target years. Every
 * problem is reported with its line: a missing column, an unknown unit, a number that is not one, base equal to
 * target, a nature other than 预期性/约束性, an indicator named twice.
 */
final class PlanFile {

    record Row(int line, String category, String name, String unit, BigDecimal base, BigDecimal target,
            String nature) {
    }

    record Parsed(int baseYear, int targetYear, List<Row> rows, List<String> problems) {
    }

    static final Set<String> NATURES = Set.of("预期性", "约束性");
    private static final Pattern BASE = Pattern.compile("(?:base_(\\d{4})|(\\d{4})年?基期值?)");
    private static final Pattern TARGET = Pattern.compile("(?:target_(\\d{4})|(\\d{4})年?目标值?)");
    private static final Map<String, String> COLUMNS = columns();

    private PlanFile() {
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("category", "类别（category）");
        m.put("indicator", "指标（indicator）");
        m.put("unit", "单位（unit）");
        m.put("base", "基期值（base_年份）");
        m.put("target", "目标值（target_年份）");
        m.put("nature", "属性（nature）");
        return m;
    }

    static Parsed read(String fileName, byte[] bytes, Set<String> units) {
        List<List<String>> lines = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? excel(bytes) : csv(bytes);
        List<String> problems = new ArrayList<>();
        lines = lines.stream().filter(l -> l.stream().anyMatch(c -> !c.isBlank())).toList();
        if (lines.isEmpty()) {
            return new Parsed(0, 0, List.of(), List.of("规划文件为空"));
        }
        List<String> header = lines.getFirst().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
        Map<String, Integer> at = new LinkedHashMap<>();
        int baseYear = 0;
        int targetYear = 0;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            String lower = h.toLowerCase(Locale.ROOT);
            Matcher b = BASE.matcher(lower);
            Matcher t = TARGET.matcher(lower);
            if (b.matches()) {
                at.put("base", i);
                baseYear = Integer.parseInt(b.group(1) != null ? b.group(1) : b.group(2));
            } else if (t.matches()) {
                at.put("target", i);
                targetYear = Integer.parseInt(t.group(1) != null ? t.group(1) : t.group(2));
            } else if (lower.equals("category") || h.equals("类别") || h.equals("指标类别")) {
                at.put("category", i);
            } else if (lower.equals("indicator") || h.equals("指标") || h.equals("指标名称")) {
                at.put("indicator", i);
            } else if (lower.equals("unit") || h.equals("单位")) {
                at.put("unit", i);
            } else if (lower.equals("nature") || h.equals("属性") || h.equals("指标属性")) {
                at.put("nature", i);
            }
        }
        List<String> missing = COLUMNS.entrySet().stream().filter(e -> !at.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (!missing.isEmpty()) {
            return new Parsed(0, 0, List.of(), List.of("表头缺少列：" + String.join("、", missing)
                    + "（应为 category,indicator,unit,base_年份,target_年份,nature 或 类别,指标,单位,年份基期值,年份目标值,属性）"));
        }
        if (targetYear <= baseYear) {
            problems.add("目标年份（" + targetYear + "）须晚于基期年份（" + baseYear + "）");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> c = lines.get(n);
            int line = n + 1;
            String category = cell(c, at.get("category"));
            String name = cell(c, at.get("indicator"));
            String unit = cell(c, at.get("unit"));
            String nature = cell(c, at.get("nature"));
            List<String> wrong = new ArrayList<>();
            if (category.isEmpty()) {
                wrong.add("缺少类别");
            } else if (category.length() > 60) {
                wrong.add("类别超过60字");
            }
            if (name.isEmpty()) {
                wrong.add("缺少指标名称");
            } else if (name.length() > 100) {
                wrong.add("指标名称超过100字");
            } else if (!names.add(name)) {
                wrong.add("指标“" + name + "”重复");
            }
            if (unit.isEmpty()) {
                wrong.add("缺少单位");
            } else if (!units.contains(unit)) {
                wrong.add("单位“" + unit + "”不在可用单位内（" + String.join("、", units) + "）");
            }
            BigDecimal base = number(cell(c, at.get("base")), "基期值", wrong);
            BigDecimal target = number(cell(c, at.get("target")), "目标值", wrong);
            if (base != null && target != null && base.compareTo(target) == 0) {
                wrong.add("目标值与基期值相同");
            }
            if ("%".equals(unit) && base != null && target != null && (out(base) || out(target))) {
                wrong.add("百分比须在0至100之间");
            }
            if (!NATURES.contains(nature)) {
                wrong.add("属性须为预期性或约束性" + (nature.isEmpty() ? "" : "（填的是“" + nature + "”）"));
            }
            if (wrong.isEmpty()) {
                rows.add(new Row(line, category, name, unit, base, target, nature));
            } else {
                problems.add("第" + line + "行：" + String.join("；", wrong));
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("规划文件没有指标行");
        }
        return new Parsed(baseYear, targetYear, rows, problems);
    }

    private static boolean out(BigDecimal v) {
        return v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0;
    }

    private static @Nullable BigDecimal number(String text, String what, List<String> wrong) {
        if (text.isEmpty()) {
            wrong.add("缺少" + what);
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(text.replace(",", ""));
            if (v.abs().compareTo(new BigDecimal("1e15")) >= 0) {
                wrong.add(what + "过大：" + text);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            wrong.add(what + "不是数字：" + text);
            return null;
        }
    }

    private static String cell(List<String> row, @Nullable Integer i) {
        return i == null || i >= row.size() ? "" : row.get(i).strip();
    }

    private static List<List<String>> excel(byte[] bytes) {
        List<List<String>> out = new ArrayList<>();
        Spreadsheets.read(new ByteArrayInputStream(bytes), row -> out.add(row.cells()));
        return out;
    }

    /** Lines of comma-separated cells; quoted cells may hold commas and doubled quotes. */
    static List<List<String>> csv(byte[] bytes) {
        String text = decode(bytes);
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            out.add(cells);
        }
        return out;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GBK"));
        }
    }
}
