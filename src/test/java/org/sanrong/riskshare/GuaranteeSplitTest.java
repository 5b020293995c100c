package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sanrong.platform.InvalidRequestException;

/** Guarantee sharing by hand: 财金〔2024〕60号 by category with its fees, and Anhui's 4321, to the fen. */
class GuaranteeSplitTest {

    static final GuaranteeScheme NFGF = SchemeFixtures.guarantee("NFGF-TECH-2024");
    static final GuaranteeScheme AH4321 = SchemeFixtures.guarantee("AH-4321");

    static long fen(String yuan) {
        return CompensationTest.fen(yuan);
    }

    static Map<GuaranteeParty, Long> net(GuaranteeSplit.Result r) {
        return r.parts().stream().collect(Collectors.toMap(GuaranteeSplit.Part::party, GuaranteeSplit.Part::netFen));
    }

    @Test
    void specialisedFirmsGetTheFundsFortyPercent() {
        GuaranteeSplit.Result r = GuaranteeSplit.split(NFGF, Set.of(GuaranteeSplit.key("专精特新")), fen("20000000.00"),
                fen("15000000.00"), 0);
        assertThat(net(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                GuaranteeParty.BANK, fen("3000000.00"),
                GuaranteeParty.NATIONAL_FUND, fen("6000000.00"),
                GuaranteeParty.PROVINCIAL_REGUARANTOR, fen("3000000.00"),
                GuaranteeParty.CITY_GUARANTOR, fen("3000000.00")));
        // re-guarantee fee: 0.5% of the fund's 40% of 20,000,000 = 40,000 a year
        assertThat(r.fees()).singleElement().satisfies(f -> {
            assertThat(f.baseFen()).isEqualTo(fen("8000000.00"));
            assertThat(f.rate()).isEqualByComparingTo("0.005");
            assertThat(f.yearlyFen()).isEqualTo(fen("40000.00"));
            assertThat(f.payer()).isEqualTo(GuaranteeParty.CITY_GUARANTOR);
        });
    }

    @Test
    void highTechAndTechSmesGetThirtyFiveAndThirtyTheCityGuarantorTheRest() {
        GuaranteeSplit.Result highTech = GuaranteeSplit.split(NFGF, Set.of("HIGH_TECH"), fen("10000000.00"),
                fen("10000000.00"), 0);
        assertThat(net(highTech).get(GuaranteeParty.NATIONAL_FUND)).isEqualTo(fen("3500000.00"));
        assertThat(net(highTech).get(GuaranteeParty.CITY_GUARANTOR)).isEqualTo(fen("2500000.00"));
        GuaranteeSplit.Result techSme = GuaranteeSplit.split(NFGF, Set.of(GuaranteeSplit.key("科技型中小企业")),
                fen("10000000.00"), fen("10000000.00"), 0);
        assertThat(net(techSme).get(GuaranteeParty.NATIONAL_FUND)).isEqualTo(fen("3000000.00"));
        assertThat(net(techSme).get(GuaranteeParty.CITY_GUARANTOR)).isEqualTo(fen("3000000.00"));
        GuaranteeSplit.Result both = GuaranteeSplit.split(NFGF, Set.of("HIGH_TECH", "SRDI_SME"), fen("10000000.00"),
                fen("10000000.00"), 0);
        assertThat(net(both).get(GuaranteeParty.NATIONAL_FUND)).as("the largest share among its categories")
                .isEqualTo(fen("4000000.00"));
    }

    @Test
    void aSmallGuaranteePaysTheReducedFee() {
        // 5,000,000 is "at most 5,000,000": 0.3% of the fund's 40% = 6,000
        assertThat(GuaranteeSplit.split(NFGF, Set.of("SRDI_SME"), fen("5000000.00"), 0, 0).fees().getFirst()
                .yearlyFen()).isEqualTo(fen("6000.00"));
        assertThat(GuaranteeSplit.split(NFGF, Set.of("SRDI_SME"), fen("5000000.01"), 0, 0).fees().getFirst()
                .yearlyFen()).as("0.5% of 2,000,000.004 → 10,000.00").isEqualTo(fen("10000.00"));
    }

    @Test
    void recoveriesComeBackInTheSameProportions() {
        GuaranteeSplit.Result r = GuaranteeSplit.split(NFGF, Set.of("SRDI_SME"), fen("20000000.00"),
                fen("15000000.00"), fen("3000000.00"));
        assertThat(r.parts()).filteredOn(p -> p.party() == GuaranteeParty.NATIONAL_FUND).singleElement()
                .satisfies(p -> {
                    assertThat(p.lossFen()).isEqualTo(fen("6000000.00"));
                    assertThat(p.recoveryFen()).isEqualTo(fen("1200000.00"));
                    assertThat(p.netFen()).isEqualTo(fen("4800000.00"));
                });
        assertThat(r.parts().stream().mapToLong(GuaranteeSplit.Part::netFen).sum()).isEqualTo(fen("12000000.00"));
    }

    @Test
    void fourThreeTwoOneWithTheRemainderTakingTheRoundingFen() {
        GuaranteeSplit.Result r = GuaranteeSplit.split(AH4321, Set.of(), fen("10000000.00"), fen("100.01"), 0);
        // 30% of 10,001 fen = 3,000.3 → 3,000; 20% → 2,000; 10% → 1,000; the guarantor takes the rest: 4,001
        assertThat(net(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                GuaranteeParty.CITY_GUARANTOR, 4001L,
                GuaranteeParty.PROVINCIAL_REGUARANTOR, 3000L,
                GuaranteeParty.BANK, 2000L,
                GuaranteeParty.LOCAL_GOVERNMENT, 1000L));
        assertThat(r.parts()).filteredOn(p -> p.party() == GuaranteeParty.CITY_GUARANTOR).singleElement()
                .satisfies(p -> assertThat(p.share()).isEqualByComparingTo("0.40"));
        assertThat(net(GuaranteeSplit.split(AH4321, Set.of(), fen("20000000.00"), fen("20000000.00"), 0))
                .get(GuaranteeParty.CITY_GUARANTOR)).isEqualTo(fen("8000000.00"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> GuaranteeSplit.split(AH4321, Set.of(), fen("20000000.01"), fen("1.00"), 0))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("principal"));
        assertThatThrownBy(() -> GuaranteeSplit.split(NFGF, Set.of("上市后备企业"), fen("1000000.00"), fen("1.00"), 0))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors()
                        .get("enterpriseCategory")).contains("专精特新").doesNotContain("SRDI_SME"));
        assertThatThrownBy(() -> GuaranteeSplit.split(NFGF, Set.of("SRDI_SME"), fen("1000000.00"), fen("1000000.01"),
                0)).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("loss"));
        assertThatThrownBy(() -> GuaranteeSplit.split(NFGF, Set.of("SRDI_SME"), fen("1000000.00"), fen("10.00"),
                fen("10.01"))).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("recovery"));
    }
}
