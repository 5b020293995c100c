package org.sanrong.subsidy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A policy with its rules compiled: evaluates eligibility and the formula on facts. */
record CompiledPolicy(Policy policy, List<RuleLanguage.Compiled> rules, RuleLanguage.Compiled formula) {

    /** The result of one evaluation: the rules that failed (by name) and, when none did, the formula's fen. */
    record Outcome(List<String> failed, long formulaFen) {
        boolean eligible() {
            return failed.isEmpty();
        }
    }

    Outcome evaluate(Map<String, Object> facts) {
        List<String> failed = new ArrayList<>();
        for (RuleLanguage.Compiled r : rules) {
            if (!Boolean.TRUE.equals(RuleLanguage.evaluate(r, facts))) {
                failed.add(r.name());
            }
        }
        if (!failed.isEmpty()) {
            return new Outcome(List.copyOf(failed), 0);
        }
        long fen = (Long) RuleLanguage.evaluate(formula, facts);
        if (fen < 0) {
            throw new IllegalArgumentException("公式结果为负数：" + fen);
        }
        return new Outcome(List.of(), fen);
    }
}
