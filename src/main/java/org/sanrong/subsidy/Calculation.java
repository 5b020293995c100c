package org.sanrong.subsidy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an amount came about, as shown to the beneficiary: the rules checked, the inputs the rules saw, the formula
 * and its result, the cap and what was already granted in the year, and the amount after the cap. Fen throughout.
 */
public record Calculation(String policyCode, int policyVersion, List<RuleCheck> rules, Map<String, Object> inputs,
        String formula, String formulaNote, long formulaFen, @Nullable Long capFen, long grantedBeforeFen,
        boolean capApplied, long amountFen, @Nullable String capName) {

    /** One eligibility rule and whether it held. */
    public record RuleCheck(String name, String expression, boolean passed) {
    }

    /** The failed rules' names, or the formula note (and the cap) when all held: one line for a quote. */
    public String summary() {
        List<String> failed = rules.stream().filter(r -> !r.passed()).map(RuleCheck::name).toList();
        if (!failed.isEmpty()) {
            return "不符合：" + String.join("；", failed);
        }
        return formulaNote + (capApplied ? "；已按上限「" + capName + "」" + capYuan() + " 元核减（此前已核定 "
                + grantedBeforeYuan() + " 元）" : "");
    }

    public boolean eligible() {
        return rules.stream().allMatch(RuleCheck::passed);
    }

    /** What the binding cap leaves after this item; null without a cap. */
    public @Nullable Long capRemainingAfterFen() {
        return capFen == null ? null : Math.max(0, capFen - grantedBeforeFen - amountFen);
    }

    /** What the cap still allowed before this item; null without a cap. */
    public @Nullable Long capRemainingFen() {
        return capFen == null ? null : Math.max(0, capFen - grantedBeforeFen);
    }

    public String formulaYuan() {
        return yuan(formulaFen);
    }

    public String amountYuan() {
        return yuan(amountFen);
    }

    public String grantedBeforeYuan() {
        return yuan(grantedBeforeFen);
    }

    public @Nullable String capYuan() {
        return capFen == null ? null : yuan(capFen);
    }

    public @Nullable String capRemainingYuan() {
        Long r = capRemainingFen();
        return r == null ? null : yuan(r);
    }

    /** "1500000.00" */
    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
