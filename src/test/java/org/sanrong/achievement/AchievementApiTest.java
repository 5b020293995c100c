package org.sanrong.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.achievement.AchievementFixtures.json;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's 科技成果库 over real HTTP: search by Chinese words and filters with paging, the owner's profile link,
 * an enterprise's interest reaching the owner's inbox (a second one refused), the IP-pledge loans an owner
 * qualifies for, and every bad input answered 4xx with nothing saved.
 */
@SanrongTest
class AchievementApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    AchievementFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new AchievementFixtures(port, registry);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private List<String> titles(String user, String query) {
        HttpResponse<String> r = fx.api("GET", "/api/v1/achievements?" + query, user, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("items").findValuesAsString("title");
    }

    private long achievements() {
        return jdbc.sql("SELECT count(*) FROM achievement.achievement").query(Long.class).single();
    }

    @Test
    void searchFindsChineseWordsAndFiltersByIndustryReadinessAndIntentWithPaging() {
        var owner = fx.enterprise();
        var reader = fx.enterprise();
        String scope = "owner=" + enc(owner.name());
        fx.record(owner.username(), "全固态电池电解质", "硫化物全固态电池电解质，室温离子电导率高", "C3841", 6,
                "\"LICENSE\", \"TRANSFER\"", AchievementFixtures.patent(true));
        fx.record(owner.username(), "退役电池梯次利用", "固态储能模组的拆解与电池回收工艺", "C3849", 4, "\"JOINT_DEVELOPMENT\"",
                null);
        fx.record(owner.username(), "AI视觉检测平台", "基于深度学习的PCB缺陷检测，支持 SMT 产线", "I6513", 8,
                "\"LICENSE\", \"FINANCING\"", null);
        UUID gone = fx.record(owner.username(), "高镍正极材料", "高镍三元正极材料包覆工艺，电池循环寿命提升", "C3841", 7,
                "\"TRANSFER\"", AchievementFixtures.patent(false));
        assertThat(fx.api("POST", "/api/v1/achievements/" + gone + "/withdrawal", owner.username(), null)
                .statusCode()).isEqualTo(200);

        assertThat(titles(reader.username(), scope)).as("newest first, the withdrawn one left out")
                .containsExactly("AI视觉检测平台", "退役电池梯次利用", "全固态电池电解质");
        assertThat(titles(reader.username(), scope + "&q=" + enc("固态电池")))
                .as("固态 and 电池 apart in the other one do not make 固态电池").containsExactly("全固态电池电解质");
        assertThat(titles(reader.username(), scope + "&q=" + enc("固态 回收"))).containsExactly("退役电池梯次利用");
        assertThat(titles(reader.username(), scope + "&q=" + enc("电"))).hasSize(2);
        assertThat(titles(reader.username(), scope + "&q=smt")).as("a Latin word, any case")
                .containsExactly("AI视觉检测平台");
        assertThat(titles(reader.username(), scope + "&q=sm")).as("not a fragment of one").isEmpty();
        assertThat(titles(reader.username(), scope + "&q=" + enc("ＡＩ视觉"))).as("full-width folded")
                .containsExactly("AI视觉检测平台");
        assertThat(titles(reader.username(), scope + "&industry=C384")).containsExactlyInAnyOrder("全固态电池电解质",
                "退役电池梯次利用");
        assertThat(titles(reader.username(), scope + "&industry=c3841")).containsExactly("全固态电池电解质");
        assertThat(titles(reader.username(), scope + "&trl=6")).as("at least 6")
                .containsExactlyInAnyOrder("全固态电池电解质", "AI视觉检测平台");
        assertThat(titles(reader.username(), scope + "&intent=LICENSE&trl=7")).containsExactly("AI视觉检测平台");
        assertThat(titles(reader.username(), scope + "&q=" + enc("电池") + "&intent=JOINT_DEVELOPMENT"))
                .containsExactly("退役电池梯次利用");

        JsonNode first = json(fx.api("GET", "/api/v1/achievements?" + scope + "&pageSize=2", reader.username(), null));
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("items").size()).isEqualTo(2);
        JsonNode second = json(fx.api("GET", "/api/v1/achievements?" + scope + "&pageSize=2&page=1", reader.username(),
                null));
        assertThat(second.path("items").findValuesAsString("title")).containsExactly("全固态电池电解质");

        JsonNode one = first.path("items").get(0);
        assertThat(one.path("ownerCreditCode").asText()).as("linked to /enterprises/{code}")
                .isEqualTo(owner.creditCode());
        assertThat(one.path("manageable").asBoolean()).isFalse();

        for (String bad : List.of("industry=9X", "trl=12", "trl=abc", "intent=BUY")) {
            HttpResponse<String> r = fx.api("GET", "/api/v1/achievements?" + bad, reader.username(), null);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        assertThat(fx.api("GET", "/api/v1/achievements", null, null).statusCode()).as("signed-in users only")
                .isEqualTo(401);
        String doc = fx.api("GET", "/v3/api-docs", null, null).body();
        assertThat(doc).contains("/api/v1/achievements").contains("/api/v1/achievements/{id}/interests");
    }

    @Test
    void searchAgreesWithAPlainSubstringReferenceOnRandomTexts() {
        var owner = fx.enterprise();
        String scope = "owner=" + enc(owner.name()) + "&pageSize=200";
        String han = "电池储能芯片光学检测材料";
        String[] latin = {"AI", "SMT", "5G"};
        Random random = new Random(13);
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            StringBuilder d = new StringBuilder();
            for (int j = 0; j < 6; j++) {
                d.append(random.nextInt(4) == 0 ? " " + latin[random.nextInt(latin.length)] + " "
                        : String.valueOf(han.charAt(random.nextInt(han.length()))));
            }
            String title = "随机成果" + i;
            fx.record(owner.username(), title, d.toString().strip(), "C3841", 5, "\"LICENSE\"", null);
            texts.put(title, SearchText.normalise(title + " " + d + " " + owner.name()));
        }
        List<String> queries = new ArrayList<>(List.of("电池", "池储", "光学检测", "ai", "smt 电", "5g 芯片", "检"));
        for (int i = 0; i < 10; i++) {
            int a = random.nextInt(han.length() - 2);
            queries.add(han.substring(a, a + 1 + random.nextInt(2)));
        }
        for (String q : queries) {
            List<String> expected = texts.entrySet().stream().filter(e -> matches(e.getValue(), q))
                    .map(Map.Entry::getKey).toList();
            assertThat(titles(owner.username(), scope + "&q=" + enc(q))).as(q)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The reference: every word occurs; a Latin word only as a whole word. */
    private static boolean matches(String text, String query) {
        for (String word : query.toLowerCase().split(" ")) {
            boolean latin = word.chars().allMatch(c -> c < 128);
            if (latin ? !List.of(text.split("[^a-z0-9]+")).contains(word) : !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void badContentIsRefusedFieldByFieldAndNothingIsSaved() {
        var owner = fx.enterprise();
        long before = achievements();
        HttpResponse<String> r = fx.api("POST", "/api/v1/achievements", owner.username(), AchievementFixtures.body("",
                "说明", "C9999", 10, "", "ZL202310001234.8", null, null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode errors = json(r).path("errors");
        assertThat(errors.path("title").asText()).contains("成果名称");
        assertThat(errors.path("industryCode").asText()).contains("C9999");
        assertThat(errors.path("trl").asText()).contains("1至9");
        assertThat(errors.path("intents").asText()).contains("合作意向");
        assertThat(errors.path("patentNumber").asText()).contains("应为 7");
        HttpResponse<String> noNumber = fx.api("POST", "/api/v1/achievements", owner.username(),
                AchievementFixtures.body("一项专利", "说明", "C3841", 5, "\"LICENSE\"", null, null, null)
                        .replace("RESEARCH_RESULT", "PATENT"));
        assertThat(noNumber.statusCode()).isEqualTo(400);
        assertThat(json(noNumber).path("errors").path("patentNumber").asText()).contains("须填写专利号");
        assertThat(achievements()).isEqualTo(before);

        String patent = AchievementFixtures.patent(true);
        fx.record(owner.username(), "第一次登记", "说明", "C3841", 5, "\"LICENSE\"", patent);
        var other = fx.enterprise();
        HttpResponse<String> again = fx.api("POST", "/api/v1/achievements", other.username(), AchievementFixtures
                .body("重复登记", "说明", "C3841", 5, "\"LICENSE\"", patent.replace("ZL", "CN"), null, null));
        assertThat(again.statusCode()).as("the same patent, however written").isEqualTo(409);
        assertThat(json(again).path("errors").path("patentNumber").asText()).contains("只能登记一次");

        var bank = fx.lender();
        assertThat(fx.api("POST", "/api/v1/achievements", bank.username(), AchievementFixtures.body("银行成果", "说明",
                "C3841", 5, "\"LICENSE\"", null, null, null)).statusCode()).isEqualTo(403);
        HttpResponse<String> noOwner = fx.api("POST", "/api/v1/achievements", "gov", AchievementFixtures.body(
                "高校成果", "说明", "M7320", 3, "\"TRANSFER\"", null, "ENTERPRISE", null));
        assertThat(noOwner.statusCode()).as("government records only a named university or institute").isEqualTo(400);
        assertThat(json(noOwner).path("errors").path("ownerType").asText()).contains("高校或科研院所");
        assertThat(json(noOwner).path("errors").path("ownerName").asText()).contains("所有者名称");
        assertThat(achievements()).isEqualTo(before + 1);

        UUID mine = fx.record(owner.username(), "待修改", "说明", "C3841", 5, "\"LICENSE\"", null);
        HttpResponse<String> theirs = fx.api("PUT", "/api/v1/achievements/" + mine, other.username(),
                AchievementFixtures.body("改名", "说明", "C3841", 5, "\"LICENSE\"", null, null, null));
        assertThat(theirs.statusCode()).as("someone else's").isEqualTo(403);
        assertThat(json(theirs).path("detail").asText()).contains("只有登记该成果的组织可以修改");
        HttpResponse<String> edited = fx.api("PUT", "/api/v1/achievements/" + mine, owner.username(),
                AchievementFixtures.body("已修改", "说明", "C3841", 9, "\"TRANSFER\"", null, null, null));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).path("trl").asInt()).isEqualTo(9);
        assertThat(json(edited).path("trlLabel").asText()).contains("产业化");
    }

    @Test
    void interestReachesTheOwnerOnceAndADuplicateIsRefused() {
        var owner = fx.enterprise();
        var buyer = fx.enterprise();
        UUID id = fx.record(owner.username(), "柔性电子皮肤传感器", "可穿戴压力传感", "C3979", 5,
                "\"LICENSE\", \"JOINT_DEVELOPMENT\"", null);

        HttpResponse<String> sent = fx.api("POST", "/api/v1/achievements/" + id + "/interests", buyer.username(),
                "{\"intent\": \"LICENSE\", \"message\": \"希望获得许可用于智能手环\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(json(sent).path("enterpriseName").asText()).isEqualTo(buyer.name());

        JsonNode inbox = json(fx.api("GET", "/api/v1/inbox?category=ACHIEVEMENT&subject=achievement:" + id,
                owner.username(), null));
        assertThat(inbox.path("total").asLong()).as("the owner is told").isEqualTo(1);
        JsonNode message = inbox.path("items").get(0);
        assertThat(message.path("body").asText()).contains(buyer.name()).contains("许可使用").contains("智能手环");
        assertThat(message.path("link").asText()).isEqualTo("/achievements/" + id + "#interests");

        JsonNode interests = json(fx.api("GET", "/api/v1/achievements/" + id + "/interests", owner.username(), null));
        assertThat(interests.findValuesAsString("enterpriseName")).containsExactly(buyer.name());
        assertThat(json(fx.api("GET", "/api/v1/achievements/interests/received", owner.username(), null))
                .findValuesAsString("achievementTitle")).containsExactly("柔性电子皮肤传感器");
        assertThat(json(fx.api("GET", "/api/v1/achievements/" + id, buyer.username(), null)).path("interested")
                .asBoolean()).isTrue();

        HttpResponse<String> twice = fx.api("POST", "/api/v1/achievements/" + id + "/interests", buyer.username(),
                "{\"message\": \"再说一次\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).path("detail").asText()).contains("已于").contains("表达过意向");
        assertThat(fx.api("POST", "/api/v1/achievements/" + id + "/interests", owner.username(),
                "{\"message\": \"自己的\"}").statusCode()).as("not one's own").isEqualTo(400);
        HttpResponse<String> noMessage = fx.api("POST", "/api/v1/achievements/" + id + "/interests",
                fx.enterprise().username(), "{\"message\": \"  \"}");
        assertThat(noMessage.statusCode()).isEqualTo(400);
        assertThat(json(noMessage).path("errors").path("message").asText()).contains("合作设想");
        HttpResponse<String> wrongIntent = fx.api("POST", "/api/v1/achievements/" + id + "/interests",
                fx.enterprise().username(), "{\"intent\": \"TRANSFER\", \"message\": \"想买断\"}");
        assertThat(wrongIntent.statusCode()).as("transfer is not offered").isEqualTo(400);
        assertThat(fx.api("GET", "/api/v1/achievements/" + id + "/interests", buyer.username(), null).statusCode())
                .as("only the owner reads the interests").isEqualTo(403);
        assertThat(json(fx.api("GET", "/api/v1/achievements/" + id + "/interests", owner.username(), null)).size())
                .as("nothing more saved").isEqualTo(1);
        assertThat(json(fx.api("GET", "/api/v1/inbox?category=ACHIEVEMENT&subject=achievement:" + id,
                owner.username(), null)).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aUniversitysAchievementIsAnsweredByTheDepartmentThatRecordedIt() {
        String university = "东莞理工学院" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = fx.api("POST", "/api/v1/achievements", "gov", AchievementFixtures.body(
                "海水淡化膜材料", "石墨烯复合反渗透膜", "M7320", 4, "\"TRANSFER\", \"JOINT_DEVELOPMENT\"", null,
                "UNIVERSITY", university));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(created).path("id").asText());
        assertThat(json(created).path("ownerName").asText()).isEqualTo(university);
        assertThat(json(created).path("ownerCreditCode").isNull()).isTrue();
        var buyer = fx.enterprise();
        assertThat(fx.api("POST", "/api/v1/achievements/" + id + "/interests", buyer.username(),
                "{\"message\": \"希望合作开发\"}").statusCode()).isEqualTo(201);
        assertThat(json(fx.api("GET", "/api/v1/inbox?subject=achievement:" + id, "gov", null)).path("total")
                .asLong()).isEqualTo(1);
        assertThat(titles(buyer.username(), "owner=" + enc(university))).containsExactly("海水淡化膜材料");
    }

    @Test
    void anEnterprisesGrantedPatentShowsTheIpPledgeLoansItQualifiesFor() {
        var owner = fx.enterprise();
        var bank = fx.lender();
        UUID open = fx.product(bank, "IP_PLEDGE_LOAN", "专利质押快贷" + bank.username(), false);
        UUID highTechOnly = fx.product(bank, "IP_PLEDGE_LOAN", "高企专利贷" + bank.username(), true);
        UUID credit = fx.product(bank, "CREDIT_LOAN", "信用快贷" + bank.username(), false);
        UUID granted = fx.record(owner.username(), "伺服电机控制算法", "说明", "C3812", 7, "\"FINANCING\"",
                AchievementFixtures.patent(true));
        UUID pending = fx.record(owner.username(), "电机散热结构", "说明", "C3812", 5, "\"FINANCING\"",
                AchievementFixtures.patent(false));

        JsonNode products = json(fx.api("GET", "/api/v1/achievements/" + granted + "/pledge-products",
                owner.username(), null));
        List<String> ids = products.findValuesAsString("productId");
        assertThat(ids).contains(open.toString()).doesNotContain(highTechOnly.toString(), credit.toString());
        assertThat(products.findValuesAsString("productType")).containsOnly("IP_PLEDGE_LOAN");
        assertThat(json(fx.api("GET", "/api/v1/achievements/" + pending + "/pledge-products", owner.username(), null))
                .size()).as("a pending application cannot be pledged").isZero();
        assertThat(json(fx.api("GET", "/api/v1/achievements/" + granted + "/pledge-products",
                fx.enterprise().username(), null)).size()).as("another enterprise sees none").isZero();
        assertThat(json(fx.api("GET", "/api/v1/achievements/" + granted + "/pledge-products", "gov", null))
                .findValuesAsString("productId")).contains(open.toString());

        WebClient page = new WebClient(port);
        page.login(owner.username(), AchievementFixtures.PW);
        String html = page.get("/achievements/" + granted).body();
        assertThat(html).contains("/deals/apply?product=" + open).doesNotContain("product=" + highTechOnly);
        String other = page.get("/achievements/" + pending).body();
        assertThat(other).contains("id=\"pledge-products\"").doesNotContain("apply-pledge");
    }

    @Test
    void theSearchPageShowsResultsAndABadFilterNextToItsField() {
        var owner = fx.enterprise();
        fx.record(owner.username(), "毫米波雷达天线", "车载毫米波雷达阵列天线", "C3979", 6, "\"LICENSE\"", null);
        WebClient page = new WebClient(port);
        page.login(owner.username(), AchievementFixtures.PW);
        HttpResponse<String> found = page.get("/achievements?q=" + enc("毫米波") + "&owner=" + enc(owner.name()));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("毫米波雷达天线");
        HttpResponse<String> bad = page.get("/achievements?industry=" + enc("电子"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"industry-error\"").contains("门类字母");
    }
}
