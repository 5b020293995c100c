package org.sanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.matching.Matchmaking;
import org.sanrong.matching.ProductMatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Matching reads the ratings: a product asking for at least grade A refuses a BBB enterprise and says so, and admits
 * one rated A or better; the same for a minimum innovation score.
 */
@SanrongTest
class CreditMatchingTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    Matchmaking matchmaking;

    @Autowired
    JdbcClient jdbc;

    /** Products this test put on the shelf and their owners, taken off again afterwards. */
    private final java.util.Map<UUID, String> shelved = new java.util.HashMap<>();

    @org.junit.jupiter.api.AfterEach
    void takeOffTheShelf() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        shelved.forEach((id, owner) -> assertThat(fx.api("POST", "/api/v1/products/" + id + "/withdrawal", owner,
                null).statusCode()).isEqualTo(200));
    }

    private UUID product(CreditFixtures fx, String criteria) {
        String username = TestData.username("cm");
        UUID bank = registry.register(new Registration("测试" + username + "银行", TestData.creditCode(),
                InstitutionType.BANK, "冯经理", TestData.mobile(), username, "冯经理", CreditFixtures.PW));
        registry.approve(bank, "test");
        HttpResponse<String> created = fx.api("POST", "/api/v1/products", username, """
                {"type": "CREDIT_LOAN", "name": "%s评级贷", "description": "按平台信用评级授信",
                 "terms": {"minAmountFen": 10000000, "maxAmountFen": 1000000000, "minTermMonths": 1,
                           "maxTermMonths": 36, "minRate": 3.2, "maxRate": 6.0},
                 "criteria": %s, "collateralNeeds": "无", "materials": "营业执照",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31",
                 "contactName": "冯经理", "contactPhone": "0769-22000002"}""".formatted(username, criteria));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = CreditFixtures.json(created).path("id").asText();
        assertThat(fx.api("POST", "/api/v1/products/" + id + "/submission", username, null).statusCode())
                .isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/products/" + id + "/approval", "gov", null).statusCode()).isEqualTo(200);
        shelved.put(UUID.fromString(id), username);
        return UUID.fromString(id);
    }

    private String rated(String condition) {
        List<String> codes = jdbc.sql("SELECT credit_code FROM credit.rating WHERE " + condition
                + " ORDER BY credit_code LIMIT 1").query(String.class).list();
        assertThat(codes).as("an enterprise rated " + condition).isNotEmpty();
        return codes.getFirst();
    }

    private ProductMatch judged(String code, UUID product, CreditFixtures fx) {
        return matchmaking.forEnterprise(code, fx.signIn("gov")).stream()
                .filter(m -> m.product().productId().equals(product)).findFirst().orElseThrow();
    }

    private boolean offered(String code, UUID product, CreditFixtures fx) {
        HttpResponse<String> r = fx.api("GET", "/api/v1/enterprises/" + code + "/eligible-products", "gov", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().contains(product.toString());
    }

    @Test
    void aProductAskingForGradeARefusesABbbEnterpriseWithTheReason() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        UUID product = product(fx, "{\"minCreditGrade\": \"A\"}");
        String bbb = rated("grade = 'BBB'");
        String good = rated("grade IN ('AAA', 'AA', 'A')");

        ProductMatch refused = judged(bbb, product, fx);
        assertThat(refused.eligible()).isFalse();
        assertThat(refused.failedRules()).contains("不符合：平台信用评级不低于 A");
        assertThat(offered(bbb, product, fx)).isFalse();

        ProductMatch admitted = judged(good, product, fx);
        assertThat(admitted.failedRules()).noneMatch(r -> r.contains("信用评级"));
        assertThat(admitted.eligible()).isTrue();
        assertThat(offered(good, product, fx)).isTrue();
    }

    @Test
    void aMinimumInnovationScoreIsReadFromTheRatings() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        UUID product = product(fx, "{\"minInnovationScore\": 40}");
        String low = rated("innovation_score < 40");
        String high = rated("innovation_score >= 40");
        assertThat(judged(low, product, fx).failedRules()).contains("不符合：创新积分不低于 40 分");
        assertThat(judged(high, product, fx).eligible()).isTrue();
    }
}
