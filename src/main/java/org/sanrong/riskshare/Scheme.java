package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A risk-compensation scheme, one version of it: configuration loaded from {@code riskshare/schemes/*.yaml}, never
 * code. Amounts are yuan (exact decimals), ratios fractions of one ({@code 0.40} is 40%). A version applies to loans
 * disbursed within its validity; filings keep the version they were checked against.
 *
 * @param payOrder where pools stack on one loan, lower pays first
 * @param exclusiveGroup schemes of one group are alternatives: a loan is filed under one of them only
 * @param keySupportList qualification codes that put an enterprise on the scheme's key-support list
 * @param example true when the scheme's figures are an example for the office to replace, not a published rule
 */
public record Scheme(String code, int version, String name, SchemeMode mode, LocalDate validFrom,
        @Nullable LocalDate validUntil, List<Source> sources, boolean example, @Nullable String note, int payOrder,
        @Nullable String exclusiveGroup, List<Funder> funders, Budget budget, Eligibility eligibility,
        FilingWindow filing, RatioRules ratio, List<String> keySupportList, @Nullable Suspension suspension,
        ClaimRules claim, ReviewRules review) {

    public Scheme {
        sources = sources == null ? List.of() : List.copyOf(sources);
        funders = funders == null ? List.of() : List.copyOf(funders);
        keySupportList = keySupportList == null ? List.of() : List.copyOf(keySupportList);
        budget = budget == null ? new Budget(null, false) : budget;
        eligibility = eligibility == null ? new Eligibility(null, null, null, null, false, null, null, null, null)
                : eligibility;
        filing = filing == null ? new FilingWindow(FilingWindow.Kind.SAME_YEAR, null) : filing;
        review = review == null ? new ReviewRules(null, null, null) : review;
    }

    /** A published text the scheme follows. */
    public record Source(String title, @Nullable String reference, @Nullable String url) {
    }

    /** Who puts money into the pool, and what share of it. */
    public record Funder(String code, String name, Level level, BigDecimal share) {

        public enum Level { PROVINCE, CITY, DISTRICT, TOWN }
    }

    /** The yearly budget in yuan (null: no yearly limit beyond the money in the pool). */
    public record Budget(@Nullable BigDecimal yearly, boolean example) {
    }

    /**
     * Which loans may be filed. Empty lists do not restrict.
     *
     * @param regions administrative-division prefixes of the enterprise's credit code (its characters 3-8), the
     *     area the pool serves; a loan outside is not offered at all
     * @param qualificationsAnyOf the enterprise must hold one of these live qualifications (a whitelist)
     * @param emergingIndustriesQualify an enterprise in a strategic emerging industry is on the whitelist too
     * @param excludedIndustryPrefixes GB/T 4754 prefixes never covered (finance, real estate...)
     */
    public record Eligibility(List<String> regions, List<String> institutionTypes, List<String> productTypes,
            List<String> qualificationsAnyOf, boolean emergingIndustriesQualify,
            List<String> excludedIndustryPrefixes, @Nullable BigDecimal minAmount, @Nullable BigDecimal maxAmount,
            @Nullable Integer maxTermMonths) {

        public Eligibility {
            regions = regions == null ? List.of() : List.copyOf(regions);
            institutionTypes = institutionTypes == null ? List.of() : List.copyOf(institutionTypes);
            productTypes = productTypes == null ? List.of() : List.copyOf(productTypes);
            qualificationsAnyOf = qualificationsAnyOf == null ? List.of() : List.copyOf(qualificationsAnyOf);
            excludedIndustryPrefixes = excludedIndustryPrefixes == null ? List.of()
                    : List.copyOf(excludedIndustryPrefixes);
        }
    }

    /** By when a loan must be filed: within the calendar year of its disbursement, or within so many days. */
    public record FilingWindow(Kind window, @Nullable Integer days) {

        public enum Kind { SAME_YEAR, DAYS }

        public FilingWindow {
            window = window == null ? Kind.SAME_YEAR : window;
        }

        /** The last day a loan disbursed on {@code disbursedOn} may be filed. */
        public LocalDate lastDay(LocalDate disbursedOn) {
            return window == Kind.SAME_YEAR ? LocalDate.of(disbursedOn.getYear(), 12, 31)
                    : disbursedOn.plusDays(days == null ? 0 : days);
        }
    }

    /**
     * How the share of the loss is found: a base ratio from tiers (by the whole loan amount, or by the bank's
     * principal filed into the pool that year), replaced by {@code guaranteedRatio} for a guaranteed loan where set;
     * each uplift once when the loan has any of its features; never above {@code cap}. {@code combinedCap} limits
     * what all pools on one loan pay together, as a share of the loss.
     */
    public record RatioRules(Basis basis, List<Tier> tiers, @Nullable BigDecimal guaranteedRatio, List<Uplift> uplifts,
            BigDecimal cap, @Nullable BigDecimal combinedCap, boolean example) {

        public enum Basis { LOAN_AMOUNT, FILED_VOLUME }

        public RatioRules {
            basis = basis == null ? Basis.LOAN_AMOUNT : basis;
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
            uplifts = uplifts == null ? List.of() : List.copyOf(uplifts);
        }
    }

    /** Up to and including {@code upTo} yuan (null: no upper bound), this ratio. */
    public record Tier(@Nullable BigDecimal upTo, BigDecimal ratio) {
    }

    /** Points added once when the loan has any of {@code anyOf}. */
    public record Uplift(String name, BigDecimal points, List<LoanFeature> anyOf) {

        public Uplift {
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
        }
    }

    /**
     * A bank (or guarantor) whose losses claimed in a year exceed this share of the principal it filed into the pool
     * that year has all its claims of that year held (暂缓); exactly the share is not exceeding.
     */
    public record Suspension(BigDecimal lossRatioAbove) {
    }

    /**
     * When a claim may be made and on what: the loan's reported status, days overdue, a lawsuit accepted; the loss
     * claimed (unrecovered principal, or what the guarantor paid out); the documents asked for.
     */
    public record ClaimRules(String loanStatus, int minOverdueDays, boolean lawsuitRequired, LossBasis lossBasis,
            List<String> documents) {

        public enum LossBasis { UNRECOVERED_PRINCIPAL, GUARANTOR_PAYOUT }

        public ClaimRules {
            loanStatus = loanStatus == null ? "NON_PERFORMING" : loanStatus;
            lossBasis = lossBasis == null ? LossBasis.UNRECOVERED_PRINCIPAL : lossBasis;
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /**
     * The review of a claim: its steps in order, each by a different person and within its working days; a further
     * approval when the entitlement is above {@code secondApprovalAbove} yuan.
     */
    public record ReviewRules(List<Step> steps, @Nullable BigDecimal secondApprovalAbove,
            @Nullable Step secondApproval) {

        public record Step(String name, int workingDays) {
        }

        public ReviewRules {
            steps = steps == null || steps.isEmpty() ? List.of(new Step("初审", 5), new Step("复核", 5))
                    : List.copyOf(steps);
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** Whether the version's validity overlaps the calendar year. */
    public boolean inForceIn(int year) {
        return !validFrom.isAfter(LocalDate.of(year, 12, 31))
                && (validUntil == null || !validUntil.isBefore(LocalDate.of(year, 1, 1)));
    }

    public String label() {
        return name + "（" + code + " 第" + version + "版）";
    }
}
