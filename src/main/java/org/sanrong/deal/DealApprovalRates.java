package org.sanrong.deal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.matching.ApprovalRates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each institution's approvals and declines by the enterprise's lifecycle stage, for matching's 审批通过率 factor.
 * Held in memory (one small grouped query) and reloaded after the next decision commits, since matching asks for
 * it once per product judged.
 */
@Component
class DealApprovalRates implements ApprovalRates {

    private record Tally(Map<LifecycleStage, int[]> byStage, int[] all) {
    }

    private final JdbcClient jdbc;
    private volatile @Nullable Map<UUID, Tally> tallies;

    DealApprovalRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Record of(UUID institutionId, @Nullable LifecycleStage stage) {
        Tally t = load().get(institutionId);
        if (t == null) {
            return new Record(0, 0, false);
        }
        int[] similar = stage == null ? null : t.byStage().get(stage);
        if (similar != null && similar[0] >= Record.MIN_DECISIONS) {
            return new Record(similar[0], similar[1], true);
        }
        return new Record(t.all()[0], t.all()[1], false);
    }

    @TransactionalEventListener
    void on(ApplicationDecided event) {
        tallies = null;
    }

    private Map<UUID, Tally> load() {
        Map<UUID, Tally> current = tallies;
        if (current != null) {
            return current;
        }
        Map<UUID, Tally> fresh = new HashMap<>();
        jdbc.sql("""
                SELECT institution_id, enterprise_stage, count(*) AS decided,
                       count(*) FILTER (WHERE decline_reason IS NULL) AS approved
                FROM deal.deal WHERE decided_at IS NOT NULL GROUP BY institution_id, enterprise_stage""")
                .query(rs -> {
                    Tally t = fresh.computeIfAbsent(rs.getObject("institution_id", UUID.class),
                            id -> new Tally(new EnumMap<>(LifecycleStage.class), new int[2]));
                    int decided = rs.getInt("decided");
                    int approved = rs.getInt("approved");
                    t.all()[0] += decided;
                    t.all()[1] += approved;
                    String stage = rs.getString("enterprise_stage");
                    if (stage != null) {
                        t.byStage().put(LifecycleStage.valueOf(stage), new int[] {decided, approved});
                    }
                });
        tallies = fresh;
        return fresh;
    }
}
