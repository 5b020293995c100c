package org.sanrong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail is tamper-evident: sealed entries form an SM3 chain; an edit made behind the application's back (with the
 * append-only trigger switched off, as a database owner could) is found and named; the application itself can only
 * seal, never change.
 */
@SanrongTest
class AuditChainTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sm3MatchesTheStandardsExample() {
        // GB/T 32905-2016 Appendix A.1: SM3("abc")
        var sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
        byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        sm3.update(abc, 0, abc.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        assertThat(java.util.HexFormat.of().formatHex(out))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void anEditBehindTheApplicationsBackIsFoundAndNamed() {
        trail.record("chain-test", null, "LOGIN", "chain:1", AuditEntry.Outcome.SUCCESS, "第一条");
        trail.record("chain-test", null, "LOGIN", "chain:2", AuditEntry.Outcome.SUCCESS, "第二条");
        chain.seal();
        assertThat(chain.verify().intact()).isTrue();
        long id = jdbc.sql("SELECT max(id) FROM audit.audit_entry WHERE target = 'chain:1'").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.audit_entry SET detail = '改过' WHERE id = ?").param(id).update())
                .as("the application's own connection cannot edit").hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.audit_entry SET hash = NULL, chain_seq = NULL WHERE id = ?")
                .param(id).update()).as("nor unseal").hasMessageContaining("append-only");

        try {
            tamper("UPDATE audit.audit_entry SET detail = '改过' WHERE id = " + id);
            AuditChain.Verification broken = chain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenId()).isEqualTo(id);
            assertThat(broken.problem()).contains("改动");
        } finally {
            tamper("UPDATE audit.audit_entry SET detail = '第一条' WHERE id = " + id);
        }
        assertThat(chain.verify().intact()).as("restored, the chain holds again").isTrue();
    }

    /** As the database owner would: with the append-only trigger off for one statement. */
    private void tamper(String sql) {
        jdbc.sql("ALTER TABLE audit.audit_entry DISABLE TRIGGER audit_entry_append_only").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("ALTER TABLE audit.audit_entry ENABLE TRIGGER audit_entry_append_only").update();
        }
    }
}
