package org.sanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.audit.AuditEntry;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.credit.scorecard.TrainingTable;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;

/**
 * Models over HTTP: trained from a labelled file by one person, used only after another approves it (maker ≠
 * checker, a self-approval refused and audited), the model before retired and everyone re-scored with the new one;
 * a rejection needs a reason; bad files are refused with the reason. Afterwards a platform-trained model is put back
 * so other tests see the demo's kind of ratings.
 */
@SanrongTest
class CreditModelApprovalTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScorecardModels models;

    static byte[] csv(TrainingTable t) {
        StringBuilder s = new StringBuilder(String.join(",", t.columns())).append('\n');
        t.rows().forEach(r -> s.append(String.join(",", r)).append('\n'));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @AfterEach
    void putBackAPlatformModel() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        var id = models.trainFromPlatform(fx.signIn("admin"));
        models.approve(id, "测试后恢复", fx.signIn("gov"));
    }

    @Test
    void aModelScoresOnlyAfterSomeoneElseApprovesIt() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        var bank = fx.institution();
        byte[] file = csv(CreditExplanationsTest.table(3_000, 21));
        assertThat(fx.upload("/api/v1/credit/models", bank.username(), "labels.csv", file, Map.of("target", "bad"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> noTarget = fx.upload("/api/v1/credit/models", "gov", "labels.csv", file,
                Map.of("target", "default"));
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(noTarget.body()).contains("目标列");
        HttpResponse<String> noFeatures = fx.upload("/api/v1/credit/models", "gov", "x.csv",
                "a,b,bad\n1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(noFeatures.statusCode()).isEqualTo(400);
        assertThat(noFeatures.body()).contains("特征目录");

        String before = models.active().map(m -> m.id().toString()).orElse(null);
        HttpResponse<String> trained = fx.upload("/api/v1/credit/models", "gov", "labels.csv", file,
                Map.of("target", "bad"));
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(201);
        JsonNode model = CreditFixtures.json(trained);
        String id = model.path("id").asText();
        assertThat(model.path("status").asText()).isEqualTo("PENDING");
        assertThat(model.path("trainedBy").asText()).isEqualTo("gov");
        assertThat(model.path("sourceKind").asText()).isEqualTo("UPLOAD");
        assertThat(model.path("features").asInt()).isPositive();
        assertThat(models.active().map(m -> m.id().toString()).orElse(null)).as("not in use yet").isEqualTo(before);

        HttpResponse<String> self = fx.api("POST", "/api/v1/credit/models/" + id + "/approval", "gov",
                "{\"note\": \"自己批准\"}");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("训练人不能审批");
        assertThat(audit.search(new AuditQuery("gov", "APPROVE_MODEL", null, null, null, null), 0, 20).items())
                .anySatisfy(a -> assertThat(a.outcome()).isEqualTo(AuditEntry.Outcome.DENIED));
        assertThat(fx.api("POST", "/api/v1/credit/models/" + id + "/approval", bank.username(), "{}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> approved = fx.api("POST", "/api/v1/credit/models/" + id + "/approval", "admin",
                "{\"note\": \"验证结果可接受\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode active = CreditFixtures.json(approved);
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("reviewedBy").asText()).isEqualTo("admin");
        if (before != null) {
            assertThat(CreditFixtures.json(fx.api("GET", "/api/v1/credit/models/" + before, "gov", null))
                    .path("status").asText()).isEqualTo("RETIRED");
        }
        long total = jdbc.sql("SELECT count(*) FROM credit.rating").query(Long.class).single();
        long byNew = jdbc.sql("SELECT count(*) FROM credit.rating WHERE model_id = CAST(? AS uuid)").param(id)
                .query(Long.class).single();
        assertThat(byNew).as("everyone re-scored with the approved model").isEqualTo(total);
        assertThat(fx.api("POST", "/api/v1/credit/models/" + id + "/approval", "admin", "{}").statusCode())
                .as("approved once").isEqualTo(409);

        HttpResponse<String> report = fx.api("GET", "/api/v1/credit/models/" + id + "/report.xlsx", "gov", null);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).startsWith("PK");

        JsonNode monitoring = CreditFixtures.json(fx.api("GET", "/api/v1/credit/monitoring", "gov", null));
        assertThat(monitoring.path("model").path("id").asText()).isEqualTo(id);
        assertThat(monitoring.path("months").size()).isPositive();
        assertThat(monitoring.path("rated").asLong()).isEqualTo(total);
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheModel() {
        CreditFixtures fx = new CreditFixtures(port, registry, authentication);
        HttpResponse<String> trained = fx.upload("/api/v1/credit/models", "admin", "labels.csv",
                csv(CreditExplanationsTest.table(2_000, 22)), Map.of());
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(201);
        String id = CreditFixtures.json(trained).path("id").asText();
        assertThat(fx.api("POST", "/api/v1/credit/models/" + id + "/rejection", "gov", "{}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> rejected = fx.api("POST", "/api/v1/credit/models/" + id + "/rejection", "gov",
                "{\"reason\": \"样本量不足，留出集 AUC 不稳定\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(CreditFixtures.json(rejected).path("status").asText()).isEqualTo("REJECTED");
        assertThat(CreditFixtures.json(rejected).path("reviewNote").asText()).contains("样本量不足");
        assertThat(fx.api("POST", "/api/v1/credit/models/" + id + "/approval", "gov", "{}").statusCode())
                .isEqualTo(409);
        List<String> statuses = CreditFixtures.json(fx.api("GET", "/api/v1/credit/models", "gov", null))
                .findValues("status").stream().map(JsonNode::asText).toList();
        assertThat(statuses).containsOnlyOnce("ACTIVE");
    }
}
