package org.sanrong.riskshare;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.catalog.ProductType;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.Spreadsheets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Filing loans made outside the platform from an Excel sheet (the template from {@link #template()}). Each row is
 * filed exactly as by the form ({@link RiskCompensation#fileManually}), in its own transaction: the good rows are
 * kept, and every bad row is reported with its line and every rule it failed (a cell that is not a date or an amount,
 * an enterprise not in the registry, a scheme not in force, an ineligible loan, a loan number already filed or twice in
 * the sheet). Nothing of a bad row is kept. A file that is not the template (a column missing or unknown, not an
 * .xlsx, more than {@value #MAX_ROWS} rows) is refused whole before any row is filed. Each refused row is audited
 * (FAILURE, {@code FILE_LOAN_MANUALLY}) and the import as a whole ({@code IMPORT_FILINGS}).
 */
@Service
public class FilingImport {

    public static final int MAX_ROWS = 2_000;

    /** The template's columns, in order. */
    public static final List<String> COLUMNS = List.of("方案代码", "借据号", "企业统一社会信用代码", "贷款品种",
            "贷款金额（元）", "放款日", "到期日", "期限（月）", "年利率（%）", "担保方式", "银行声明");

    private final RiskCompensation compensation;
    private final AuditTrail audit;

    FilingImport(RiskCompensation compensation, AuditTrail audit) {
        this.compensation = compensation;
        this.audit = audit;
    }

    /** One row refused: its line in the sheet (the header is line 1), its loan number, and every rule it failed. */
    public record Rejected(int line, String loanNumber, List<String> rules) {
    }

    /** One row filed. */
    public record Filed(int line, String loanNumber, String schemeCode, java.util.UUID filingId) {
    }

    public record Report(int rows, List<Filed> filed, List<Rejected> rejected) {
    }

    /** The template: the header row and one example row, with the codes allowed in the notes sheet. */
    public byte[] template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<List<Object>> example = List.of(List.of("GZ-2025-BANK", "JJ2026000001", "91440106MA5XXXXXX0",
                "CREDIT_LOAN", "3000000.00", "2026-03-01", "2027-03-01", 12, "3.80", "信用", "MONETARY_TOOL"));
        List<List<Object>> notes = new ArrayList<>();
        notes.add(List.of("贷款品种", "填写代码或名称：" + String.join("、", java.util.Arrays.stream(ProductType.values())
                .map(p -> p.name() + " " + p.label()).toList())));
        notes.add(List.of("银行声明", "可留空；多项用逗号分隔：" + String.join("、", Eligibility.DECLARABLE.stream()
                .map(f -> f.name() + " " + f.label()).toList())));
        notes.add(List.of("日期", "yyyy-MM-dd，如 2026-03-01"));
        notes.add(List.of("金额", "元，最多两位小数"));
        notes.add(List.of("处理规则", "逐行备案：合格的行保留，不合格的行逐条列出未通过的规则，不保存；同一借据号不能重复备案"));
        Spreadsheets.write(out, List.of(new Spreadsheets.Sheet("备案导入", COLUMNS, example),
                new Spreadsheets.Sheet("填写说明", List.of("项目", "说明"), notes)));
        return out.toByteArray();
    }

    public Report importSheet(@Nullable String fileName, byte @Nullable [] bytes, SignedInUser user) {
        if (!user.hasRole(Role.INSTITUTION)) {
            throw new AccessDeniedException("只有金融机构可以备案贷款");
        }
        List<Spreadsheets.Row> rows = read(fileName, bytes, user);
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.getFirst().cells();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isBlank()) {
                column.put(header.get(i).strip(), i);
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !column.containsKey(c)).toList();
        List<String> unknown = column.keySet().stream().filter(c -> !COLUMNS.contains(c)).sorted().toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            String why = (missing.isEmpty() ? "" : "缺少列：" + String.join("、", missing))
                    + (unknown.isEmpty() ? "" : (missing.isEmpty() ? "" : "；") + "多出列：" + String.join("、", unknown))
                    + "。请使用备案导入模板";
            refuse(user, why);
        }
        List<Filed> filed = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = 0;
        for (Spreadsheets.Row row : rows.subList(1, rows.size())) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            count++;
            Map<String, String> cell = new LinkedHashMap<>();
            COLUMNS.forEach(c -> cell.put(c, row.cell(column.get(c)).strip()));
            String loanNumber = cell.get("借据号");
            List<String> rules = new ArrayList<>();
            String scheme = cell.get("方案代码").toUpperCase(Locale.ROOT);
            if (scheme.isEmpty()) {
                rules.add("方案代码：请填写，如 GZ-2025-BANK");
            }
            String key = scheme + "|" + loanNumber;
            if (!loanNumber.isEmpty() && !seen.add(key)) {
                rules.add("借据号：" + loanNumber + " 在本表中重复出现（方案 " + scheme + "），只备案第一次出现的行");
            }
            Long amount = amount(cell.get("贷款金额（元）"), rules);
            LocalDate disbursed = date("放款日", cell.get("放款日"), rules);
            LocalDate maturity = date("到期日", cell.get("到期日"), rules);
            Integer term = integer(cell.get("期限（月）"), rules);
            BigDecimal rate = rate(cell.get("年利率（%）"), rules);
            String product = product(cell.get("贷款品种"), rules);
            Set<LoanFeature> features = features(cell.get("银行声明"), rules);
            if (!rules.isEmpty()) {
                rejected.add(new Rejected(row.line(), loanNumber, rules));
                auditRow(user, loanNumber, row.line(), rules);
                continue;
            }
            try {
                FilingView v = compensation.fileManually(scheme, new RiskCompensation.ManualLoan(loanNumber,
                        cell.get("企业统一社会信用代码").toUpperCase(Locale.ROOT), product, amount, disbursed, maturity,
                        term, rate, cell.get("担保方式").isEmpty() ? null : cell.get("担保方式")), features, user);
                filed.add(new Filed(row.line(), loanNumber, v.schemeCode(), v.id()));
            } catch (InvalidRequestException e) {
                // fileManually has audited the refusal and kept nothing
                List<String> why = e.fieldErrors().isEmpty() ? List.of(String.valueOf(e.getMessage()))
                        : e.fieldErrors().entrySet().stream().map(x -> label(x.getKey()) + "：" + x.getValue()).toList();
                rejected.add(new Rejected(row.line(), loanNumber, why));
            }
        }
        audit.record(user.username(), user.organisationId(), "IMPORT_FILINGS", "filings:import",
                rejected.isEmpty() ? Outcome.SUCCESS : Outcome.FAILURE, (fileName == null ? "" : fileName) + "：共 "
                        + count + " 行，备案 " + filed.size() + " 行，退回 " + rejected.size() + " 行");
        return new Report(count, List.copyOf(filed), List.copyOf(rejected));
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private List<Spreadsheets.Row> read(@Nullable String fileName, byte @Nullable [] bytes, SignedInUser user) {
        if (bytes == null || bytes.length == 0) {
            refuse(user, "请选择要导入的 Excel 文件（.xlsx，可先下载模板）");
        }
        // an .xlsx is a zip: PK\3\4
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            refuse(user, "文件须为 Excel（.xlsx）格式（按文件内容判断）" + (fileName == null ? "" : "：" + fileName));
        }
        List<Spreadsheets.Row> rows = new ArrayList<>();
        try {
            Spreadsheets.read(new ByteArrayInputStream(bytes), r -> {
                if (rows.size() > MAX_ROWS + 1) {
                    throw new TooManyRows();
                }
                rows.add(r);
            });
        } catch (TooManyRows e) {
            refuse(user, "一次最多导入 " + MAX_ROWS + " 行，请分批导入");
        } catch (RuntimeException e) {
            refuse(user, "无法读取该 Excel 文件，请使用备案导入模板");
        }
        if (rows.isEmpty()) {
            refuse(user, "文件是空的，请使用备案导入模板");
        }
        return rows;
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private void refuse(SignedInUser user, String why) {
        audit.recordIndependently(user.username(), user.organisationId(), "IMPORT_FILINGS", "filings:import",
                Outcome.FAILURE, why);
        throw new InvalidRequestException("file", why);
    }

    private void auditRow(SignedInUser user, String loanNumber, int line, List<String> rules) {
        audit.recordIndependently(user.username(), user.organisationId(), "FILE_LOAN_MANUALLY", "loan:" + loanNumber,
                Outcome.FAILURE, "导入第 " + line + " 行：" + String.join("；", rules));
    }

    // ---- cells ------------------------------------------------------------------------------------------------

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"));

    static @Nullable LocalDate date(String name, String v, List<String> rules) {
        if (v.isEmpty()) {
            rules.add(name + "：请填写日期（yyyy-MM-dd）");
            return null;
        }
        String s = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) : v;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // try the next way of writing it
            }
        }
        rules.add(name + "：“" + v + "”不是日期，请写成 yyyy-MM-dd");
        return null;
    }

    static @Nullable Long amount(String v, List<String> rules) {
        if (v.isEmpty()) {
            rules.add("贷款金额（元）：请填写");
            return null;
        }
        try {
            BigDecimal yuan = new BigDecimal(v.replace(",", ""));
            if (yuan.signum() <= 0) {
                rules.add("贷款金额（元）：须大于零");
                return null;
            }
            if (yuan.stripTrailingZeros().scale() > 2) {
                rules.add("贷款金额（元）：最多两位小数（精确到分）");
                return null;
            }
            if (yuan.compareTo(new BigDecimal("1000000000000")) > 0) {
                rules.add("贷款金额（元）：超过1万亿元，请核对单位（元）");
                return null;
            }
            return Yuan.toFen(yuan);
        } catch (NumberFormatException | ArithmeticException e) {
            rules.add("贷款金额（元）：“" + v + "”不是金额");
            return null;
        }
    }

    static @Nullable Integer integer(String v, List<String> rules) {
        try {
            BigDecimal d = new BigDecimal(v);
            return d.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            rules.add("期限（月）：“" + v + "”不是整数");
            return null;
        }
    }

    static @Nullable BigDecimal rate(String v, List<String> rules) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            BigDecimal r = new BigDecimal(v.replace("%", ""));
            if (r.signum() < 0 || r.compareTo(BigDecimal.valueOf(36)) > 0) {
                rules.add("年利率（%）：须在0至36之间");
                return null;
            }
            return r;
        } catch (NumberFormatException e) {
            rules.add("年利率（%）：“" + v + "”不是数");
            return null;
        }
    }

    static @Nullable String product(String v, List<String> rules) {
        for (ProductType p : ProductType.values()) {
            if (p.name().equalsIgnoreCase(v) || p.label().equals(v)) {
                return p.name();
            }
        }
        rules.add("贷款品种：“" + v + "”不是平台的贷款品种（见模板说明）");
        return null;
    }

    static Set<LoanFeature> features(String v, List<String> rules) {
        Set<LoanFeature> out = EnumSet.noneOf(LoanFeature.class);
        for (String part : v.split("[,，、;；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            LoanFeature match = null;
            for (LoanFeature f : Eligibility.DECLARABLE) {
                if (f.name().equalsIgnoreCase(part) || f.label().equals(part)) {
                    match = f;
                }
            }
            if (match == null) {
                rules.add("银行声明：“" + part + "”不是银行可声明的事项（见模板说明）");
            } else {
                out.add(match);
            }
        }
        return out;
    }

    private static String label(String field) {
        return switch (field) {
            case "scheme" -> "方案代码";
            case "loanNumber" -> "借据号";
            case "enterpriseCreditCode" -> "企业统一社会信用代码";
            case "productType" -> "贷款品种";
            case "amount" -> "贷款金额（元）";
            case "disbursedOn" -> "放款日";
            case "maturityOn" -> "到期日";
            case "termMonths" -> "期限（月）";
            case "loan" -> "备案条件";
            case "features" -> "银行声明";
            default -> field;
        };
    }
}
