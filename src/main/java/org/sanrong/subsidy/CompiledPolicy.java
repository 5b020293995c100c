package org.sanrong.subsidy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A policy with its rules compiled: evaluates eligibility, the formula, the caps' scopes and the exclusive key. */
record CompiledPolicy(Policy policy, List<RuleLanguage.Compiled> rules, RuleLanguage.Compiled formula,
        List<CompiledCap> caps, RuleLanguage.@Nullable Compiled exclusiveKey, String contentHash) {

    /** A cap with its scope expression (text) and its optional condition (bool). */
    record CompiledCap(Policy.Cap cap, RuleLanguage.Compiled per, RuleLanguage.@Nullable Compiled when) {
    }

    /** A cap that applies to an event: the cap and the key its grants are summed under. */
    record AppliedCap(Policy.Cap cap, String key) {
    }

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

    /** The caps that apply to the event, each with its key "name=scope". */
    List<AppliedCap> appliedCaps(Map<String, Object> facts) {
        List<AppliedCap> applied = new ArrayList<>();
        for (CompiledCap c : caps) {
            if (c.when() != null && !Boolean.TRUE.equals(RuleLanguage.evaluate(c.when(), facts))) {
                continue;
            }
            applied.add(new AppliedCap(c.cap(), c.cap().name() + "=" + RuleLanguage.evaluate(c.per(), facts)));
        }
        return applied;
    }

    /** "group|key" for double-dipping, or null when the policy has no group or the key is empty. */
    @Nullable String exclusiveKey(Map<String, Object> facts) {
        if (exclusiveKey == null || policy.exclusive() == null) {
            return null;
        }
        String k = String.valueOf(RuleLanguage.evaluate(exclusiveKey, facts));
        return k.isBlank() ? null : policy.exclusive().group() + "|" + k;
    }
}
