package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A government guarantee risk-sharing scheme (政府性融资担保分险), one version, loaded from
 * {@code riskshare/guarantee-schemes/*.yaml}. Each party bears a fixed share, a share by the enterprise's category
 * (the largest among the categories it has), or the remainder; fees are yearly rates on one party's share of the
 * principal, lower for small guarantees.
 *
 * @param maxPrincipal the largest guaranteed amount the scheme covers, yuan (null: no limit)
 */
public record GuaranteeScheme(String code, int version, String name, LocalDate validFrom,
        @Nullable LocalDate validUntil, List<Scheme.Source> sources, boolean example, @Nullable String note,
        @Nullable BigDecimal maxPrincipal, List<PartyShare> parties, List<Fee> fees) {

    public GuaranteeScheme {
        sources = sources == null ? List.of() : List.copyOf(sources);
        parties = parties == null ? List.of() : List.copyOf(parties);
        fees = fees == null ? List.of() : List.copyOf(fees);
    }

    /** One party's share: fixed ({@code share}), by category ({@code byCategory}) or whatever remains. */
    public record PartyShare(GuaranteeParty party, @Nullable BigDecimal share, List<CategoryShare> byCategory,
            boolean remainder) {

        public PartyShare {
            byCategory = byCategory == null ? List.of() : List.copyOf(byCategory);
        }
    }

    /** The share for enterprises of these categories (qualification codes or names, as the registry has them). */
    public record CategoryShare(List<String> categories, BigDecimal share) {

        public CategoryShare {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * A yearly fee {@code payer} pays {@code payee}: {@code rate} of {@code baseParty}'s share of the principal, or
     * {@code reducedRate} when the principal is at most {@code reducedUpTo} yuan.
     */
    public record Fee(String name, GuaranteeParty payer, GuaranteeParty payee, GuaranteeParty baseParty,
            BigDecimal rate, @Nullable BigDecimal reducedRate, @Nullable BigDecimal reducedUpTo) {
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
