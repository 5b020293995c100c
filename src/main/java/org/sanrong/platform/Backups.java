package org.sanrong.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * Backup and restore of the whole database (等保 8.1.4.10 数据备份恢复) without pg_dump, which the embedded server does
 * not ship and a client of another major version refuses: every table's rows with {@code COPY … (FORMAT binary)} into
 * one zip with a manifest of row counts and SHA-256 checksums. Restore loads them into a database already migrated to
 * the same schema (start it once on a fresh folder), in one transaction with triggers and foreign keys held off, then
 * moves identity sequences past the restored rows and checks every table's count and checksum against the manifest.
 */
@Component
public class Backups {

    /** One table in a backup: its rows and the checksum of their binary COPY form. */
    public record TableCopy(String table, long rows, String sha256) {
    }

    private final DataSource dataSource;

    Backups(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes every table of the application's schemas, then the manifest; answers what it wrote. Rows stream from
     * COPY into the zip, hashed on the way, so no table is ever held in memory.
     */
    public List<TableCopy> backup(OutputStream out) {
        try (Connection c = dataSource.getConnection(); ZipOutputStream zip = new ZipOutputStream(out)) {
            c.setAutoCommit(false);
            c.createStatement().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            List<TableCopy> copies = new ArrayList<>();
            for (String table : tables(c)) {
                zip.putNextEntry(new ZipEntry(table + ".bin"));
                MessageDigest digest = Sha256.digest();
                long n = copier(c).copyOut("COPY " + table + " TO STDOUT (FORMAT binary)",
                        new DigestOutputStream(unclosable(zip), digest));
                zip.closeEntry();
                copies.add(new TableCopy(table, n, HexFormat.of().formatHex(digest.digest())));
            }
            zip.putNextEntry(new ZipEntry("manifest.tsv"));
            StringBuilder manifest = new StringBuilder("# table\trows\tsha256\n");
            copies.forEach(t -> manifest.append(t.table()).append('\t').append(t.rows()).append('\t')
                    .append(t.sha256()).append('\n'));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            c.commit();
            return copies;
        } catch (SQLException e) {
            throw new IllegalStateException("备份失败：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the database's rows with the backup's, all or nothing, and answers the verified tables. Tables the
     * target lacks are refused unless {@code skippable} names them. Rows stream from the zip into COPY; the
     * checksums are compared with the manifest (the zip's last entry) before anything is committed.
     */
    public List<TableCopy> restore(InputStream in, java.util.Set<String> skippable) {
        try (Connection c = dataSource.getConnection(); ZipInputStream zip = new ZipInputStream(in)) {
            c.setAutoCommit(false);
            List<String> present = tables(c);
            c.createStatement().execute("SET LOCAL session_replication_role = replica");
            for (String table : present) {
                c.createStatement().execute("TRUNCATE " + table + " CASCADE");
            }
            Map<String, TableCopy> loaded = new LinkedHashMap<>();
            Map<String, TableCopy> manifest = new LinkedHashMap<>();
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("manifest.tsv")) {
                    for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            String[] f = line.split("\t");
                            manifest.put(f[0], new TableCopy(f[0], Long.parseLong(f[1]), f[2]));
                        }
                    }
                    continue;
                }
                String table = e.getName().substring(0, e.getName().length() - 4);
                if (!present.contains(table)) {
                    if (skippable.contains(table)) {
                        continue;
                    }
                    throw new IllegalStateException("目标数据库没有表 " + table + "：请先用同一版本在新目录启动一次");
                }
                MessageDigest digest = Sha256.digest();
                long n = copier(c).copyIn("COPY " + table + " FROM STDIN (FORMAT binary)",
                        new DigestInputStream(unclosable(zip), digest));
                loaded.put(table, new TableCopy(table, n, HexFormat.of().formatHex(digest.digest())));
            }
            List<TableCopy> restored = new ArrayList<>();
            for (TableCopy t : manifest.values()) {
                if (!present.contains(t.table()) && skippable.contains(t.table())) {
                    continue;
                }
                if (!t.equals(loaded.get(t.table()))) {
                    throw new IllegalStateException("备份文件中 " + t.table() + " 的数据与清单不符（文件损坏）");
                }
                restored.add(t);
            }
            if (manifest.isEmpty() || restored.size() != loaded.size()) {
                throw new IllegalStateException("备份文件不完整（清单缺失或与数据不符）");
            }
            advanceIdentities(c);
            for (TableCopy t : restored) {
                MessageDigest digest = Sha256.digest();
                long n = copier(c).copyOut("COPY " + t.table() + " TO STDOUT (FORMAT binary)",
                        new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                if (n != t.rows() || !HexFormat.of().formatHex(digest.digest()).equals(t.sha256())) {
                    throw new IllegalStateException("恢复后 " + t.table() + " 的行数或校验值不符");
                }
            }
            c.commit();
            return restored;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("恢复失败，数据库未改动：" + e.getMessage(), e);
        }
    }

    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static InputStream unclosable(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    /** The application's tables, schema-qualified, in a stable order. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY table_schema, table_name""")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void advanceIdentities(Connection c) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name), column_name
                FROM information_schema.columns WHERE is_identity = 'YES' OR column_default LIKE 'nextval(%'""")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] col : columns) {
            c.createStatement().execute("SELECT setval(pg_get_serial_sequence('" + col[0] + "', '" + col[1]
                    + "'), GREATEST(COALESCE((SELECT max(" + col[1] + ") FROM " + col[0] + "), 0), 1), "
                    + "(SELECT max(" + col[1] + ") FROM " + col[0] + ") IS NOT NULL)");
        }
    }

    private static CopyManager copier(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

}
