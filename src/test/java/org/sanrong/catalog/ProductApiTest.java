package org.sanrong.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalogue over real HTTP: an institution creates and submits a product, the government approves it and the
 * public sees it; a change to a published product is version 2 while version 1 stays readable; another institution
 * is refused and audited; every bad input is a 400 with field errors and leaves nothing behind.
 */
@SanrongTest
class ProductApiTest {

    static final String PASSWORD = TestData.DEMO_PASSWORD;
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuditTrail audit;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    record Institution(String username, UUID id, String name) {
    }

    Institution institution(InstitutionType type) {
        String username = TestData.username("inst");
        String name = "测试" + username + "银行";
        UUID id = registry.register(new Registration(name, TestData.creditCode(), type, "钱经理", TestData.mobile(),
                username, "钱经理", PASSWORD));
        registry.approve(id, "test");
        return new Institution(username, id, name);
    }

    static String product(String name, String terms, String criteria) {
        return """
                {"type": "IP_PLEDGE_LOAN", "name": "%s", "description": "以发明专利质押的贷款",
                 "terms": %s, "criteria": %s,
                 "collateralNeeds": "有效发明专利质押", "materials": "营业执照；专利证书",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31",
                 "contactName": "钱经理", "contactPhone": "0769-22000000"}""".formatted(name, terms, criteria);
    }

    static final String TERMS = """
            {"minAmountFen": 100000000, "maxAmountFen": 3000000000, "minTermMonths": 12, "maxTermMonths": 36,
             "minRate": 3.85, "maxRate": 4.95}""";
    static final String CRITERIA = """
            {"towns": ["441900401"], "industryPrefixes": ["C39", "I65"], "stages": ["START_UP", "GROWTH"],
             "qualificationsAllOf": ["HIGH_TECH"], "minYearsInOperation": 2, "minRevenueFen": 500000000,
             "collateral": ["IP"]}""";

    HttpResponse<String> api(String method, String path, String username, String json) {
        return new WebClient(port).api(method, path, username, username == null ? null : PASSWORD, json);
    }

    String create(Institution i, String name) {
        HttpResponse<String> created = api("POST", "/api/v1/products", i.username(), product(name, TERMS, CRITERIA));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = ID.matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    String publish(Institution i, String name) {
        String id = create(i, name);
        assertThat(api("POST", "/api/v1/products/" + id + "/submission", i.username(), null).statusCode())
                .isEqualTo(200);
        assertThat(api("POST", "/api/v1/products/" + id + "/approval", "gov", null).statusCode()).isEqualTo(200);
        return id;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void submittedProductIsPublishedWhenGovernmentApprovesAndAppearsInThePublicList() {
        Institution bank = institution(InstitutionType.BANK);
        String name = "专利快贷" + bank.username();
        String id = create(bank, name);
        assertThat(api("GET", "/api/v1/products/mine", bank.username(), null).body()).contains(name)
                .contains("\"status\":\"DRAFT\"");

        HttpResponse<String> submitted = api("POST", "/api/v1/products/" + id + "/submission", bank.username(), null);
        assertThat(submitted.body()).contains("\"status\":\"SUBMITTED\"");
        assertThat(api("GET", "/api/v1/products?type=IP_PLEDGE_LOAN&pageSize=200", null, null).body())
                .doesNotContain(name);
        assertThat(api("POST", "/api/v1/products/" + id + "/approval", bank.username(), null).statusCode())
                .as("an institution cannot approve").isEqualTo(403);

        HttpResponse<String> approved = api("POST", "/api/v1/products/" + id + "/approval", "gov", null);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("\"status\":\"PUBLISHED\"");

        HttpResponse<String> list = api("GET", "/api/v1/products?type=IP_PLEDGE_LOAN&institutionType=BANK"
                + "&amount=500&term=24&rate=4&sort=RATE&pageSize=200", null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(name).contains("\"minRate\":3.85");
        assertThat(api("GET", "/api/v1/products?amount=5000&type=IP_PLEDGE_LOAN&pageSize=200", null, null).body())
                .as("5000万 is above its range").doesNotContain(name);
        assertThat(api("GET", "/api/v1/products?kind=EQUITY&pageSize=200", null, null).body()).doesNotContain(name);

        assertThat(api("GET", "/api/v1/products/" + id, null, null).statusCode()).as("details need an account")
                .isEqualTo(401);
        HttpResponse<String> detail = api("GET", "/api/v1/products/" + id, "enterprise", null);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("\"version\":1").contains("注册地在松山湖")
                .contains("须持有：高新技术企业").contains("成立满 2 年").contains("上年营业收入不低于 500万元");

        assertThat(catalog.version(new ProductRef(UUID.fromString(id), 1))).get()
                .satisfies(v -> assertThat(v.name()).isEqualTo(name));
        assertThat(catalog.counts().published()).isPositive();
        assertThat(audit.search(new AuditQuery("gov", "APPROVE_PRODUCT", ProductCatalog.target(UUID.fromString(id)),
                null, null, null), 0, 5).items()).hasSize(1);
    }

    @Test
    void changingPublishedProductMakesVersionTwoAndVersionOneStaysReadable() {
        Institution bank = institution(InstitutionType.BANK);
        String name = "知识产权贷" + bank.username();
        String id = publish(bank, name);

        String changed = product(name + "（二期）", TERMS.replace("4.95", "4.65"), CRITERIA);
        HttpResponse<String> put = api("PUT", "/api/v1/products/" + id, bank.username(), changed);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"version\":2").contains("\"status\":\"PUBLISHED\"");

        assertThat(api("GET", "/api/v1/products/" + id, "enterprise", null).body()).contains("\"version\":2")
                .contains("（二期）").contains("\"maxRate\":4.65");
        HttpResponse<String> v1 = api("GET", "/api/v1/products/" + id + "/versions/1", "enterprise", null);
        assertThat(v1.statusCode()).isEqualTo(200);
        assertThat(v1.body()).contains("\"version\":1").contains("\"maxRate\":4.95").doesNotContain("（二期）");
        assertThat(api("GET", "/api/v1/products/" + id + "/versions", "enterprise", null).body())
                .contains("\"version\":2").contains("\"version\":1");
        assertThat(api("GET", "/api/v1/products/" + id + "/versions/3", "enterprise", null).statusCode())
                .isEqualTo(404);
        assertThat(api("GET", "/api/v1/products?pageSize=200", null, null).body()).contains("（二期）")
                .as("one row per product").containsOnlyOnce(id);
    }

    @Test
    void anotherInstitutionEditingTheProductIsRefusedAndAudited() {
        Institution owner = institution(InstitutionType.BANK);
        Institution other = institution(InstitutionType.BANK);
        String name = "本行产品" + owner.username();
        String id = publish(owner, name);

        HttpResponse<String> put = api("PUT", "/api/v1/products/" + id, other.username(),
                product("篡改" + name, TERMS, CRITERIA));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(api("POST", "/api/v1/products/" + id + "/withdrawal", other.username(), null).statusCode())
                .isEqualTo(403);

        List<AuditEntry> denied = audit.search(new AuditQuery(other.username(), null,
                ProductCatalog.target(UUID.fromString(id)), null, null, null), 0, 10).items();
        assertThat(denied).extracting(AuditEntry::action).contains("UPDATE_PRODUCT", "WITHDRAW_PRODUCT");
        assertThat(denied).allMatch(e -> e.outcome() == AuditEntry.Outcome.DENIED);
        assertThat(api("GET", "/api/v1/products/" + id, "enterprise", null).body()).contains("\"version\":1")
                .doesNotContain("篡改");
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndNothingIsSaved() {
        Institution bank = institution(InstitutionType.BANK);
        String[][] cases = {
            {TERMS.replace("\"minAmountFen\": 100000000", "\"minAmountFen\": 9000000000"), CRITERIA, "maxAmountFen",
                "最高金额不能低于最低金额"},
            {TERMS.replace("100000000", "-1"), CRITERIA, "minAmountFen", "金额不能为负数"},
            {TERMS.replace("4.95", "40"), CRITERIA, "maxRate", "年利率须在 0% 至 36% 之间"},
            {TERMS.replace("\"maxTermMonths\": 36", "\"maxTermMonths\": 400"), CRITERIA, "maxTermMonths",
                "期限须在 1 至 360 个月之间"},
            {TERMS.replace("\"minTermMonths\": 12", "\"minTermMonths\": 0"), CRITERIA, "minTermMonths",
                "期限须在 1 至 360 个月之间"},
            {TERMS, CRITERIA.replace("441900401", "999999999"), "towns", "未知的镇街代码：999999999"},
            {TERMS, CRITERIA.replace("\"I65\"", "\"C99\""), "industryPrefixes", "未知的国民经济行业代码：C99"},
            {TERMS, CRITERIA.replace("\"I65\"", "\"39C\""), "industryPrefixes", "行业代码前缀格式不正确"},
            {TERMS, CRITERIA.replace("HIGH_TECH", "NO_SUCH_KIND"), "qualificationsAllOf", "未知的资质类型：NO_SUCH_KIND"},
            {TERMS, CRITERIA.replace("\"minRevenueFen\": 500000000", "\"minRevenueFen\": 9, \"maxRevenueFen\": 1"),
                "maxRevenueFen", "营业收入上限不能低于下限"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = api("POST", "/api/v1/products", bank.username(),
                    product("坏产品" + bank.username(), c[0], c[1]));
            assertThat(r.statusCode()).as(c[2] + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c[2]).contains("\"" + c[2] + "\"").contains(c[3]);
        }
        HttpResponse<String> noName = api("POST", "/api/v1/products", bank.username(),
                "{\"type\": \"CREDIT_LOAN\", \"name\": \"\"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("请填写产品名称");
        assertThat(productsOf(bank)).as("nothing half-saved").isZero();

        HttpResponse<String> draft = api("POST", "/api/v1/products", bank.username(),
                "{\"type\": \"CREDIT_LOAN\", \"name\": \"半成品" + bank.username() + "\"}");
        assertThat(draft.statusCode()).as("an incomplete draft may be saved").isEqualTo(201);
        Matcher m = ID.matcher(draft.body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> submit = api("POST", "/api/v1/products/" + m.group(1) + "/submission", bank.username(),
                null);
        assertThat(submit.statusCode()).isEqualTo(400);
        assertThat(submit.body()).contains("\"description\"").contains("请填写最高额度").contains("请填写最低年利率")
                .contains("请填写联系人");
        assertThat(jdbc.sql("SELECT status FROM catalog.product WHERE id = ?").param(UUID.fromString(m.group(1)))
                .query(String.class).single()).isEqualTo("DRAFT");

        assertThat(api("POST", "/api/v1/products", "enterprise", product("企业不能发", TERMS, CRITERIA)).statusCode())
                .as("only institutions publish products").isEqualTo(403);
    }

    @Test
    void governmentReturnsSubmissionWithReason() {
        Institution bank = institution(InstitutionType.BANK);
        String id = create(bank, "待退回" + bank.username());
        api("POST", "/api/v1/products/" + id + "/submission", bank.username(), null);
        assertThat(api("POST", "/api/v1/products/" + id + "/return", "gov", "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> returned = api("POST", "/api/v1/products/" + id + "/return", "gov",
                "{\"reason\": \"请补充担保要求\"}");
        assertThat(returned.statusCode()).isEqualTo(200);
        HttpResponse<String> draft = api("GET", "/api/v1/products/" + id + "/draft", bank.username(), null);
        assertThat(draft.body()).contains("\"status\":\"DRAFT\"").contains("请补充担保要求");
        assertThat(api("POST", "/api/v1/products/" + id + "/approval", "gov", null).statusCode())
                .as("a draft cannot be approved").isEqualTo(409);
    }

    @Test
    void badFiltersAreProblemJson() {
        HttpResponse<String> r = api("GET", "/api/v1/products?type=FOO&amount=-1&term=abc&rate=50&sort=CHEAP", null,
                null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.body()).contains("\"type\"").contains("\"amount\"").contains("\"term\"").contains("\"rate\"")
                .contains("\"sort\"").contains("年利率须在 0% 至 36% 之间");
    }

    @Test
    void demoCatalogueIsOnTheShelf() {
        String body = api("GET", "/api/v1/products?pageSize=200", null, null).body();
        assertThat(body).contains("天使贷", "科技人才贷", "重大科技项目专项贷", "评级贷", "投资贷", "园区保",
                "知识产权质押贷", "投贷联动", "政采贷", "银税互动", "首台套保险", "设备融资租赁");
        assertThat(api("GET", "/api/v1/products?institutionType=INSURER", null, null).body()).contains("首台套保险")
                .doesNotContain("天使贷");
    }

    @Test
    void supermarketIsPublicButDetailsAndComparisonNeedAnAccount() {
        WebClient anonymous = new WebClient(port);
        HttpResponse<String> list = anonymous.get("/products?" + "kind=DEBT&sort=RATE");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("天使贷").doesNotContain("首台套保险");
        Matcher first = Pattern.compile("/products/([0-9a-f-]{36})").matcher(list.body());
        assertThat(first.find()).isTrue();
        assertThat(anonymous.get("/products/" + first.group(1)).headers().firstValue("Location").orElse(""))
                .endsWith("/login");
        assertThat(anonymous.get("/products?rate=" + q("99")).statusCode()).isEqualTo(400);

        WebClient web = new WebClient(port);
        web.login("enterprise", PASSWORD);
        HttpResponse<String> detail = web.get("/products/" + first.group(1));
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("准入条件").contains("第1版");

        List<String> ids = Pattern.compile("/products/([0-9a-f-]{36})").matcher(list.body()).results()
                .map(r -> r.group(1)).distinct().limit(4).toList();
        assertThat(ids).hasSize(4);
        HttpResponse<String> three = web.get("/products/compare?ids=" + String.join(",", ids.subList(0, 3)));
        assertThat(three.statusCode()).isEqualTo(200);
        assertThat(three.body()).contains("id=\"comparison\"");
        HttpResponse<String> four = web.get("/products/compare?ids=" + String.join(",", ids));
        assertThat(four.statusCode()).isEqualTo(400);
        assertThat(four.body()).contains("最多同时对比 3 个产品");
    }

    @Test
    void productPastItsValidityLeavesTheShelfAndTheDailyJobMarksItExpired() {
        Institution bank = institution(InstitutionType.BANK);
        String name = "将过期" + bank.username();
        UUID id = UUID.fromString(publish(bank, name));
        // as if time had passed: its validity ended yesterday
        jdbc.sql("UPDATE catalog.product SET content = jsonb_set(content, '{validUntil}', '\"2020-01-01\"') "
                + "WHERE id = ?").param(id).update();
        assertThat(catalog.expire()).isPositive();
        assertThat(catalog.status(id)).contains(FinancialProduct.Status.EXPIRED);
        assertThat(catalog.current(id)).isEmpty();
        assertThat(catalog.version(new ProductRef(id, 1))).as("the version stays readable").isPresent();
        assertThat(api("GET", "/api/v1/products?pageSize=200", null, null).body()).doesNotContain(name);
        assertThat(audit.search(new AuditQuery("system", "EXPIRE_PRODUCT", ProductCatalog.target(id), null, null,
                null), 0, 5).items()).hasSize(1);
        assertThat(catalog.expire()).as("once only").isZero();
    }

    @Test
    void apiIsInTheOpenApiDocument() {
        String doc = new WebClient(port).get("/v3/api-docs").body();
        assertThat(doc).contains("/api/v1/products", "/api/v1/products/{id}/versions/{n}",
                "/api/v1/products/{id}/submission", "/api/v1/products/{id}/withdrawal",
                "/api/v1/products/{id}/approval", "/api/v1/products/{id}/return");
    }

    @Test
    void publishedVersionsCannotBeChangedInTheDatabase() {
        Institution bank = institution(InstitutionType.BANK);
        UUID id = UUID.fromString(publish(bank, "不可改" + bank.username()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "UPDATE catalog.product_version SET name = 'x' WHERE product_id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void institutionPagesShowTheFormVersionsAndRefuseOthers() {
        Institution bank = institution(InstitutionType.BANK);
        String name = "页面产品" + bank.username();
        String id = publish(bank, name);
        api("PUT", "/api/v1/products/" + id, bank.username(), product(name + "二版", TERMS, CRITERIA));

        WebClient web = new WebClient(port);
        web.login(bank.username(), PASSWORD);
        assertThat(web.get("/institution/products").body()).contains(name + "二版").contains("已发布");
        HttpResponse<String> edit = web.get("/institution/products/" + id + "/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("id=\"new-version-note\"").contains("value=\"C39, I65\"")
                .contains("value=\"3.85\"").contains("value=\"3000\"");
        HttpResponse<String> bad = web.postForm("/institution/products/" + id + "/edit", java.util.Map.of(
                "type", "IP_PLEDGE_LOAN", "name", name, "maxRate", "abc", "minTermMonths", "0",
                "industryPrefixes", "C99"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("请填写百分比数字").contains("期限须在 1 至 360 个月之间");
        assertThat(web.get("/products/" + id + "/versions/1").body()).contains("id=\"old-version\"")
                .contains("第1版");
        assertThat(web.get("/products/" + id).body()).contains("第2版").contains(name + "二版");

        WebClient other = new WebClient(port);
        other.login(institution(InstitutionType.BANK).username(), PASSWORD);
        assertThat(other.get("/institution/products/" + id + "/edit").statusCode()).isEqualTo(403);
        WebClient gov = new WebClient(port);
        gov.login("gov", PASSWORD);
        assertThat(gov.get("/catalog/review").statusCode()).isEqualTo(200);
        assertThat(gov.get("/institution/products/" + id).statusCode()).as("reviewers read working copies")
                .isEqualTo(200);
        assertThat(web.get("/catalog/review").statusCode()).as("institutions do not review").isEqualTo(403);
    }

    private long productsOf(Institution i) {
        return jdbc.sql("SELECT count(*) FROM catalog.product WHERE institution_id = ?").param(i.id())
                .query(Long.class).single();
    }
}
