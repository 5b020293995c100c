package org.sanrong.platform;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every column that holds personal data, found by its database comment ({@code COMMENT ON COLUMN ... IS
 * 'personal data'}, set by the module's migration), and its blind index ({@code 'blind index of <column>'}). At start
 * and on a key rotation, {@link #seal} brings every value under the current SM4 key: plaintext written before
 * encryption existed, and values under an older key, in batches, each batch its own transaction.
 */
@Service
public class PersonalDataColumns {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataColumns.class);

    /** A personal-data column, its table's (single-column) primary key and its blind index column if any. */
    public record Column(String table, String key, String column, @Nullable String index) {
    }

    /** What a sealing pass did: values (re-)encrypted and values still not under the current key. */
    public record Sealed(long encrypted, long remaining) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate tx;

    PersonalDataColumns(JdbcClient jdbc, PersonalDataCipher cipher, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = tx;
    }

    public List<Column> columns() {
        List<String[]> marked = jdbc.sql("""
                SELECT n.nspname || '.' || c.relname AS tbl, a.attname AS col, d.description AS note
                FROM pg_description d
                JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
                WHERE d.objsubid > 0 AND (d.description = 'personal data' OR d.description LIKE 'blind index of %')
                ORDER BY 1, 2""").query((rs, n) -> new String[] {rs.getString("tbl"), rs.getString("col"),
                        rs.getString("note")}).list();
        List<Column> columns = new ArrayList<>();
        for (String[] m : marked) {
            if (!m[2].equals("personal data")) {
                continue;
            }
            String index = marked.stream().filter(o -> o[0].equals(m[0]) && o[2].equals("blind index of " + m[1]))
                    .map(o -> o[1]).findFirst().orElse(null);
            columns.add(new Column(m[0], primaryKey(m[0]), m[1], index));
        }
        return columns;
    }

    private String primaryKey(String table) {
        return jdbc.sql("""
                SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary""").param(table).query(String.class)
                .single();
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAtStart() {
        Sealed s = seal();
        if (s.encrypted() > 0) {
            log.info("Personal data: {} values brought under SM4 key {}", s.encrypted(), cipher.currentVersion());
        }
    }

    /** Brings every personal-data value under the current key and fills missing blind indexes. */
    public Sealed seal() {
        long done = 0;
        String current = PersonalDataCipher.PREFIX + cipher.currentVersion() + ":%";
        for (Column c : columns()) {
            String pending = c.column() + " IS NOT NULL AND (" + c.column() + " NOT LIKE '" + current + "'"
                    + (c.index() == null ? "" : " OR " + c.index() + " IS NULL") + ")";
            while (true) {
                Integer n = tx.execute(status -> {
                    List<Object[]> rows = jdbc.sql("SELECT " + c.key() + ", " + c.column() + " FROM " + c.table()
                            + " WHERE " + pending + " LIMIT 500 FOR UPDATE SKIP LOCKED")
                            .query((rs, i) -> new Object[] {rs.getObject(1), rs.getString(2)}).list();
                    for (Object[] r : rows) {
                        String plain = cipher.decrypt((String) r[1]);
                        String sql = "UPDATE " + c.table() + " SET " + c.column() + " = ?"
                                + (c.index() == null ? "" : ", " + c.index() + " = ?") + " WHERE " + c.key() + " = ?";
                        var spec = jdbc.sql(sql).param(cipher.encrypt(plain));
                        if (c.index() != null) {
                            spec = spec.param(cipher.blindIndex(plain));
                        }
                        spec.param(r[0]).update();
                    }
                    return rows.size();
                });
                if (n == null || n == 0) {
                    break;
                }
                done += n;
            }
        }
        return new Sealed(done, remaining());
    }

    /** Values not yet under the current key, over all personal-data columns. */
    public long remaining() {
        String current = PersonalDataCipher.PREFIX + cipher.currentVersion() + ":%";
        long left = 0;
        for (Column c : columns()) {
            left += jdbc.sql("SELECT count(*) FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL AND "
                    + c.column() + " NOT LIKE ?").param(current).query(Long.class).single();
        }
        return left;
    }

    /**
     * A key rotation: a new current SM4 key is saved in the key ring, every value is re-encrypted under it (the old
     * key still reads those not yet done, so the platform may keep running), and, once none is left, the old keys are
     * dropped when {@code retire} is set. Answers the new key version and what was re-encrypted.
     */
    public Rotation rotate(boolean retire) {
        int version = cipher.rotate();
        Sealed s = seal();
        boolean retired = false;
        if (retire && s.remaining() == 0) {
            cipher.retireOldKeys();
            retired = true;
        }
        return new Rotation(version, s.encrypted(), s.remaining(), retired);
    }

    public record Rotation(int version, long reencrypted, long remaining, boolean oldKeysRetired) {
    }
}
