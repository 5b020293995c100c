package org.sanrong.enterprise;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.Fen;
import org.sanrong.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * The checks a profile and its figures pass before they are saved, whoever sends them (a page, the API, an
 * import). Messages are Chinese and keyed by field.
 */
@Component
public class EnterpriseRules {

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,100}\\.[^@\\s]{2,}");
    static final int MAX_COUNT = 1_000_000;
    private static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

    private final ReferenceData reference;

    EnterpriseRules(ReferenceData reference) {
        this.reference = reference;
    }

    public Map<String, String> problemsOf(Profile p, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (p.name() == null || p.name().isBlank()) {
            errors.put("name", "请填写企业名称");
        } else if (p.name().strip().length() > 100) {
            errors.put("name", "企业名称不能超过100个字");
        }
        length(errors, "legalForm", p.legalForm(), 30, "企业类型");
        length(errors, "address", p.address(), 200, "地址");
        length(errors, "contactName", p.contactName(), 50, "联系人");
        if (p.registeredOn() != null) {
            if (p.registeredOn().isAfter(today)) {
                errors.put("registeredOn", "成立日期不能晚于今天");
            } else if (p.registeredOn().isBefore(EARLIEST)) {
                errors.put("registeredOn", "成立日期不早于1949年10月1日");
            }
        }
        money(errors, "registeredCapital", p.registeredCapitalFen(), "注册资本");
        if (p.townCode() != null && reference.town(p.townCode()).isEmpty()) {
            errors.put("townCode", "未知的镇街代码：" + p.townCode());
        }
        if (p.industryCode() != null && reference.industry(p.industryCode()).isEmpty()) {
            errors.put("industryCode", "未知的国民经济行业代码：" + p.industryCode() + "（应如 C3911）");
        }
        count(errors, "headcount", p.headcount(), "从业人数");
        count(errors, "inventionPatents", p.inventionPatents(), "发明专利数");
        count(errors, "utilityPatents", p.utilityPatents(), "实用新型专利数");
        count(errors, "designPatents", p.designPatents(), "外观设计专利数");
        count(errors, "softwareCopyrights", p.softwareCopyrights(), "软件著作权数");
        count(errors, "trademarks", p.trademarks(), "商标数");
        if (p.contactMobile() != null && !p.contactMobile().isBlank()
                && !MOBILE.matcher(p.contactMobile().strip()).matches()) {
            errors.put("contactMobile", "请填写11位手机号码");
        }
        if (p.contactEmail() != null && !p.contactEmail().isBlank()
                && !EMAIL.matcher(p.contactEmail().strip()).matches()) {
            errors.put("contactEmail", "邮箱格式不正确");
        }
        for (String tag : p.emergingIndustries()) {
            if (reference.emergingIndustries().stream().noneMatch(e -> e.code().equals(tag))) {
                errors.put("emergingIndustries", "未知的战略性新兴产业：" + tag);
            }
        }
        return errors;
    }

    public Map<String, String> problemsOf(YearlyFigures f, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (f.year() < 1949 || f.year() > today.getYear()) {
            errors.put("year", "年度应在1949年至" + today.getYear() + "年之间");
        }
        money(errors, "revenue", f.revenueFen(), "营业收入");
        money(errors, "rdExpense", f.rdExpenseFen(), "研发投入");
        count(errors, "rdStaff", f.rdStaff(), "研发人员数");
        return errors;
    }

    private static void length(Map<String, String> errors, String field, @Nullable String value, int max,
            String label) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, label + "不能超过" + max + "个字");
        }
    }

    private static void money(Map<String, String> errors, String field, @Nullable Long fen, String label) {
        if (fen != null && (fen < 0 || fen > Fen.MAX)) {
            errors.put(field, label + (fen < 0 ? "不能为负数" : "过大，请核对单位（万元）"));
        }
    }

    private static void count(Map<String, String> errors, String field, @Nullable Integer n, String label) {
        if (n != null && (n < 0 || n > MAX_COUNT)) {
            errors.put(field, label + (n < 0 ? "不能为负数" : "超出合理范围"));
        }
    }
}
