package org.sanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "done when", over real HTTP: an enterprise completes its profile and declares 高新技术企业, the
 * government verifies it; a bank sees only the card until the enterprise consents, then the profile, and the view
 * shows in the enterprise's access list.
 */
@SanrongTest
class EnterpriseFlowTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsentGrants consents;

    private record Founder(String username, String code, String name) {
    }

    private Founder registerEnterprise() {
        String username = TestData.username("flow");
        String code = TestData.creditCode();
        String name = "东莞流程测试" + username + "科技有限公司";
        registry.register(new Registration(name, code, null, "林一", TestData.mobile(), username, "林一",
                TestData.DEMO_PASSWORD));
        return new Founder(username, code, name);
    }

    private static Map<String, String> profileForm(String name, String industry) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("legalForm", "有限责任公司");
        form.put("registeredOn", "2019-03-01");
        form.put("registeredCapital", "500");
        form.put("townCode", "441900401");
        form.put("address", "松山湖大学创新城A1栋");
        form.put("industryCode", industry);
        form.put("emergingIndustries", "");
        form.put("headcount", "86");
        form.put("inventionPatents", "12");
        form.put("utilityPatents", "30");
        form.put("designPatents", "2");
        form.put("softwareCopyrights", "9");
        form.put("trademarks", "3");
        form.put("contactName", "林一");
        form.put("contactMobile", "13900001111");
        form.put("contactEmail", "lin@example.cn");
        form.put("year", "2025");
        form.put("revenue", "3280.5");
        form.put("rdExpense", "412.25");
        form.put("rdStaff", "31");
        return form;
    }

    @Test
    void enterpriseCompletesProfileDeclaresHighTechAndGovernmentVerifies() throws Exception {
        Founder f = registerEnterprise();
        WebClient web = new WebClient(port);
        web.login(f.username(), TestData.DEMO_PASSWORD);
        assertThat(web.get("/enterprise/profile").headers().firstValue("Location").orElseThrow())
                .endsWith("/enterprises/" + f.code());

        web.get("/enterprises/" + f.code() + "/edit");
        HttpResponse<String> bad = web.postForm("/enterprises/" + f.code() + "/edit",
                withOverrides(profileForm(f.name(), "C9999"), Map.of("registeredCapital", "-5", "registeredOn",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString())));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("金额不能为负数").contains("成立日期不能晚于今天");
        assertThat(jdbc.sql("SELECT headcount IS NULL FROM enterprise.enterprise WHERE credit_code = ?")
                .param(f.code()).query(Boolean.class).single()).as("nothing half-saved").isTrue();

        web.get("/enterprises/" + f.code() + "/edit");
        HttpResponse<String> unknownIndustry = web.postForm("/enterprises/" + f.code() + "/edit",
                profileForm(f.name(), "C9999"));
        assertThat(unknownIndustry.body()).contains("未知的国民经济行业代码");

        web.get("/enterprises/" + f.code() + "/edit");
        HttpResponse<String> saved = web.postForm("/enterprises/" + f.code() + "/edit",
                profileForm(f.name(), "C3911"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = web.get("/enterprises/" + f.code()).body();
        assertThat(page).contains("计算机整机制造").contains("3,280.50万元").contains("成长期");
        assertThat(jdbc.sql("SELECT revenue_fen FROM enterprise.yearly_figures y JOIN enterprise.enterprise e "
                + "ON e.id = y.enterprise_id WHERE e.credit_code = ?").param(f.code()).query(Long.class).single())
                .isEqualTo(3_280_500_000L);
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise.profile_change c JOIN enterprise.enterprise e "
                + "ON e.id = c.enterprise_id WHERE e.credit_code = ? AND c.field = 'industryCode'").param(f.code())
                .query(Long.class).single()).as("history kept").isEqualTo(1);

        HttpResponse<String> disguised = declare(web, f.code(), "scan.pdf", PNG);
        assertThat(disguised.statusCode()).isEqualTo(302);
        assertThat(web.follow("/enterprises/" + f.code()).body()).contains("附件内容与文件名不符");
        declare(web, f.code(), "certificate.pdf", PDF);
        assertThat(web.get("/enterprises/" + f.code()).body()).contains("待核验");

        WebClient gov = new WebClient(port);
        gov.login("gov", TestData.DEMO_PASSWORD);
        String pending = gov.get("/qualifications/pending").body();
        assertThat(pending).contains(f.name());
        UUID id = jdbc.sql("SELECT q.id FROM enterprise.qualification q JOIN enterprise.enterprise e ON e.id = "
                + "q.enterprise_id WHERE e.credit_code = ?").param(f.code()).query(UUID.class).single();
        HttpResponse<String> scan = gov.get("/qualifications/" + id + "/attachment");
        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(scan.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        gov.get("/qualifications/pending");
        assertThat(gov.postForm("/qualifications/" + id + "/verify?back=pending", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(gov.get("/enterprises/" + f.code()).body()).contains("已核验");
        // the whitelist is ordered by name and the demo population puts hundreds on it: look through the pages
        boolean listed = false;
        for (int p = 0; p < 200 && !listed; p++) {
            String body = gov.get("/whitelists/HIGH_TECH?page=" + p).body();
            listed = body.contains(f.name());
            if (!listed && !body.contains("page=" + (p + 1))) {
                break;
            }
        }
        assertThat(listed).as("%s on the HIGH_TECH whitelist", f.name()).isTrue();

        WebClient stranger = new WebClient(port);
        stranger.login("bank", TestData.DEMO_PASSWORD);
        assertThat(stranger.get("/qualifications/" + id + "/attachment").statusCode()).isEqualTo(403);
    }

    @Test
    void bankSeesOnlyTheCardUntilConsentAndTheViewIsListedForTheEnterprise() throws Exception {
        Founder f = registerEnterprise();
        WebClient owner = new WebClient(port);
        owner.login(f.username(), TestData.DEMO_PASSWORD);
        owner.get("/enterprises/" + f.code() + "/edit");
        owner.postForm("/enterprises/" + f.code() + "/edit", profileForm(f.name(), "C3911"));

        WebClient bank = new WebClient(port);
        bank.login("bank", TestData.DEMO_PASSWORD);
        String before = bank.get("/enterprises/" + f.code()).body();
        assertThat(before).contains(f.name()).contains("计算机整机制造").contains("未授权")
                .doesNotContain("3,280.50万元").doesNotContain("13900001111");
        HttpResponse<String> api = bank.api("GET", "/api/v1/enterprises/" + f.code(), "bank", TestData.DEMO_PASSWORD,
                null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"dossier\":null").doesNotContain("3280500000");
        assertThat(audit.search(new AuditQuery("bank", "VIEW_PROFILE", "enterprise:" + f.code(), null, null, null),
                0, 10).items()).anyMatch(e -> e.outcome() == AuditEntry.Outcome.DENIED);

        UUID bankId = jdbc.sql("SELECT organisation_id FROM identity.account WHERE username = 'bank'")
                .query(UUID.class).single();
        owner.get("/enterprises/" + f.code());
        String until = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString();
        HttpResponse<String> noPurpose = owner.postForm("/enterprises/" + f.code() + "/consents",
                Map.of("grantee", "org:" + bankId, "purpose", "", "validUntil", until));
        assertThat(owner.follow(noPurpose.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^http://[^/]+", "")).body()).contains("请填写授权用途");
        owner.postForm("/enterprises/" + f.code() + "/consents",
                Map.of("grantee", "org:" + bankId, "purpose", "贷款审批", "validUntil", until));

        String after = bank.get("/enterprises/" + f.code()).body();
        assertThat(after).contains("3,280.50万元").contains("依企业授权查看");
        assertThat(bank.api("GET", "/api/v1/enterprises/" + f.code(), "bank", TestData.DEMO_PASSWORD, null).body())
                .contains("3280500000");

        String accessList = owner.get("/enterprises/" + f.code()).body();
        assertThat(accessList).contains("东莞科创银行（演示）");

        UUID grant = jdbc.sql("SELECT g.id FROM enterprise.consent_grant g JOIN enterprise.enterprise e ON e.id = "
                + "g.enterprise_id WHERE e.credit_code = ?").param(f.code()).query(UUID.class).single();
        owner.postForm("/enterprises/" + f.code() + "/consents/" + grant + "/revoke", Map.of());
        assertThat(bank.get("/enterprises/" + f.code()).body()).doesNotContain("3,280.50万元").contains("未授权");

        WebClient otherBank = new WebClient(port);
        assertThat(otherBank.api("PUT", "/api/v1/enterprises/" + f.code(), "bank", TestData.DEMO_PASSWORD,
                "{\"profile\":{\"name\":\"篡改\",\"inventionPatents\":0,\"utilityPatents\":0,\"designPatents\":0,"
                + "\"softwareCopyrights\":0,\"trademarks\":0,\"equityFunded\":false}}").statusCode()).isEqualTo(403);
    }

    @Test
    void grantToAllBanksCoversEveryBankButNotFunds() {
        Founder f = registerEnterprise();
        WebClient owner = new WebClient(port);
        owner.login(f.username(), TestData.DEMO_PASSWORD);
        owner.get("/enterprises/" + f.code());
        owner.postForm("/enterprises/" + f.code() + "/consents", Map.of("grantee", "type:BANK", "purpose", "融资对接",
                "validUntil", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString()));
        assertThat(owner.api("GET", "/api/v1/enterprises/" + f.code(), "bank", TestData.DEMO_PASSWORD, null).body())
                .doesNotContain("\"dossier\":null");
        assertThat(owner.api("GET", "/api/v1/enterprises/" + f.code(), "investor", TestData.DEMO_PASSWORD, null)
                .body()).contains("\"dossier\":null");
        UUID bank = jdbc.sql("SELECT organisation_id FROM identity.account WHERE username = 'bank'").query(UUID.class)
                .single();
        UUID fund = jdbc.sql("SELECT organisation_id FROM identity.account WHERE username = 'investor'")
                .query(UUID.class).single();
        assertThat(consents.consentingTo(bank, org.sanrong.identity.InstitutionType.BANK)).contains(f.code());
        assertThat(consents.consentingTo(fund, org.sanrong.identity.InstitutionType.VC_PE_FUND))
                .doesNotContain(f.code());
    }

    @Test
    void directoryFiltersAndExportsExcel() throws Exception {
        Founder f = registerEnterprise();
        WebClient owner = new WebClient(port);
        owner.login(f.username(), TestData.DEMO_PASSWORD);
        owner.get("/enterprises/" + f.code() + "/edit");
        owner.postForm("/enterprises/" + f.code() + "/edit", profileForm(f.name(), "C3911"));

        WebClient gov = new WebClient(port);
        gov.login("gov", TestData.DEMO_PASSWORD);
        String found = gov.get("/enterprises?q=" + f.username() + "&industry=C39&town=441900401").body();
        assertThat(found).as(found).contains("id=\"directory\"");
        assertThat(found.substring(found.indexOf("<tbody>"))).contains(f.name());
        assertThat(gov.get("/enterprises?q=" + f.username() + "&industry=C38").body()).doesNotContain(f.name());
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/enterprises?q=" + f.username())).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("gov:Sanrong#2026".getBytes())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(xlsx.body(), StandardCharsets.UTF_8)).contains(f.code());
        assertThat(owner.get("/enterprises").statusCode()).as("enterprises do not browse each other").isEqualTo(403);
    }

    @Test
    void operatorAcceptsAPre2015CodeOnlyWithAReason() {
        String bad = TestData.creditCodeWithWrongCheck();
        String body = """
                {"creditCode":"%s",%s"profile":{"name":"东莞老代码测试有限公司","townCode":"441900121",
                 "industryCode":"C3311","inventionPatents":0,"utilityPatents":0,"designPatents":0,
                 "softwareCopyrights":0,"trademarks":0,"equityFunded":false}}""";
        WebClient web = new WebClient(port);
        HttpResponse<String> noReason = web.api("POST", "/api/v1/enterprises", "admin", TestData.DEMO_PASSWORD,
                body.formatted(bad, ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("校验位").contains("例外理由");
        assertThat(web.api("POST", "/api/v1/enterprises", "bank", TestData.DEMO_PASSWORD,
                body.formatted(bad, "\"creditCodeExceptionReason\":\"2013年颁发的旧码\",")).statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = web.api("POST", "/api/v1/enterprises", "admin", TestData.DEMO_PASSWORD,
                body.formatted(bad, "\"creditCodeExceptionReason\":\"2013年颁发的旧码，已核对营业执照\","));
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT credit_code_exception FROM enterprise.enterprise WHERE credit_code = ?")
                .param(bad).query(String.class).single()).contains("已核对营业执照");
        assertThat(audit.search(new AuditQuery("admin", "CREATE_ENTERPRISE", "enterprise:" + bad, null, null, null),
                0, 5).items()).singleElement().satisfies(e -> assertThat(e.detail()).contains("代码例外"));
    }

    private HttpResponse<String> declare(WebClient web, String code, String fileName, byte[] content)
            throws Exception {
        String page = web.get("/enterprises/" + code).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String boundary = "----sanrong" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = Map.of("kind", "HIGH_TECH", "certificateNo", "GR202344001234", "issuer",
                "广东省科学技术厅", "validFrom", "2024-12-01", "validUntil", "2027-11-30", "_csrf", m.group(1));
        for (var e : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                    + "\"\r\n\r\n" + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.postMultipart("/enterprises/" + code + "/qualifications", boundary, body.toByteArray());
    }

    private static Map<String, String> withOverrides(Map<String, String> form, Map<String, String> overrides) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.putAll(overrides);
        return copy;
    }
}
