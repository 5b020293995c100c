package org.sanrong.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an institution writes about a product, and what each published version keeps in full. A draft may be
 * incomplete ({@link #draftProblems}); publishing needs everything its kind requires ({@link #publishProblems}).
 */
public record ProductContent(@Nullable ProductType type, @Nullable String name, @Nullable String description,
        Terms terms, EligibilityCriteria criteria, @Nullable String collateralNeeds, @Nullable String materials,
        @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable String contactName,
        @Nullable String contactPhone) {

    public ProductContent {
        terms = terms == null ? Terms.NONE : terms;
        criteria = criteria == null ? EligibilityCriteria.NONE : criteria;
        name = trim(name);
        description = trim(description);
        collateralNeeds = trim(collateralNeeds);
        materials = trim(materials);
        contactName = trim(contactName);
        contactPhone = trim(contactPhone);
    }

    public @Nullable FinancingKind kind() {
        return type == null ? null : type.kind();
    }

    /** What even a draft must have: a type and a name, and no text longer than its column. */
    public Map<String, String> draftProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (type == null) {
            problems.put("type", "请选择产品类型");
        }
        if (name == null) {
            problems.put("name", "请填写产品名称");
        } else if (name.length() > 100) {
            problems.put("name", "产品名称不能超过100个字");
        }
        tooLong(problems, "description", description, 2000, "产品介绍");
        tooLong(problems, "collateralNeeds", collateralNeeds, 500, "担保/抵押要求");
        tooLong(problems, "materials", materials, 1000, "申请材料");
        tooLong(problems, "contactName", contactName, 50, "联系人");
        tooLong(problems, "contactPhone", contactPhone, 30, "联系电话");
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.put("validUntil", "有效期截止日不能早于起始日");
        }
        return problems;
    }

    /** Every reason it may not be published today, by field; empty when it may. */
    public Map<String, String> publishProblems(LocalDate today) {
        Map<String, String> problems = draftProblems();
        if (description == null) {
            problems.putIfAbsent("description", "请填写产品介绍");
        }
        if (contactName == null) {
            problems.putIfAbsent("contactName", "请填写联系人");
        }
        if (contactPhone == null) {
            problems.putIfAbsent("contactPhone", "请填写联系电话");
        }
        if (validUntil != null && validUntil.isBefore(today)) {
            problems.putIfAbsent("validUntil", "有效期已过，请更新有效期");
        }
        if (type != null) {
            terms.missingFor(type).forEach(problems::putIfAbsent);
        }
        return problems;
    }

    private static void tooLong(Map<String, String> problems, String field, @Nullable String value, int max,
            String label) {
        if (value != null && value.length() > max) {
            problems.put(field, label + "不能超过" + max + "个字");
        }
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
