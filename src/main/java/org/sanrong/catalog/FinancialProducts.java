package org.sanrong.catalog;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sanrong.identity.InstitutionType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The product repository: working copies, and the append-only versions with their JSON snapshots. */
@Repository
class FinancialProducts {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FinancialProducts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(FinancialProduct p) {
        jdbc.sql("""
                INSERT INTO catalog.product (id, institution_id, institution_name, institution_type, type, name,
                    status, version, return_reason, content, created_at, created_by, updated_at)
                VALUES (:id, :institution, :institutionName, :institutionType, :type, :name, :status, :version,
                    :reason, CAST(:content AS jsonb), :createdAt, :createdBy, :updatedAt)""")
                .param("id", p.id().value())
                .param("institution", p.institutionId())
                .param("institutionName", p.institutionName())
                .param("institutionType", p.institutionType().name())
                .param("type", p.content().type().name())
                .param("name", p.content().name())
                .param("status", p.status().name())
                .param("version", p.version())
                .param("reason", p.returnReason())
                .param("content", json.writeValueAsString(p.content()))
                .param("createdAt", Timestamp.from(p.createdAt()))
                .param("createdBy", p.createdBy())
                .param("updatedAt", Timestamp.from(p.updatedAt()))
                .update();
    }

    void update(FinancialProduct p) {
        jdbc.sql("""
                UPDATE catalog.product SET type = :type, name = :name, status = :status, version = :version,
                    return_reason = :reason, content = CAST(:content AS jsonb), updated_at = :updatedAt
                WHERE id = :id""")
                .param("type", p.content().type().name())
                .param("name", p.content().name())
                .param("status", p.status().name())
                .param("version", p.version())
                .param("reason", p.returnReason())
                .param("content", json.writeValueAsString(p.content()))
                .param("updatedAt", Timestamp.from(p.updatedAt()))
                .param("id", p.id().value())
                .update();
    }

    Optional<FinancialProduct> find(UUID id) {
        return jdbc.sql("SELECT * FROM catalog.product WHERE id = ?").param(id).query(this::map).optional();
    }

    Optional<FinancialProduct> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM catalog.product WHERE id = ? FOR UPDATE").param(id).query(this::map)
                .optional();
    }

    List<FinancialProduct> ofInstitution(UUID institution) {
        return jdbc.sql("SELECT * FROM catalog.product WHERE institution_id = ? ORDER BY updated_at DESC")
                .param(institution).query(this::map).list();
    }

    List<FinancialProduct> withStatus(FinancialProduct.Status status) {
        return jdbc.sql("SELECT * FROM catalog.product WHERE status = ? ORDER BY updated_at")
                .param(status.name()).query(this::map).list();
    }

    /** Published products whose validity ended before {@code today}, locked for the expiry job. */
    List<UUID> dueToExpire(java.time.LocalDate today) {
        return jdbc.sql("""
                SELECT id FROM catalog.product WHERE status = 'PUBLISHED'
                  AND (content ->> 'validUntil') IS NOT NULL AND CAST(content ->> 'validUntil' AS date) < ?""")
                .param(Date.valueOf(today)).query(UUID.class).list();
    }

    /** Saves the product's current content as its version {@code p.version()}. */
    void insertVersion(FinancialProduct p, String actor, Instant at) {
        ProductContent c = p.content();
        Terms t = c.terms();
        jdbc.sql("""
                INSERT INTO catalog.product_version (product_id, version, type, kind, name, institution_id,
                    institution_name, institution_type, min_amount_fen, max_amount_fen, min_term_months,
                    max_term_months, min_rate, max_rate, valid_from, valid_until, content, created_at, created_by)
                VALUES (:id, :version, :type, :kind, :name, :institution, :institutionName, :institutionType,
                    :minAmount, :maxAmount, :minTerm, :maxTerm, :minRate, :maxRate, :validFrom, :validUntil,
                    CAST(:content AS jsonb), :at, :actor)""")
                .param("id", p.id().value())
                .param("version", p.version())
                .param("type", c.type().name())
                .param("kind", c.type().kind().name())
                .param("name", c.name())
                .param("institution", p.institutionId())
                .param("institutionName", p.institutionName())
                .param("institutionType", p.institutionType().name())
                .param("minAmount", t.minAmountFen())
                .param("maxAmount", t.maxAmountFen())
                .param("minTerm", t.minTermMonths())
                .param("maxTerm", t.maxTermMonths())
                .param("minRate", t.minRate())
                .param("maxRate", t.maxRate())
                .param("validFrom", c.validFrom() == null ? null : Date.valueOf(c.validFrom()))
                .param("validUntil", c.validUntil() == null ? null : Date.valueOf(c.validUntil()))
                .param("content", json.writeValueAsString(c))
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .update();
    }

    record StoredVersion(ProductRef ref, UUID institutionId, String institutionName, InstitutionType institutionType,
            ProductContent content, Instant createdAt, String createdBy) {
    }

    Optional<StoredVersion> version(ProductRef ref) {
        return jdbc.sql("SELECT * FROM catalog.product_version WHERE product_id = ? AND version = ?")
                .params(ref.productId(), ref.version()).query(this::mapVersion).optional();
    }

    /** Every version on the shelf today (published, within validity), in one statement. */
    List<StoredVersion> shelf(java.time.LocalDate today) {
        java.sql.Date day = java.sql.Date.valueOf(today);
        return jdbc.sql("""
                SELECT v.* FROM catalog.product p JOIN catalog.product_version v
                    ON v.product_id = p.id AND v.version = p.version
                WHERE p.status = 'PUBLISHED' AND (v.valid_until IS NULL OR v.valid_until >= ?)
                    AND (v.valid_from IS NULL OR v.valid_from <= ?)""")
                .params(day, day).query(this::mapVersion).list();
    }

    List<StoredVersion> versions(List<ProductRef> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new java.util.ArrayList<>();
        for (ProductRef r : refs) {
            where.append(where.isEmpty() ? "" : " OR ").append("(product_id = ? AND version = ?)");
            params.add(r.productId());
            params.add(r.version());
        }
        List<StoredVersion> found = jdbc.sql("SELECT * FROM catalog.product_version WHERE " + where)
                .params(params).query(this::mapVersion).list();
        return refs.stream().flatMap(r -> found.stream().filter(v -> v.ref().equals(r)).findFirst().stream())
                .toList();
    }

    List<ProductVersionSummary> versionList(UUID productId) {
        return jdbc.sql("""
                SELECT version, name, created_at, created_by FROM catalog.product_version WHERE product_id = ?
                ORDER BY version DESC""").param(productId)
                .query((rs, n) -> new ProductVersionSummary(rs.getInt("version"), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"))).list();
    }

    private FinancialProduct map(ResultSet rs, int row) throws SQLException {
        return new FinancialProduct(new FinancialProduct.Id(rs.getObject("id", UUID.class)),
                rs.getObject("institution_id", UUID.class), rs.getString("institution_name"),
                InstitutionType.valueOf(rs.getString("institution_type")),
                json.readValue(rs.getString("content"), ProductContent.class),
                FinancialProduct.Status.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getString("return_reason"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private StoredVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new StoredVersion(new ProductRef(rs.getObject("product_id", UUID.class), rs.getInt("version")),
                rs.getObject("institution_id", UUID.class), rs.getString("institution_name"),
                InstitutionType.valueOf(rs.getString("institution_type")),
                json.readValue(rs.getString("content"), ProductContent.class),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    static ProductRow row(ResultSet rs, int n) throws SQLException {
        Date until = rs.getDate("valid_until");
        return new ProductRow(rs.getObject("product_id", UUID.class), rs.getInt("version"), rs.getString("name"),
                ProductType.valueOf(rs.getString("type")), FinancingKind.valueOf(rs.getString("kind")),
                rs.getString("institution_name"), InstitutionType.valueOf(rs.getString("institution_type")),
                (Long) rs.getObject("min_amount_fen", Long.class), (Long) rs.getObject("max_amount_fen", Long.class),
                (Integer) rs.getObject("min_term_months", Integer.class),
                (Integer) rs.getObject("max_term_months", Integer.class), strip(rs.getBigDecimal("min_rate")),
                strip(rs.getBigDecimal("max_rate")), until == null ? null : until.toLocalDate(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
