package org.sanrong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.identity.InstitutionType;
import org.sanrong.platform.InvalidRequestException;

/** The product's lifecycle and versions, in the domain's words. */
class FinancialProductTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    static Terms creditTerms() {
        return new Terms(10_000_000L, 300_000_000L, 6, 36, new BigDecimal("3.45"), new BigDecimal("4.5"), null, null,
                null, null, null);
    }

    static ProductContent complete(String name) {
        return new ProductContent(ProductType.CREDIT_LOAN, name, "纯信用贷款", creditTerms(), EligibilityCriteria.NONE,
                null, "营业执照", TODAY.minusDays(10), TODAY.plusYears(1), "陈经理", "0769-22880001");
    }

    static FinancialProduct draft(ProductContent content) {
        return FinancialProduct.draft(UUID.randomUUID(), "东莞科创银行", InstitutionType.BANK, content, "bank", NOW);
    }

    @Test
    void submittedProductIsPublishedAsVersionOneWhenTheReviewerApproves() {
        FinancialProduct p = draft(complete("天使贷"));
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.DRAFT);
        assertThat(p.version()).isZero();
        p.submit(true, TODAY, NOW);
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.SUBMITTED);
        assertThat(p.version()).isZero();
        p.approve(TODAY, NOW);
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.PUBLISHED);
        assertThat(p.version()).isEqualTo(1);
    }

    @Test
    void submittingPublishesAtOnceWhenNoReviewIsRequired() {
        FinancialProduct p = draft(complete("天使贷"));
        p.submit(false, TODAY, NOW);
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.PUBLISHED);
        assertThat(p.version()).isEqualTo(1);
    }

    @Test
    void reviewerReturnsSubmissionToDraftWithReason() {
        FinancialProduct p = draft(complete("天使贷"));
        p.submit(true, TODAY, NOW);
        assertThatThrownBy(() -> p.returnToDraft(" ", NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("退回理由");
        p.returnToDraft("利率区间请与合同一致", NOW);
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.DRAFT);
        assertThat(p.returnReason()).isEqualTo("利率区间请与合同一致");
        p.submit(true, TODAY, NOW);
        assertThat(p.returnReason()).isNull();
    }

    @Test
    void changingPublishedProductMakesTheNextVersion() {
        FinancialProduct p = draft(complete("天使贷"));
        p.submit(false, TODAY, NOW);
        p.edit(complete("天使贷（升级版）"), TODAY, NOW);
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.PUBLISHED);
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.content().name()).isEqualTo("天使贷（升级版）");
    }

    @Test
    void savingPublishedProductUnchangedMakesNoNewVersion() {
        FinancialProduct p = draft(complete("天使贷"));
        p.submit(false, TODAY, NOW);
        p.edit(complete("天使贷"), TODAY, NOW);
        assertThat(p.version()).isEqualTo(1);
    }

    @Test
    void publishedProductCannotBeEditedIntoAnIncompleteOne() {
        FinancialProduct p = draft(complete("天使贷"));
        p.submit(false, TODAY, NOW);
        ProductContent incomplete = new ProductContent(ProductType.CREDIT_LOAN, "天使贷", null, Terms.NONE,
                EligibilityCriteria.NONE, null, null, null, null, null, null);
        assertThatThrownBy(() -> p.edit(incomplete, TODAY, NOW)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsKeys("description", "maxAmountFen", "minRate", "contactName"));
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.content().description()).isEqualTo("纯信用贷款");
    }

    @Test
    void refusesToSubmitIncompleteProductNamingEachMissingField() {
        FinancialProduct p = draft(new ProductContent(ProductType.EQUITY_INVESTMENT, "天使投资", null, Terms.NONE,
                EligibilityCriteria.NONE, null, null, null, null, null, null));
        assertThatThrownBy(() -> p.submit(true, TODAY, NOW)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsKeys("description", "minAmountFen", "maxAmountFen",
                        "minStake", "maxStake", "contactName", "contactPhone").doesNotContainKey("minRate"));
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.DRAFT);
    }

    @Test
    void refusesToPublishProductPastItsValidity() {
        ProductContent c = complete("天使贷");
        ProductContent stale = new ProductContent(c.type(), c.name(), c.description(), c.terms(), c.criteria(), null,
                null, TODAY.minusYears(2), TODAY.minusDays(1), c.contactName(), c.contactPhone());
        FinancialProduct p = draft(stale);
        assertThatThrownBy(() -> p.submit(true, TODAY, NOW)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsKey("validUntil"));
    }

    @Test
    void submissionUnderReviewCannotBeEditedButCanBeTakenBack() {
        FinancialProduct p = draft(complete("天使贷"));
        p.submit(true, TODAY, NOW);
        assertThatThrownBy(() -> p.edit(complete("改名"), TODAY, NOW)).isInstanceOf(IllegalStateException.class);
        p.withdraw(NOW);
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.DRAFT);
    }

    @Test
    void withdrawnProductBecomesDraftWhenEditedAndRepublishesAsNextVersion() {
        FinancialProduct p = draft(complete("天使贷"));
        p.submit(false, TODAY, NOW);
        p.withdraw(NOW);
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.WITHDRAWN);
        assertThatThrownBy(() -> p.withdraw(NOW)).isInstanceOf(IllegalStateException.class);
        p.edit(complete("天使贷"), TODAY, NOW);
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.DRAFT);
        p.submit(false, TODAY, NOW);
        assertThat(p.version()).isEqualTo(2);
    }

    @Test
    void approvingTwiceIsRefused() {
        FinancialProduct p = draft(complete("天使贷"));
        assertThatThrownBy(() -> p.approve(TODAY, NOW)).isInstanceOf(IllegalStateException.class);
        p.submit(true, TODAY, NOW);
        p.approve(TODAY, NOW);
        assertThatThrownBy(() -> p.approve(TODAY, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(p.version()).isEqualTo(1);
    }

    @Test
    void publishedProductExpiresAfterItsValidityEnds() {
        FinancialProduct p = draft(complete("天使贷"));
        p.submit(false, TODAY, NOW);
        assertThat(p.expire(TODAY.plusYears(1), NOW)).isFalse();
        assertThat(p.expire(TODAY.plusYears(1).plusDays(1), NOW)).isTrue();
        assertThat(p.status()).isEqualTo(FinancialProduct.Status.EXPIRED);
    }

    @Test
    void draftNeedsTypeAndName() {
        assertThatThrownBy(() -> draft(new ProductContent(null, " ", null, null, null, null, null, null, null, null,
                null))).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("type", "name"));
    }

    @Test
    void termsRefuseInvertedNegativeAndOutOfRangeValues() {
        assertThatThrownBy(() -> new Terms(-1L, 5L, 0, 400, new BigDecimal("37"), new BigDecimal("-1"), null, null,
                null, null, null)).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                        e.fieldErrors()).containsEntry("minAmountFen", "金额不能为负数")
                        .containsEntry("minTermMonths", "期限须在 1 至 360 个月之间")
                        .containsEntry("maxTermMonths", "期限须在 1 至 360 个月之间")
                        .containsEntry("minRate", "年利率须在 0% 至 36% 之间")
                        .containsKey("maxRate"));
        assertThatThrownBy(() -> new Terms(500L, 100L, 24, 12, new BigDecimal("5"), new BigDecimal("4"), null, null,
                null, null, null)).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                        e.fieldErrors()).containsEntry("maxAmountFen", "最高金额不能低于最低金额")
                        .containsEntry("maxTermMonths", "最长期限不能短于最短期限")
                        .containsEntry("maxRate", "最高利率不能低于最低利率"));
        assertThatThrownBy(() -> new Terms(null, null, null, null, new BigDecimal("3.12345"), null, null, null, null,
                null, null)).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("minRate"));
    }

    @Test
    void ratesAreKeptAsExactDecimals() {
        Terms t = new Terms(null, 1L, 1, 360, new BigDecimal("3.4500"), new BigDecimal("36"), null, null, null,
                null, null);
        assertThat(t.minRate()).isEqualTo(new BigDecimal("3.45"));
        assertThat(t.maxRate()).isEqualTo(new BigDecimal("36"));
        assertThat(List.of(t.minTermMonths(), t.maxTermMonths())).containsExactly(1, 360);
    }
}
