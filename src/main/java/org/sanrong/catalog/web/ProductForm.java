package org.sanrong.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.catalog.ProductContent;
import org.sanrong.catalog.ProductType;
import org.sanrong.catalog.Terms;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.platform.Fen;
import org.sanrong.platform.FormInput;
import org.sanrong.platform.InvalidRequestException;

/**
 * The product form as typed: money in 万元, rates in percent, numbers and dates as text, criteria as checkboxes,
 * a multi-select and comma-separated industry prefixes ("C39, I65"), so a mistake comes back next to its field.
 */
record ProductForm(@Nullable String type, @Nullable String name, @Nullable String description,
        @Nullable String minAmount, @Nullable String maxAmount, @Nullable String minTermMonths,
        @Nullable String maxTermMonths, @Nullable String minRate, @Nullable String maxRate,
        @Nullable String minStake, @Nullable String maxStake, @Nullable String feeRate, @Nullable String premium,
        @Nullable String cover, @Nullable String collateralNeeds, @Nullable String materials,
        @Nullable String validFrom, @Nullable String validUntil, @Nullable String contactName,
        @Nullable String contactPhone, @Nullable List<String> towns, @Nullable String industryPrefixes,
        @Nullable String excludedIndustryPrefixes, @Nullable List<String> stages,
        @Nullable List<String> qualificationsAllOf, @Nullable List<String> qualificationsAnyOf,
        @Nullable String minYearsInOperation, @Nullable String minRevenue, @Nullable String maxRevenue,
        @Nullable String minHeadcount, @Nullable String maxHeadcount, @Nullable String minCreditGrade,
        @Nullable String minInnovationScore, @Nullable List<String> collateral) {

    /** The domain's field names where the form's differ (money typed in 万元). */
    private static final Map<String, String> FORM_FIELDS = Map.of("minAmountFen", "minAmount", "maxAmountFen",
            "maxAmount", "premiumFen", "premium", "coverFen", "cover", "minRevenueFen", "minRevenue",
            "maxRevenueFen", "maxRevenue");

    static ProductForm empty() {
        return new ProductForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(), null, null, List.of(), List.of(), List.of(), null,
                null, null, null, null, null, null, List.of());
    }

    static ProductForm of(ProductContent c) {
        Terms t = c.terms();
        EligibilityCriteria e = c.criteria();
        return new ProductForm(c.type() == null ? null : c.type().name(), c.name(), c.description(),
                Fen.toWanInput(t.minAmountFen()), Fen.toWanInput(t.maxAmountFen()), str(t.minTermMonths()),
                str(t.maxTermMonths()), str(t.minRate()), str(t.maxRate()), str(t.minStake()), str(t.maxStake()),
                str(t.feeRate()), Fen.toWanInput(t.premiumFen()), Fen.toWanInput(t.coverFen()), c.collateralNeeds(),
                c.materials(), str(c.validFrom()), str(c.validUntil()), c.contactName(), c.contactPhone(),
                e.towns(), String.join(", ", e.industryPrefixes()), String.join(", ", e.excludedIndustryPrefixes()),
                e.stages().stream().map(Enum::name).toList(), e.qualificationsAllOf(), e.qualificationsAnyOf(),
                str(e.minYearsInOperation()), Fen.toWanInput(e.minRevenueFen()), Fen.toWanInput(e.maxRevenueFen()),
                str(e.minHeadcount()), str(e.maxHeadcount()), e.minCreditGrade(), str(e.minInnovationScore()),
                e.collateral().stream().map(Enum::name).toList());
    }

    /** The content, or every field that could not be read or breaks a rule of terms and criteria. */
    record Parsed(@Nullable ProductContent content, Map<String, String> errors) {
    }

    Parsed parse() {
        FormInput in = new FormInput();
        ProductType productType = null;
        if (type != null && !type.isBlank()) {
            try {
                productType = ProductType.valueOf(type.strip());
            } catch (IllegalArgumentException e) {
                in.reject("type", "未知的产品类型");
            }
        }
        Long minAmountFen = in.wan("minAmount", minAmount);
        Long maxAmountFen = in.wan("maxAmount", maxAmount);
        Integer minTerm = in.integer("minTermMonths", minTermMonths);
        Integer maxTerm = in.integer("maxTermMonths", maxTermMonths);
        BigDecimal minR = in.percent("minRate", minRate);
        BigDecimal maxR = in.percent("maxRate", maxRate);
        BigDecimal minS = in.percent("minStake", minStake);
        BigDecimal maxS = in.percent("maxStake", maxStake);
        BigDecimal fee = in.percent("feeRate", feeRate);
        Long premiumFen = in.wan("premium", premium);
        Long coverFen = in.wan("cover", cover);
        Terms terms = Terms.NONE;
        try {
            terms = new Terms(minAmountFen, maxAmountFen, minTerm, maxTerm, minR, maxR, minS, maxS, fee, premiumFen,
                    coverFen);
        } catch (InvalidRequestException e) {
            onForm(e.fieldErrors()).forEach(in::reject);
        }
        List<LifecycleStage> stageList = constants(in, "stages", LifecycleStage.class, list(stages), "未知的生命周期阶段：");
        List<Collateral> collateralList = constants(in, "collateral", Collateral.class, list(collateral),
                "未知的担保方式：");
        Integer years = in.integer("minYearsInOperation", minYearsInOperation);
        Long minRev = in.wan("minRevenue", minRevenue);
        Long maxRev = in.wan("maxRevenue", maxRevenue);
        Integer minHead = in.integer("minHeadcount", minHeadcount);
        Integer maxHead = in.integer("maxHeadcount", maxHeadcount);
        Integer innovation = in.integer("minInnovationScore", minInnovationScore);
        EligibilityCriteria criteria = EligibilityCriteria.NONE;
        try {
            criteria = new EligibilityCriteria(list(towns), prefixes(industryPrefixes),
                    prefixes(excludedIndustryPrefixes), stageList, list(qualificationsAllOf),
                    list(qualificationsAnyOf), years, minRev, maxRev, minHead, maxHead, minCreditGrade, innovation,
                    collateralList);
        } catch (InvalidRequestException e) {
            onForm(e.fieldErrors()).forEach(in::reject);
        }
        LocalDate from = in.date("validFrom", validFrom);
        LocalDate until = in.date("validUntil", validUntil);
        ProductContent content = new ProductContent(productType, name, description, terms, criteria,
                collateralNeeds, materials, from, until, contactName, contactPhone);
        return new Parsed(content, in.errors());
    }

    /** Renames the domain's field names to the form's. */
    /** The enum constants named in a multi-select; an unknown name is reported on the field. */
    private static <E extends Enum<E>> List<E> constants(FormInput in, String field, Class<E> type, List<String> names,
            String unknown) {
        List<E> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                in.reject(field, unknown + name);
            }
        }
        return out;
    }

    static Map<String, String> onForm(Map<String, String> errors) {
        Map<String, String> renamed = new LinkedHashMap<>();
        errors.forEach((field, message) -> renamed.putIfAbsent(FORM_FIELDS.getOrDefault(field, field), message));
        return renamed;
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static List<String> prefixes(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，、;；\\s]+")).filter(s -> !s.isBlank())
                .map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    }





    private static String str(@Nullable Object value) {
        return value == null ? "" : value instanceof BigDecimal b ? b.toPlainString() : value.toString();
    }
}
