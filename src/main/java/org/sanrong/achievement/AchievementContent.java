package org.sanrong.achievement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an owner writes about an achievement, as the form and the API give it. {@link #problems} lists every mistake
 * by field (the API's field names), so a form shows them all at once.
 *
 * @param industryCode a GB/T 4754-2017 code of any level (C, C39, C391, C3911) from the reference data
 * @param trl technology readiness level 1 to 9 ({@link ReadinessLevel})
 * @param patentNumber required for a {@link AchievementKind#PATENT}, optional otherwise; checked by
 *     {@link PatentNumber}'s rules
 * @param ownerType for an achievement recorded by government or the operator: {@link OwnerType#UNIVERSITY} or
 *     {@link OwnerType#RESEARCH_INSTITUTE}; ignored when an enterprise records its own
 * @param ownerName the university's or institute's name, likewise
 */
public record AchievementContent(@Nullable AchievementKind kind, @Nullable String title, @Nullable String description,
        @Nullable String industryCode, @Nullable Integer trl, Set<Intent> intents, @Nullable String patentNumber,
        @Nullable String contactName, @Nullable String contactPhone, @Nullable OwnerType ownerType,
        @Nullable String ownerName) {

    public static final int MAX_TITLE = 100;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_OWNER_NAME = 100;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{7,20}");

    public AchievementContent {
        title = blankToNull(title);
        description = blankToNull(description);
        industryCode = industryCode == null || industryCode.isBlank() ? null
                : industryCode.strip().toUpperCase(java.util.Locale.ROOT);
        intents = sorted(intents);
        patentNumber = blankToNull(patentNumber);
        contactName = blankToNull(contactName);
        contactPhone = blankToNull(contactPhone);
        ownerName = blankToNull(ownerName);
    }

    /**
     * Every problem, by field; empty when the content may be saved.
     *
     * @param external whether the owner is a named university or institute (then its type and name are required)
     * @param industryExists whether a code is in the reference data
     */
    public Map<String, String> problems(boolean external, Predicate<String> industryExists, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "请选择成果类型");
        }
        text(errors, "title", title, MAX_TITLE, "成果名称");
        text(errors, "description", description, MAX_DESCRIPTION, "成果简介");
        if (industryCode == null) {
            errors.put("industryCode", "请填写所属行业（国民经济行业分类代码，如 C3911）");
        } else if (!industryExists.test(industryCode)) {
            errors.put("industryCode", "行业代码 " + industryCode + " 不在国民经济行业分类（GB/T 4754-2017）中");
        }
        if (trl == null) {
            errors.put("trl", "请选择技术成熟度（1至9级）");
        } else if (!ReadinessLevel.valid(trl)) {
            errors.put("trl", "技术成熟度应为1至9级");
        }
        if (intents.isEmpty()) {
            errors.put("intents", "请至少选择一种合作意向");
        }
        if (patentNumber == null) {
            if (kind == AchievementKind.PATENT) {
                errors.put("patentNumber", "专利成果须填写专利号或申请号");
            }
        } else {
            var violation = PatentNumber.check(patentNumber);
            if (violation.isPresent()) {
                errors.put("patentNumber", violation.get().message());
            } else {
                PatentNumber.parse(patentNumber).checkYear(today.getYear())
                        .ifPresent(v -> errors.put("patentNumber", v.message()));
            }
        }
        text(errors, "contactName", contactName, 50, "联系人");
        if (contactPhone == null) {
            errors.put("contactPhone", "请填写联系电话");
        } else if (!PHONE.matcher(contactPhone).matches()) {
            errors.put("contactPhone", "联系电话应为7至20位数字，可含 - + 括号和空格，如 0769-22000000");
        }
        if (external) {
            if (ownerType == null || ownerType == OwnerType.ENTERPRISE) {
                errors.put("ownerType", "请选择成果所有者类型（高校或科研院所）；企业的成果由企业自行登记");
            }
            text(errors, "ownerName", ownerName, MAX_OWNER_NAME, "成果所有者名称");
        }
        return errors;
    }

    /** The patent number as a value, once {@link #problems} found none. */
    @Nullable PatentNumber patent() {
        return patentNumber == null ? null : PatentNumber.parse(patentNumber);
    }

    private static void text(Map<String, String> errors, String field, @Nullable String value, int max,
            String label) {
        if (value == null) {
            errors.put(field, "请填写" + label);
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.put(field, label + "不能超过" + max + "个字");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Set<Intent> sorted(@Nullable Collection<Intent> values) {
        EnumSet<Intent> set = EnumSet.noneOf(Intent.class);
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }
}
