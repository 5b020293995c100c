package org.sanrong.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Fresh parties for deal tests, so tests sharing the database never meet: an enterprise of its own and institutions
 * each with a published credit loan open to every enterprise (no criteria), approved by the demo government.
 */
public final class DealFixtures {

    public static final String PW = TestData.DEMO_PASSWORD;
    static final ObjectMapper JSON = new ObjectMapper();

    public record Party(String username, UUID organisationId) {
    }

    public record Lender(String username, UUID organisationId, String name, UUID productId) {
    }

    private final int port;
    private final OrganisationRegistry registry;

    public DealFixtures(int port, OrganisationRegistry registry) {
        this.port = port;
        this.registry = registry;
    }

    public Party enterprise() {
        String username = TestData.username("de");
        UUID id = registry.register(new Registration("东莞对接测试" + username + "科技有限公司", TestData.creditCode(), null,
                "孙七", TestData.mobile(), username, "孙七", PW));
        return new Party(username, id);
    }

    public Lender lender() {
        String username = TestData.username("dl");
        String name = "测试" + username + "银行";
        UUID id = registry.register(new Registration(name, TestData.creditCode(), InstitutionType.BANK, "周经理",
                TestData.mobile(), username, "周经理", PW));
        registry.approve(id, "test");
        HttpResponse<String> created = api("POST", "/api/v1/products", username, """
                {"type": "CREDIT_LOAN", "name": "%s科创信用贷", "description": "面向科技型企业的信用贷款",
                 "terms": {"minAmountFen": 10000000, "maxAmountFen": 10000000000, "minTermMonths": 1,
                           "maxTermMonths": 60, "minRate": 3.2, "maxRate": 6.0},
                 "criteria": {},
                 "collateralNeeds": "无", "materials": "营业执照",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31",
                 "contactName": "周经理", "contactPhone": "0769-22000001"}""".formatted(username));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String productId = json(created).path("id").asText();
        assertThat(api("POST", "/api/v1/products/" + productId + "/submission", username, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> approved = api("POST", "/api/v1/products/" + productId + "/approval", "gov", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return new Lender(username, id, name, UUID.fromString(productId));
    }

    /** A published 500万元 debt demand of the enterprise, 12 months, at most 8%, no collateral. */
    public UUID demand(Party enterprise, boolean oneLender) {
        HttpResponse<String> r = api("POST", "/api/v1/demands?publish=true", enterprise.username(), """
                {"amountFen": 500000000, "purpose": "研发人员工资和样机试制", "purposeCategory": "RESEARCH",
                 "termMonths": 12, "kinds": ["DEBT"], "maxAnnualRatePercent": 8, "collateral": ["NONE"],
                 "neededBy": "%s", "visibility": "ALL", "oneLenderAtATime": %s}"""
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60), oneLender));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r).path("id").asText());
    }

    public HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, username == null ? null : PW, body);
    }

    public static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** Opens a deal by the enterprise's application to the lender's product for the demand; answers its id. */
    public UUID apply(Party enterprise, Lender lender, UUID demandId) {
        HttpResponse<String> r = api("POST", "/api/v1/deals", enterprise.username(), """
                {"productId": "%s", "demandId": "%s", "shareData": false}""".formatted(lender.productId(), demandId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r).path("id").asText());
    }
}
