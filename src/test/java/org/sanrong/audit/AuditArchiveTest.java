package org.sanrong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audit retention (等保 8.1.4.3 d): fewer than 180 days is refused; entries older than the retention period move to a
 * hashed archive file and the archive table, younger ones stay, and nothing can be deleted otherwise — the trigger
 * refuses to let a row leave the trail unless it is old and already archived with the same hash. The chain still
 * verifies across the boundary, and a removal or a changed archive file is caught.
 */
@SanrongTest
class AuditArchiveTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditArchive archive;

    @Test
    void aRetentionShorterThan180DaysIsRefused() {
        assertThatThrownBy(() -> AuditArchive.checkedRetention(179)).hasMessageContaining("至少保存 180 天");
        assertThatThrownBy(() -> AuditArchive.checkedRetention(0)).isInstanceOf(IllegalStateException.class);
        assertThat(AuditArchive.checkedRetention(180)).isEqualTo(180);
        assertThat(archive.retentionDays()).as("the default").isEqualTo(180);
    }

    @Test
    void oldEntriesMoveToAHashedArchiveAndTheChainHoldsAcrossIt() throws Exception {
        Instant now = Instant.now();
        String tag = "retention-" + System.nanoTime();
        long veryOld = insert(now.minus(Duration.ofDays(400)), tag + " a");
        long old = insert(now.minus(Duration.ofDays(200)), tag + " b");
        long young = insert(now.minus(Duration.ofDays(170)), tag + " c");
        long recent = insert(now, tag + " d");
        chain.seal();

        // before archiving, not even an old sealed entry can be deleted
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_entry WHERE id = ?").param(old).update())
                .hasMessageContaining("append-only");

        AuditArchive.Result result = archive.archive();
        assertThat(result.entries()).isGreaterThanOrEqualTo(2);
        assertThat(ids("audit.audit_archive", tag)).containsExactly(veryOld, old);
        assertThat(ids("audit.audit_entry", tag)).containsExactly(young, recent);
        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(jdbc.sql("SELECT (SELECT count(*) FROM audit.audit_archive) + "
                + "(SELECT count(*) FROM audit.audit_entry WHERE hash IS NOT NULL)").query(Long.class).single());

        // the file holds the entries and matches its recorded SM3
        Path file = result.file();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains(tag + " a").contains(tag + " b")
                .doesNotContain(tag + " c");
        SM3Digest sm3 = new SM3Digest();
        sm3.update(bytes, 0, bytes.length);
        byte[] digest = new byte[32];
        sm3.doFinal(digest, 0);
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(result.fileSm3()).isEqualTo(jdbc.sql(
                "SELECT file_sm3 FROM audit.archive_batch WHERE file_name = ?").param(file.getFileName().toString())
                .query(String.class).single());
        assertThat(archive.verifyFiles()).isEmpty();
        try {
            Files.writeString(file, "x", StandardOpenOption.APPEND);
            assertThat(archive.verifyFiles()).singleElement().asString().contains(file.getFileName().toString())
                    .contains("被改动");
        } finally {
            Files.write(file, bytes);
        }

        // the archive is append-only and young entries still cannot be deleted
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_archive WHERE id = ?").param(old).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.audit_archive SET detail = 'x' WHERE id = ?").param(old)
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_entry WHERE id = ?").param(young).update())
                .hasMessageContaining("append-only");

        // an archived entry removed behind the application's back (as a database owner could) is named
        java.util.Map<String, Object> kept = jdbc.sql("SELECT * FROM audit.audit_archive WHERE id = ?").param(old)
                .query().singleRow();
        jdbc.sql("ALTER TABLE audit.audit_archive DISABLE TRIGGER audit_archive_append_only").update();
        try {
            jdbc.sql("DELETE FROM audit.audit_archive WHERE id = ?").param(old).update();
            AuditChain.Verification broken = chain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.problem()).contains("有记录被删除");
        } finally {
            jdbc.sql("ALTER TABLE audit.audit_archive ENABLE TRIGGER audit_archive_append_only").update();
            jdbc.sql("INSERT INTO audit.audit_archive (id, at, actor, organisation_id, action, target, ip, outcome, "
                    + "detail, chain_seq, hash, batch_id) VALUES (:id, :at, :actor, :organisation_id, :action, :target, "
                    + ":ip, :outcome, :detail, :chain_seq, :hash, :batch_id)").params(kept).update();
        }
        assertThat(chain.verify().intact()).as("restored, the chain holds again").isTrue();
    }

    private long insert(Instant at, String detail) {
        return jdbc.sql("INSERT INTO audit.audit_entry (at, actor, action, target, outcome, detail) "
                + "VALUES (?, 'tester', 'LOGIN', 'account:tester', 'SUCCESS', ?) RETURNING id")
                .params(Timestamp.from(at), detail).query(Long.class).single();
    }

    private java.util.List<Long> ids(String table, String tag) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE detail LIKE ? ORDER BY id").param(tag + "%")
                .query(Long.class).list();
    }
}
