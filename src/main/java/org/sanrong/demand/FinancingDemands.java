package org.sanrong.demand;

import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.FinancingKind;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseCard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The demand repository: the aggregate with a copy of its enterprise's public card, and its versions. */
@Repository
class FinancingDemands {

    static final String TERMS_COLUMNS = "amount_fen, purpose, purpose_category, term_months, kinds, "
            + "max_equity_stake, max_annual_rate, collateral, needed_by, visibility, chosen_institutions, one_lender";
    private static final String TERMS_PARAMS = ":amount, :purpose, :category, :term, CAST(:kinds AS varchar[]), "
            + ":stake, :rate, CAST(:collateral AS varchar[]), :neededBy, :visibility, CAST(:chosen AS uuid[]), :oneLender";

    private final JdbcClient jdbc;

    FinancingDemands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FinancingDemand d, EnterpriseCard card) {
        terms(jdbc.sql("INSERT INTO demand.financing_demand (id, enterprise_credit_code, organisation_id, status, "
                + "version, created_at, created_by, updated_at, enterprise_name, " + TERMS_COLUMNS + ") VALUES (:id, "
                + ":code, :org, :status, 0, :created, :by, :updated, :name, " + TERMS_PARAMS + ")"), d.terms())
                .param("id", d.id().value())
                .param("code", d.enterpriseCreditCode())
                .param("org", d.organisationId())
                .param("status", d.status().name())
                .param("created", Timestamp.from(d.createdAt()))
                .param("by", d.createdBy())
                .param("updated", Timestamp.from(d.updatedAt()))
                .param("name", card.name())
                .update();
        update(d, card);
    }

    void update(FinancingDemand d, @Nullable EnterpriseCard card) {
        terms(jdbc.sql("""
                UPDATE demand.financing_demand SET status = :status, version = :version, raised_fen = :raised,
                    closed_reason = :reason, updated_at = :updated, published_at = :published,
                    amount_fen = :amount, purpose = :purpose, purpose_category = :category, term_months = :term,
                    kinds = CAST(:kinds AS varchar[]), max_equity_stake = :stake, max_annual_rate = :rate,
                    collateral = CAST(:collateral AS varchar[]), needed_by = :neededBy, visibility = :visibility,
                    chosen_institutions = CAST(:chosen AS uuid[]), one_lender = :oneLender,
                    enterprise_name = COALESCE(:name, enterprise_name),
                    town_code = CASE WHEN :hasCard THEN :town ELSE town_code END,
                    industry_code = CASE WHEN :hasCard THEN :industry ELSE industry_code END
                WHERE id = :id"""), d.terms())
                .param("status", d.status().name())
                .param("version", d.version())
                .param("raised", d.raisedFen())
                .param("reason", d.closedReason())
                .param("updated", Timestamp.from(d.updatedAt()))
                .param("published", d.publishedAt() == null ? null : Timestamp.from(d.publishedAt()))
                .param("name", card == null ? null : card.name())
                .param("hasCard", card != null)
                .param("town", card == null ? null : card.townCode())
                .param("industry", card == null ? null : card.industryCode())
                .param("id", d.id().value())
                .update();
    }

    /** Keeps the enterprise's card copy current after its profile changed. */
    void refreshCard(EnterpriseCard card) {
        jdbc.sql("""
                UPDATE demand.financing_demand SET enterprise_name = :name, town_code = :town, industry_code = :industry
                WHERE enterprise_credit_code = :code""")
                .param("name", card.name()).param("town", card.townCode()).param("industry", card.industryCode())
                .param("code", card.creditCode()).update();
    }

    void appendVersion(FinancingDemand d, String by, Instant at) {
        terms(jdbc.sql("INSERT INTO demand.demand_version (demand_id, version, at, by_actor, " + TERMS_COLUMNS
                + ") VALUES (:id, :version, :at, :by, " + TERMS_PARAMS + ")"), d.terms())
                .param("id", d.id().value())
                .param("version", d.version())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    Optional<FinancingDemand> find(FinancingDemand.Id id) {
        return jdbc.sql("SELECT * FROM demand.financing_demand WHERE id = ?").param(id.value())
                .query(FinancingDemands::map).optional();
    }

    Optional<FinancingDemand> findForUpdate(FinancingDemand.Id id) {
        return jdbc.sql("SELECT * FROM demand.financing_demand WHERE id = ? FOR UPDATE").param(id.value())
                .query(FinancingDemands::map).optional();
    }

    List<FinancingDemand> ofOrganisation(UUID organisationId) {
        return jdbc.sql("SELECT * FROM demand.financing_demand WHERE organisation_id = ? ORDER BY updated_at DESC")
                .param(organisationId).query(FinancingDemands::map).list();
    }

    /** Open demands whose needed-by date is before {@code cutoff}; locked, for the expiry job. */
    List<FinancingDemand> openNeededBefore(java.time.LocalDate cutoff) {
        return jdbc.sql("SELECT * FROM demand.financing_demand WHERE status IN ('PUBLISHED', 'IN_PROGRESS') "
                + "AND needed_by < ? ORDER BY needed_by FOR UPDATE SKIP LOCKED").param(Date.valueOf(cutoff))
                .query(FinancingDemands::map).list();
    }

    List<DemandVersion> versions(FinancingDemand.Id id) {
        return jdbc.sql("SELECT * FROM demand.demand_version WHERE demand_id = ? ORDER BY version DESC")
                .param(id.value()).query((rs, n) -> new DemandVersion(rs.getInt("version"),
                        rs.getTimestamp("at").toInstant(), rs.getString("by_actor"), terms(rs)))
                .list();
    }

    private static JdbcClient.StatementSpec terms(JdbcClient.StatementSpec spec, DemandTerms t) {
        return spec.param("amount", t.amountFen())
                .param("purpose", t.purpose())
                .param("category", t.purposeCategory() == null ? null : t.purposeCategory().name())
                .param("term", t.termMonths())
                .param("kinds", array(t.kinds(), Enum::name))
                .param("stake", t.maxEquityStakePercent())
                .param("rate", t.maxAnnualRatePercent())
                .param("collateral", array(t.collateral(), Enum::name))
                .param("neededBy", t.neededBy() == null ? null : Date.valueOf(t.neededBy()))
                .param("visibility", t.visibility().name())
                .param("chosen", array(t.chosenInstitutions(), UUID::toString))
                .param("oneLender", t.oneLenderAtATime());
    }

    private static <T> String array(java.util.Collection<T> values, Function<T, String> f) {
        return values.stream().map(f).collect(Collectors.joining(",", "{", "}"));
    }

    static DemandTerms terms(ResultSet rs) throws SQLException {
        String category = rs.getString("purpose_category");
        Date neededBy = rs.getDate("needed_by");
        return new DemandTerms(rs.getObject("amount_fen", Long.class), rs.getString("purpose"),
                category == null ? null : PurposeCategory.valueOf(category),
                rs.getObject("term_months", Integer.class),
                enums(rs.getArray("kinds"), FinancingKind.class), rs.getBigDecimal("max_equity_stake"),
                rs.getBigDecimal("max_annual_rate"), enums(rs.getArray("collateral"), Collateral.class),
                neededBy == null ? null : neededBy.toLocalDate(), Visibility.valueOf(rs.getString("visibility")),
                uuids(rs.getArray("chosen_institutions")), rs.getBoolean("one_lender"));
    }

    private static <E extends Enum<E>> Set<E> enums(@Nullable Array array, Class<E> type) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> Enum.valueOf(type, o.toString()))
                .collect(Collectors.toSet());
    }

    private static List<UUID> uuids(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> o instanceof UUID u ? u
                : UUID.fromString(o.toString())).toList();
    }

    static FinancingDemand map(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new FinancingDemand(new FinancingDemand.Id(rs.getObject("id", UUID.class)),
                rs.getString("enterprise_credit_code"), rs.getObject("organisation_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                DemandStatus.valueOf(rs.getString("status")), rs.getInt("version"), terms(rs),
                rs.getObject("raised_fen", Long.class), rs.getString("closed_reason"),
                rs.getTimestamp("updated_at").toInstant(), published == null ? null : published.toInstant());
    }
}
