package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Object-level access (IDOR, issue 12 item 5) across every module's id-bearing routes, pages and API alike. The
 * owner — the demo enterprise, with its demands, deals, consents, credit profile, subsidy records and messages; the
 * demo bank, with its deals, products, filings, claims and advisers — is crawled for the ids and credit codes it sees
 * on every page and API list it may open; ids a stranger of the same role also sees on its own crawl (the product
 * shelf, public roadshows...) are public and set aside. Then every id-bearing route the stranger's role may call
 * (per the access matrix) is called by the stranger with each of the owner's private ids, reads and writes alike.
 *
 * <p>The rule: the stranger gets 401, 403 or 404, or exactly what it gets for a random id that names nothing (a 400
 * for a body that does not bind, say) — never a success the random id does not get. A few routes show something
 * by design to every signed-in party; they are listed in {@link #PUBLIC_BY_DESIGN} with the reason.
 */
@SanrongTest
class ObjectAccessTest {

    static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern CODES = Pattern.compile("(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])");

    /** Routes that answer every signed-in party about any object, by design; each with its reason. */
    static final Map<String, String> PUBLIC_BY_DESIGN = Map.of(
            "GET /enterprises/{code}", "an enterprise's public card (name, town, industry, stage) is shown to every "
                    + "institution; the private profile only under consent (EnterpriseFlowTest, "
                    + "ConsentAndDisablingTest)",
            "GET /api/v1/enterprises/{creditCode}", "the same card in the API, dossier null without consent");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anotherEnterpriseReachesNoneOfTheDemoEnterprisesObjects() throws Exception {
        String username = TestData.username("idor");
        registry.register(new Registration("东莞越权测试" + username + "科技有限公司", TestData.creditCode(), null, "周八",
                TestData.mobile(), username, "周八", TestData.DEMO_PASSWORD));
        // a live consent of the demo enterprise, so that its grant id is among those guessed at
        RouteCaller owner = new RouteCaller(port, "enterprise", authentication, apiTokens);
        String code = jdbc.sql("SELECT o.credit_code FROM identity.organisation o JOIN identity.account a ON "
                + "a.organisation_id = o.id WHERE a.username = 'enterprise'").query(String.class).single();
        assertThat(owner.page("POST", "/enterprises/" + code + "/consents", Map.of("grantee", "type:LESSOR",
                "purpose", "越权测试", "validUntil", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .plusDays(7).toString())).statusCode()).isEqualTo(302);
        UUID grant = jdbc.sql("SELECT g.id FROM enterprise.consent_grant g JOIN enterprise.enterprise e ON e.id = "
                + "g.enterprise_id WHERE e.credit_code = ? AND g.purpose = '越权测试' AND g.revoked_at IS NULL")
                .param(code).query(UUID.class).single();
        try {
            sweep("enterprise", username, 1);
        } finally {
            owner.page("POST", "/enterprises/" + code + "/consents/" + grant + "/revoke", Map.of());
        }
    }

    @Test
    void anotherInstitutionReachesNoneOfTheDemoBanksObjects() throws Exception {
        sweep("bank", "bank2", 2);
    }

    /**
     * The moves that move money, with bodies that would succeed for the deal's own institution: another
     * institution's pick-up, decision, disbursement, investment and loan report are all "not found" and change
     * nothing, at every stage of the deal.
     */
    @Test
    void anotherInstitutionCannotPickUpDecideDisburseOrReportOnADeal() {
        var fx = new org.sanrong.deal.DealFixtures(port, registry);
        var enterprise = fx.enterprise();
        var lender = fx.lender();
        var stranger = fx.lender();
        UUID deal = fx.apply(enterprise, lender, fx.demand(enterprise, false));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String approve = """
                {"decision": "APPROVE", "offer": {"amountFen": 100000000, "annualRatePercent": 4, "termMonths": 12}}""";
        String disburse = """
                {"loanNumber": "IDOR-1", "amountFen": 100000000, "disbursedOn": "%s", "annualRatePercent": 4,
                 "termMonths": 12, "maturityOn": "%s"}""".formatted(today,
                java.time.LocalDate.parse(today).plusMonths(12));
        String report = "{\"status\": \"OVERDUE\", \"asOf\": \"" + today + "\", \"outstandingFen\": 1}";

        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/pickup", stranger.username(), null).statusCode())
                .isEqualTo(404);
        assertThat(dealStatus(deal)).isEqualTo("AWAITING_PICKUP");
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/pickup", lender.username(), null).statusCode())
                .isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/decision", stranger.username(), approve)
                .statusCode()).isEqualTo(404);
        assertThat(dealStatus(deal)).isEqualTo("UNDER_REVIEW");
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/decision", lender.username(), approve).statusCode())
                .isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/offer/acceptance", enterprise.username(), null)
                .statusCode()).isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/disbursement", stranger.username(), disburse)
                .statusCode()).isEqualTo(404);
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/investment", stranger.username(),
                "{\"amountFen\": 100000000, \"investedOn\": \"" + today + "\"}").statusCode()).isEqualTo(404);
        assertThat(dealStatus(deal)).isEqualTo("ACCEPTED");
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/disbursement", lender.username(), disburse)
                .statusCode()).isEqualTo(201);
        long reports = jdbc.sql("SELECT count(*) FROM deal.loan_status_report WHERE deal_id = ?").param(deal)
                .query(Long.class).single();
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/loan-status", stranger.username(), report)
                .statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM deal.loan_status_report WHERE deal_id = ?").param(deal)
                .query(Long.class).single()).as("no report added").isEqualTo(reports);
        assertThat(dealStatus(deal)).isEqualTo("FUNDED");
        assertThat(fx.api("GET", "/api/v1/deals/" + deal, stranger.username(), null).statusCode()).isEqualTo(404);
    }

    private String dealStatus(UUID deal) {
        return jdbc.sql("SELECT status FROM deal.deal WHERE id = ?").param(deal).query(String.class).single();
    }

    private void sweep(String ownerName, String strangerName, int column) throws Exception {
        Map<String, AccessMatrixTest.Route> routes = AccessMatrixTest.handlerRoutes(mappings);
        Map<String, String[]> matrix = AccessMatrixTest.declared();
        RouteCaller owner = new RouteCaller(port, ownerName, authentication, apiTokens);
        RouteCaller stranger = new RouteCaller(port, strangerName, authentication, apiTokens);

        Set<String> ownerSees = harvest(owner, routes, matrix, column);
        Set<String> strangerSees = harvest(stranger, routes, matrix, column);
        Set<String> uuids = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        // the owner's own credit code and the records the issue names (demands, deals, consents, subsidy records,
        // filings, claims, unpublished products) count as private whatever public page also shows them
        String code = jdbc.sql("SELECT o.credit_code FROM identity.organisation o JOIN identity.account a ON "
                + "a.organisation_id = o.id WHERE a.username = ?").param(ownerName).query(String.class).single();
        UUID org = jdbc.sql("SELECT organisation_id FROM identity.account WHERE username = ?").param(ownerName)
                .query(UUID.class).single();
        codes.add(code);
        Set<String> named = new LinkedHashSet<>();
        for (String sql : new String[] {
            "SELECT id FROM demand.financing_demand WHERE organisation_id = ?",
            "SELECT id FROM deal.deal WHERE enterprise_org_id = ? OR institution_id = ?",
            "SELECT id FROM subsidy.entitlement WHERE beneficiary_org = ?",
            "SELECT g.id FROM enterprise.consent_grant g JOIN enterprise.enterprise e ON e.id = g.enterprise_id "
                    + "WHERE e.credit_code = (SELECT credit_code FROM identity.organisation WHERE id = ?)",
            "SELECT id FROM riskshare.filing WHERE institution_id = ?",
            "SELECT id FROM riskshare.claim WHERE institution_id = ?",
            "SELECT id FROM catalog.product WHERE institution_id = ? AND status <> 'PUBLISHED'"}) {
            Object[] params = new Object[(int) sql.chars().filter(ch -> ch == '?').count()];
            java.util.Arrays.fill(params, org);
            jdbc.sql(sql).params(params).query(UUID.class).list().forEach(id -> named.add(id.toString()));
        }
        uuids.addAll(named);
        for (String value : ownerSees) {
            if (strangerSees.contains(value)) {
                continue;
            }
            (value.length() == 18 ? codes : uuids).add(value);
        }
        // the shelf (金融超市) is public: a published product is not the owner's secret even when it sits on a page
        // of the shelf the stranger's crawl did not reach
        jdbc.sql("SELECT id FROM catalog.product WHERE status = 'PUBLISHED'").query(UUID.class).list()
                .forEach(id -> uuids.remove(id.toString()));
        // so is the achievement library (成果库): a published achievement is listed to every signed-in user
        jdbc.sql("SELECT id FROM achievement.achievement WHERE status = 'PUBLISHED'").query(UUID.class).list()
                .forEach(id -> uuids.remove(id.toString()));

        List<String> holes = new ArrayList<>();
        int calls = 0;
        int routesTried = 0;
        for (AccessMatrixTest.Route route : routes.values()) {
            String[] row = matrix.get(route.key());
            if (row == null || !"Y".equals(row[column]) || PUBLIC_BY_DESIGN.containsKey(route.key())) {
                continue;
            }
            List<String> uuidVars = new ArrayList<>();
            List<String> codeVars = new ArrayList<>();
            for (var v : route.variables().entrySet()) {
                if (UUIDS.matcher(v.getValue()).matches()) {
                    uuidVars.add(v.getKey());
                } else if (v.getKey().toLowerCase(java.util.Locale.ROOT).contains("code")) {
                    codeVars.add(v.getKey());
                }
            }
            if (uuidVars.isEmpty() && codeVars.isEmpty()) {
                continue;
            }
            routesTried++;
            Map<String, String> random = new LinkedHashMap<>();
            uuidVars.forEach(v -> random.put(v, UUID.randomUUID().toString()));
            codeVars.forEach(v -> random.put(v, TestData.creditCode()));
            HttpResponse<String> baseline = stranger.call(route, random);
            calls++;
            List<Map<String, String>> tries = new ArrayList<>();
            if (!codeVars.isEmpty()) {
                for (String guess : codes) {
                    Map<String, String> values = new LinkedHashMap<>(random);
                    codeVars.forEach(v -> values.put(v, guess));
                    tries.add(values);
                    for (String id : uuidVars.isEmpty() ? List.<String>of() : uuids) {
                        Map<String, String> both = new LinkedHashMap<>(values);
                        uuidVars.forEach(v -> both.put(v, id));
                        tries.add(both);
                    }
                }
            } else {
                for (String id : uuids) {
                    Map<String, String> values = new LinkedHashMap<>(random);
                    uuidVars.forEach(v -> values.put(v, id));
                    tries.add(values);
                }
            }
            for (Map<String, String> values : tries) {
                HttpResponse<String> r = stranger.call(route, values);
                calls++;
                String problem = judge(route, r, baseline);
                if (problem != null) {
                    holes.add(route.key() + " " + values + " as " + strangerName + ": " + problem);
                }
            }
        }
        System.out.println("ObjectAccessTest: " + strangerName + " against " + ownerName + "'s " + uuids.size()
                + " private ids (" + named.size() + " of them its demands, deals, consents, subsidy records, filings, "
                + "claims and unpublished products) and " + codes.size() + " credit codes on " + routesTried + " id-bearing routes: "
                + calls + " calls, " + holes.size() + " holes");
        assertThat(uuids.size() + codes.size()).as("the owner has private objects to guess at").isGreaterThan(5);
        assertThat(holes).as(String.join("\n", holes.subList(0, Math.min(40, holes.size())))).isEmpty();
    }

    /** Null when the stranger learned or did nothing with the owner's id; else what went wrong. */
    static String judge(AccessMatrixTest.Route route, HttpResponse<String> r, HttpResponse<String> baseline) {
        int status = r.statusCode();
        if (status == 401 || status == 403 || status == 404) {
            return null;
        }
        String location = location(r);
        if (status == baseline.statusCode() && location.equals(location(baseline))) {
            return null;
        }
        if (status / 100 == 3 && URI.create(location).getPath().equals("/login")) {
            return null;
        }
        return "answered " + status + (location.isEmpty() ? "" : " → " + location) + " where a random id gets "
                + baseline.statusCode() + " " + location(baseline) + ": "
                + r.body().substring(0, Math.min(600, r.body().length())).replaceAll("\\s+", " ");
    }

    private static String location(HttpResponse<String> r) {
        String l = r.headers().firstValue("Location").orElse("");
        if (l.startsWith("http")) {
            URI u = URI.create(l);
            return u.getPath();
        }
        return l.replaceFirst("\\?.*$", "");
    }

    /** Every id and credit code in what this party sees on the pages and API lists its role may open. */
    static Set<String> harvest(RouteCaller caller, Map<String, AccessMatrixTest.Route> routes,
            Map<String, String[]> matrix, int column) {
        Set<String> seen = new LinkedHashSet<>();
        for (AccessMatrixTest.Route route : routes.values()) {
            String[] row = matrix.get(route.key());
            if (!route.method().equals("GET") || !route.variables().isEmpty() || !route.query().isEmpty()
                    || row == null || !"Y".equals(row[column]) || route.path().matches(".*\\.(xlsx|pdf|csv|yaml)$")
                    || route.path().startsWith("/v3/") || route.path().startsWith("/swagger")) {
                continue;
            }
            String body = caller.call(route).body();
            Matcher m = UUIDS.matcher(body);
            while (m.find()) {
                seen.add(m.group());
            }
            Matcher c = CODES.matcher(body);
            while (c.find()) {
                if (UnifiedSocialCreditCode.check(c.group()).isEmpty()) {
                    seen.add(c.group());
                }
            }
        }
        return seen;
    }
}
