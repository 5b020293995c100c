package org.sanrong.achievement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The achievement repository and the library's search, with the interests beside it. */
@Repository
class Achievements {

    /** A row of a search: the achievement and how many enterprises expressed interest. */
    record Found(Achievement achievement, long interests) {
    }

    private final JdbcClient jdbc;

    private final org.sanrong.platform.PersonalDataCipher cipher;

    Achievements(JdbcClient jdbc, org.sanrong.platform.PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Achievement a) {
        Owner o = a.owner();
        jdbc.sql("""
                INSERT INTO achievement.achievement (id, kind, title, description, owner_type, owner_name,
                    owner_credit_code, owner_org_id, managing_org_id, managing_org_name, industry_code, trl, intents,
                    patent_number, patent_application, contact_name, contact_phone, status, search_terms, search_text,
                    created_by, created_at, updated_at, row_version)
                VALUES (:id, :kind, :title, :description, :ownerType, :ownerName, :ownerCode, :ownerOrg, :managingOrg,
                    :managingName, :industry, :trl, CAST(:intents AS varchar[]), :patent, :application, :contactName,
                    :contactPhone, :status, CAST(:terms AS text[]), :text, :createdBy, :createdAt, :updatedAt, 0)""")
                .params(params(a))
                .param("ownerType", o.type().name())
                .param("ownerName", o.name())
                .param("ownerCode", o.creditCode())
                .param("ownerOrg", o.organisationId())
                .param("managingOrg", a.managingOrganisationId())
                .param("managingName", a.managingOrganisationName())
                .param("createdBy", a.createdBy())
                .param("createdAt", Timestamp.from(a.createdAt()))
                .update();
    }

    /** Saves a revision, refusing a concurrent one (the row's version must be the one read). */
    void update(Achievement a) {
        int n = jdbc.sql("""
                UPDATE achievement.achievement SET kind = :kind, title = :title, description = :description,
                    owner_type = :ownerType, owner_name = :ownerName, industry_code = :industry, trl = :trl,
                    intents = CAST(:intents AS varchar[]), patent_number = :patent, patent_application = :application,
                    contact_name = :contactName, contact_phone = :contactPhone, status = :status,
                    search_terms = CAST(:terms AS text[]), search_text = :text, updated_at = :updatedAt,
                    row_version = row_version + 1
                WHERE id = :id AND row_version = :version""")
                .params(params(a))
                .param("ownerType", a.owner().type().name())
                .param("ownerName", a.owner().name())
                .param("version", a.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("成果已被他人修改，请刷新后重试");
        }
        a.versionSaved(a.version() + 1);
    }

    private Map<String, Object> params(Achievement a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", a.id().value());
        p.put("kind", a.kind().name());
        p.put("title", a.title());
        p.put("description", a.description());
        p.put("industry", a.industryCode());
        p.put("trl", a.trl());
        p.put("intents", array(a.intents().stream().map(Enum::name).toList()));
        p.put("patent", a.patent() == null ? null : a.patent().value());
        p.put("application", a.patent() == null ? null : a.patent().applicationNumber());
        p.put("contactName", cipher.encrypt(a.contactName()));
        p.put("contactPhone", cipher.encrypt(a.contactPhone()));
        p.put("status", a.status().name());
        p.put("terms", array(SearchText.indexTerms(a.searchableText())));
        p.put("text", SearchText.normalise(a.searchableText()));
        p.put("updatedAt", Timestamp.from(a.updatedAt()));
        return p;
    }

    Optional<Achievement> find(Achievement.Id id) {
        return jdbc.sql("SELECT * FROM achievement.achievement WHERE id = ?").param(id.value()).query(this::map)
                .optional();
    }

    Optional<Achievement> findForUpdate(Achievement.Id id) {
        return jdbc.sql("SELECT * FROM achievement.achievement WHERE id = ? FOR UPDATE").param(id.value())
                .query(this::map).optional();
    }

    /** Published achievements matching the query, best first: the whole query in the title, then the newest. */
    List<Found> search(AchievementQuery q, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        String rank = params.containsKey("whole") ? "(a.title ILIKE :whole ESCAPE '\\') DESC, " : "";
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT a.*, (SELECT count(*) FROM achievement.interest i WHERE i.achievement_id = a.id) AS "
                + "interests FROM achievement.achievement a" + where + " ORDER BY " + rank
                + "a.updated_at DESC, a.id LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> new Found(map(rs, n), rs.getLong("interests"))).list();
    }

    long count(AchievementQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT count(*) FROM achievement.achievement a" + where(q, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(AchievementQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE a.status = 'PUBLISHED'");
        List<String> words = q.text() == null ? List.of() : SearchText.queryWords(q.text());
        if (!words.isEmpty()) {
            Set<String> terms = words.stream().flatMap(w -> SearchText.termsOf(w).stream())
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            if (!terms.isEmpty()) {
                where.append(" AND a.search_terms @> CAST(:terms AS text[])");
                params.put("terms", array(terms));
            }
            for (int i = 0; i < words.size(); i++) {
                where.append(" AND a.search_text LIKE :w").append(i).append(" ESCAPE '\\'");
                params.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
            }
            params.put("whole", "%" + escapeLike(q.text().strip()) + "%");
        }
        if (q.industry() != null && !q.industry().isBlank()) {
            where.append(" AND a.industry_code LIKE :industry");
            params.put("industry", escapeLike(q.industry().strip().toUpperCase(java.util.Locale.ROOT)) + "%");
        }
        if (q.minTrl() != null) {
            where.append(" AND a.trl >= :trl");
            params.put("trl", q.minTrl());
        }
        if (q.intent() != null) {
            where.append(" AND CAST(:intent AS varchar) = ANY(a.intents)");
            params.put("intent", q.intent().name());
        }
        if (q.kind() != null) {
            where.append(" AND a.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.ownerType() != null) {
            where.append(" AND a.owner_type = :ownerType");
            params.put("ownerType", q.ownerType().name());
        }
        if (q.owner() != null && !q.owner().isBlank()) {
            where.append(" AND a.owner_name = :owner");
            params.put("owner", q.owner().strip());
        }
        return where.toString();
    }

    /** Every achievement the organisation answers for, withdrawn ones too, newest first. */
    List<Found> managedBy(UUID organisationId) {
        return jdbc.sql("SELECT a.*, (SELECT count(*) FROM achievement.interest i WHERE i.achievement_id = a.id) AS "
                + "interests FROM achievement.achievement a WHERE a.managing_org_id = ? ORDER BY a.updated_at DESC")
                .param(organisationId).query((rs, n) -> new Found(map(rs, n), rs.getLong("interests"))).list();
    }

    /** Published achievements of one enterprise owner, for its profile. */
    List<Found> ofOwnerEnterprise(String creditCode) {
        return jdbc.sql("SELECT a.*, (SELECT count(*) FROM achievement.interest i WHERE i.achievement_id = a.id) AS "
                + "interests FROM achievement.achievement a WHERE a.owner_credit_code = ? AND a.status = 'PUBLISHED' "
                + "ORDER BY a.updated_at DESC").param(creditCode)
                .query((rs, n) -> new Found(map(rs, n), rs.getLong("interests"))).list();
    }

    long interestCount(Achievement.Id id) {
        return jdbc.sql("SELECT count(*) FROM achievement.interest WHERE achievement_id = ?").param(id.value())
                .query(Long.class).single();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM achievement.achievement").query(Long.class).single();
    }

    // ---- interests ----------------------------------------------------------------------------------------------

    void insertInterest(UUID id, Achievement.Id achievement, UUID enterpriseOrg, String enterpriseName,
            String creditCode, String username, String personName, @Nullable Intent intent, String message,
            Instant at) {
        jdbc.sql("""
                INSERT INTO achievement.interest (id, achievement_id, enterprise_org_id, enterprise_name,
                    enterprise_credit_code, username, person_name, intent, message, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, achievement.value(), enterpriseOrg, enterpriseName, creditCode, username, personName,
                        intent == null ? null : intent.name(), message, Timestamp.from(at))
                .update();
    }

    Optional<InterestView> interestOf(Achievement.Id achievement, UUID enterpriseOrg) {
        return jdbc.sql(INTERESTS + " WHERE i.achievement_id = ? AND i.enterprise_org_id = ?")
                .params(achievement.value(), enterpriseOrg).query(Achievements::interest).optional();
    }

    List<InterestView> interestsIn(Achievement.Id achievement) {
        return jdbc.sql(INTERESTS + " WHERE i.achievement_id = ? ORDER BY i.created_at DESC")
                .param(achievement.value()).query(Achievements::interest).list();
    }

    /** Interests in every achievement the organisation answers for, newest first. */
    List<InterestView> interestsReceivedBy(UUID managingOrg, int limit) {
        return jdbc.sql(INTERESTS + " WHERE a.managing_org_id = ? ORDER BY i.created_at DESC LIMIT ?")
                .params(managingOrg, limit).query(Achievements::interest).list();
    }

    List<InterestView> interestsExpressedBy(UUID enterpriseOrg) {
        return jdbc.sql(INTERESTS + " WHERE i.enterprise_org_id = ? ORDER BY i.created_at DESC")
                .param(enterpriseOrg).query(Achievements::interest).list();
    }

    private static final String INTERESTS = """
            SELECT i.*, a.title FROM achievement.interest i
            JOIN achievement.achievement a ON a.id = i.achievement_id""";

    private static InterestView interest(ResultSet rs, int n) throws SQLException {
        String intent = rs.getString("intent");
        return new InterestView(rs.getObject("id", UUID.class), rs.getObject("achievement_id", UUID.class),
                rs.getString("title"), rs.getString("enterprise_name"), rs.getString("enterprise_credit_code"),
                rs.getString("person_name"), intent == null ? null : Intent.valueOf(intent), rs.getString("message"),
                rs.getTimestamp("created_at").toInstant());
    }

    // ---- mapping ------------------------------------------------------------------------------------------------

    private Achievement map(ResultSet rs, int n) throws SQLException {
        OwnerType type = OwnerType.valueOf(rs.getString("owner_type"));
        String code = rs.getString("owner_credit_code");
        Owner owner = new Owner(type, rs.getString("owner_name"), code == null ? null : code.strip(),
                rs.getObject("owner_org_id", UUID.class));
        String patent = rs.getString("patent_number");
        return new Achievement(new Achievement.Id(rs.getObject("id", UUID.class)), owner,
                rs.getObject("managing_org_id", UUID.class), rs.getString("managing_org_name"),
                AchievementKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                rs.getString("industry_code"), rs.getInt("trl"), intents(rs.getArray("intents")),
                patent == null ? null : PatentNumber.parse(patent), cipher.decrypt(rs.getString("contact_name")),
                cipher.decrypt(rs.getString("contact_phone")), AchievementStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("row_version"));
    }

    private static Set<Intent> intents(Array array) throws SQLException {
        EnumSet<Intent> set = EnumSet.noneOf(Intent.class);
        for (String s : (String[]) array.getArray()) {
            set.add(Intent.valueOf(s));
        }
        return set;
    }

    /** A PostgreSQL array literal, every element quoted. */
    static String array(Collection<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
