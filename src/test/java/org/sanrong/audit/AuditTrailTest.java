package org.sanrong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.audit.AuditEntry.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SanrongTest
class AuditTrailTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void refusesToChangeOrDeleteLines() {
        String actor = TestData.username("aud");
        trail.record(actor, null, "LOGIN", "account:" + actor, Outcome.SUCCESS, null);
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.audit_entry SET outcome = 'FAILURE' WHERE actor = ?")
                .param(actor).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_entry WHERE actor = ?").param(actor).update())
                .hasMessageContaining("append-only");
        assertThat(trail.search(new AuditQuery(actor, null, null, null, null, null), 0, 10).total()).isEqualTo(1);
    }

    @Test
    void searchesByActorActionAndDate() {
        String actor = TestData.username("aud");
        trail.record(actor, null, "LOGIN", "account:" + actor, Outcome.FAILURE, "密码错误");
        trail.record(actor, null, "CHANGE_PASSWORD", "account:" + actor, Outcome.SUCCESS, null);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(trail.search(new AuditQuery(actor, "LOGIN", null, null, today, today), 0, 10).items())
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("密码错误"));
        assertThat(trail.search(new AuditQuery(actor, null, null, null, today.plusDays(1), null), 0, 10).total())
                .isZero();
        assertThat(trail.search(new AuditQuery(actor, null, null, null, null, today.minusDays(1)), 0, 10).total())
                .isZero();
    }

    @Test
    void theAuditorSearchesTheTrailOnItsPage() {
        WebClient web = new WebClient(port);
        web.login("admin", TestData.DEMO_PASSWORD);
        // 三权分立: the trail is the auditor's, not the operator's
        assertThat(web.get("/admin/audit").statusCode()).isEqualTo(403);
        web = new WebClient(port);
        web.login("auditor", TestData.DEMO_PASSWORD);
        String body = web.get("/admin/audit?actor=admin&action=LOGIN").body();
        assertThat(body).contains("审计日志").contains("登录").contains("成功");
        assertThat(web.get("/admin/audit?from=not-a-date").statusCode()).isEqualTo(400);
    }
}
