package org.sanrong.reference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reference} schema: the loaded rows of each file and the hash of the file they came from. */
@Repository
class ReferenceTables {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ReferenceTables(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Serialises loaders of several nodes starting at once; held until the transaction ends. */
    void lockForLoading() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('sanrong.reference.load'))) AS locked")
                .query(Integer.class).single();
    }

    /** The SHA-256 of the file each dataset was last loaded from, by dataset name. */
    Map<String, String> hashes() {
        Map<String, String> hashes = new HashMap<>();
        jdbc.sql("SELECT name, sha256 FROM reference.dataset")
                .query(rs -> {
                    hashes.put(rs.getString("name"), rs.getString("sha256"));
                });
        return hashes;
    }

    void replace(Dataset dataset, ReferenceContent content) {
        switch (dataset) {
            case TOWNS -> {
                jdbc.sql("DELETE FROM reference.town").update();
                List<Town> towns = content.towns();
                batch.batchUpdate("INSERT INTO reference.town (code, name, kind, position) VALUES (?, ?, ?, ?)",
                        indexed(towns, (t, i) -> new Object[] {t.code(), t.name(), t.kind(), i}));
            }
            case INDUSTRIES -> {
                jdbc.sql("DELETE FROM reference.industry").update();
                // Parents before children, for the foreign key.
                List<Industry> byLevel = content.industries().stream()
                        .sorted(Comparator.comparing(Industry::level).thenComparing(Industry::code))
                        .toList();
                batch.batchUpdate("INSERT INTO reference.industry (code, name, level, parent_code)"
                        + " VALUES (?, ?, ?, ?)",
                        indexed(byLevel, (ind, i) -> new Object[] {ind.code(), ind.name(), ind.level().name(),
                            ind.parentCode()}));
            }
            case EMERGING_INDUSTRIES -> {
                jdbc.sql("DELETE FROM reference.emerging_industry").update();
                List<EmergingIndustry> emerging = content.emergingIndustries();
                batch.batchUpdate("INSERT INTO reference.emerging_industry (code, name, position) VALUES (?, ?, ?)",
                        indexed(emerging, (e, i) -> new Object[] {e.code(), e.name(), i}));
                List<Object[]> prefixes = new ArrayList<>();
                for (EmergingIndustry e : emerging) {
                    for (int i = 0; i < e.industryPrefixes().size(); i++) {
                        prefixes.add(new Object[] {e.code(), e.industryPrefixes().get(i), i});
                    }
                }
                batch.batchUpdate("INSERT INTO reference.emerging_industry_prefix (emerging_code, prefix, position)"
                        + " VALUES (?, ?, ?)", prefixes);
            }
            case QUALIFICATION_KINDS -> {
                jdbc.sql("DELETE FROM reference.qualification_kind").update();
                batch.batchUpdate("INSERT INTO reference.qualification_kind (code, name, issuer, whitelist, position)"
                        + " VALUES (?, ?, ?, ?, ?)",
                        indexed(content.qualificationKinds(), (k, i) -> new Object[] {k.code(), k.name(), k.issuer(),
                            k.whitelist(), i}));
            }
        }
    }

    void recordLoaded(Dataset dataset, ReferenceFile file, int rows, Instant at) {
        jdbc.sql("""
                INSERT INTO reference.dataset (name, source, sha256, row_count, loaded_at)
                VALUES (:name, :source, :sha256, :rows, :at)
                ON CONFLICT (name) DO UPDATE SET source = excluded.source, sha256 = excluded.sha256,
                    row_count = excluded.row_count, loaded_at = excluded.loaded_at""")
                .param("name", dataset.key)
                .param("source", file.location().length() <= 500 ? file.location() : file.location().substring(0, 500))
                .param("sha256", file.sha256())
                .param("rows", rows)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** When each dataset was last loaded, by dataset name. */
    Map<String, Instant> loadedAt() {
        Map<String, Instant> at = new HashMap<>();
        jdbc.sql("SELECT name, loaded_at FROM reference.dataset")
                .query(rs -> {
                    at.put(rs.getString("name"), rs.getTimestamp("loaded_at").toInstant());
                });
        return at;
    }

    List<Town> towns() {
        return jdbc.sql("SELECT code, name, kind FROM reference.town ORDER BY position")
                .query((rs, n) -> new Town(rs.getString("code"), rs.getString("name"), rs.getString("kind")))
                .list();
    }

    List<Industry> industries() {
        return jdbc.sql("SELECT code, name, level, parent_code FROM reference.industry ORDER BY code")
                .query((rs, n) -> new Industry(rs.getString("code"), rs.getString("name"),
                        Industry.Level.valueOf(rs.getString("level")), rs.getString("parent_code")))
                .list();
    }

    List<EmergingIndustry> emergingIndustries() {
        Map<String, List<String>> prefixes = new LinkedHashMap<>();
        jdbc.sql("SELECT emerging_code, prefix FROM reference.emerging_industry_prefix"
                + " ORDER BY emerging_code, position")
                .query(rs -> {
                    prefixes.computeIfAbsent(rs.getString("emerging_code"), c -> new ArrayList<>())
                            .add(rs.getString("prefix"));
                });
        return jdbc.sql("SELECT code, name FROM reference.emerging_industry ORDER BY position")
                .query((rs, n) -> new EmergingIndustry(rs.getString("code"), rs.getString("name"),
                        prefixes.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    List<QualificationKind> qualificationKinds() {
        return jdbc.sql("SELECT code, name, issuer, whitelist FROM reference.qualification_kind ORDER BY position")
                .query((rs, n) -> new QualificationKind(rs.getString("code"), rs.getString("name"),
                        rs.getString("issuer"), rs.getBoolean("whitelist")))
                .list();
    }

    private interface RowValues<T> {
        Object[] of(T item, int index);
    }

    private static <T> List<Object[]> indexed(List<T> items, RowValues<T> values) {
        List<Object[]> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rows.add(values.of(items.get(i), i));
        }
        return rows;
    }
}
