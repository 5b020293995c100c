package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input "an edit to a policy already used for a paid batch": the first payment under a version stores its file's
 * content hash; a loaded file that differs from it stops the start naming the file (make a new version), audited.
 */
@SanrongTest
class SubsidyPolicyEditTest {

    @Autowired
    PaidPolicyVersions versions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPaidVersionsFileCannotChange() {
        // the demo paid under GZ-ANGEL-2021 v1 (a batch): its content is remembered
        String stored = jdbc.sql("SELECT content_hash FROM subsidy.policy_version WHERE policy_code = 'GZ-ANGEL-2021' "
                + "AND version = 1").query(String.class).single();
        assertThat(stored).hasSize(64);
        versions.check();
        long audited = jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'SUBSIDY_POLICY_EDIT'")
                .query(Long.class).single();
        jdbc.sql("UPDATE subsidy.policy_version SET content_hash = ? WHERE policy_code = 'GZ-ANGEL-2021' AND "
                + "version = 1").param("0".repeat(64)).update();
        try {
            assertThatThrownBy(versions::check).hasMessageContaining("GZ-ANGEL-2021.yaml")
                    .hasMessageContaining("已用于拨付").hasMessageContaining("新版本");
            assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'SUBSIDY_POLICY_EDIT' AND "
                    + "outcome = 'FAILURE'").query(Long.class).single()).isEqualTo(audited + 1);
        } finally {
            jdbc.sql("UPDATE subsidy.policy_version SET content_hash = ? WHERE policy_code = 'GZ-ANGEL-2021' AND "
                    + "version = 1").param(stored).update();
        }
    }
}
