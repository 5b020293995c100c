package org.sanrong.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail's hash chain (等保 8.1.4.3 安全审计, 密评 integrity with SM3, GB/T 32905). Entries are written
 * unsealed inside the business transaction that caused them (so writing stays concurrent), then sealed in commit
 * order by one sealer at a time: hash = SM3(previous hash | id | at | actor | organisation | action | target | ip |
 * outcome | detail), each field length-prefixed. {@link #verify} recomputes the chain — across the archive
 * ({@link AuditArchive}) and the live trail — and names the first entry whose content or link no longer matches, or
 * the first missing sequence number; an edit or removal behind the application's back therefore shows.
 */
@Service
public class AuditChain {

    /** 64 zeros: the link before the first entry. */
    static final String GENESIS = "0".repeat(64);

    /** What a verification found: entries checked, the first broken one (null when intact), and unsealed ones. */
    public record Verification(long checked, @Nullable Long firstBrokenId, @Nullable String problem, long unsealed) {
        public boolean intact() {
            return firstBrokenId == null;
        }
    }

    private record Row(long id, long at, String actor, @Nullable String organisation, String action, String target,
            @Nullable String ip, String outcome, @Nullable String detail, @Nullable Long seq, @Nullable String hash) {
    }

    /** The whole sealed chain: archived entries (older than the retention period) and those still in the trail. */
    static final String CHAIN = """
            SELECT * FROM (
                SELECT id, at, actor, organisation_id, action, target, ip, outcome, detail, chain_seq, hash
                FROM audit.audit_archive
                UNION ALL
                SELECT id, at, actor, organisation_id, action, target, ip, outcome, detail, chain_seq, hash
                FROM audit.audit_entry WHERE chain_seq IS NOT NULL) chain""";

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seals every committed unsealed entry, oldest first; one sealer at a time across nodes. Answers how many. */
    @Scheduled(initialDelay = 5_000, fixedDelayString = "${sanrong.audit.seal-interval:PT5S}")
    @Transactional
    public int seal() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('audit.chain'))").query().listOfRows();
        List<Row> last = jdbc.sql(CHAIN + " ORDER BY chain_seq DESC LIMIT 1").query(AuditChain::row).list();
        long seq = last.isEmpty() ? 0 : last.getFirst().seq();
        String previous = last.isEmpty() ? GENESIS : last.getFirst().hash();
        int sealed = 0;
        while (true) {
            List<Row> batch = jdbc.sql("SELECT * FROM audit.audit_entry WHERE hash IS NULL ORDER BY id LIMIT 1000")
                    .query(AuditChain::row).list();
            if (batch.isEmpty()) {
                return sealed;
            }
            for (Row r : batch) {
                String hash = hash(previous, r);
                jdbc.sql("UPDATE audit.audit_entry SET chain_seq = ?, hash = ? WHERE id = ?")
                        .params(++seq, hash, r.id()).update();
                previous = hash;
                sealed++;
            }
        }
    }

    /** Walks the whole chain in order and recomputes every link. */
    @Transactional(readOnly = true)
    public Verification verify() {
        long[] checked = {0};
        String[] previous = {GENESIS};
        long[] expectedSeq = {1};
        Long[] broken = {null};
        String[] problem = {null};
        jdbc.sql(CHAIN + " ORDER BY chain_seq").query(rs -> {
            if (broken[0] != null) {
                return;
            }
            Row r = row(rs, 0);
            checked[0]++;
            if (r.seq() != expectedSeq[0]) {
                broken[0] = r.id();
                problem[0] = "链序号不连续：应为 " + expectedSeq[0] + "，实为 " + r.seq() + "（有记录被删除）";
                return;
            }
            String expected = hash(previous[0], r);
            if (!expected.equals(r.hash())) {
                broken[0] = r.id();
                problem[0] = "内容或链接与封存时的摘要不符（记录被改动）";
                return;
            }
            previous[0] = r.hash();
            expectedSeq[0]++;
        });
        long unsealed = jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE hash IS NULL").query(Long.class)
                .single();
        return new Verification(checked[0], broken[0], problem[0], unsealed);
    }

    static String hash(String previous, Row r) {
        SM3Digest sm3 = new SM3Digest();
        feed(sm3, previous);
        feed(sm3, Long.toString(r.id()));
        feed(sm3, Long.toString(r.at()));
        feed(sm3, r.actor());
        feed(sm3, r.organisation());
        feed(sm3, r.action());
        feed(sm3, r.target());
        feed(sm3, r.ip());
        feed(sm3, r.outcome());
        feed(sm3, r.detail());
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** Length-prefixed, so "ab"+"c" and "a"+"bc" differ, and null differs from "". */
    private static void feed(SM3Digest sm3, @Nullable String field) {
        byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
        byte[] length = ByteBuffer.allocate(4).putInt(field == null ? -1 : bytes.length).array();
        sm3.update(length, 0, 4);
        sm3.update(bytes, 0, bytes.length);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp("at");
        long micros = at.getTime() / 1000 * 1_000_000 + at.getNanos() / 1000;
        Object org = rs.getObject("organisation_id");
        return new Row(rs.getLong("id"), micros, rs.getString("actor"), org == null ? null : org.toString(),
                rs.getString("action"), rs.getString("target"), rs.getString("ip"), rs.getString("outcome"),
                rs.getString("detail"), rs.getObject("chain_seq", Long.class), rs.getString("hash"));
    }
}
