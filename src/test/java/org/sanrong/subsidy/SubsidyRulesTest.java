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

    private Map<String, Object> interestPaid(long amountFen, String loanDate, long loanMonths) {
        Map<String, Object> f = RuleFacts.defaults();
        EventFacts.event(f, EventType.INTEREST_PAID, java.time.LocalDate.of(2026, 3, 21), amountFen);
        f.put("event.loanDate", loanDate);
        f.put("event.loanMonths", loanMonths);
        f.put("event.loanRef", "L1");
        f.put("enterprise.known", true);
        f.put("enterprise.industryCode", "C3911");
        return f;
    }

    @Test
    void interestSubsidyIsThirtyFivePercentOfTheFirstYearsInterestPaid() {
        CompiledPolicy p = policy("GD-INTEREST-2025");
        Map<String, Object> q1 = interestPaid(1_207_500L, "2025-12-21", 3);
        assertThat(p.evaluate(q1).formulaFen()).as("12,075.00 × 35% = 4,226.25").isEqualTo(422_625L);
        assertThat(p.evaluate(interestPaid(43_129L, "2025-12-21", 3)).formulaFen())
                .as("431.29 × 35% = 150.9515 → 150.95").isEqualTo(15_095L);
        assertThat(p.evaluate(interestPaid(1_000_000L, "2025-12-21", 13)).failed()).as("only the first year")
                .containsExactly("贷款发放后一年内的利息");
        assertThat(p.evaluate(interestPaid(1_000_000L, "2025-04-30", 3)).failed()).as("loans before the window")
                .containsExactly("贷款于 2025-05-01 至 2027-12-31 新发放");
        Map<String, Object> unknownLoan = interestPaid(1_000_000L, "", -1);
        assertThat(p.evaluate(unknownLoan).failed()).hasSize(2);
        Map<String, Object> service = interestPaid(1_000_000L, "2025-12-21", 3);
        service.put("enterprise.industryCode", "I65");
        assertThat(p.evaluate(service).failed()).containsExactly("制造业（国民经济行业门类C）或高新技术企业");
        service.put("enterprise.qualifications", List.of("HIGH_TECH"));
        assertThat(p.evaluate(service).failed()).isEmpty();
        assertThat(calc("GD-INTEREST-2025", interestPaid(6_000_000_000L, "2025-12-21", 3),
                Map.of("每个受益方每年=2026", 1_900_000_000L)).amountFen())
                .as("60,000,000 × 35% = 21,000,000; 19,000,000 granted → 1,000,000 left of 20,000,000")
                .isEqualTo(100_000_000L);
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

    // ---- the other shipped policies, hand-computed ----------------------------------------------------------------

    /** Facts of an event for an enterprise known to the registry, registered in a Dongguan town, 科技型中小企业. */
    private static Map<String, Object> facts(EventType type, long amountFen) {
        Map<String, Object> f = RuleFacts.defaults();
        EventFacts.event(f, type, java.time.LocalDate.of(2026, 4, 1), amountFen);
        f.put("enterprise.known", true);
        f.put("enterprise.townCode", "441900003");
        f.put("enterprise.qualifications", List.of("TECH_SME"));
        return f;
    }

    /** The amount after every cap that applies, with what was granted before under each cap key. */
    private Calculation calc(String code, Map<String, Object> f, Map<String, Long> grantedBefore) {
        CompiledPolicy p = policy(code);
        return Subsidies.calculation(p, f, p.evaluate(f), p.appliedCaps(f),
                key -> grantedBefore.getOrDefault(key, 0L), null);
    }

    private long amount(String code, Map<String, Object> f) {
        return calc(code, f, Map.of()).amountFen();
    }

    @Test
    void ipPledgeSubsidyIsHalfOfInterestGuaranteeAndValuationFeesWithTheirOwnCaps() {
        Map<String, Object> interest = facts(EventType.INTEREST_PAID, 12_345_678L);
        interest.put("event.ipPledge", true);
        interest.put("event.loanRef", "L1");
        assertThat(amount("DG-IP-PLEDGE-2022", interest)).as("123,456.78 × 50% = 61,728.39").isEqualTo(6_172_839L);
        interest.put("event.amountFen", 1L);
        assertThat(amount("DG-IP-PLEDGE-2022", interest)).as("0.01 × 50% = 0.005 → 0.01 (half up)").isEqualTo(1L);
        interest.put("event.amountFen", 120_000_000L);
        Calculation capped = calc("DG-IP-PLEDGE-2022", interest, Map.of());
        assertThat(capped.formulaFen()).as("1,200,000 × 50% = 600,000").isEqualTo(60_000_000L);
        assertThat(capped.amountFen()).as("at most 500,000 a year for interest").isEqualTo(50_000_000L);
        assertThat(capped.capName()).isEqualTo("贴息每企业每年");
        assertThat(policy("DG-IP-PLEDGE-2022").appliedCaps(interest)).extracting(CompiledPolicy.AppliedCap::key)
                .containsExactly("贴息每企业每年=2026");

        Map<String, Object> guarantee = facts(EventType.GUARANTEE_FEE_PAID, 70_000_000L);
        guarantee.put("event.ipPledge", true);
        assertThat(calc("DG-IP-PLEDGE-2022", guarantee, Map.of("担保费补贴每企业每年=2026", 10_000_000L,
                "贴息每企业每年=2026", 50_000_000L)).amountFen())
                .as("700,000 × 50% = 350,000; 100,000 already granted of 300,000 → 200,000; the interest cap is apart")
                .isEqualTo(20_000_000L);

        Map<String, Object> valuation = facts(EventType.VALUATION_FEE_PAID, 80_000_000L);
        valuation.put("event.item", "ZL202210000001.1");
        assertThat(policy("DG-IP-PLEDGE-2022").appliedCaps(valuation)).extracting(CompiledPolicy.AppliedCap::key)
                .containsExactly("评估费补贴每项知识产权=ZL202210000001.1");
        assertThat(amount("DG-IP-PLEDGE-2022", valuation)).as("800,000 × 50% = 400,000 → 300,000 per IP item")
                .isEqualTo(30_000_000L);
        assertThat(calc("DG-IP-PLEDGE-2022", valuation, Map.of("评估费补贴每项知识产权=ZL202210000001.1",
                25_000_000L)).amountFen()).as("250,000 already for the item → 50,000").isEqualTo(5_000_000L);

        valuation.put("event.item", "");
        assertThat(policy("DG-IP-PLEDGE-2022").evaluate(valuation).failed()).containsExactly("评估费须注明知识产权项目");
        Map<String, Object> plainLoan = facts(EventType.INTEREST_PAID, 1_000_000L);
        assertThat(policy("DG-IP-PLEDGE-2022").evaluate(plainLoan).failed())
                .containsExactly("知识产权质押贷款（质押已在国家知识产权局登记）");
        plainLoan.put("event.ipPledge", true);
        plainLoan.put("enterprise.townCode", "440106001");
        assertThat(policy("DG-IP-PLEDGE-2022").evaluate(plainLoan).failed()).containsExactly("企业在东莞企业库登记");
    }

    private Map<String, Object> listing(String milestone, String board, long proceedsFen) {
        Map<String, Object> f = facts(EventType.LISTING_MILESTONE, 0);
        f.put("event.milestone", milestone);
        f.put("event.board", board);
        f.put("event.proceedsFen", proceedsFen);
        return f;
    }

    @Test
    void cityListingRewardGoesByProceedsAndNeeq() {
        assertThat(amount("GZ-LISTING-2023", listing("上市", "STAR", 150_000_000_000L))).as("15亿元 → 500万元")
                .isEqualTo(500_000_000L);
        assertThat(amount("GZ-LISTING-2023", listing("上市", "MAIN", 149_999_999_999L))).as("15亿元 − 0.01 → 400万元")
                .isEqualTo(400_000_000L);
        assertThat(amount("GZ-LISTING-2023", listing("上市", "CHINEXT", 80_000_000_000L))).as("8亿元 → 400万元")
                .isEqualTo(400_000_000L);
        assertThat(amount("GZ-LISTING-2023", listing("上市", "BSE", 79_999_999_999L))).as("8亿元 − 0.01 → 300万元")
                .isEqualTo(300_000_000L);
        assertThat(amount("GZ-LISTING-2023", listing("上市", "NEEQ", 0))).as("新三板 → 100万元")
                .isEqualTo(100_000_000L);
        assertThat(policy("GZ-LISTING-2023").evaluate(listing("上市", "MAIN", 0)).failed())
                .as("proceeds not yet known").containsExactly("募集资金已登记（新三板挂牌除外）");
        assertThat(policy("GZ-LISTING-2023").evaluate(listing("申报受理", "MAIN", 0)).failed())
                .contains("已上市（新三板为挂牌）");
    }

    @Test
    void districtStageRewardStacksByStageUpToSixMillion() {
        assertThat(amount("ZC-LISTING-STAGE-2023", listing("辅导备案", "MAIN", 0))).isEqualTo(100_000_000L);
        assertThat(amount("ZC-LISTING-STAGE-2023", listing("申报受理", "MAIN", 0))).isEqualTo(200_000_000L);
        assertThat(amount("ZC-LISTING-STAGE-2023", listing("上市", "MAIN", 0))).isEqualTo(300_000_000L);
        assertThat(calc("ZC-LISTING-STAGE-2023", listing("上市", "MAIN", 0), Map.of("每家企业累计=累计", 550_000_000L))
                .amountFen()).as("5,500,000 granted earlier → 500,000 left of 6,000,000").isEqualTo(50_000_000L);
        assertThat(policy("ZC-LISTING-STAGE-2023").evaluate(listing("股改完成", "MAIN", 0)).failed()).hasSize(1);
        assertThat(policy("ZC-LISTING-STAGE-2023").policy().clawback().years()).isEqualTo(5);
        assertThat(policy("ZC-LISTING-STAGE-2023").policy().example()).isTrue();
    }

    @Test
    void insuranceBondAndGuarantorExamplesComputeByHand() {
        assertThat(amount("DG-SCI-INSURANCE-EXAMPLE", facts(EventType.PREMIUM_PAID, 1_234_567L)))
                .as("12,345.67 × 30% = 3,703.701 → 3,703.70").isEqualTo(370_370L);
        assertThat(amount("DG-SCI-INSURANCE-EXAMPLE", facts(EventType.PREMIUM_PAID, 100_000_000L)))
                .as("1,000,000 × 30% = 300,000 → 200,000 a year").isEqualTo(20_000_000L);

        Map<String, Object> bond = facts(EventType.BOND_ISSUED, 100_000_000L);
        bond.put("event.principalFen", 9_000_000_000L);
        assertThat(amount("HP-BOND-2023-EXAMPLE", bond)).as("9,000万元 bond: 1,000,000 × 10%").isEqualTo(10_000_000L);
        bond.put("event.principalFen", 10_000_000_000L);
        assertThat(amount("HP-BOND-2023-EXAMPLE", bond)).as("1亿元 exactly: 8%").isEqualTo(8_000_000L);
        bond.put("event.principalFen", 80_000_000_000L);
        assertThat(amount("HP-BOND-2023-EXAMPLE", bond)).as("8亿元: 5%").isEqualTo(5_000_000L);
        bond.put("event.principalFen", 200_000_000_000L);
        assertThat(amount("HP-BOND-2023-EXAMPLE", bond)).as("20亿元: 1%").isEqualTo(1_000_000L);
        bond.put("event.principalFen", 9_000_000_000L);
        bond.put("event.amountFen", 3_000_000_000L);
        assertThat(amount("HP-BOND-2023-EXAMPLE", bond)).as("30,000,000 × 10% = 3,000,000 → 2,000,000 a year")
                .isEqualTo(200_000_000L);

        Map<String, Object> capital = facts(EventType.CAPITAL_CONTRIBUTED, 3_000_000_000L);
        capital.put("enterprise.known", false);
        assertThat(amount("GZ-GUARANTOR-CAPITAL-2021", capital)).as("30,000,000 × 40% = 12,000,000")
                .isEqualTo(1_200_000_000L);
        capital.put("event.amountFen", 10_000_000_000L);
        assertThat(amount("GZ-GUARANTOR-CAPITAL-2021", capital)).as("100,000,000 × 40% → the 20,000,000 example cap")
                .isEqualTo(2_000_000_000L);
    }

    @Test
    void everyCostEventTypeTriggersAShippedPolicy() {
        for (EventType t : EventType.values()) {
            if (t == EventType.LOAN_DISBURSED) {
                continue; // interest subsidies pay on interest paid, not on disbursement
            }
            assertThat(policies).as(t.name()).anyMatch(p -> p.policy().triggeredBy(t) && !p.policy().code()
                    .startsWith("TEST-"));
        }
    }

    @Test
    void anInvestmentBeforeTheInvesteeExistedFailsTheAgeRule() {
        Map<String, Object> f = angelFacts(100_000_000L);
        EventFacts.enterprise(f, new org.sanrong.enterprise.EnterpriseFacts("91440101MA5TEST001", "441900401", "I6513",
                org.sanrong.enterprise.LifecycleStage.SEED, java.util.Set.of("TECH_SME"),
                java.time.LocalDate.of(2025, 6, 1), null, null), java.time.LocalDate.of(2025, 3, 1));
        assertThat(f.get("enterprise.ageYears")).as("three months before registration: no age, not 0").isEqualTo(-1L);
        assertThat(policy("GZ-ANGEL-2021").evaluate(f).failed())
                .containsExactly("被投企业成立不超过5年（生物医药不超过8年）");
    }
}
