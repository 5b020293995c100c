package org.sanrong.demand;

import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.FinancingKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.Fen;

/**
 * What a demand asks for. A draft may leave fields empty; {@link #problems} checks the values given, and
 * {@link #missing} what publishing needs. Field names in both maps are the API's (and the form's, but for the
 * amount, which the form takes in 万元).
 *
 * @param amountFen how much, in fen
 * @param maxEquityStakePercent for equity, the largest stake the enterprise would give up (0-100, exclusive of 0)
 * @param maxAnnualRatePercent the highest annual rate it accepts (0-36), for debt and leasing
 * @param chosenInstitutions with {@link Visibility#CHOSEN}, the institutions' organisation ids; empty otherwise
 * @param oneLenderAtATime 独家对接: only one institution may work on the demand at a time (the first to pick it up);
 *     others may pick it up again if that one declines or the deal ends
 */
public record DemandTerms(@Nullable Long amountFen, @Nullable String purpose, @Nullable PurposeCategory purposeCategory,
        @Nullable Integer termMonths, Set<FinancingKind> kinds, @Nullable BigDecimal maxEquityStakePercent,
        @Nullable BigDecimal maxAnnualRatePercent, Set<Collateral> collateral, @Nullable LocalDate neededBy,
        Visibility visibility, List<UUID> chosenInstitutions, boolean oneLenderAtATime) {

    public static final int MAX_TERM_MONTHS = 360;
    public static final BigDecimal MAX_RATE = BigDecimal.valueOf(36);
    public static final BigDecimal MAX_STAKE = BigDecimal.valueOf(100);
    static final int MAX_PURPOSE = 500;
    static final int MAX_CHOSEN = 50;

    public DemandTerms {
        purpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
        kinds = sorted(kinds, FinancingKind.class);
        collateral = sorted(collateral, Collateral.class);
        visibility = visibility == null ? Visibility.ALL : visibility;
        chosenInstitutions = visibility == Visibility.ALL || chosenInstitutions == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(chosenInstitutions));
        maxEquityStakePercent = plain(maxEquityStakePercent);
        maxAnnualRatePercent = plain(maxAnnualRatePercent);
    }

    /** Terms open to several lenders at once (the default). */
    public DemandTerms(@Nullable Long amountFen, @Nullable String purpose, @Nullable PurposeCategory purposeCategory,
            @Nullable Integer termMonths, Set<FinancingKind> kinds, @Nullable BigDecimal maxEquityStakePercent,
            @Nullable BigDecimal maxAnnualRatePercent, Set<Collateral> collateral, @Nullable LocalDate neededBy,
            Visibility visibility, List<UUID> chosenInstitutions) {
        this(amountFen, purpose, purposeCategory, termMonths, kinds, maxEquityStakePercent, maxAnnualRatePercent,
                collateral, neededBy, visibility, chosenInstitutions, false);
    }

    /** 8.50 and 8.5 are the same rate: no trailing zeros, no exponent. */
    private static @Nullable BigDecimal plain(@Nullable BigDecimal b) {
        if (b == null) {
            return null;
        }
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static <E extends Enum<E>> Set<E> sorted(@Nullable Collection<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }

    /** Problems with the values given, whatever the state: each must be sensible even in a draft. */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (amountFen != null) {
            if (amountFen <= 0) {
                errors.put("amountFen", "融资金额须大于零");
            } else if (amountFen > Fen.MAX) {
                errors.put("amountFen", "金额过大，请核对单位（万元）");
            }
        }
        if (purpose != null && purpose.length() > MAX_PURPOSE) {
            errors.put("purpose", "资金用途说明不能超过" + MAX_PURPOSE + "个字");
        }
        if (termMonths != null && (termMonths < 1 || termMonths > MAX_TERM_MONTHS)) {
            errors.put("termMonths", "融资期限须在1至" + MAX_TERM_MONTHS + "个月之间");
        }
        if (maxEquityStakePercent != null && (maxEquityStakePercent.signum() <= 0
                || maxEquityStakePercent.compareTo(MAX_STAKE) > 0)) {
            errors.put("maxEquityStakePercent", "可出让股权比例须大于0%且不超过100%");
        } else if (maxEquityStakePercent != null && maxEquityStakePercent.scale() > 4) {
            errors.put("maxEquityStakePercent", "可出让股权比例最多保留四位小数");
        }
        if (maxAnnualRatePercent != null && (maxAnnualRatePercent.signum() < 0
                || maxAnnualRatePercent.compareTo(MAX_RATE) > 0)) {
            errors.put("maxAnnualRatePercent", "可接受的最高年化利率须在0%至36%之间");
        } else if (maxAnnualRatePercent != null && maxAnnualRatePercent.scale() > 4) {
            errors.put("maxAnnualRatePercent", "年化利率最多保留四位小数");
        }
        if (collateral.contains(Collateral.NONE) && collateral.size() > 1) {
            errors.put("collateral", "选择“无抵质押”时不能同时选择其他担保方式");
        }
        if (neededBy != null && neededBy.isBefore(today)) {
            errors.put("neededBy", "资金需求日期不能早于今天");
        }
        if (visibility == Visibility.CHOSEN && chosenInstitutions.isEmpty()) {
            errors.put("chosenInstitutions", "选择“指定机构可见”时请至少选择一家金融机构");
        } else if (chosenInstitutions.size() > MAX_CHOSEN) {
            errors.put("chosenInstitutions", "指定机构不能超过" + MAX_CHOSEN + "家");
        }
        return errors;
    }

    /** What a demand must state before it is published (or revised once published). */
    public Map<String, String> missing() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (amountFen == null) {
            errors.put("amountFen", "请填写融资金额");
        }
        if (purposeCategory == null) {
            errors.put("purposeCategory", "请选择资金用途类别");
        }
        if (purpose == null) {
            errors.put("purpose", "请说明资金用途");
        }
        if (termMonths == null) {
            errors.put("termMonths", "请填写融资期限（月）");
        }
        if (kinds.isEmpty()) {
            errors.put("kinds", "请至少选择一种可接受的融资方式");
        }
        if (kinds.contains(FinancingKind.EQUITY) && maxEquityStakePercent == null) {
            errors.put("maxEquityStakePercent", "接受股权融资时请填写最多可出让的股权比例");
        }
        if ((kinds.contains(FinancingKind.DEBT) || kinds.contains(FinancingKind.LEASING))
                && maxAnnualRatePercent == null) {
            errors.put("maxAnnualRatePercent", "接受债权或租赁融资时请填写可接受的最高年化利率");
        }
        if (collateral.isEmpty()) {
            errors.put("collateral", "请选择可提供的担保方式（没有请选“无”）");
        }
        if (neededBy == null) {
            errors.put("neededBy", "请填写资金需求日期");
        }
        return errors;
    }

    /** Everything wrong for a published demand: bad values first, then what is missing. */
    public Map<String, String> problemsForPublication(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>(problems(today));
        missing().forEach(errors::putIfAbsent);
        return errors;
    }

    /** The same terms without the list of chosen institutions, for readers who are themselves institutions. */
    DemandTerms withoutChosenList() {
        return new DemandTerms(amountFen, purpose, purposeCategory, termMonths, kinds, maxEquityStakePercent,
                maxAnnualRatePercent, collateral, neededBy, visibility, List.of(), oneLenderAtATime);
    }
}
