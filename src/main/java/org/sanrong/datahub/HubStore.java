package org.sanrong.datahub;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hub's tables. Writes are bulk upserts of a whole chunk in one statement (arrays unnested), keyed by enterprise,
 * source and period (or document number); a row whose values did not change is left alone and not counted.
 */
@Repository
class HubStore {

    /** An enterprise whose data a write inserted (true) or changed (false). */
    record Written(String creditCode, boolean inserted) {
    }

    private final JdbcClient jdbc;

    HubStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Written> upsertSeries(List<SeriesPoint> points, UUID batch, Instant now) {
        if (points.isEmpty()) {
            return List.of();
        }
        List<SeriesPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(SeriesPoint::creditCode).thenComparing(SeriesPoint::period));
        int n = sorted.size();
        String[] codes = new String[n];
        String[] periods = new String[n];
        Integer[] months = new Integer[n];
        Long[] tax = new Long[n];
        String[] grade = new String[n];
        Integer[] social = new Integer[n];
        Integer[] fund = new Integer[n];
        Long[] water = new Long[n];
        Long[] power = new Long[n];
        Long[] gas = new Long[n];
        Long[] imports = new Long[n];
        Long[] exports = new Long[n];
        for (int i = 0; i < n; i++) {
            SeriesPoint p = sorted.get(i);
            codes[i] = p.creditCode();
            periods[i] = p.period().atDay(1).toString();
            months[i] = p.months();
            tax[i] = p.taxPaidFen();
            grade[i] = p.taxGrade();
            social[i] = p.socialHeadcount();
            fund[i] = p.fundHeadcount();
            water[i] = p.waterTonnes();
            power[i] = p.powerKwh();
            gas[i] = p.gasCubicMetres();
            imports[i] = p.importFen();
            exports[i] = p.exportFen();
        }
        return jdbc.sql("""
                INSERT INTO datahub.series AS s (credit_code, source, period_start, months, tax_paid_fen, tax_grade,
                    social_headcount, fund_headcount, water_t, power_kwh, gas_m3, import_fen, export_fen, batch_id,
                    updated_at)
                SELECT u.c, :source, u.p, u.m, u.tax, u.grade, u.social, u.fund, u.water, u.power, u.gas, u.imp,
                    u.exp, :batch, :now
                FROM unnest(CAST(:codes AS varchar[]), CAST(:periods AS date[]), CAST(:months AS smallint[]),
                    CAST(:tax AS bigint[]), CAST(:grade AS varchar[]), CAST(:social AS int[]), CAST(:fund AS int[]),
                    CAST(:water AS bigint[]), CAST(:power AS bigint[]), CAST(:gas AS bigint[]),
                    CAST(:imports AS bigint[]), CAST(:exports AS bigint[]))
                    AS u(c, p, m, tax, grade, social, fund, water, power, gas, imp, exp)
                ON CONFLICT (credit_code, source, period_start) DO UPDATE SET months = EXCLUDED.months,
                    tax_paid_fen = EXCLUDED.tax_paid_fen, tax_grade = EXCLUDED.tax_grade,
                    social_headcount = EXCLUDED.social_headcount, fund_headcount = EXCLUDED.fund_headcount,
                    water_t = EXCLUDED.water_t, power_kwh = EXCLUDED.power_kwh, gas_m3 = EXCLUDED.gas_m3,
                    import_fen = EXCLUDED.import_fen, export_fen = EXCLUDED.export_fen,
                    batch_id = EXCLUDED.batch_id, updated_at = EXCLUDED.updated_at
                WHERE (s.months, s.tax_paid_fen, s.tax_grade, s.social_headcount, s.fund_headcount, s.water_t,
                       s.power_kwh, s.gas_m3, s.import_fen, s.export_fen)
                   IS DISTINCT FROM (EXCLUDED.months, EXCLUDED.tax_paid_fen, EXCLUDED.tax_grade,
                       EXCLUDED.social_headcount, EXCLUDED.fund_headcount, EXCLUDED.water_t, EXCLUDED.power_kwh,
                       EXCLUDED.gas_m3, EXCLUDED.import_fen, EXCLUDED.export_fen)
                RETURNING s.credit_code, (s.xmax = 0) AS inserted""")
                .param("source", sorted.getFirst().source().name()).param("batch", batch)
                .param("now", Timestamp.from(now)).param("codes", codes).param("periods", periods)
                .param("months", months).param("tax", tax).param("grade", grade).param("social", social)
                .param("fund", fund).param("water", water).param("power", power).param("gas", gas)
                .param("imports", imports).param("exports", exports)
                .query((rs, i) -> new Written(rs.getString(1), rs.getBoolean(2))).list();
    }

    List<Written> upsertRecords(List<HubRecord> records, UUID batch, Instant now) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<HubRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(HubRecord::creditCode).thenComparing(HubRecord::reference));
        int n = sorted.size();
        String[] codes = new String[n];
        String[] refs = new String[n];
        String[] dates = new String[n];
        String[] kinds = new String[n];
        String[] roles = new String[n];
        Long[] amounts = new Long[n];
        String[] authorities = new String[n];
        String[] titles = new String[n];
        String[] statuses = new String[n];
        for (int i = 0; i < n; i++) {
            HubRecord r = sorted.get(i);
            codes[i] = r.creditCode();
            refs[i] = r.reference();
            dates[i] = r.occurredOn().toString();
            kinds[i] = r.kind();
            roles[i] = r.role();
            amounts[i] = r.amountFen();
            authorities[i] = r.authority();
            titles[i] = r.title();
            statuses[i] = r.status();
        }
        return jdbc.sql("""
                INSERT INTO datahub.record AS r (credit_code, source, reference, occurred_on, kind, role, amount_fen,
                    authority, title, status, batch_id, updated_at)
                SELECT u.c, :source, u.ref, u.d, u.kind, u.role, u.amount, u.authority, u.title, u.status, :batch,
                    :now
                FROM unnest(CAST(:codes AS varchar[]), CAST(:refs AS varchar[]), CAST(:dates AS date[]),
                    CAST(:kinds AS varchar[]), CAST(:roles AS varchar[]), CAST(:amounts AS bigint[]),
                    CAST(:authorities AS varchar[]), CAST(:titles AS varchar[]), CAST(:statuses AS varchar[]))
                    AS u(c, ref, d, kind, role, amount, authority, title, status)
                ON CONFLICT (credit_code, source, reference) DO UPDATE SET occurred_on = EXCLUDED.occurred_on,
                    kind = EXCLUDED.kind, role = EXCLUDED.role, amount_fen = EXCLUDED.amount_fen,
                    authority = EXCLUDED.authority, title = EXCLUDED.title, status = EXCLUDED.status,
                    batch_id = EXCLUDED.batch_id, updated_at = EXCLUDED.updated_at
                WHERE (r.occurred_on, r.kind, r.role, r.amount_fen, r.authority, r.title, r.status)
                   IS DISTINCT FROM (EXCLUDED.occurred_on, EXCLUDED.kind, EXCLUDED.role, EXCLUDED.amount_fen,
                       EXCLUDED.authority, EXCLUDED.title, EXCLUDED.status)
                RETURNING r.credit_code, (r.xmax = 0) AS inserted""")
                .param("source", sorted.getFirst().source().name()).param("batch", batch)
                .param("now", Timestamp.from(now)).param("codes", codes).param("refs", refs).param("dates", dates)
                .param("kinds", kinds).param("roles", roles).param("amounts", amounts)
                .param("authorities", authorities).param("titles", titles).param("statuses", statuses)
                .query((rs, i) -> new Written(rs.getString(1), rs.getBoolean(2))).list();
    }

    /** The tax periods already held for these enterprises: code → (first month, months). */
    Map<String, List<SeriesPoint>> taxPeriods(Collection<String> codes) {
        Map<String, List<SeriesPoint>> out = new HashMap<>();
        jdbc.sql("SELECT credit_code, period_start, months FROM datahub.series WHERE source = 'TAX' "
                + "AND credit_code = ANY(CAST(? AS bpchar[]))").param(codes.toArray(String[]::new)).query(rs -> {
                    String code = rs.getString(1);
                    out.computeIfAbsent(code, k -> new ArrayList<>()).add(SeriesPoint.tax(code,
                            YearMonth.from(rs.getDate(2).toLocalDate()), rs.getInt(3), null, null));
                });
        return out;
    }

    Map<String, List<SeriesPoint>> series(Collection<String> codes) {
        Map<String, List<SeriesPoint>> out = new HashMap<>();
        jdbc.sql("SELECT * FROM datahub.series WHERE credit_code = ANY(CAST(? AS bpchar[])) "
                + "ORDER BY credit_code, source, period_start").param(codes.toArray(String[]::new))
                .query(rs -> {
                    SeriesPoint p = point(rs);
                    out.computeIfAbsent(p.creditCode(), k -> new ArrayList<>()).add(p);
                });
        return out;
    }

    Map<String, List<HubRecord>> records(Collection<String> codes) {
        Map<String, List<HubRecord>> out = new HashMap<>();
        jdbc.sql("SELECT * FROM datahub.record WHERE credit_code = ANY(CAST(? AS bpchar[])) "
                + "ORDER BY credit_code, source, occurred_on DESC, reference").param(codes.toArray(String[]::new))
                .query(rs -> {
                    HubRecord r = record(rs);
                    out.computeIfAbsent(r.creditCode(), k -> new ArrayList<>()).add(r);
                });
        return out;
    }

    Optional<SeriesPoint> point(String code, HubSource source, YearMonth period) {
        return jdbc.sql("SELECT * FROM datahub.series WHERE credit_code = ? AND source = ? AND period_start = ?")
                .params(code, source.name(), Date.valueOf(period.atDay(1))).query((rs, i) -> point(rs)).optional();
    }

    Optional<HubRecord> record(String code, HubSource source, String reference) {
        return jdbc.sql("SELECT * FROM datahub.record WHERE credit_code = ? AND source = ? AND reference = ?")
                .params(code, source.name(), reference).query((rs, i) -> record(rs)).optional();
    }

    int deleteRecord(String code, HubSource source, String reference) {
        return jdbc.sql("DELETE FROM datahub.record WHERE credit_code = ? AND source = ? AND reference = ?")
                .params(code, source.name(), reference).update();
    }

    static SeriesPoint point(ResultSet rs) throws SQLException {
        return new SeriesPoint(rs.getString("credit_code"), HubSource.valueOf(rs.getString("source")),
                YearMonth.from(rs.getDate("period_start").toLocalDate()), rs.getInt("months"),
                rs.getObject("tax_paid_fen", Long.class), rs.getString("tax_grade"),
                rs.getObject("social_headcount", Integer.class), rs.getObject("fund_headcount", Integer.class),
                rs.getObject("water_t", Long.class), rs.getObject("power_kwh", Long.class),
                rs.getObject("gas_m3", Long.class), rs.getObject("import_fen", Long.class),
                rs.getObject("export_fen", Long.class));
    }

    static HubRecord record(ResultSet rs) throws SQLException {
        return new HubRecord(rs.getString("credit_code"), HubSource.valueOf(rs.getString("source")),
                rs.getString("reference"), rs.getDate("occurred_on").toLocalDate(), rs.getString("kind"),
                rs.getString("role"), rs.getObject("amount_fen", Long.class), rs.getString("authority"),
                rs.getString("title"), rs.getString("status"));
    }

    // ---- batches -----------------------------------------------------------------------------------------------

    void insertBatch(HubBatch b) {
        jdbc.sql("""
                INSERT INTO datahub.batch (id, source, kind, file_name, format, imported_by, organisation_id,
                    started_at, finished_at, status, rows_read, rows_inserted, rows_updated, rows_unchanged,
                    rows_rejected, enterprises, period_from, period_to, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.id(), b.source().name(), b.kind().name(), cut(b.fileName(), 255), b.format(),
                        cut(b.importedBy(), 100), b.organisationId(), Timestamp.from(b.startedAt()),
                        Timestamp.from(b.finishedAt()), b.status().name(), b.rowsRead(), b.rowsInserted(),
                        b.rowsUpdated(), b.rowsUnchanged(), b.rowsRejected(), b.enterprises(),
                        b.periodFrom() == null ? null : Date.valueOf(b.periodFrom()),
                        b.periodTo() == null ? null : Date.valueOf(b.periodTo()), cut(b.message(), 1000))
                .update();
    }

    void insertRejected(UUID batch, List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO datahub.rejected_row (batch_id, line, reason, content)
                SELECT :batch, u.line, u.reason, u.content FROM unnest(CAST(:lines AS bigint[]),
                    CAST(:reasons AS varchar[]), CAST(:contents AS varchar[])) AS u(line, reason, content)""")
                .param("batch", batch)
                .param("lines", rows.stream().map(RejectedRow::line).toArray(Long[]::new))
                .param("reasons", rows.stream().map(r -> cut(r.reason(), 500)).toArray(String[]::new))
                .param("contents", rows.stream().map(r -> cut(r.content(), 2000)).toArray(String[]::new))
                .update();
    }

    Optional<HubBatch> batch(UUID id) {
        return jdbc.sql("SELECT * FROM datahub.batch WHERE id = ?").param(id).query((rs, i) -> batch(rs)).optional();
    }

    List<HubBatch> batches(int limit, int offset) {
        return jdbc.sql("SELECT * FROM datahub.batch ORDER BY started_at DESC, id LIMIT ? OFFSET ?")
                .params(limit, offset).query((rs, i) -> batch(rs)).list();
    }

    long countBatches(HubBatch.Kind kind) {
        return jdbc.sql("SELECT count(*) FROM datahub.batch WHERE kind = ?").param(kind.name()).query(Long.class)
                .single();
    }

    long countBatches() {
        return jdbc.sql("SELECT count(*) FROM datahub.batch").query(Long.class).single();
    }

    List<RejectedRow> rejected(UUID batch, int limit, int offset) {
        return jdbc.sql("SELECT line, reason, content FROM datahub.rejected_row WHERE batch_id = ? ORDER BY line "
                + "LIMIT ? OFFSET ?").params(batch, limit, offset)
                .query((rs, i) -> new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static HubBatch batch(ResultSet rs) throws SQLException {
        Date from = rs.getDate("period_from");
        Date to = rs.getDate("period_to");
        return new HubBatch(rs.getObject("id", UUID.class), HubSource.valueOf(rs.getString("source")),
                HubBatch.Kind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("format"),
                rs.getString("imported_by"), rs.getObject("organisation_id", UUID.class),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                HubBatch.Status.valueOf(rs.getString("status")), rs.getInt("rows_read"), rs.getInt("rows_inserted"),
                rs.getInt("rows_updated"), rs.getInt("rows_unchanged"), rs.getInt("rows_rejected"),
                rs.getInt("enterprises"), from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getString("message"));
    }

    static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static LocalDate first(YearMonth m) {
        return m.atDay(1);
    }
}
