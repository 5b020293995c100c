package org.sanrong.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.platform.OrganisationMember;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With {@code sanrong.catalog.review-required=false} submitting publishes at once. */
@SanrongTest
@TestPropertySource(properties = "sanrong.catalog.review-required=false")
class ProductWithoutReviewTest {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    OrganisationRegistry registry;

    record Member(String username, UUID organisationId, String organisationName) implements OrganisationMember {
    }

    @Test
    void submittingPublishesAtOnce() {
        String username = TestData.username("noreview");
        UUID org = registry.register(new Registration("免审测试" + username, TestData.creditCode(),
                InstitutionType.LESSOR, "孙经理", TestData.mobile(), username, "孙经理", TestData.DEMO_PASSWORD));
        registry.approve(org, "test");
        Member lessor = new Member(username, org, "免审测试" + username);
        ProductContent content = new ProductContent(ProductType.LEASING, "回租" + username, "设备售后回租",
                new Terms(100_000_000L, 1_000_000_000L, 12, 48, new java.math.BigDecimal("4.8"),
                        new java.math.BigDecimal("7.2"), null, null, null, null, null),
                EligibilityCriteria.NONE, null, null, null, null, "孙经理", "0769-22000001");
        UUID id = catalog.create(content, lessor);

        assertThat(catalog.reviewRequired()).isFalse();
        assertThat(catalog.submit(id, lessor)).isEqualTo(FinancialProduct.Status.PUBLISHED);
        assertThat(catalog.current(id)).get().satisfies(v -> assertThat(v.ref().version()).isEqualTo(1));
    }
}
