package org.sanrong.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.platform.SanrongProperties;
import org.sanrong.platform.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit retention (等保 8.1.4.3 d). Entries stay in the trail for {@code sanrong.audit.retention-days} (default 180;
 * fewer is refused at start, and the database trigger refuses to let any entry younger than 180 days leave). Older
 * sealed entries may be archived: written to a file under {@code sanrong.audit.archive-dir} (default
 * {@code <data-dir>/audit-archive}) whose SM3 and SHA-256 are recorded, copied to {@code audit.audit_archive} and only
 * then removed from the trail, all in one transaction. Nothing is deleted: the hash chain runs on across both
 * tables, and {@link #verifyFiles} re-hashes every archive file against its recorded digests.
 */
@Service
public class AuditArchive {

    /** 等保 asks that audit records be kept at least six months. */
    public static final int MINIMUM_RETENTION_DAYS = 180;

    /** One archiving run: entries moved, the file written (null when there was nothing to archive). */
    public record Result(long entries, Instant cutoff, @Nullable Path file, @Nullable String fileSm3) {
    }

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final AuditTrail trail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int retentionDays;
    private final Path directory;

    AuditArchive(JdbcClient jdbc, AuditChain chain, AuditTrail trail, TransactionTemplate tx, Clock clock,
            SanrongProperties properties, @Value("${sanrong.audit.retention-days:180}") int retentionDays,
            @Value("${sanrong.audit.archive-dir:}") String directory) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.trail = trail;
        this.tx = tx;
        this.clock = clock;
        this.retentionDays = checkedRetention(retentionDays);
        this.directory = directory.isBlank() ? properties.dataDir().toAbsolutePath().resolve("audit-archive")
                : Path.of(directory).toAbsolutePath();
    }

    static int checkedRetention(int days) {
        if (days < MINIMUM_RETENTION_DAYS) {
            throw new IllegalStateException("sanrong.audit.retention-days=" + days + " 不符合要求：审计记录至少保存 "
                    + MINIMUM_RETENTION_DAYS + " 天（等保 8.1.4.3），不能设得更短");
        }
        return days;
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** Seals what is unsealed, then archives every sealed entry older than the retention period. */
    public Result archive() {
        chain.seal();
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        Result result = tx.execute(status -> {
            // one archiver (and no sealer) at a time
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('audit.chain'))").query().listOfRows();
            long count = jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE hash IS NOT NULL AND at < ?")
                    .param(Timestamp.from(cutoff)).query(Long.class).single();
            if (count == 0) {
                return new Result(0, cutoff, null, null);
            }
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("Asia/Shanghai"))
                    .format(clock.instant());
            Path file = directory.resolve("audit-archive-" + stamp + ".tsv");
            long[] seqs = {Long.MAX_VALUE, Long.MIN_VALUE};
            String[] digests = write(file, cutoff, seqs);
            Long batch = jdbc.sql("""
                    INSERT INTO audit.archive_batch (archived_at, cutoff, entries, first_seq, last_seq, file_name,
                        file_sm3, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(Timestamp.from(clock.instant()), Timestamp.from(cutoff), count, seqs[0], seqs[1],
                            file.getFileName().toString(), digests[0], digests[1])
                    .query(Long.class).single();
            int copied = jdbc.sql("""
                    INSERT INTO audit.audit_archive (id, at, actor, organisation_id, action, target, ip, outcome, detail,
                        chain_seq, hash, batch_id)
                    SELECT id, at, actor, organisation_id, action, target, ip, outcome, detail, chain_seq, hash, ?
                    FROM audit.audit_entry WHERE hash IS NOT NULL AND at < ?""")
                    .params(batch, Timestamp.from(cutoff)).update();
            int removed = jdbc.sql("DELETE FROM audit.audit_entry WHERE hash IS NOT NULL AND at < ?")
                    .param(Timestamp.from(cutoff)).update();
            if (copied != count || removed != count) {
                throw new IllegalStateException("审计归档数量不一致：应为 " + count + "，复制 " + copied + "，移出 " + removed);
            }
            return new Result(count, cutoff, file, digests[0]);
        });
        if (result != null && result.entries() > 0) {
            trail.record("system", null, "ARCHIVE_AUDIT", "audit:archive", Outcome.SUCCESS,
                    result.entries() + " 条早于 " + cutoff + " 的记录归档至 " + result.file().getFileName() + "，SM3 "
                            + result.fileSm3());
        }
        return result;
    }

    /** Writes the entries to the file (synced to disk) and answers its SM3 and SHA-256; fills first and last seq. */
    private String[] write(Path file, Instant cutoff, long[] seqs) {
        SM3Digest sm3 = new SM3Digest();
        MessageDigest sha = Sha256.digest();
        try {
            Files.createDirectories(directory);
            try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                    OutputStream hashed = new OutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            write(new byte[] {(byte) b}, 0, 1);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            sm3.update(b, off, len);
                            sha.update(b, off, len);
                            raw.write(b, off, len);
                        }
                    };
                    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(hashed, StandardCharsets.UTF_8))) {
                out.write("# 三融审计日志归档 sanrong audit archive; cutoff=" + cutoff + "; SM3 hash chain: hash = "
                        + "SM3(previous hash | id | at(µs) | actor | organisation | action | target | ip | outcome | "
                        + "detail)\n");
                out.write("chain_seq\tid\tat\tactor\torganisation_id\taction\ttarget\tip\toutcome\tdetail\thash\n");
                jdbc.sql("SELECT * FROM audit.audit_entry WHERE hash IS NOT NULL AND at < ? ORDER BY chain_seq")
                        .param(Timestamp.from(cutoff)).query(rs -> {
                            long seq = rs.getLong("chain_seq");
                            seqs[0] = Math.min(seqs[0], seq);
                            seqs[1] = Math.max(seqs[1], seq);
                            try {
                                out.write(seq + "\t" + rs.getLong("id") + "\t" + rs.getTimestamp("at").toInstant()
                                        + "\t" + tsv(rs.getString("actor")) + "\t" + tsv(rs.getString("organisation_id"))
                                        + "\t" + tsv(rs.getString("action")) + "\t" + tsv(rs.getString("target"))
                                        + "\t" + tsv(rs.getString("ip")) + "\t" + tsv(rs.getString("outcome"))
                                        + "\t" + tsv(rs.getString("detail")) + "\t" + rs.getString("hash") + "\n");
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit archive " + file, e);
        }
        byte[] s = new byte[32];
        sm3.doFinal(s, 0);
        return new String[] {HexFormat.of().formatHex(s), HexFormat.of().formatHex(sha.digest())};
    }

    private static String tsv(@Nullable String value) {
        if (value == null) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Re-hashes every archive file against its recorded SM3 and SHA-256; answers the problems found. */
    public List<String> verifyFiles() {
        List<String> problems = new ArrayList<>();
        jdbc.sql("SELECT file_name, file_sm3, file_sha256 FROM audit.archive_batch ORDER BY id").query(rs -> {
            Path file = directory.resolve(rs.getString(1));
            if (!Files.exists(file)) {
                problems.add(file.getFileName() + "：归档文件不在 " + directory);
                return;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                SM3Digest sm3 = new SM3Digest();
                sm3.update(bytes, 0, bytes.length);
                byte[] s = new byte[32];
                sm3.doFinal(s, 0);
                if (!HexFormat.of().formatHex(s).equals(rs.getString(2)) || !Sha256.hex(bytes).equals(rs.getString(3))) {
                    problems.add(file.getFileName() + "：归档文件的摘要与记录不符（文件被改动）");
                }
            } catch (IOException e) {
                problems.add(file.getFileName() + "：无法读取（" + e.getMessage() + "）");
            }
        });
        return problems;
    }
}
