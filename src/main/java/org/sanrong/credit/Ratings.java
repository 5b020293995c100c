package org.sanrong.credit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The ratings repository: current ratings and the month-by-month record, written a chunk per statement. */
@Repository
class Ratings {

    /** A rating to write. */
    record Row(String creditCode, @Nullable UUID modelId, @Nullable Integer score, @Nullable String grade,
            InnovationScore innovation, double[] features, YearMonth asOf) {
    }

    /** A stored rating with the values it was computed from. */
    record Stored(RatingSummary summary, InnovationScore innovation, double[] features) {
    }

    private final JdbcClient jdbc;

    Ratings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] codes = new String[n];
        String[] models = new String[n];
        Integer[] scores = new Integer[n];
        String[] grades = new String[n];
        Integer[] innovation = new Integer[n];
        String[] parts = new String[n];
        String[] features = new String[n];
        String[] months = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            codes[i] = r.creditCode();
            models[i] = r.modelId() == null ? null : r.modelId().toString();
            scores[i] = r.score();
            grades[i] = r.grade();
            innovation[i] = r.innovation().total();
            parts[i] = innovationJson(r.innovation());
            features[i] = featuresJson(r.features());
            months[i] = r.asOf().atDay(1).toString();
        }
        jdbc.sql("""
                INSERT INTO credit.rating (credit_code, model_id, score, grade, innovation_score, innovation, features,
                    as_of, rated_at)
                SELECT u.c, u.m, u.s, u.g, u.i, u.parts, u.f, u.a, :now
                FROM unnest(CAST(:codes AS varchar[]), CAST(:models AS uuid[]), CAST(:scores AS int[]),
                    CAST(:grades AS varchar[]), CAST(:innovation AS int[]), CAST(:parts AS jsonb[]),
                    CAST(:features AS jsonb[]), CAST(:months AS date[])) AS u(c, m, s, g, i, parts, f, a)
                ON CONFLICT (credit_code) DO UPDATE SET model_id = EXCLUDED.model_id, score = EXCLUDED.score,
                    grade = EXCLUDED.grade, innovation_score = EXCLUDED.innovation_score,
                    innovation = EXCLUDED.innovation, features = EXCLUDED.features, as_of = EXCLUDED.as_of,
                    rated_at = EXCLUDED.rated_at""")
                .param("now", Timestamp.from(now)).param("codes", codes).param("models", models)
                .param("scores", scores).param("grades", grades).param("innovation", innovation)
                .param("parts", parts).param("features", features).param("months", months).update();
        upsertMonths(months, codes, models, scores, grades, innovation);
    }

    /** The month-by-month record alone: a rating as it stood for an earlier data month. */
    void upsertMonths(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        upsertMonths(rows.stream().map(r -> r.asOf().atDay(1).toString()).toArray(String[]::new),
                rows.stream().map(Row::creditCode).toArray(String[]::new),
                rows.stream().map(r -> r.modelId() == null ? null : r.modelId().toString()).toArray(String[]::new),
                rows.stream().map(Row::score).toArray(Integer[]::new),
                rows.stream().map(Row::grade).toArray(String[]::new),
                rows.stream().map(r -> r.innovation().total()).toArray(Integer[]::new));
    }

    private void upsertMonths(String[] months, String[] codes, String[] models, Integer[] scores, String[] grades,
            Integer[] innovation) {
        jdbc.sql("""
                INSERT INTO credit.rating_month (month, credit_code, model_id, score, grade, innovation_score)
                SELECT u.a, u.c, u.m, u.s, u.g, u.i
                FROM unnest(CAST(:months AS date[]), CAST(:codes AS varchar[]), CAST(:models AS uuid[]),
                    CAST(:scores AS int[]), CAST(:grades AS varchar[]), CAST(:innovation AS int[]))
                    AS u(a, c, m, s, g, i)
                ON CONFLICT (month, credit_code) DO UPDATE SET model_id = EXCLUDED.model_id, score = EXCLUDED.score,
                    grade = EXCLUDED.grade, innovation_score = EXCLUDED.innovation_score""")
                .param("months", months).param("codes", codes).param("models", models).param("scores", scores)
                .param("grades", grades).param("innovation", innovation).update();
    }

    Optional<Stored> find(String creditCode) {
        return jdbc.sql("SELECT * FROM credit.rating WHERE credit_code = ?").param(creditCode)
                .query((rs, i) -> stored(rs)).optional();
    }

    Optional<RatingSummary> summary(String creditCode) {
        return jdbc.sql(SUMMARY + " WHERE credit_code = ?").param(creditCode).query((rs, i) -> summary(rs))
                .optional();
    }

    void forEachSummary(Consumer<RatingSummary> sink) {
        try (var rows = jdbc.sql(SUMMARY).withFetchSize(5_000).query((rs, i) -> summary(rs)).stream()) {
            rows.forEach(sink);
        }
    }

    private static final String SUMMARY = "SELECT credit_code, score, grade, innovation_score, model_id, as_of, "
            + "rated_at FROM credit.rating";

    private static RatingSummary summary(ResultSet rs) throws SQLException {
        return new RatingSummary(rs.getString("credit_code"), rs.getObject("score", Integer.class),
                rs.getString("grade"), rs.getInt("innovation_score"), rs.getObject("model_id", UUID.class),
                YearMonth.from(rs.getDate("as_of").toLocalDate()), rs.getTimestamp("rated_at").toInstant());
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        JsonNode parts = Models.JSON.readTree(rs.getString("innovation"));
        InnovationScore innovation = new InnovationScore(rs.getInt("innovation_score"), parts.path("ip").asDouble(),
                parts.path("rd").asDouble(), parts.path("talent").asDouble(),
                parts.path("qualifications").asDouble());
        return new Stored(summary(rs), innovation, features(rs.getString("features")));
    }

    static String featuresJson(double[] values) {
        StringBuilder s = new StringBuilder("{");
        for (CreditFeature f : CreditFeature.values()) {
            double v = values[f.ordinal()];
            if (Double.isFinite(v)) {
                if (s.length() > 1) {
                    s.append(',');
                }
                s.append('"').append(f.code()).append("\":").append(v);
            }
        }
        return s.append('}').toString();
    }

    static double[] features(String json) {
        double[] out = new double[CreditFeature.values().length];
        Arrays.fill(out, Double.NaN);
        JsonNode node = Models.JSON.readTree(json);
        for (CreditFeature f : CreditFeature.values()) {
            JsonNode v = node.get(f.code());
            if (v != null && v.isNumber()) {
                out[f.ordinal()] = v.asDouble();
            }
        }
        return out;
    }

    private static String innovationJson(InnovationScore s) {
        return String.format(Locale.ROOT, "{\"ip\":%s,\"rd\":%s,\"talent\":%s,\"qualifications\":%s}", s.ip(), s.rd(),
                s.talent(), s.qualifications());
    }

    /** Current ratings by grade (null grade: not yet scored by a model). */
    List<Object[]> gradeCounts() {
        return jdbc.sql("SELECT grade, count(*) FROM credit.rating GROUP BY grade")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
    }

    /** Current scores in bands of {@code width} points: band floor → count. */
    List<long[]> scoreBands(int width) {
        return jdbc.sql("SELECT floor(score / CAST(? AS float8)) * ? AS band, count(*) FROM credit.rating "
                + "WHERE score IS NOT NULL GROUP BY band ORDER BY band").params(width, width)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** For each data month of a model: grade → count. */
    List<Object[]> monthlyGrades(UUID model) {
        return jdbc.sql("SELECT month, grade, count(*), avg(score) FROM credit.rating_month WHERE model_id = ? "
                + "AND grade IS NOT NULL GROUP BY month, grade ORDER BY month").param(model)
                .query((rs, i) -> new Object[] {YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2),
                    rs.getLong(3), rs.getDouble(4)}).list();
    }

    /** The grade an enterprise had for the latest data month not after {@code month}, if any. */
    Optional<String> gradeAt(String creditCode, YearMonth month) {
        return jdbc.sql("SELECT grade FROM credit.rating_month WHERE credit_code = ? AND month <= ? "
                + "AND grade IS NOT NULL ORDER BY month DESC LIMIT 1").params(creditCode, Date.valueOf(month.atDay(1)))
                .query(String.class).optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM credit.rating").query(Long.class).single();
    }
}
