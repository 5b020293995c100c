package org.sanrong.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The listing pages the browser test does not walk, over HTTP: the criteria with their sources, enrolment refusals
 * next to their fields, a rule's preview, a department answering a request, and an enterprise not in the reserve.
 */
@SanrongTest
class ListingPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    ListingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ListingFixtures(port, registry);
    }

    WebClient signedIn(String username) {
        WebClient web = new WebClient(port);
        web.login(username, ListingFixtures.PW);
        return web;
    }

    @Test
    void criteriaShowEveryBoardWithItsRuleAndWhatIsUnverified() {
        HttpResponse<String> page = signedIn("bank").get("/listing/criteria");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("科创板股票上市规则（2024年4月修订）").contains("预计市值不低于40亿元")
                .contains("最近3年研发投入合计占营业收入合计的比例不低于15%").contains("数值未核实")
                .contains("本平台未收录其财务标准");
        assertThat(signedIn("bank").get("/listing").statusCode()).as("the board is government's").isEqualTo(403);
    }

    @Test
    void enrolmentRefusalsComeBackNextToTheFieldAndARuleIsPreviewed() {
        String code = fx.offPlatform("C3912", 50_000);
        fx.enrol(code, "STAR");
        WebClient gov = signedIn("gov");
        gov.get("/listing/enrol");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("creditCode", code);
        form.put("grade", "D");
        form.put("board", "CHINEXT");
        form.put("reason", "重复");
        HttpResponse<String> duplicate = gov.postForm("/listing/enrol", form);
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body()).contains("id=\"creditCode-error\"").contains("不能重复入库");

        gov.get("/listing/enrol");
        HttpResponse<String> preview = gov.postForm("/listing/enrol/rule", Map.of("qualifications", "LITTLE_GIANT",
                "minRevenue", "", "minNetProfit", "", "townCode", "", "industryPrefix", "", "grade", "D",
                "board", "CHINEXT", "action", "preview"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"rule-result\"").contains("按规则入库：专精特新")
                .contains("已在库");
        gov.get("/listing/enrol");
        HttpResponse<String> typo = gov.postForm("/listing/enrol/rule", Map.of("minRevenue", "一亿", "grade", "D",
                "board", "CHINEXT", "action", "preview"));
        assertThat(typo.body()).contains("id=\"minRevenue-error\"");
    }

    @Test
    void aDepartmentAnswersARequestOnItsPage() {
        var party = fx.enterprise(3_000, 4_000);
        fx.enrol(party.creditCode(), "NEEQ");
        WebClient enterprise = signedIn(party.username());
        HttpResponse<String> entry = enterprise.follow("/enterprise/listing");
        assertThat(entry.body()).contains(party.name()).contains("id=\"request-form\"");
        String department = entry.body().replaceAll("(?s).*<option value=\"([0-9a-f-]{36})\">东莞市委金融办.*", "$1");
        HttpResponse<String> empty = enterprise.postForm("/listing/reserve/" + party.creditCode() + "/requests",
                Map.of("category", "", "description", "", "departmentId", department));
        assertThat(empty.body()).contains("id=\"category-error\"").contains("id=\"description-error\"");
        enterprise.get("/listing/reserve/" + party.creditCode());
        HttpResponse<String> raised = enterprise.postForm("/listing/reserve/" + party.creditCode() + "/requests",
                Map.of("category", "COMPLIANCE", "description", "历史沿革中的股权代持需协调确认", "departmentId",
                        department));
        assertThat(raised.statusCode()).isEqualTo(302);

        WebClient gov = signedIn("gov");
        HttpResponse<String> list = gov.get("/listing/requests?open=true");
        assertThat(list.body()).contains("历史沿革中的股权代持需协调确认");
        String id = list.body().replaceAll("(?s).*data-request=\"([0-9a-f-]{36})\"><div class=\"card-body\">\\s*"
                + "<div class=\"d-flex flex-wrap gap-2 align-items-center\">\\s*<a class=\"fw-bold\" href=\"/listing/"
                + "reserve/" + party.creditCode() + "\".*", "$1");
        assertThat(id).hasSize(36);
        assertThat(gov.postForm("/listing/requests/" + id + "/answer", Map.of("answer", "已出具确认函"))
                .statusCode()).isEqualTo(302);
        assertThat(enterprise.get("/listing/reserve/" + party.creditCode()).body()).contains("已出具确认函")
                .contains("已办结");
    }

    @Test
    void anEnterpriseNotInTheReserveIsToldSo() {
        var party = fx.enterprise(100, 120);
        HttpResponse<String> page = signedIn(party.username()).follow("/enterprise/listing");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"not-enrolled\"");
    }
}
