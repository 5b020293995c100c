package org.sanrong.enterprise;

import java.math.BigDecimal;
import org.sanrong.platform.Fen;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.reference.UnifiedSocialCreditCode;

/**
 * Turns one row of cells (in {@link EnterpriseSheet} order) into a record, or into the reasons, in Chinese, why the
 * row cannot be taken. All problems of a row are reported at once. Amounts go from 万元 text to fen through
 * BigDecimal, never a double.
 */
final class ImportRowParser {

    /** Above this an amount in 万元 is taken for a typing error (1万亿元). */
    static final int MAX_COUNT = 1_000_000;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,20}");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

    sealed interface Result {
    }

    record Accepted(EnterpriseRecord record) implements Result {
    }

    record Rejected(String reason) implements Result {
    }

    private final ReferenceCodes reference;
    private final LocalDate today;

    ImportRowParser(ReferenceCodes reference, LocalDate today) {
        this.reference = reference;
        this.today = today;
    }

    Result parse(String[] cells) {
        Row row = new Row(cells);
        String code = row.text(EnterpriseSheet.CREDIT_CODE);
        if (code == null) {
            row.error("统一社会信用代码为空");
        } else {
            code = UnifiedSocialCreditCode.normalise(code);
            UnifiedSocialCreditCode.check(code).ifPresent(v -> row.error(v.message()));
        }
        String name = row.text(EnterpriseSheet.NAME);
        if (name == null) {
            row.error("企业名称为空");
        } else {
            row.maxLength("企业名称", name, 100);
        }
        String legalForm = row.text(EnterpriseSheet.LEGAL_FORM);
        row.maxLength("企业类型", legalForm, 30);
        LocalDate registeredOn = row.date(EnterpriseSheet.REGISTERED_ON);
        Long capital = row.fen(EnterpriseSheet.REGISTERED_CAPITAL);
        String town = row.text(EnterpriseSheet.TOWN);
        if (town != null && !reference.townExists(town)) {
            row.error("所属镇街代码“" + town + "”不存在");
        }
        String address = row.text(EnterpriseSheet.ADDRESS);
        row.maxLength("地址", address, 200);
        String industry = row.text(EnterpriseSheet.INDUSTRY);
        if (industry != null) {
            industry = industry.toUpperCase(java.util.Locale.ROOT);
            if (!reference.industryExists(industry)) {
                row.error("行业代码“" + industry + "”不是国民经济行业分类（GB/T 4754-2017）中的代码");
            }
        }
        Integer headcount = row.count(EnterpriseSheet.HEADCOUNT);
        Integer year = row.count(EnterpriseSheet.YEAR);
        if (year != null && (year < 1949 || year > today.getYear())) {
            row.error("年度" + year + "不在1949至" + today.getYear() + "之间");
        }
        Long revenue = row.fen(EnterpriseSheet.REVENUE);
        Long rdExpense = row.fen(EnterpriseSheet.RD_EXPENSE);
        Integer rdStaff = row.count(EnterpriseSheet.RD_STAFF);
        if (year == null && (revenue != null || rdExpense != null || rdStaff != null)) {
            row.error("填写了营业收入、研发投入或研发人员，但缺少年度");
        }
        if (rdStaff != null && headcount != null && rdStaff > headcount) {
            row.error("研发人员（" + rdStaff + "）多于从业人数（" + headcount + "）");
        }
        int invention = orZero(row.count(EnterpriseSheet.INVENTION_PATENTS));
        int utility = orZero(row.count(EnterpriseSheet.UTILITY_PATENTS));
        int design = orZero(row.count(EnterpriseSheet.DESIGN_PATENTS));
        int software = orZero(row.count(EnterpriseSheet.SOFTWARE_COPYRIGHTS));
        int trademarks = orZero(row.count(EnterpriseSheet.TRADEMARKS));
        String contact = row.text(EnterpriseSheet.CONTACT_NAME);
        row.maxLength("联系人", contact, 50);
        String phone = row.text(EnterpriseSheet.CONTACT_PHONE);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            row.error("联系电话“" + phone + "”格式不正确");
        }
        if (!row.errors.isEmpty()) {
            return new Rejected(String.join("；", row.errors));
        }
        return new Accepted(new EnterpriseRecord(code, name, legalForm, registeredOn, capital, town, address,
                industry, headcount, year, revenue, rdExpense, rdStaff, invention, utility, design, software,
                trademarks, false, contact, phone, List.of()));
    }

    private static int orZero(@Nullable Integer v) {
        return v == null ? 0 : v;
    }

    private final class Row {
        final String[] cells;
        final List<String> errors = new ArrayList<>(2);

        Row(String[] cells) {
            this.cells = cells;
        }

        void error(String message) {
            errors.add(message);
        }

        @Nullable String text(EnterpriseSheet column) {
            int i = column.ordinal();
            String v = i < cells.length ? cells[i] : null;
            if (v == null) {
                return null;
            }
            v = v.strip();
            return v.isEmpty() ? null : v;
        }

        void maxLength(String label, @Nullable String value, int max) {
            if (value != null && value.length() > max) {
                error(label + "超过" + max + "个字");
            }
        }

        @Nullable LocalDate date(EnterpriseSheet column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            String s = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) : v;
            if (s.matches("[1-9][0-9]{4}(\\.0+)?")) {
                // an Excel serial day number, from a date cell read without its format
                LocalDate d = EXCEL_EPOCH.plusDays(Long.parseLong(s.replaceAll("\\..*", "")));
                if (d.isAfter(today)) {
                    error(column.header() + "“" + d + "”晚于今天");
                }
                return d;
            }
            for (DateTimeFormatter f : DATES) {
                try {
                    LocalDate d = LocalDate.parse(s, f);
                    if (d.isAfter(today)) {
                        error(column.header() + "“" + v + "”晚于今天");
                    } else if (d.getYear() < 1900) {
                        error(column.header() + "“" + v + "”早于1900年");
                    }
                    return d;
                } catch (DateTimeParseException e) {
                    // try the next format
                }
            }
            error(column.header() + "“" + v + "”不是日期（应为 2020-01-31 这样的格式）");
            return null;
        }

        @Nullable Long fen(EnterpriseSheet column) {
            try {
                return Fen.fromWan(text(column), column.header());
            } catch (IllegalArgumentException e) {
                error(e.getMessage());
                return null;
            }
        }

        @Nullable Integer count(EnterpriseSheet column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            BigDecimal n;
            try {
                n = new BigDecimal(v.replace(",", ""));
            } catch (NumberFormatException e) {
                error(column.header() + "“" + v + "”不是整数");
                return null;
            }
            if (n.stripTrailingZeros().scale() > 0) {
                error(column.header() + "“" + v + "”不是整数");
                return null;
            }
            if (n.signum() < 0) {
                error(column.header() + "不能为负数");
                return null;
            }
            if (n.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0 && column != EnterpriseSheet.YEAR) {
                error(column.header() + "“" + v + "”过大，请核对");
                return null;
            }
            if (n.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
                error(column.header() + "“" + v + "”不是有效年度");
                return null;
            }
            return n.intValueExact();
        }
    }
}
