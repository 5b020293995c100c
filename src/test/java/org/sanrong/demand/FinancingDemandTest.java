package org.sanrong.demand;

import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.FinancingKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.platform.Fen;
import org.sanrong.platform.InvalidRequestException;

/** The demand's state machine, versioning and rules, without a database. */
class FinancingDemandTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final String CODE = "91441900MA4W7K3L0X";

    /** 3000万元 A轮, 股+债 (投贷联动), everything stated. */
    static DemandTerms seriesA() {
        return new DemandTerms(Fen.fromWan("3000"), "A轮：扩充研发团队", PurposeCategory.RESEARCH, 36,
                Set.of(FinancingKind.EQUITY, FinancingKind.DEBT), new BigDecimal("15"), new BigDecimal("8.5"),
                Set.of(Collateral.IP), TODAY.plusDays(90), Visibility.ALL, List.of());
    }

    static DemandTerms with(DemandTerms t, Long amountFen) {
        return new DemandTerms(amountFen, t.purpose(), t.purposeCategory(), t.termMonths(), t.kinds(),
                t.maxEquityStakePercent(), t.maxAnnualRatePercent(), t.collateral(), t.neededBy(), t.visibility(),
                t.chosenInstitutions());
    }

    static FinancingDemand draft(DemandTerms terms) {
        return FinancingDemand.draft(CODE, UUID.randomUUID(), terms, "founder", NOW, TODAY);
    }

    static FinancingDemand published() {
        FinancingDemand d = draft(seriesA());
        d.publish(NOW, TODAY);
        d.drainEvents();
        return d;
    }

    @Test
    void publishesADraftAsVersionOneAndAnnouncesItsKinds() {
        FinancingDemand d = draft(seriesA());
        assertThat(d.status()).isEqualTo(DemandStatus.DRAFT);
        assertThat(d.version()).isZero();
        d.publish(NOW, TODAY);
        assertThat(d.status()).isEqualTo(DemandStatus.PUBLISHED);
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.publishedAt()).isEqualTo(NOW);
        assertThat(d.drainEvents()).singleElement().isInstanceOfSatisfying(DemandPublished.class, e -> {
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.enterpriseCreditCode()).isEqualTo(CODE);
            assertThat(e.amountFen()).isEqualTo(3_000_000_000L);
            assertThat(e.kinds()).containsExactly(FinancingKind.DEBT, FinancingKind.EQUITY);
        });
    }

    @Test
    void refusesToPublishAnIncompleteDraftNamingEveryMissingField() {
        FinancingDemand d = draft(new DemandTerms(null, null, null, null, Set.of(FinancingKind.EQUITY), null, null,
                Set.of(), null, Visibility.ALL, List.of()));
        assertThatThrownBy(() -> d.publish(NOW, TODAY)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsKeys("amountFen", "purposeCategory", "purpose",
                        "termMonths", "maxEquityStakePercent", "collateral", "neededBy")
                        .doesNotContainKey("kinds"));
        assertThat(d.status()).isEqualTo(DemandStatus.DRAFT);
        assertThat(d.drainEvents()).isEmpty();
    }

    @Test
    void refusesToPublishWithoutAnyKind() {
        FinancingDemand d = draft(new DemandTerms(Fen.fromWan("500"), "流动资金", PurposeCategory.WORKING_CAPITAL, 12,
                Set.of(), null, null, Set.of(Collateral.NONE), TODAY.plusDays(30), Visibility.ALL, List.of()));
        assertThatThrownBy(() -> d.publish(NOW, TODAY)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("kinds"));
    }

    @Test
    void revisingAPublishedDemandMakesTheNextVersionAndAnnouncesIt() {
        FinancingDemand d = published();
        assertThat(d.revise(with(seriesA(), Fen.fromWan("2500")), NOW.plusSeconds(60), TODAY)).isTrue();
        assertThat(d.version()).isEqualTo(2);
        assertThat(d.terms().amountFen()).isEqualTo(2_500_000_000L);
        assertThat(d.drainEvents()).singleElement().isInstanceOfSatisfying(DemandPublished.class,
                e -> assertThat(e.version()).isEqualTo(2));
        assertThat(d.revise(with(seriesA(), Fen.fromWan("2500")), NOW, TODAY)).as("unchanged: no version").isFalse();
        assertThat(d.version()).isEqualTo(2);
    }

    @Test
    void revisingADraftKeepsItUnversioned() {
        FinancingDemand d = draft(seriesA());
        assertThat(d.revise(with(seriesA(), Fen.fromWan("100")), NOW, TODAY)).isFalse();
        assertThat(d.version()).isZero();
        assertThat(d.drainEvents()).isEmpty();
    }

    @Test
    void aPublishedDemandMustStayCompleteWhenRevised() {
        FinancingDemand d = published();
        assertThatThrownBy(() -> d.revise(with(seriesA(), null), NOW, TODAY))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("amountFen"));
        assertThat(d.version()).isEqualTo(1);
    }

    @Test
    void movesThroughProgressToSatisfiedOrPartlySatisfied() {
        FinancingDemand full = published();
        assertThatThrownBy(() -> full.markSatisfied(1, NOW)).isInstanceOf(IllegalStateException.class);
        full.startProgress(NOW);
        assertThat(full.status()).isEqualTo(DemandStatus.IN_PROGRESS);
        full.markSatisfied(Fen.fromWan("3000"), NOW);
        assertThat(full.status()).isEqualTo(DemandStatus.SATISFIED);
        assertThat(full.drainEvents()).singleElement().isInstanceOfSatisfying(DemandClosed.class,
                e -> assertThat(e.outcome()).isEqualTo(DemandStatus.SATISFIED));

        FinancingDemand part = published();
        part.startProgress(NOW);
        part.markSatisfied(Fen.fromWan("1000"), NOW);
        assertThat(part.status()).isEqualTo(DemandStatus.PARTLY_SATISFIED);
        assertThat(part.raisedFen()).isEqualTo(1_000_000_000L);
        assertThatThrownBy(() -> part.startProgress(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startProgressOnlyFromPublished() {
        FinancingDemand d = draft(seriesA());
        assertThatThrownBy(() -> d.startProgress(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingNeedsAReasonAndEndsTheDemand() {
        FinancingDemand d = published();
        assertThatThrownBy(() -> d.close(" ", NOW)).isInstanceOf(InvalidRequestException.class);
        d.close("已通过其他渠道融资", NOW);
        assertThat(d.status()).isEqualTo(DemandStatus.CLOSED);
        assertThat(d.closedReason()).isEqualTo("已通过其他渠道融资");
        assertThat(d.drainEvents()).singleElement().isInstanceOf(DemandClosed.class);
        assertThatThrownBy(() -> d.close("again", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> d.revise(seriesA(), NOW, TODAY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> d.publish(NOW, TODAY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiresOnlyOpenDemandsPastTheirDateAndGrace() {
        FinancingDemand d = published();
        LocalDate neededBy = d.terms().neededBy();
        assertThat(d.overdue(neededBy.plusDays(30), 30)).isFalse();
        assertThat(d.overdue(neededBy.plusDays(31), 30)).isTrue();
        d.expire(NOW);
        assertThat(d.status()).isEqualTo(DemandStatus.EXPIRED);
        assertThat(d.drainEvents()).singleElement().isInstanceOfSatisfying(DemandClosed.class,
                e -> assertThat(e.outcome()).isEqualTo(DemandStatus.EXPIRED));
        assertThatThrownBy(() -> draft(seriesA()).expire(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsBadValuesEvenInADraft() {
        assertThat(problem(with(seriesA(), 0L))).containsKey("amountFen");
        assertThat(problem(with(seriesA(), -5L))).containsKey("amountFen");
        assertThat(problem(with(seriesA(), Fen.MAX + 1))).containsKey("amountFen");
        DemandTerms t = seriesA();
        assertThat(problem(new DemandTerms(t.amountFen(), t.purpose(), t.purposeCategory(), 0, t.kinds(), null, null,
                t.collateral(), t.neededBy(), Visibility.ALL, List.of()))).containsKey("termMonths");
        assertThat(problem(new DemandTerms(t.amountFen(), t.purpose(), t.purposeCategory(), 361, t.kinds(), null,
                null, t.collateral(), t.neededBy(), Visibility.ALL, List.of()))).containsKey("termMonths");
        assertThat(problem(new DemandTerms(t.amountFen(), t.purpose(), t.purposeCategory(), 12, t.kinds(),
                new BigDecimal("100.5"), new BigDecimal("36.01"), t.collateral(), t.neededBy(), Visibility.ALL,
                List.of()))).containsKeys("maxEquityStakePercent", "maxAnnualRatePercent");
        assertThat(problem(new DemandTerms(t.amountFen(), t.purpose(), t.purposeCategory(), 12, t.kinds(),
                BigDecimal.ZERO, new BigDecimal("-1"), t.collateral(), t.neededBy(), Visibility.ALL, List.of())))
                .containsKeys("maxEquityStakePercent", "maxAnnualRatePercent");
        assertThat(problem(new DemandTerms(t.amountFen(), t.purpose(), t.purposeCategory(), 12, t.kinds(), null,
                new BigDecimal("36"), Set.of(Collateral.NONE, Collateral.IP), TODAY.minusDays(1), Visibility.CHOSEN,
                List.of()))).containsOnlyKeys("collateral", "neededBy", "chosenInstitutions");
        assertThat(seriesA().problems(TODAY)).isEmpty();
    }

    @Test
    void sameRateWrittenDifferentlyIsTheSameTerms() {
        DemandTerms a = seriesA();
        DemandTerms b = new DemandTerms(a.amountFen(), a.purpose(), a.purposeCategory(), a.termMonths(), a.kinds(),
                new BigDecimal("15.000"), new BigDecimal("8.50"), a.collateral(), a.neededBy(), a.visibility(),
                a.chosenInstitutions());
        assertThat(b).isEqualTo(a);
    }

    private static java.util.Map<String, String> problem(DemandTerms terms) {
        try {
            draft(terms);
        } catch (InvalidRequestException e) {
            return e.fieldErrors();
        }
        return java.util.Map.of();
    }
}
