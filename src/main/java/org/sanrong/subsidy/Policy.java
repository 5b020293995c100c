package org.sanrong.subsidy;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a subsidy policy as its file states it: what event triggers it, who benefits, the eligibility rules
 * and the formula (CEL expressions over {@link RuleLanguage#VARIABLES}), the cap per beneficiary per calendar year,
 * the yearly budget, and how many working days its public notice lasts. Money is fen.
 */
public record Policy(String code, int version, String name, String source, LocalDate validFrom,
        @Nullable LocalDate validUntil, Trigger trigger, Beneficiary beneficiary, List<Rule> eligibility,
        String formula, String formulaNote, @Nullable Long capPerBeneficiaryYearFen, long budgetPerYearFen,
        int noticeWorkingDays, String file) {

    public Policy {
        eligibility = List.copyOf(eligibility);
    }

    /** The recorded event that creates an entitlement. */
    public enum Trigger {
        INVESTMENT_RECEIVED, LOAN_DISBURSED
    }

    /** Who receives the money: the investing institution or the enterprise. */
    public enum Beneficiary {
        INVESTOR, ENTERPRISE
    }

    /** A named eligibility rule: a CEL expression that must be true. */
    public record Rule(String name, String expression) {
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
