package org.sanrong.subsidy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy rules in Google's Common Expression Language (CEL): side-effect free, always terminating, type-checked
 * against a declared set of variables when the policy is loaded. Eligibility rules must be {@code bool}; formulas
 * must be {@code int} — fen, with any rounding written into the formula (integer division truncates, so
 * {@code (x * 15 + 500) / 1000} is 1.5% rounded half up for non-negative x). {@code double} is refused in formulas,
 * so money is never binary floating point; overflow is an evaluation error, not a wrong amount.
 */
final class RuleLanguage {

    /** The variables a rule may use, with their CEL types; every evaluation binds all of them. */
    static final Map<String, CelType> VARIABLES = variables();

    private static final Cel BOOL = build(SimpleType.BOOL);
    private static final Cel INT = build(SimpleType.INT);
    private static final Cel STRING = build(SimpleType.STRING);

    private RuleLanguage() {
    }

    private static Map<String, CelType> variables() {
        Map<String, CelType> v = new LinkedHashMap<>();
        v.put("event.type", SimpleType.STRING);
        v.put("event.date", SimpleType.STRING);
        v.put("event.year", SimpleType.INT);
        v.put("event.amountFen", SimpleType.INT);
        v.put("event.stakeBasisPoints", SimpleType.INT);
        v.put("event.annualRatePpm", SimpleType.INT);
        v.put("event.termMonths", SimpleType.INT);
        v.put("event.productType", SimpleType.STRING);
        v.put("event.loanRef", SimpleType.STRING);
        v.put("event.loanDate", SimpleType.STRING);
        v.put("event.loanMonths", SimpleType.INT);
        v.put("event.ipPledge", SimpleType.BOOL);
        v.put("event.item", SimpleType.STRING);
        v.put("event.milestone", SimpleType.STRING);
        v.put("event.board", SimpleType.STRING);
        v.put("event.proceedsFen", SimpleType.INT);
        v.put("event.principalFen", SimpleType.INT);
        v.put("enterprise.known", SimpleType.BOOL);
        v.put("enterprise.townCode", SimpleType.STRING);
        v.put("enterprise.industryCode", SimpleType.STRING);
        v.put("enterprise.stage", SimpleType.STRING);
        v.put("enterprise.qualifications", ListType.create(SimpleType.STRING));
        v.put("enterprise.ageYears", SimpleType.INT);
        v.put("enterprise.headcount", SimpleType.INT);
        v.put("investor.type", SimpleType.STRING);
        v.put("investor.name", SimpleType.STRING);
        return java.util.Collections.unmodifiableMap(v);
    }

    private static Cel build(CelType result) {
        var builder = CelFactory.standardCelBuilder().setResultType(result);
        VARIABLES.forEach(builder::addVar);
        return builder.build();
    }

    /** A rule that compiled, ready to evaluate. */
    record Compiled(String name, String expression, CelRuntime.Program program) {
    }

    /** A rule that does not compile: the file, the rule and CEL's message. */
    static final class InvalidRuleException extends RuntimeException {
        InvalidRuleException(String file, String rule, String message) {
            super("补贴政策文件 " + file + " 的规则「" + rule + "」无法编译：" + message);
        }
    }

    static Compiled condition(String file, String name, String expression) {
        return compile(BOOL, file, name, expression);
    }

    static Compiled formula(String file, String name, String expression) {
        return compile(INT, file, name, expression);
    }

    /** An expression giving text, e.g. the scope of a cap ({@code string(event.year)}) or a double-dipping key. */
    static Compiled text(String file, String name, String expression) {
        return compile(STRING, file, name, expression);
    }

    private static Compiled compile(Cel cel, String file, String name, String expression) {
        try {
            CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
            return new Compiled(name, expression, cel.createProgram(ast));
        } catch (CelValidationException e) {
            throw new InvalidRuleException(file, name, e.getMessage());
        } catch (dev.cel.common.CelException e) {
            throw new InvalidRuleException(file, name, e.getMessage());
        }
    }

    /** Evaluates a rule; a missing variable or an overflow is an {@link IllegalArgumentException} naming the rule. */
    static Object evaluate(Compiled rule, Map<String, Object> facts) {
        List<String> missing = VARIABLES.keySet().stream().filter(k -> !facts.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("缺少变量 " + String.join("、", missing));
        }
        try {
            return rule.program().eval(facts);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("规则「" + rule.name() + "」计算出错：" + e.getMessage(), e);
        }
    }
}
