package org.sanrong.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductQuery;
import org.sanrong.enterprise.EnterpriseBook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Demand → products, enterprise → products and product → reach over real HTTP, on the demo market. */
@SanrongTest
class MatchmakingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = TestData.DEMO_PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    EnterpriseBook enterprises;

    @Autowired
    EnterpriseEligibility eligibility;

    @Autowired
    org.sanrong.reference.ReferenceData reference;

    @Autowired
    org.sanrong.credit.CreditRatings ratings;

    private JsonNode get(String path, String user) {
        var r = new WebClient(port).api("GET", path, user, PW, null);
        assertThat(r.statusCode()).as(path + " as " + user + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void demandMatchesAreRankedExplainedAndReasoned() {
        JsonNode mine = get("/api/v1/demands", "enterprise");
        String demandId = null;
        for (JsonNode d : mine) {
            if (d.path("status").asText().equals("PUBLISHED")) {
                demandId = d.path("id").asText();
            }
        }
        assertThat(demandId).as("the demo enterprise has a published demand").isNotNull();
        JsonNode matches = get("/api/v1/demands/" + demandId + "/matches", "enterprise");
        assertThat(matches.size()).isEqualTo((int) catalog.search(new ProductQuery(null, null, null, null, null, null,
                ProductQuery.Sort.NEWEST), 0, 10_000).total());
        int previous = Integer.MAX_VALUE;
        boolean seenIneligible = false;
        for (JsonNode m : matches) {
            if (m.path("eligible").asBoolean()) {
                assertThat(seenIneligible).as("eligible products come first").isFalse();
                int score = m.path("score").asInt();
                assertThat(score).isBetween(0, 100).isLessThanOrEqualTo(previous);
                previous = score;
                int sum = 0;
                for (JsonNode f : m.path("factors")) {
                    sum += f.path("points").asInt();
                    assertThat(f.path("explanation").asText()).isNotBlank();
                }
                assertThat(sum).as("factors add up to the score").isEqualTo(score);
                assertThat(m.path("failedRules")).isEmpty();
            } else {
                seenIneligible = true;
                assertThat(m.path("failedRules").size()).as("an ineligible product says why").isPositive();
            }
        }
        assertThat(seenIneligible || matches.size() > 0).isTrue();

        // every "不符合" reason names a rule the enterprise really fails, in the catalogue's own evaluation
        String code = get("/api/v1/demands/" + demandId, "enterprise").path("enterpriseCreditCode").asText();
        var facts = enterprises.facts(code).orElseThrow();
        JsonNode demand = get("/api/v1/demands/" + demandId, "enterprise");
        java.util.Set<org.sanrong.catalog.Collateral> offered = java.util.EnumSet.noneOf(
                org.sanrong.catalog.Collateral.class);
        demand.path("terms").path("collateral").forEach(c -> offered.add(
                org.sanrong.catalog.Collateral.valueOf(c.asText())));
        if (offered.isEmpty()) {
            offered.add(org.sanrong.catalog.Collateral.NONE);
        }
        // the platform rating as the credit module holds it (grade null until a model is approved)
        var rating = ratings.current(code);
        var catalogFacts = new org.sanrong.catalog.EnterpriseFacts(facts.townCode(), facts.industryCode(),
                facts.stage(), facts.qualifications(), facts.registeredOn(), facts.revenueFen(), facts.headcount(),
                rating.map(org.sanrong.credit.RatingSummary::grade).orElse(null),
                rating.map(org.sanrong.credit.RatingSummary::innovationScore).orElse(null), offered);
        int checked = 0;
        for (JsonNode m : matches) {
            var version = catalog.version(new org.sanrong.catalog.ProductRef(
                    java.util.UUID.fromString(m.path("product").path("productId").asText()),
                    m.path("product").path("version").asInt())).orElseThrow();
            var failedLabels = version.content().criteria().evaluate(catalogFacts,
                    LocalDate.now(ZoneId.of("Asia/Shanghai")), reference).failed().stream()
                    .map(c -> "不符合：" + c.label()).toList();
            for (JsonNode reason : m.path("failedRules")) {
                if (reason.asText().startsWith("不符合：")) {
                    assertThat(failedLabels).contains(reason.asText());
                    checked++;
                }
            }
            if (m.path("eligible").asBoolean()) {
                assertThat(failedLabels).as("an eligible product fails no criterion").isEmpty();
            }
        }
        assertThat(checked).as("some products are refused on their criteria").isPositive();

        var other = new WebClient(port).api("GET", "/api/v1/demands/" + demandId + "/matches", "investor", PW, null);
        assertThat(other.statusCode()).as("another institution cannot see a chosen-only or other's demand")
                .isIn(200, 403, 404);
    }

    @Test
    void packagesPairComplementaryOrAddingProducts() {
        for (JsonNode d : get("/api/v1/demands", "enterprise")) {
            if (!d.path("status").asText().equals("PUBLISHED")) {
                continue;
            }
            JsonNode packages = get("/api/v1/demands/" + d.path("id").asText() + "/packages", "enterprise");
            for (JsonNode p : packages) {
                JsonNode a = p.path("products").get(0);
                JsonNode b = p.path("products").get(1);
                assertThat(a.path("eligible").asBoolean() && b.path("eligible").asBoolean()).isTrue();
                assertThat(p.path("score").asInt()).isBetween(0, 100);
                assertThat(p.path("coveragePercent").asInt()).isBetween(0, 100);
                if (a.path("kind").asText().equals(b.path("kind").asText())) {
                    assertThat(p.path("coveragePercent").asInt()).as("same kind only when together they cover it")
                            .isEqualTo(100);
                }
            }
        }
    }

    @Test
    void statisticsCountServedAndUnservedDemandsForGovernmentOnly() {
        JsonNode stats = get("/api/v1/matching/statistics", "gov");
        int open = stats.path("openDemands").asInt();
        assertThat(open).as("the demo enterprise has published demands").isPositive();
        assertThat(stats.path("served").asInt() + stats.path("unserved").asInt()).isEqualTo(open);
        int served = 0;
        for (JsonNode d : get("/api/v1/demands/open?status=PUBLISHED", "gov").path("items")) {
            boolean any = false;
            for (JsonNode m : get("/api/v1/demands/" + d.path("id").asText() + "/matches", "gov")) {
                any |= m.path("eligible").asBoolean();
            }
            served += any ? 1 : 0;
        }
        assertThat(stats.path("served").asInt()).isEqualTo(served);
        assertThat(new WebClient(port).api("GET", "/api/v1/matching/statistics", "bank", PW, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void matchingPagesRenderForTheirUsers() {
        WebClient bank = new WebClient(port);
        bank.login("bank", PW);
        var inbox = bank.get("/institution/matched-demands");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("与本机构产品匹配的融资需求").contains("id=\"inbox\"");
        String productId = null;
        for (JsonNode p : get("/api/v1/products/mine", "bank")) {
            if (p.path("status").asText().equals("PUBLISHED")) {
                productId = p.path("id").asText();
            }
        }
        var reach = bank.get("/products/" + productId + "/reach");
        assertThat(reach.statusCode()).isEqualTo(200);
        assertThat(reach.body()).contains("id=\"reach-count\"").contains("仅显示");
        WebClient founder = new WebClient(port);
        founder.login("enterprise", PW);
        assertThat(founder.get("/enterprise/eligible-products").body()).contains("本企业可申请的产品")
                .contains("class=\"badge text-bg-success fs-6 score\"");
        WebClient gov = new WebClient(port);
        gov.login("gov", PW);
        assertThat(gov.follow("/").body()).contains("融资需求匹配情况");
    }

    @Test
    void institutionInboxShowsItsOwnBestProductPerDemand() {
        String bank = get("/api/v1/me", "bank").path("organisationId").asText();
        JsonNode inbox = get("/api/v1/institution/matched-demands", "bank");
        assertThat(inbox.size()).as("the demo bank's IP-pledge loan fits the demo enterprise's demand").isPositive();
        for (JsonNode item : inbox) {
            assertThat(item.path("best").path("eligible").asBoolean()).isTrue();
            assertThat(item.path("best").path("institutionId").asText()).isEqualTo(bank);
        }
        assertThat(new WebClient(port).api("GET", "/api/v1/institution/matched-demands", "enterprise", PW, null)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void eligibleProductsPassEveryRuleAndStrangersMayNotAsk() {
        JsonNode me = get("/api/v1/me", "enterprise");
        String organisation = me.path("organisationName").asText();
        JsonNode directory = get("/api/v1/enterprises?q=" + organisation.substring(0, 6), "gov");
        String creditCode = directory.path("items").get(0).path("creditCode").asText();
        JsonNode eligible = get("/api/v1/enterprises/" + creditCode + "/eligible-products", "enterprise");
        assertThat(eligible.size()).as("the demo catalogue has products for the demo enterprise").isPositive();
        for (JsonNode m : eligible) {
            assertThat(m.path("eligible").asBoolean()).isTrue();
            assertThat(m.path("failedRules")).isEmpty();
        }
        assertThat(new WebClient(port).api("GET", "/api/v1/enterprises/" + creditCode + "/eligible-products", "bank",
                PW, null).statusCode()).isEqualTo(403);
    }

    @Test
    void reachCountsWhatThePlainFilterCountsAndNamesOnlyWhatTheViewerMayKnow() {
        JsonNode mine = get("/api/v1/products/mine", "bank");
        String productId = null;
        for (JsonNode p : mine) {
            if (p.path("status").asText().equals("PUBLISHED")) {
                productId = p.path("id").asText();
                break;
            }
        }
        assertThat(productId).as("the demo bank has a published product").isNotNull();
        eligibility.rebuild();
        var criteria = catalog.current(java.util.UUID.fromString(productId)).orElseThrow().content().criteria();
        EnterpriseFilter filter = CriteriaFilters.of(criteria);
        AtomicLong expected = new AtomicLong();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        enterprises.forEachFacts(f -> {
            if (filter.test(f, today)) {
                expected.incrementAndGet();
            }
        });
        JsonNode reach = get("/api/v1/products/" + productId + "/reach", "bank");
        assertThat(reach.path("eligible").asLong()).isEqualTo(expected.get());
        assertThat(reach.path("namesLimited").asBoolean()).isTrue();
        List<Long> byTown = new ArrayList<>();
        reach.path("byTown").forEach(n -> byTown.add(n.asLong()));
        if (criteria.towns().isEmpty()) {
            assertThat(byTown.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(expected.get());
        }
        assertThat(get("/api/v1/products/" + productId + "/reach", "gov").path("namesLimited").asBoolean()).isFalse();
        assertThat(new WebClient(port).api("GET", "/api/v1/products/" + productId + "/reach", "bank2", PW, null)
                .statusCode()).as("another institution's product").isEqualTo(403);
    }
}
