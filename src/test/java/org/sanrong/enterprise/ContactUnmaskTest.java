package org.sanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.platform.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An enterprise's contact person is personal data (等保 8.1.4.8): the enterprise sees its own; government sees it
 * masked on the page and in the API, and unmasks it with a button or an API call that is audited (UNMASK_CONTACT);
 * an institution without consent is refused and the attempt audited; the change history keeps only masks; an
 * operator saving the form with the masks in it does not overwrite the real values.
 */
@SanrongTest
class ContactUnmaskTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void othersSeeTheContactMaskedAndUnmaskingIsAudited() {
        String username = TestData.username("mask");
        String code = TestData.creditCode();
        String name = "东莞掩码测试" + username + "科技有限公司";
        String mobile = TestData.mobile();
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
        registry.register(new Registration(name, code, null, "林一", TestData.mobile(), username, "林一",
                TestData.DEMO_PASSWORD));
        WebClient owner = new WebClient(port);
        owner.login(username, TestData.DEMO_PASSWORD);
        owner.get("/enterprises/" + code + "/edit");
        assertThat(owner.postForm("/enterprises/" + code + "/edit", form(name, "欧阳明", mobile, "ouyang@example.cn"))
                .statusCode()).isEqualTo(302);
        assertThat(owner.get("/enterprises/" + code).body()).contains("欧阳明 " + mobile + " ouyang@example.cn")
                .doesNotContain("unmask-contact");

        WebClient gov = new WebClient(port);
        gov.login("gov", TestData.DEMO_PASSWORD);
        String page = gov.get("/enterprises/" + code).body();
        assertThat(page).contains("欧** " + masked + " o***@example.cn").doesNotContain(mobile)
                .contains("unmask-contact");
        assertThat(gov.api("GET", "/api/v1/enterprises/" + code, "gov", TestData.DEMO_PASSWORD, null).body())
                .contains(masked).doesNotContain(mobile).doesNotContain("ouyang@");
        // the change history is a list too
        assertThat(jdbc.sql("SELECT string_agg(coalesce(new_value, ''), ' ') FROM enterprise.profile_change c "
                + "JOIN enterprise.enterprise e ON e.id = c.enterprise_id WHERE e.credit_code = ? AND c.field LIKE "
                + "'contact%'").param(code).query(String.class).single()).contains("欧**").contains(masked)
                .doesNotContain(mobile);

        HttpResponse<String> unmask = gov.postForm("/enterprises/" + code + "/contact", Map.of());
        assertThat(unmask.statusCode()).isEqualTo(302);
        assertThat(gov.get("/enterprises/" + code).body()).contains("欧阳明 " + mobile + " ouyang@example.cn");
        HttpResponse<String> api = gov.api("POST", "/api/v1/enterprises/" + code + "/contact", "gov",
                TestData.DEMO_PASSWORD, "");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"mobile\":\"" + mobile + "\"").contains("\"name\":\"欧阳明\"");
        assertThat(audit.search(new AuditQuery("gov", "UNMASK_CONTACT", "enterprise:" + code, null, null, null), 0,
                10).items()).hasSize(2).allMatch(e -> e.outcome() == AuditEntry.Outcome.SUCCESS);

        HttpResponse<String> refused = new WebClient(port).api("POST", "/api/v1/enterprises/" + code + "/contact",
                "bank", TestData.DEMO_PASSWORD, "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(mobile);
        assertThat(audit.search(new AuditQuery("bank", "UNMASK_CONTACT", "enterprise:" + code, null, null, null), 0,
                10).items()).singleElement().matches(e -> e.outcome() == AuditEntry.Outcome.DENIED);

        // the operator edits other fields on a form that shows the masks: the real contact stays
        WebClient admin = new WebClient(port);
        admin.login("admin", TestData.DEMO_PASSWORD);
        assertThat(admin.get("/enterprises/" + code + "/edit").body()).contains(masked).doesNotContain(mobile);
        Map<String, String> edit = form(name, "欧**", masked, "o***@example.cn");
        edit.put("headcount", "90");
        assertThat(admin.postForm("/enterprises/" + code + "/edit", edit).statusCode()).isEqualTo(302);
        assertThat(cipher.decrypt(jdbc.sql("SELECT contact_mobile FROM enterprise.enterprise WHERE credit_code = ?")
                .param(code).query(String.class).single())).isEqualTo(mobile);
        assertThat(jdbc.sql("SELECT headcount FROM enterprise.enterprise WHERE credit_code = ?").param(code)
                .query(Integer.class).single()).isEqualTo(90);
    }

    private static Map<String, String> form(String name, String contact, String mobile, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("legalForm", "有限责任公司");
        form.put("registeredOn", "2019-03-01");
        form.put("registeredCapital", "500");
        form.put("townCode", "441900401");
        form.put("address", "松山湖大学创新城A1栋");
        form.put("industryCode", "C3911");
        form.put("emergingIndustries", "");
        form.put("headcount", "86");
        form.put("inventionPatents", "12");
        form.put("utilityPatents", "30");
        form.put("designPatents", "2");
        form.put("softwareCopyrights", "9");
        form.put("trademarks", "3");
        form.put("contactName", contact);
        form.put("contactMobile", mobile);
        form.put("contactEmail", email);
        form.put("year", "2025");
        form.put("revenue", "3280.5");
        form.put("rdExpense", "412.25");
        form.put("rdStaff", "31");
        return form;
    }
}
