package org.sanrong.deal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.demand.DemandPublished;
import org.sanrong.demand.Demands;
import org.sanrong.demand.FinancingDemand;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.matching.Matchmaking;
import org.sanrong.matching.ProductMatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funnel (matched → picked up → decided → approved → funded) and league tables per institution and product,
 * drawn from the deals themselves; what government chooses to publish goes on the public league table.
 */
@Service
public class DealStatistics {

    /** Columns government may publish on the public league table. */
    public enum Metric {
        RECEIVED, PICKED_UP, PICK_UP_HOURS, DECISION_HOURS, APPROVAL_RATE, FUNDED_AMOUNT, FUNDED_COUNT
    }

    /**
     * One institution's or product's row. Hours are medians: from an application or referral reaching the institution
     * to its pick-up (pick-ups from the hall count as immediate), and from pick-up to decision.
     */
    public record FunnelRow(UUID id, String name, @Nullable String institutionName, long matched, long received,
            long pickedUp, long decided, long approved, long declined, long overdue, long funded, long fundedFen,
            @Nullable Double medianPickUpHours, @Nullable Double medianDecisionHours) {

        /** Approved of decided, in percent (null before any decision). */
        public @Nullable Integer approvalPercent() {
            return decided == 0 ? null : (int) Math.round(100.0 * approved / decided);
        }
    }

    /** What the public page shows: the metrics government chose, when it chose to publish. */
    public record Publication(boolean published, Set<Metric> metrics, java.time.@Nullable Instant at,
            @Nullable String by) {
    }

    private final JdbcClient jdbc;
    private final Matchmaking matchmaking;
    private final Demands demands;
    private final AuditTrail audit;
    private final Clock clock;

    DealStatistics(JdbcClient jdbc, Matchmaking matchmaking, Demands demands, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.matchmaking = matchmaking;
        this.demands = demands;
        this.audit = audit;
        this.clock = clock;
    }

    /** Keeps which institutions a published demand matched (best product each), for the top of the funnel. */
    @ApplicationModuleListener
    void on(DemandPublished event) {
        demands.find(new FinancingDemand.Id(event.demandId())).ifPresent(demand -> {
            Map<UUID, ProductMatch> best = new LinkedHashMap<>();
            for (ProductMatch m : matchmaking.rank(demand)) {
                if (m.eligible()) {
                    best.putIfAbsent(m.institutionId(), m);
                }
            }
            Timestamp now = Timestamp.from(clock.instant());
            best.values().forEach(m -> jdbc.sql("""
                    INSERT INTO deal.demand_match (demand_id, institution_id, product_id, score, matched_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (demand_id, institution_id)
                    DO UPDATE SET product_id = EXCLUDED.product_id, score = EXCLUDED.score""")
                    .params(event.demandId(), m.institutionId(), m.product().productId(), m.score(), now).update());
        });
    }

    /** Every institution's row, the most money moved first. Government only. */
    @Transactional(readOnly = true)
    public List<FunnelRow> byInstitution(SignedInUser user) {
        requireOfficial(user);
        return institutions(null);
    }

    /** The institution's own row and its products' rows (government may ask for any institution). */
    @Transactional(readOnly = true)
    public List<FunnelRow> byProduct(UUID institutionId, SignedInUser user) {
        if (!official(user) && !(user.hasRole(Role.INSTITUTION) && user.organisationId().equals(institutionId))) {
            throw new AccessDeniedException("只能查看本机构的对接统计");
        }
        return rows("product_id", "max(product_name)", institutionId, false);
    }

    @Transactional(readOnly = true)
    public @Nullable FunnelRow ofInstitution(UUID institutionId, SignedInUser user) {
        if (!official(user) && !(user.hasRole(Role.INSTITUTION) && user.organisationId().equals(institutionId))) {
            throw new AccessDeniedException("只能查看本机构的对接统计");
        }
        List<FunnelRow> rows = institutions(institutionId);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /** Decline reasons with counts, every reason present; for one institution or (null) all. */
    @Transactional(readOnly = true)
    public Map<DeclineReason, Long> declineReasons(@Nullable UUID institutionId, SignedInUser user) {
        if (institutionId == null) {
            requireOfficial(user);
        } else if (!official(user) && !user.organisationId().equals(institutionId)) {
            throw new AccessDeniedException("只能查看本机构的对接统计");
        }
        Map<DeclineReason, Long> out = new EnumMap<>(DeclineReason.class);
        for (DeclineReason r : DeclineReason.values()) {
            out.put(r, 0L);
        }
        jdbc.sql("SELECT decline_reason, count(*) AS n FROM deal.deal WHERE decline_reason IS NOT NULL AND "
                + "(CAST(:inst AS uuid) IS NULL OR institution_id = :inst) GROUP BY decline_reason")
                .param("inst", institutionId)
                .query(rs -> {
                    out.put(DeclineReason.valueOf(rs.getString("decline_reason")), rs.getLong("n"));
                });
        return out;
    }

    /** The city-wide funnel, stage by stage (for the chart). */
    @Transactional(readOnly = true)
    public Map<String, Long> funnel(SignedInUser user) {
        requireOfficial(user);
        Map<String, Long> stages = new LinkedHashMap<>();
        long matched = jdbc.sql("SELECT count(*) FROM deal.demand_match").query(Long.class).single();
        jdbc.sql("""
                SELECT count(*) AS received, count(picked_up_at) AS picked, count(decided_at) AS decided,
                       count(*) FILTER (WHERE decided_at IS NOT NULL AND decline_reason IS NULL) AS approved,
                       count(*) FILTER (WHERE status = 'FUNDED') AS funded FROM deal.deal""").query(rs -> {
                    stages.put("匹配", matched);
                    stages.put("收到", rs.getLong("received"));
                    stages.put("接单", rs.getLong("picked"));
                    stages.put("决定", rs.getLong("decided"));
                    stages.put("批准", rs.getLong("approved"));
                    stages.put("放款/投资", rs.getLong("funded"));
                });
        return stages;
    }

    /** The public league table: the published metrics only, or nothing when government has not published. */
    @Transactional(readOnly = true)
    public List<FunnelRow> publicLeague() {
        return publication().published() ? institutions(null) : List.of();
    }

    @Transactional(readOnly = true)
    public Publication publication() {
        return jdbc.sql("SELECT * FROM deal.league_publication ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> {
                    Set<Metric> metrics = EnumSet.noneOf(Metric.class);
                    for (String m : (String[]) rs.getArray("metrics").getArray()) {
                        metrics.add(Metric.valueOf(m));
                    }
                    return new Publication(rs.getBoolean("published"), metrics,
                            rs.getTimestamp("at").toInstant(), rs.getString("by_actor"));
                }).optional().orElse(new Publication(false, EnumSet.noneOf(Metric.class), null, null));
    }

    /** Government decides what the public league table shows (or withdraws it); audited. */
    @Transactional
    public void publish(boolean published, Set<Metric> metrics, SignedInUser user) {
        requireOfficial(user);
        if (published && metrics.isEmpty()) {
            throw new org.sanrong.platform.InvalidRequestException("metrics", "请至少选择一项公开的指标");
        }
        jdbc.sql("INSERT INTO deal.league_publication (metrics, published, at, by_actor) VALUES "
                + "(CAST(? AS varchar[]), ?, ?, ?)")
                .params("{" + String.join(",", metrics.stream().map(Enum::name).toList()) + "}", published,
                        Timestamp.from(clock.instant()), user.username()).update();
        audit.record(user.username(), user.organisationId(), "PUBLISH_LEAGUE", "league", Outcome.SUCCESS,
                published ? metrics.toString() : "撤回");
    }

    private List<FunnelRow> institutions(@Nullable UUID only) {
        return rows("institution_id", "max(institution_name)", only, true);
    }

    private List<FunnelRow> rows(String groupBy, String nameExpr, @Nullable UUID institution, boolean withMatched) {
        String matched = withMatched
                ? "(SELECT count(*) FROM deal.demand_match m WHERE m.institution_id = d.institution_id)"
                : "(SELECT count(*) FROM deal.demand_match m WHERE m.product_id = d.product_id)";
        List<FunnelRow> rows = new ArrayList<>();
        jdbc.sql("SELECT d." + groupBy + " AS id, " + nameExpr + " AS name, max(institution_name) AS inst, "
                + "max(" + matched + ") AS matched, count(*) AS received, count(picked_up_at) AS picked, "
                + "count(decided_at) AS decided, "
                + "count(*) FILTER (WHERE decided_at IS NOT NULL AND decline_reason IS NULL) AS approved, "
                + "count(*) FILTER (WHERE decline_reason IS NOT NULL) AS declined, "
                + "count(*) FILTER (WHERE status = 'OVERDUE') AS overdue, "
                + "count(*) FILTER (WHERE status = 'FUNDED') AS funded, "
                + "COALESCE(sum(disbursed_fen), 0) + COALESCE(sum(invested_fen), 0) AS funded_fen, "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM picked_up_at - opened_at) / 3600.0) "
                + "AS pick_hours, "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - picked_up_at) / 3600.0) "
                + "AS decide_hours "
                + "FROM deal.deal d WHERE (CAST(:inst AS uuid) IS NULL OR d.institution_id = :inst) "
                + "GROUP BY d." + groupBy + " ORDER BY funded_fen DESC, approved DESC, name")
                .param("inst", institution)
                .query(rs -> {
                    rows.add(new FunnelRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("inst"),
                            rs.getLong("matched"), rs.getLong("received"), rs.getLong("picked"),
                            rs.getLong("decided"), rs.getLong("approved"), rs.getLong("declined"),
                            rs.getLong("overdue"), rs.getLong("funded"), rs.getLong("funded_fen"),
                            rounded(rs.getObject("pick_hours", Double.class)),
                            rounded(rs.getObject("decide_hours", Double.class))));
                });
        return rows;
    }

    private static @Nullable Double rounded(@Nullable Double hours) {
        return hours == null ? null : Math.round(hours * 10) / 10.0;
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }

    private static void requireOfficial(SignedInUser user) {
        if (!official(user)) {
            throw new AccessDeniedException("对接统计面向政府部门");
        }
    }
}
