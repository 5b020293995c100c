package org.sanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.datahub.HubBatch;
import org.sanrong.datahub.HubImports;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo start leaves a working credit profile: hub data for every enterprise, simulated outcomes near the
 * documented 4%, a scorecard trained by one person and approved by another, and every enterprise rated by it.
 */
@SanrongTest
class CreditDemoTest {

    @Autowired
    HubImports imports;

    @Autowired
    ScorecardModels models;

    @Autowired
    EnterpriseSnapshots enterprises;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoStartRatesEveryEnterpriseWithAnApprovedModel() {
        assertThat(imports.any(HubBatch.Kind.DEMO)).isTrue();
        long outcomes = models.outcomeCount();
        long bads = jdbc.sql("SELECT count(*) FROM credit.outcome WHERE bad").query(Long.class).single();
        assertThat(outcomes).isGreaterThanOrEqualTo(5_000);
        assertThat((double) bads / outcomes).as("simulated default rate").isBetween(0.02, 0.08);

        // the demo's model is the first one (other tests may have approved later ones since)
        var demo = jdbc.sql("SELECT id, trained_by, reviewed_by, holdout_auc FROM credit.model WHERE version = 1")
                .query().singleRow();
        assertThat(demo.get("trained_by")).isEqualTo("admin");
        assertThat(demo.get("reviewed_by")).isEqualTo("gov");
        assertThat((Double) demo.get("holdout_auc")).as("the synthetic data carries signal").isGreaterThan(0.7);
        // the month before the current one was recorded with the demo's model (the current month's record belongs
        // to whichever model rated last: other tests may have approved later ones)
        long months = jdbc.sql("SELECT count(DISTINCT month) FROM credit.rating_month").query(Long.class).single();
        assertThat(months).as("the current month and one recorded before it (test setting)").isEqualTo(2);
        long earlier = jdbc.sql("SELECT count(*) FROM credit.rating_month WHERE model_id = ? AND month = "
                + "(SELECT min(month) FROM credit.rating_month)").param(demo.get("id")).query(Long.class).single();
        assertThat(earlier).isGreaterThanOrEqualTo(5_000);
        ModelView active = models.active().orElseThrow();
        long rated = jdbc.sql("SELECT count(*) FROM credit.rating WHERE model_id = ?").param(active.id())
                .query(Long.class).single();
        assertThat(rated).as("everyone rated by the model in use").isGreaterThanOrEqualTo(5_000);
    }
}
