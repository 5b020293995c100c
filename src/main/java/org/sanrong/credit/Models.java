package org.sanrong.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.sanrong.credit.scorecard.TrainedScorecard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model repository. A stored model never changes (only its status does), so trained scorecards are cached by
 * id once read.
 */
@Repository
class Models {

    /** Doubles NaN and ±∞ (empty folds, open bin ends) travel as the strings "NaN", "Infinity", "-Infinity". */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final JdbcClient jdbc;
    private final Map<UUID, TrainedScorecard> cards = new ConcurrentHashMap<>();

    Models(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String json(TrainedScorecard card) {
        return JSON.writeValueAsString(ModelDocument.of(card));
    }

    static TrainedScorecard card(String json) {
        return JSON.readValue(json, ModelDocument.class).card();
    }

    int nextVersion() {
        return jdbc.sql("SELECT COALESCE(max(version), 0) + 1 FROM credit.model").query(Integer.class).single();
    }

    void insert(UUID id, int version, ModelView.SourceKind kind, String source, String trainedBy, Instant at,
            TrainedScorecard card) {
        var v = card.validation();
        jdbc.sql("""
                INSERT INTO credit.model (id, version, status, source_kind, source, trained_by, trained_at, features,
                    rows, bads, train_auc, holdout_auc, holdout_ks, document)
                VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(id, version, kind.name(), source.length() > 255 ? source.substring(0, 255) : source,
                        trainedBy, Timestamp.from(at), card.model().size(),
                        card.metadata().trainRows() + card.metadata().holdoutRows(), card.metadata().bads(),
                        finite(v.train().auc()), v.holdout() == null ? null : finite(v.holdout().auc()),
                        v.holdout() == null ? null : finite(v.holdout().ks()), json(card))
                .update();
        cards.put(id, card);
    }

    Optional<ModelView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Models::view).optional();
    }

    Optional<ModelView> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(id).query(Models::view).optional();
    }

    Optional<ModelView> active() {
        return jdbc.sql(SELECT + " WHERE status = 'ACTIVE'").query(Models::view).optional();
    }

    List<ModelView> all() {
        return jdbc.sql(SELECT + " ORDER BY version DESC").query(Models::view).list();
    }

    TrainedScorecard card(UUID id) {
        return cards.computeIfAbsent(id, k -> card(jdbc.sql("SELECT document::text FROM credit.model WHERE id = ?")
                .param(k).query(String.class).single()));
    }

    void review(UUID id, ModelView.Status status, String reviewer, Instant at, @Nullable String note) {
        jdbc.sql("UPDATE credit.model SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE id = ?")
                .params(status.name(), reviewer, Timestamp.from(at), note, id).update();
    }

    void retireActive() {
        jdbc.sql("UPDATE credit.model SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
    }

    private static final String SELECT = "SELECT id, version, status, source_kind, source, trained_by, trained_at, "
            + "reviewed_by, reviewed_at, review_note, features, rows, bads, train_auc, holdout_auc, holdout_ks "
            + "FROM credit.model";

    private static ModelView view(ResultSet rs, int n) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new ModelView(rs.getObject("id", UUID.class), rs.getInt("version"),
                ModelView.Status.valueOf(rs.getString("status")),
                ModelView.SourceKind.valueOf(rs.getString("source_kind")), rs.getString("source"),
                rs.getString("trained_by"), rs.getTimestamp("trained_at").toInstant(), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("review_note"), rs.getInt("features"),
                rs.getInt("rows"), rs.getInt("bads"), rs.getObject("train_auc", Double.class),
                rs.getObject("holdout_auc", Double.class), rs.getObject("holdout_ks", Double.class));
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
