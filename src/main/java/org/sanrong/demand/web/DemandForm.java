package org.sanrong.demand.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.Collateral;
import org.sanrong.demand.DemandTerms;
import org.sanrong.demand.DemandView;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.demand.PurposeCategory;
import org.sanrong.demand.Visibility;
import org.sanrong.platform.Fen;
import org.sanrong.platform.FormInput;

/**
 * The demand form as typed: the amount in 万元, numbers and the date as text, so a mistake comes back next to its
 * field instead of failing the binding.
 */
record DemandForm(@Nullable String amount, @Nullable String purpose, @Nullable String purposeCategory,
        @Nullable String termMonths, @Nullable List<String> kinds, @Nullable String maxEquityStakePercent,
        @Nullable String maxAnnualRatePercent, @Nullable List<String> collateral, @Nullable String neededBy,
        @Nullable String visibility, @Nullable List<String> chosenInstitutions, boolean oneLenderAtATime) {

    static DemandForm empty() {
        return new DemandForm("", "", "", "", List.of(), "", "", List.of(), "", Visibility.ALL.name(), List.of(), false);
    }

    static DemandForm of(DemandView d) {
        DemandTerms t = d.terms();
        return new DemandForm(Fen.toWanInput(t.amountFen()), t.purpose(),
                t.purposeCategory() == null ? "" : t.purposeCategory().name(),
                t.termMonths() == null ? "" : t.termMonths().toString(), t.kinds().stream().map(Enum::name).toList(),
                plain(t.maxEquityStakePercent()), plain(t.maxAnnualRatePercent()),
                t.collateral().stream().map(Enum::name).toList(), t.neededBy() == null ? "" : t.neededBy().toString(),
                t.visibility().name(), t.chosenInstitutions().stream().map(UUID::toString).toList(),
                t.oneLenderAtATime());
    }

    /** The form's name for a field the rules name by its API name. */
    static String field(String apiField) {
        return "amountFen".equals(apiField) ? "amount" : apiField;
    }

    static Map<String, String> onForm(Map<String, String> apiErrors) {
        Map<String, String> out = new LinkedHashMap<>();
        apiErrors.forEach((k, v) -> out.putIfAbsent(field(k), v));
        return out;
    }

    record Parsed(DemandTerms terms, Map<String, String> errors) {
    }

    Parsed parse() {
        FormInput in = new FormInput();
        Long amountFen = in.wan("amount", amount);
        Integer term = in.integer("termMonths", termMonths);
        BigDecimal stake = in.percent("maxEquityStakePercent", maxEquityStakePercent);
        BigDecimal rate = in.percent("maxAnnualRatePercent", maxAnnualRatePercent);
        LocalDate date = in.date("neededBy", neededBy);
        List<UUID> chosen = new ArrayList<>();
        for (String s : chosenInstitutions == null ? List.<String>of() : chosenInstitutions) {
            if (s == null || s.isBlank()) {
                continue;
            }
            try {
                chosen.add(UUID.fromString(s.strip()));
            } catch (IllegalArgumentException e) {
                in.reject("chosenInstitutions", "指定的金融机构不存在");
            }
        }
        DemandTerms terms = new DemandTerms(amountFen, purpose, named(PurposeCategory.class, purposeCategory),
                term, names(FinancingKind.class, kinds), stake, rate, names(Collateral.class, collateral), date,
                named(Visibility.class, visibility), chosen, oneLenderAtATime);
        return new Parsed(terms, in.errors());
    }


    private static <E extends Enum<E>> @Nullable E named(Class<E> type, @Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> Set<E> names(Class<E> type, @Nullable List<String> names) {
        Set<E> out = new LinkedHashSet<>();
        if (names != null) {
            names.forEach(n -> {
                E e = named(type, n);
                if (e != null) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    private static String plain(@Nullable BigDecimal b) {
        return b == null ? "" : b.toPlainString();
    }
}
