package org.sanrong.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read views: the government's budget use by policy, town, industry and month with a forecast of the year's spend
 * from the pipeline, and "why not" — for each policy an enterprise does not qualify for, the rule that fails on its
 * registry facts, the values that fail it and what would change that.
 */
@Service
public class SubsidyViews {

    private static final Pattern VARIABLE = Pattern.compile("\\b(enterprise|event|investor)\\.[A-Za-z]+");

    private final JdbcClient jdbc;
    private final PolicyCatalog catalog;
    private final EnterpriseBook enterprises;
    private final ReferenceData reference;

    SubsidyViews(JdbcClient jdbc, PolicyCatalog catalog, EnterpriseBook enterprises, ReferenceData reference) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.enterprises = enterprises;
        this.reference = reference;
    }

    /** One policy's year: budget, paid, still in the pipeline, and the forecast (paid + pipeline). */
    public record Forecast(String policyCode, String name, long budgetFen, long paidFen, long pipelineFen) {
        public long forecastFen() {
            return paidFen + pipelineFen;
        }

        public boolean overBudget() {
            return forecastFen() > budgetFen;
        }

        public String budgetYuan() {
            return Calculation.yuan(budgetFen);
        }

        public String paidYuan() {
            return Calculation.yuan(paidFen);
        }

        public String pipelineYuan() {
            return Calculation.yuan(pipelineFen);
        }

        public String forecastYuan() {
            return Calculation.yuan(forecastFen());
        }
    }

    /** Paid amounts (yuan) of a year by policy, town, industry section and month, and the forecast per policy. */
    public record BudgetUse(int year, Map<String, BigDecimal> byPolicy, Map<String, BigDecimal> byTown,
            Map<String, BigDecimal> byIndustry, Map<String, BigDecimal> byMonth, List<Forecast> forecast) {
    }

    @Transactional(readOnly = true)
    public BudgetUse budgetUse(int year, SignedInUser user) {
        if (!user.hasRole(Role.GOV)) {
            throw new org.springframework.security.access.AccessDeniedException("仅政府部门可查看");
        }
        Map<String, BigDecimal> byPolicy = paidBy("policy_code", year);
        Map<String, BigDecimal> byTown = new LinkedHashMap<>();
        paidBy("coalesce(nullif(calculation->'inputs'->>'enterprise.townCode', ''), '未知')", year)
                .forEach((code, v) -> byTown.merge(reference.town(code).map(t -> t.name()).orElse(code), v,
                        BigDecimal::add));
        Map<String, BigDecimal> byIndustry = new LinkedHashMap<>();
        paidBy("coalesce(nullif(left(calculation->'inputs'->>'enterprise.industryCode', 1), ''), '未知')", year)
                .forEach((code, v) -> byIndustry.merge(reference.industry(code).map(i -> code + " " + i.name())
                        .orElse(code), v, BigDecimal::add));
        Map<String, BigDecimal> byMonth = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(year + "-" + (m < 10 ? "0" : "") + m, BigDecimal.ZERO.setScale(2));
        }
        paidBy("to_char(paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')", year)
                .forEach((month, v) -> byMonth.merge(month, v, BigDecimal::add));
        List<Forecast> forecast = new ArrayList<>();
        for (String code : catalog.policies().stream().map(Policy::code).distinct().toList()) {
            Policy p = catalog.latest(code).orElseThrow();
            long paid = jdbc.sql("SELECT coalesce(sum(coalesce(paid_fen, amount_fen)), 0) FROM subsidy.entitlement "
                    + "WHERE policy_code = ? AND year = ? AND status IN ('PAID', 'CLAWED_BACK')").params(code, year)
                    .query(Long.class).single();
            long pipeline = jdbc.sql("SELECT coalesce(sum(amount_fen), 0) FROM subsidy.entitlement WHERE "
                    + "policy_code = ? AND year = ? AND status IN ('COMPUTED', 'CONFIRMED', 'NOTICED', 'APPROVED')")
                    .params(code, year).query(Long.class).single();
            forecast.add(new Forecast(code, p.name(), p.budgetPerYearFen(), paid, pipeline));
        }
        return new BudgetUse(year, byPolicy, byTown, byIndustry, byMonth, forecast);
    }

    private Map<String, BigDecimal> paidBy(String dimension, int year) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + dimension + " AS k, sum(coalesce(paid_fen, amount_fen)) AS fen FROM subsidy.entitlement "
                + "WHERE year = ? AND status IN ('PAID', 'CLAWED_BACK') AND paid_at IS NOT NULL GROUP BY 1 ORDER BY 2 "
                + "DESC, 1").param(year)
                .query((rs, n) -> out.put(rs.getString("k"), BigDecimal.valueOf(rs.getLong("fen"), 2))).list();
        return out;
    }

    /** One failed rule and what would change it. */
    public record Reason(String rule, String expression, Map<String, Object> values, String change) {
    }

    /** A policy the enterprise does not qualify for today, with the reasons; event-dependent rules are left out. */
    public record WhyNot(String policyCode, String name, boolean forInvestors, List<Reason> reasons) {
    }

    /**
     * For each policy in force today that the enterprise's registry facts fail, the failed rules. Rules that look at
     * the event or the investor (amounts, stakes, loans) depend on a particular event and are not judged here.
     */
    @Transactional(readOnly = true)
    public List<WhyNot> whyNot(String creditCode) {
        LocalDate today = LocalDate.now(Subsidies.CHINA);
        Map<String, Object> facts = RuleFacts.defaults();
        EventFacts.enterprise(facts, enterprises.facts(creditCode).orElse(null), today);
        List<WhyNot> out = new ArrayList<>();
        for (CompiledPolicy cp : catalog.inForceAll(today)) {
            List<Reason> reasons = new ArrayList<>();
            for (int i = 0; i < cp.rules().size(); i++) {
                Policy.Rule rule = cp.policy().eligibility().get(i);
                Map<String, Object> values = variables(rule.expression(), facts);
                if (values.keySet().stream().anyMatch(k -> !k.startsWith("enterprise."))) {
                    continue;
                }
                if (!Boolean.TRUE.equals(RuleLanguage.evaluate(cp.rules().get(i), facts))) {
                    reasons.add(new Reason(rule.name(), rule.expression(), values, change(rule, values)));
                }
            }
            if (!reasons.isEmpty()) {
                out.add(new WhyNot(cp.policy().code(), cp.policy().name(),
                        cp.policy().beneficiary() == Policy.Beneficiary.INVESTOR, reasons));
            }
        }
        return out;
    }

    private static Map<String, Object> variables(String expression, Map<String, Object> facts) {
        Map<String, Object> values = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(expression);
        while (m.find()) {
            values.put(m.group(), facts.get(m.group()));
        }
        return values;
    }

    /** What would change a failed rule: its hint when the policy gives one, else the requirement and the facts. */
    private static String change(Policy.Rule rule, Map<String, Object> values) {
        if (rule.hint() != null) {
            return rule.hint();
        }
        @Nullable Object known = values.get("enterprise.known");
        if (Boolean.FALSE.equals(known)) {
            return "在企业库登记企业信息（所属镇街、行业、成立日期、资质）后重新判断";
        }
        return "满足「" + rule.name() + "」：企业库中的 " + String.join("、", values.keySet())
                + " 更新（如资质认定、阶段变化）后重新判断";
    }
}
