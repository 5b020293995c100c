package org.sanrong.datahub;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.reference.UnifiedSocialCreditCode;

/**
 * One row of a source's file (cells by column key) into a {@link HubItem}, or the reasons, in Chinese, why not; all
 * of a row's problems at once. Money goes from yuan text to fen through BigDecimal. Whether the enterprise exists
 * and whether the row repeats another is decided by the caller, which sees the whole batch.
 */
final class HubRowParser {

    sealed interface Result {
    }

    record Accepted(HubItem item) implements Result {
    }

    record Rejected(String reason) implements Result {
    }

    /** Above this a count (people, tonnes, kWh) or an amount in yuan is taken for a typing error. */
    static final long MAX_VALUE = 100_000_000_000L;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/.年]\\s*)?(\\d{1,2})\\s*月?");
    private static final Pattern DAY_OF_MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*(?:-|年)?\\s*(?:Q|q|第)\\s*([1-4])\\s*(?:季度)?");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

    private final HubSource source;
    private final LocalDate today;

    HubRowParser(HubSource source, LocalDate today) {
        this.source = source;
        this.today = today;
    }

    Result parse(Map<String, String> cells) {
        Row row = new Row(cells);
        String code = row.text("code");
        if (code == null) {
            row.error("统一社会信用代码为空");
        } else {
            code = UnifiedSocialCreditCode.normalise(code);
            UnifiedSocialCreditCode.check(code).ifPresent(v -> row.error(v.message()));
        }
        HubItem item = source.periodic() ? series(row, code) : record(row, code);
        return row.errors.isEmpty() && item != null ? new Accepted(item)
                : new Rejected(String.join("；", row.errors));
    }

    private @Nullable SeriesPoint series(Row row, @Nullable String code) {
        YearMonth period = null;
        int months = 1;
        String text = row.text("period");
        if (text == null) {
            row.error("所属期为空");
        } else {
            Matcher q = QUARTER.matcher(text);
            Matcher m = MONTH.matcher(text);
            Matcher d = DAY_OF_MONTH.matcher(text);
            if (q.matches()) {
                if (source != HubSource.TAX) {
                    row.error(source.label() + "数据按月报送，所属期“" + text + "”是季度");
                } else {
                    period = YearMonth.of(Integer.parseInt(q.group(1)), 3 * Integer.parseInt(q.group(2)) - 2);
                    months = 3;
                }
            } else if (m.matches() || d.matches()) {
                Matcher hit = m.matches() ? m : d;
                int month = Integer.parseInt(hit.group(2));
                if (month < 1 || month > 12) {
                    row.error("所属期“" + text + "”的月份不存在");
                } else {
                    period = YearMonth.of(Integer.parseInt(hit.group(1)), month);
                }
            } else {
                row.error("所属期“" + text + "”无法识别，应为 2025-03" + (source == HubSource.TAX ? " 或 2025Q1" : ""));
            }
            if (period != null && period.plusMonths(months - 1L).isAfter(YearMonth.from(today))) {
                row.error("所属期“" + text + "”尚未结束");
                period = null;
            } else if (period != null && period.getYear() < 1990) {
                row.error("所属期“" + text + "”早于1990年");
                period = null;
            }
        }
        SeriesPoint point = null;
        switch (source) {
            case TAX -> {
                Long paid = row.fen("taxPaid", "实缴税额");
                String grade = row.text("taxGrade");
                if (grade != null) {
                    grade = grade.toUpperCase(Locale.ROOT);
                    if (grade.length() != 1 || "ABMCD".indexOf(grade.charAt(0)) < 0) {
                        row.error("纳税信用等级“" + grade + "”应为 A、B、M、C、D 之一");
                    }
                }
                row.atLeastOne(paid, grade);
                if (code != null && period != null) {
                    point = SeriesPoint.tax(code, period, months, paid, grade);
                }
            }
            case SOCIAL_INSURANCE -> {
                Long social = row.count("socialHeadcount", "社保参保人数");
                Long fund = row.count("fundHeadcount", "公积金缴存人数");
                row.atLeastOne(social, fund);
                if (code != null && period != null) {
                    point = SeriesPoint.social(code, period, social == null ? null : social.intValue(),
                            fund == null ? null : fund.intValue());
                }
            }
            case UTILITIES -> {
                Long water = row.count("water", "用水量");
                Long power = row.count("power", "用电量");
                Long gas = row.count("gas", "用气量");
                row.atLeastOne(water, power, gas);
                if (code != null && period != null) {
                    point = SeriesPoint.utilities(code, period, water, power, gas);
                }
            }
            case CUSTOMS -> {
                Long imports = row.fen("imports", "进口额");
                Long exports = row.fen("exports", "出口额");
                row.atLeastOne(imports, exports);
                if (code != null && period != null) {
                    point = SeriesPoint.customs(code, period, imports, exports);
                }
            }
            default -> throw new IllegalStateException(source + " is not periodic");
        }
        return row.errors.isEmpty() ? point : null;
    }

    private @Nullable HubRecord record(Row row, @Nullable String code) {
        String reference = row.text("reference");
        if (reference == null) {
            row.error(header("reference") + "为空");
        } else if (reference.length() > 100) {
            row.error(header("reference") + "超过100个字");
        }
        LocalDate date = row.date("date", header("date"));
        if (date != null && date.isAfter(today)) {
            row.error(header("date") + "“" + date + "”晚于今天");
        }
        String kind = row.code("kind", header("kind"), HubRecord.kinds(source));
        String role = null;
        Long amount = null;
        String status = null;
        switch (source) {
            case JUDGEMENTS -> {
                role = row.code("role", header("role"), HubRecord.ROLES);
                amount = row.fen("amount", "涉案金额");
            }
            case PENALTIES -> amount = row.fen("amount", "罚款金额");
            case IP -> {
                status = row.text("status") == null ? "VALID" : row.code("status", "法律状态", HubRecord.IP_STATUSES);
            }
            default -> throw new IllegalStateException(source + " is periodic");
        }
        String authority = row.text("authority");
        if (authority != null && authority.length() > 100) {
            row.error(header("authority") + "超过100个字");
        }
        String title = row.text("title");
        if (title != null && title.length() > 300) {
            title = title.substring(0, 300);
        }
        if (!row.errors.isEmpty() || code == null || reference == null || date == null || kind == null) {
            return null;
        }
        return new HubRecord(code, source, reference, date, kind, role, amount, authority, title, status);
    }

    private String header(String key) {
        return source.columns().stream().filter(c -> c.key().equals(key)).findFirst().map(HubColumn::header)
                .orElse(key);
    }

    /** A row's cells with its problems gathered as they are found. */
    private static final class Row {
        final Map<String, String> cells;
        final List<String> errors = new ArrayList<>();

        Row(Map<String, String> cells) {
            this.cells = cells;
        }

        void error(String message) {
            errors.add(message);
        }

        @Nullable String text(String key) {
            String v = cells.get(key);
            if (v == null) {
                return null;
            }
            v = v.strip();
            return v.isEmpty() ? null : v;
        }

        /** An amount in yuan with at most two decimals, as fen. */
        @Nullable Long fen(String key, String label) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            try {
                BigDecimal yuan = new BigDecimal(v.replace(",", "").replace("，", ""));
                if (yuan.signum() < 0) {
                    error(label + "不能为负数：" + v);
                    return null;
                }
                if (yuan.stripTrailingZeros().scale() > 2) {
                    error(label + "最多两位小数（元）：" + v);
                    return null;
                }
                if (yuan.compareTo(BigDecimal.valueOf(MAX_VALUE)) > 0) {
                    error(label + "过大，请核对单位（元）：" + v);
                    return null;
                }
                return org.sanrong.platform.Fen.ofYuan(yuan);
            } catch (NumberFormatException | ArithmeticException e) {
                error(label + "不是数字：" + v);
                return null;
            }
        }

        /** A whole number of people, tonnes, kWh or cubic metres. */
        @Nullable Long count(String key, String label) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            try {
                BigDecimal n = new BigDecimal(v.replace(",", ""));
                if (n.signum() < 0) {
                    error(label + "不能为负数：" + v);
                    return null;
                }
                if (n.compareTo(BigDecimal.valueOf(MAX_VALUE)) > 0) {
                    error(label + "过大，请核对单位：" + v);
                    return null;
                }
                return n.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                error(label + "不是数字：" + v);
                return null;
            }
        }

        @Nullable LocalDate date(String key, String label) {
            String v = text(key);
            if (v == null) {
                error(label + "为空");
                return null;
            }
            if (v.matches("\\d{5}(\\.0+)?")) { // an Excel date cell read as its serial number
                return EXCEL_EPOCH.plusDays(Long.parseLong(v.replaceAll("\\..*", "")));
            }
            for (DateTimeFormatter f : DATES) {
                try {
                    return LocalDate.parse(v, f);
                } catch (DateTimeParseException e) {
                    // try the next form
                }
            }
            error(label + "“" + v + "”不是日期，应为 2025-06-18");
            return null;
        }

        /** A value from a fixed list, given as its code or its Chinese name. */
        @Nullable String code(String key, String label, Map<String, String> allowed) {
            String v = text(key);
            if (v == null) {
                error(label + "为空");
                return null;
            }
            String upper = v.toUpperCase(Locale.ROOT);
            if (allowed.containsKey(upper)) {
                return upper;
            }
            for (var e : allowed.entrySet()) {
                if (e.getValue().equals(v)) {
                    return e.getKey();
                }
            }
            error(label + "“" + v + "”应为 " + String.join("、", allowed.values()) + " 之一");
            return null;
        }

        void atLeastOne(Object... values) {
            for (Object v : values) {
                if (v != null) {
                    return;
                }
            }
            if (errors.isEmpty()) {
                error("该行没有任何数据");
            }
        }
    }
}
