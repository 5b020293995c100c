package org.sanrong.enterprise;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.PersonalData;
import org.sanrong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enterprise repository: the aggregate, its yearly figures and its change history. */
@Repository
class Enterprises {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Enterprises(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Enterprise e) {
        jdbc.sql("""
                INSERT INTO enterprise.enterprise (id, credit_code, credit_code_exception, source, created_at,
                    updated_at, name) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id().value(), e.creditCode(), e.creditCodeException(), e.source().name(),
                        Timestamp.from(e.createdAt()), Timestamp.from(e.updatedAt()), e.profile().name())
                .update();
        update(e);
    }

    void update(Enterprise e) {
        Profile p = e.profile();
        jdbc.sql("""
                UPDATE enterprise.enterprise SET name = :name, legal_form = :legalForm, registered_on = :registeredOn,
                    registered_capital_fen = :capital, town_code = :town, address = :address, industry_code = :industry,
                    emerging_industries = :emerging::varchar[], headcount = :headcount,
                    invention_patents = :inv, utility_patents = :util, design_patents = :design,
                    software_copyrights = :soft, trademarks = :tm, equity_funded = :funded,
                    contact_name = :cname, contact_mobile = :cmobile, contact_email = :cemail, contact_mobile_index = :cindex,
                    stage_override = :stage, stage_override_reason = :stageReason, organisation_id = :org,
                    updated_at = :updated
                WHERE id = :id""")
                .param("name", p.name())
                .param("legalForm", p.legalForm())
                .param("registeredOn", p.registeredOn() == null ? null : Date.valueOf(p.registeredOn()))
                .param("capital", p.registeredCapitalFen())
                .param("town", p.townCode())
                .param("address", p.address())
                .param("industry", p.industryCode())
                .param("emerging", "{" + String.join(",", p.emergingIndustries()) + "}")
                .param("headcount", p.headcount())
                .param("inv", p.inventionPatents())
                .param("util", p.utilityPatents())
                .param("design", p.designPatents())
                .param("soft", p.softwareCopyrights())
                .param("tm", p.trademarks())
                .param("funded", p.equityFunded())
                .param("cname", cipher.encrypt(p.contactName()))
                .param("cmobile", cipher.encrypt(p.contactMobile()))
                .param("cemail", cipher.encrypt(p.contactEmail()))
                .param("cindex", cipher.blindIndex(p.contactMobile()))
                .param("stage", e.stageOverride() == null ? null : e.stageOverride().name())
                .param("stageReason", e.stageOverrideReason())
                .param("org", e.organisationId())
                .param("updated", Timestamp.from(e.updatedAt()))
                .param("id", e.id().value())
                .update();
    }

    Optional<Enterprise> findByCreditCode(String creditCode) {
        return jdbc.sql("SELECT * FROM enterprise.enterprise WHERE credit_code = ?").param(creditCode)
                .query(this::map).optional();
    }

    Optional<Enterprise> findByCreditCodeForUpdate(String creditCode) {
        return jdbc.sql("SELECT * FROM enterprise.enterprise WHERE credit_code = ? FOR UPDATE").param(creditCode)
                .query(this::map).optional();
    }

    Optional<Enterprise> findByOrganisation(UUID organisationId) {
        return jdbc.sql("SELECT * FROM enterprise.enterprise WHERE organisation_id = ?").param(organisationId)
                .query(this::map).optional();
    }

    List<YearlyFigures> figures(Enterprise.Id id) {
        return jdbc.sql("SELECT * FROM enterprise.yearly_figures WHERE enterprise_id = ? ORDER BY year DESC")
                .param(id.value())
                .query((rs, n) -> new YearlyFigures(rs.getInt("year"), rs.getObject("revenue_fen", Long.class),
                        rs.getObject("rd_expense_fen", Long.class), rs.getObject("rd_staff", Integer.class)))
                .list();
    }

    void saveFigures(Enterprise.Id id, YearlyFigures f) {
        jdbc.sql("""
                INSERT INTO enterprise.yearly_figures (enterprise_id, year, revenue_fen, rd_expense_fen, rd_staff)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (enterprise_id, year) DO UPDATE SET
                    revenue_fen = excluded.revenue_fen, rd_expense_fen = excluded.rd_expense_fen,
                    rd_staff = excluded.rd_staff""")
                .params(id.value(), f.year(), f.revenueFen(), f.rdExpenseFen(), f.rdStaff())
                .update();
    }

    void appendChanges(Enterprise.Id id, String actor, Instant at, Map<String, @Nullable String[]> changes) {
        changes.forEach((field, values) -> jdbc.sql("""
                INSERT INTO enterprise.profile_change (enterprise_id, at, actor, field, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id.value(), Timestamp.from(at), actor, field, cut(masked(field, values[0])),
                        cut(masked(field, values[1])))
                .update());
    }

    /** The change history is a list like any other: contacts only masked (张*, 138****1234, a***@x.cn). */
    private static @Nullable String masked(String field, @Nullable String value) {
        return switch (field) {
            case "contactName" -> PersonalData.maskName(value);
            case "contactMobile" -> PersonalData.maskMobile(value);
            case "contactEmail" -> PersonalData.maskEmail(value);
            default -> value;
        };
    }

    List<ProfileChange> history(Enterprise.Id id, int limit) {
        return jdbc.sql("""
                SELECT at, actor, field, old_value, new_value FROM enterprise.profile_change
                WHERE enterprise_id = ? ORDER BY at DESC, id DESC LIMIT ?""")
                .params(id.value(), limit)
                .query((rs, n) -> new ProfileChange(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("field"), rs.getString("old_value"), rs.getString("new_value")))
                .list();
    }

    Enterprise map(ResultSet rs, int row) throws SQLException {
        Date registered = rs.getDate("registered_on");
        String stage = rs.getString("stage_override");
        Profile profile = new Profile(rs.getString("name"), rs.getString("legal_form"),
                registered == null ? null : registered.toLocalDate(), rs.getObject("registered_capital_fen", Long.class),
                rs.getString("town_code"), rs.getString("address"), rs.getString("industry_code"),
                texts(rs.getArray("emerging_industries")), rs.getObject("headcount", Integer.class),
                rs.getInt("invention_patents"), rs.getInt("utility_patents"), rs.getInt("design_patents"),
                rs.getInt("software_copyrights"), rs.getInt("trademarks"), rs.getBoolean("equity_funded"),
                cipher.decrypt(rs.getString("contact_name")), cipher.decrypt(rs.getString("contact_mobile")),
                cipher.decrypt(rs.getString("contact_email")));
        return new Enterprise(new Enterprise.Id(rs.getObject("id", UUID.class)), rs.getString("credit_code"),
                rs.getString("credit_code_exception"), Enterprise.Source.valueOf(rs.getString("source")),
                rs.getTimestamp("created_at").toInstant(), profile,
                stage == null ? null : LifecycleStage.valueOf(stage), rs.getString("stage_override_reason"),
                rs.getObject("organisation_id", UUID.class), rs.getTimestamp("updated_at").toInstant());
    }

    /** A varchar[] column as a set of strings (emerging industries, qualification kinds). */
    static Set<String> texts(@Nullable Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Set.of((String[]) array.getArray());
    }

    private static @Nullable String cut(@Nullable String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
