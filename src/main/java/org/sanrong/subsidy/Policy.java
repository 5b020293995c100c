package org.sanrong.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One version of a subsidy policy as its file states it: the events that trigger it, who benefits, the eligibility
 * rules and the formula (CEL expressions over {@link RuleLanguage#VARIABLES}), its caps, the double-dipping group,
 * the yearly budget and how it is allocated, how many working days its public notice lasts, and its clawback
 * condition. Money is fen. {@code example} marks a policy whose figures are examples for the office to set (no public
 * figure was found).
 */
public record Policy(String code, int version, String name, String source, LocalDate validFrom,
        @Nullable LocalDate validUntil, Set<EventType> triggers, Beneficiary beneficiary, List<Rule> eligibility,
        String formula, String formulaNote, List<Cap> caps, @Nullable Exclusive exclusive, long budgetPerYearFen,
        Allocation allocation, java.time.@Nullable MonthDay cutOff, int noticeWorkingDays, @Nullable Clawback clawback, boolean example, String file) {

    public Policy {
        triggers = Set.copyOf(triggers);
        eligibility = List.copyOf(eligibility);
        caps = List.copyOf(caps);
    }

    /** Who receives the money: the investing institution or the enterprise (or guarantor) the event is about. */
    public enum Beneficiary {
        INVESTOR, ENTERPRISE
    }

    /** What happens when the year's claims exceed the budget (预算分配方式). */
    public enum Allocation {
        /** 先到先得: paid in the order approved until the budget is used. */
        FIRST_COME,
        /** 按比例: at the cut-off date every approved item of the year is paid the same share of its amount. */
        PRO_RATA,
        /** 择优: the platform prepares a ranked list; officials choose, nothing is paid automatically. */
        RANKED
    }

    /** A named eligibility rule: a CEL expression that must be true, with an optional "what would change it". */
    public record Rule(String name, String expression, @Nullable String hint) {
        public Rule(String name, String expression) {
            this(name, expression, null);
        }
    }

    /**
     * A cap: at most {@code amountFen} per beneficiary within the scope {@code per} evaluates to (e.g.
     * {@code string(event.year)} for a calendar year, {@code event.item} per IP item, {@code "all"} for ever), applied
     * only to events for which {@code when} holds (always, when absent).
     */
    public record Cap(String name, long amountFen, String per, @Nullable String when) {
        public String amountYuan() {
            return Calculation.yuan(amountFen);
        }
    }

    /** One cost, one policy: an event whose {@code key} was already subsidised by another policy of the group is not. */
    public record Exclusive(String group, String key) {
    }

    /** A condition that, broken later, turns a paid amount into a receivable (e.g. leaving within 5 tax years). */
    public record Clawback(String condition, int years) {
    }

    /** The cut-off of a year's claims: the policy's month-day in the following year (annual batches, pro rata). */
    public @Nullable LocalDate cutOffFor(int year) {
        return cutOff == null ? null : cutOff.atYear(year + 1);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    public boolean triggeredBy(EventType type) {
        return triggers.contains(type);
    }

    /** The first cap, for pages that show one figure; null without caps. */
    public @Nullable Long capPerBeneficiaryYearFen() {
        return caps.isEmpty() ? null : caps.getFirst().amountFen();
    }

    public String triggerLabels() {
        return String.join("、", triggers.stream().sorted().map(EventType::label).toList());
    }
}
