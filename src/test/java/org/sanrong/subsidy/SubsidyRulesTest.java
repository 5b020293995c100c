package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped policies' CEL rules on hand-computed cases, and load-time errors naming file and rule. */
class SubsidyRulesTest {

    private final List<CompiledPolicy> policies = PolicyCatalog.load("classpath*:subsidy/policies/*.yaml");

    private CompiledPolicy policy(String code) {
        return policies.stream().filter(p -> p.policy().code().equals(code)).findFirst().orElseThrow();
    }

    private static Map<String, Object> angelFacts(long amountFen) {
        Map<String, Object> f = RuleFacts.defaults();
        EventFacts.event(f, EventType.INVESTMENT_RECEIVED, java.time.LocalDate.of(2025, 3, 1), amountFen);
        f.put("event.stakeBasisPoints", 1000L);
        f.put("enterprise.known", true);
        f.put("enterprise.stage", "START_UP");
        f.put("enterprise.qualifications", List.of("TECH_SME"));
        f.put("enterprise.ageYears", 3L);
        f.put("enterprise.industryCode", "I65");
        f.put("investor.type", "VC_PE_FUND");
        return f;
    }

    private long angel(long amountFen, long grantedBefore) {
        CompiledPolicy p = policy("GZ-ANGEL-2021");
        Map<String, Object> f = angelFacts(amountFen);
        return Subsidies.calculation(p, f, p.evaluate(f), grantedBefore).amountFen();
    }

    @Test
    void angelRewardIsOnePointFivePercentRoundedHalfUpToTheFen() {
        assertThat(angel(100_000_000L, 0)).as("1,000,000.00 元 → 15,000.00 元").isEqualTo(1_500_000L);
        assertThat(angel(100L, 0)).as("1.00 元 → 1.5 分 → 2 分 (half up)").isEqualTo(2L);
        assertThat(angel(1003L, 0)).as("10.03 元 → 15.045 分 → 15 分").isEqualTo(15L);
        assertThat(angel(33_333L, 0)).as("333.33 元 → 499.995 分 → 500 分").isEqualTo(500L);
        assertThat(angel(30_000_000_000L, 0)).as("3亿元 → 450万元").isEqualTo(450_000_000L);
    }

    @Test
    void angelCapIsFiveMillionPerInvestorPerYearCountingEarlierGrants() {
        // 3亿元 earlier gave 450万元; 1亿元 more computes 150万元 but only 50万元 remain
        CompiledPolicy p = policy("GZ-ANGEL-2021");
        Map<String, Object> f = angelFacts(10_000_000_000L);
        Calculation c = Subsidies.calculation(p, f, p.evaluate(f), 450_000_000L);
        assertThat(c.formulaFen()).isEqualTo(150_000_000L);
        assertThat(c.capApplied()).isTrue();
        assertThat(c.capRemainingFen()).isEqualTo(50_000_000L);
        assertThat(c.amountFen()).isEqualTo(50_000_000L);
        assertThat(angel(10_000_000_000L, 500_000_000L)).as("cap used up").isZero();
    }

    @Test
    void angelEligibilityNamesTheFailedRules() {
        CompiledPolicy p = policy("GZ-ANGEL-2021");
        Map<String, Object> f = angelFacts(100_000_000L);
        f.put("investor.type", "BANK");
        f.put("event.stakeBasisPoints", 5001L);
        f.put("enterprise.ageYears", 6L);
        assertThat(p.evaluate(f).failed()).containsExactly("投资方为创业投资/私募股权机构", "被投企业成立不超过5年（生物医药不超过8年）",
                "投资方持股不超过50%");
        f.put("investor.type", "VC_PE_FUND");
        f.put("event.stakeBasisPoints", 5000L);
        f.put("enterprise.industryCode", "C2710");
        assertThat(p.evaluate(f).failed()).as("biomedicine may be 8 years old, 50% is allowed").isEmpty();
        Map<String, Object> unknown = angelFacts(100_000_000L);
        unknown.put("enterprise.known", false);
        unknown.put("enterprise.ageYears", -1L);
        assertThat(p.evaluate(unknown).failed()).contains("被投企业在本市企业库登记");
    }

    private long interest(long amountFen, long ratePpm, long months) {
        CompiledPolicy p = policy("GD-INTEREST-2025");
        Map<String, Object> f = RuleFacts.defaults();
        EventFacts.event(f, EventType.LOAN_DISBURSED, java.time.LocalDate.of(2026, 3, 2), amountFen);
        f.put("event.annualRatePpm", ratePpm);
        f.put("event.termMonths", months);
        f.put("enterprise.known", true);
        f.put("enterprise.industryCode", "C3911");
        CompiledPolicy.Outcome o = p.evaluate(f);
        assertThat(o.failed()).isEmpty();
        return o.formulaFen();
    }

    @Test
    void interestSubsidyIsThirtyFivePercentOfAtMostOneYearsInterest() {
        assertThat(interest(100_000_000L, 34_500L, 12)).as("100万元 × 3.45% × 35% = 12,075.00").isEqualTo(1_207_500L);
        assertThat(interest(100_000_000L, 34_500L, 36)).as("only the first year").isEqualTo(1_207_500L);
        assertThat(interest(50_000_000L, 40_000L, 6)).as("50万元 × 4% × 6/12 × 35% = 3,500.00").isEqualTo(350_000L);
        assertThat(interest(1_234_567L, 35_000L, 12)).as("12,345.67 × 3.5% × 35% = 151.2345... → 151.23")
                .isEqualTo(15_123L);
    }

    @Test
    void aRuleThatDoesNotCompileNamesFileAndRule() {
        String text = """
                code: BAD-1
                version: 1
                name: 坏规则
                source: 测试
                validFrom: 2026-01-01
                trigger: INVESTMENT_RECEIVED
                beneficiary: INVESTOR
                eligibility:
                  - name: 未知字段
                    rule: enterprise.colour == "red"
                formula: event.amountFen
                budgetPerYear: "1.00"
                """;
        assertThatThrownBy(() -> PolicyFiles.read("bad.yaml", text))
                .hasMessageContaining("bad.yaml").hasMessageContaining("未知字段").hasMessageContaining("colour");
        String valid = text.replace("enterprise.colour == \"red\"", "event.amountFen > 0");
        assertThat(PolicyFiles.read("ok.yaml", valid).policy().code()).isEqualTo("BAD-1");
        assertThatThrownBy(() -> PolicyFiles.read("double.yaml", valid.replace("formula: event.amountFen", "formula: double(event.amountFen) * 0.015")))
                .as("a double formula is refused: money is integer fen").hasMessageContaining("formula");
        assertThatThrownBy(() -> PolicyFiles.read("amount.yaml", valid.replace("\"1.00\"", "\"1.001\"")))
                .hasMessageContaining("budgetPerYear");
    }

    @Test
    void trialFactsAreTypeChecked() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("event.amountFen", "12");
        given.put("nonsense", 1);
        assertThatThrownBy(() -> RuleFacts.coerce(given))
                .isInstanceOfSatisfying(org.sanrong.platform.InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("nonsense"));
        assertThat(RuleFacts.coerce(Map.of("event.amountFen", "12"))).containsEntry("event.amountFen", 12L);
    }
}
