package org.sanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The pages people walk: the enterprise's own credit profile with grade, reasons, hints and its data; a dispute
 * raised from it; the operator's data hub pages; staff's models, one model with its review and the monitoring page;
 * an institution without consent turned away.
 */
@SanrongTest
class CreditPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    JdbcClient jdbc;

    private WebClient as(String username) {
        WebClient web = new WebClient(port);
        HttpResponse<String> login = web.login(username, CreditFixtures.PW);
        assertThat(login.statusCode()).isEqualTo(302);
        return web;
    }

    @Test
    void theDemoEnterpriseSeesItsGradeReasonsHintsAndDataAndCanDisputeAnItem() {
        WebClient web = as("enterprise");
        HttpResponse<String> page = web.follow("/enterprise/credit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"credit-grade\"").contains("id=\"credit-score\"")
                .contains("id=\"credit-reasons\"").contains("id=\"credit-hints\"").contains("id=\"credit-features\"")
                .contains("id=\"hub-TAX\"").contains("科创能力评分").contains("dispute-form-TAX");
        String code = jdbc.sql("SELECT e.credit_code FROM enterprise.enterprise e JOIN identity.account a "
                + "ON a.organisation_id = e.organisation_id WHERE a.username = 'enterprise'").query(String.class)
                .single();
        String key = jdbc.sql("SELECT to_char(period_start, 'YYYY-MM') FROM datahub.series WHERE credit_code = ? "
                + "AND source = 'UTILITIES' ORDER BY period_start DESC LIMIT 1").param(code).query(String.class)
                .single();
        HttpResponse<String> raised = web.postForm("/datahub/enterprises/" + code + "/disputes", Map.of(
                "source", "UTILITIES", "key", key, "measure", "POWER", "note", "电表读数有误，应为上月的一半"));
        assertThat(raised.statusCode()).isEqualTo(302);
        HttpResponse<String> after = web.follow("/credit/enterprises/" + code);
        assertThat(after.body()).contains("id=\"credit-disputed\"").contains("电表读数有误");

        WebClient admin = as("admin");
        HttpResponse<String> queue = admin.get("/admin/datahub/disputes");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("电表读数有误");
        String id = jdbc.sql("SELECT id::text FROM datahub.dispute WHERE credit_code = ? AND status = 'OPEN' "
                + "AND note LIKE '电表%'").param(code).query(String.class).single();
        HttpResponse<String> rejected = admin.postForm("/admin/datahub/disputes/" + id + "/rejection",
                Map.of("reason", "与供电局数据核对一致"));
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(web.follow("/credit/enterprises/" + code).body()).doesNotContain("id=\"credit-disputed\"")
                .contains("与供电局数据核对一致");
    }

    @Test
    void operatorAndStaffPagesRender() {
        WebClient admin = as("admin");
        HttpResponse<String> hub = admin.get("/admin/datahub");
        assertThat(hub.statusCode()).isEqualTo(200);
        assertThat(hub.body()).contains("hub-import-form").contains("hub-batches").contains("演示数据生成器");
        String batch = jdbc.sql("SELECT id::text FROM datahub.batch WHERE kind = 'DEMO' LIMIT 1").query(String.class)
                .single();
        assertThat(admin.get("/admin/datahub/batches/" + batch).body()).contains("batch-provenance");
        assertThat(admin.get("/admin/datahub/quality").body()).contains("quality-TAX").contains("quality-IP");
        HttpResponse<String> template = admin.get("/admin/datahub/templates/TAX.csv");
        assertThat(template.body()).contains("统一社会信用代码,所属期,实缴税额（元）,纳税信用等级");

        WebClient gov = as("gov");
        HttpResponse<String> list = gov.get("/credit/models");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("train-platform");
        String model = jdbc.sql("SELECT id::text FROM credit.model WHERE status = 'ACTIVE'").query(String.class)
                .single();
        HttpResponse<String> detail = gov.get("/credit/models/" + model);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("model-validation").contains("model-points").contains("model-grades");
        HttpResponse<String> monitoring = gov.get("/credit/monitoring");
        assertThat(monitoring.statusCode()).isEqualTo(200);
        assertThat(monitoring.body()).contains("chart-grades").contains("monitoring-months");
        String code = jdbc.sql("SELECT credit_code FROM credit.rating WHERE grade IS NOT NULL LIMIT 1")
                .query(String.class).single();
        assertThat(gov.get("/credit/enterprises/" + code).body()).contains("credit-grade");
        assertThat(gov.get("/admin/datahub").statusCode()).as("the hub is the operator's").isEqualTo(403);

        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        var bank = fx.institution();
        WebClient institution = as(bank.username());
        assertThat(institution.get("/credit/enterprises/" + code).statusCode()).isEqualTo(403);
        assertThat(institution.get("/credit/models").statusCode()).isEqualTo(403);
    }
}
