package org.sanrong.enterprise;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Writes batches of enterprise rows idempotently: the batch is COPYed into a session temp table, then upserted by
 * credit code (an existing enterprise is updated, never duplicated) and its yearly figures by (enterprise, year).
 * A blank value in the batch leaves the stored one as it is. Each batch commits on its own.
 */
@Component
class EnterpriseUpserts {

    private static final String TEMP_TABLE = """
            CREATE TEMP TABLE IF NOT EXISTS enterprise_import_row (
                credit_code char(18), name varchar(100), legal_form varchar(30), registered_on date,
                registered_capital_fen bigint, town_code varchar(12), address varchar(200), industry_code varchar(5),
                emerging_industries varchar(20)[], headcount int, figures_year smallint, revenue_fen bigint,
                rd_expense_fen bigint, rd_staff int, invention_patents int, utility_patents int, design_patents int,
                software_copyrights int, trademarks int, equity_funded boolean, contact_name text,
                contact_mobile text, contact_mobile_index char(64), qualifications varchar(20)[],
                qualification_issuers varchar(100)[]
            ) ON COMMIT DELETE ROWS""";

    /**
     * One statement per batch: upsert the enterprises, then, joining only the batch's returned ids (never a scan of
     * the whole table), upsert their yearly figures and add the qualifications they assert and do not hold yet.
     */
    private static final String UPSERT = """
            WITH up AS (
                INSERT INTO enterprise.enterprise AS e (id, credit_code, name, legal_form, registered_on,
                    registered_capital_fen, town_code, address, industry_code, emerging_industries, headcount,
                    invention_patents, utility_patents, design_patents, software_copyrights, trademarks,
                    equity_funded, contact_name, contact_mobile, contact_mobile_index, source, created_at, updated_at)
                SELECT gen_random_uuid(), credit_code, name, legal_form, registered_on, registered_capital_fen,
                    town_code, address, industry_code, coalesce(emerging_industries, '{}'), headcount,
                    invention_patents, utility_patents, design_patents, software_copyrights, trademarks,
                    equity_funded, contact_name, contact_mobile, contact_mobile_index, ?, now(), now()
                FROM enterprise_import_row
                ON CONFLICT (credit_code) DO UPDATE SET
                    name = EXCLUDED.name,
                    legal_form = coalesce(EXCLUDED.legal_form, e.legal_form),
                    registered_on = coalesce(EXCLUDED.registered_on, e.registered_on),
                    registered_capital_fen = coalesce(EXCLUDED.registered_capital_fen, e.registered_capital_fen),
                    town_code = coalesce(EXCLUDED.town_code, e.town_code),
                    address = coalesce(EXCLUDED.address, e.address),
                    industry_code = coalesce(EXCLUDED.industry_code, e.industry_code),
                    emerging_industries = CASE WHEN EXCLUDED.industry_code IS NULL THEN e.emerging_industries
                        ELSE EXCLUDED.emerging_industries END,
                    headcount = coalesce(EXCLUDED.headcount, e.headcount),
                    invention_patents = EXCLUDED.invention_patents,
                    utility_patents = EXCLUDED.utility_patents,
                    design_patents = EXCLUDED.design_patents,
                    software_copyrights = EXCLUDED.software_copyrights,
                    trademarks = EXCLUDED.trademarks,
                    equity_funded = e.equity_funded OR EXCLUDED.equity_funded,
                    contact_name = coalesce(EXCLUDED.contact_name, e.contact_name),
                    contact_mobile = coalesce(EXCLUDED.contact_mobile, e.contact_mobile),
                    contact_mobile_index = CASE WHEN EXCLUDED.contact_mobile IS NULL THEN e.contact_mobile_index
                        ELSE EXCLUDED.contact_mobile_index END,
                    updated_at = now()
                RETURNING e.id, e.credit_code
            ), figures AS (
                INSERT INTO enterprise.yearly_figures AS f (enterprise_id, year, revenue_fen, rd_expense_fen,
                    rd_staff)
                SELECT up.id, r.figures_year, r.revenue_fen, r.rd_expense_fen, r.rd_staff
                FROM up JOIN enterprise_import_row r ON r.credit_code = up.credit_code
                WHERE r.figures_year IS NOT NULL
                ON CONFLICT (enterprise_id, year) DO UPDATE SET
                    revenue_fen = coalesce(EXCLUDED.revenue_fen, f.revenue_fen),
                    rd_expense_fen = coalesce(EXCLUDED.rd_expense_fen, f.rd_expense_fen),
                    rd_staff = coalesce(EXCLUDED.rd_staff, f.rd_staff)
            )
            INSERT INTO enterprise.qualification (id, enterprise_id, kind, issuer, status, source, declared_at,
                declared_by, reviewed_at, reviewed_by)
            SELECT gen_random_uuid(), up.id, q.kind, q.issuer, 'VERIFIED', ?, now(), ?, now(), ?
            FROM up JOIN enterprise_import_row r ON r.credit_code = up.credit_code
                CROSS JOIN LATERAL unnest(r.qualifications, r.qualification_issuers) AS q(kind, issuer)
            WHERE NOT EXISTS (SELECT 1 FROM enterprise.qualification x
                              WHERE x.enterprise_id = up.id AND x.kind = q.kind)""";

    private final DataSource dataSource;
    private final ReferenceCodes reference;
    private final org.sanrong.platform.PersonalDataCipher cipher;

    EnterpriseUpserts(DataSource dataSource, ReferenceCodes reference,
            org.sanrong.platform.PersonalDataCipher cipher) {
        this.dataSource = dataSource;
        this.reference = reference;
        this.cipher = cipher;
    }

    /**
     * Applies one batch in one transaction and returns how many rows it applied. Within a batch the last row of a
     * credit code wins, as it would across batches.
     */
    int apply(List<EnterpriseRecord> batch, String source, String actor) {
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, EnterpriseRecord> byCode = new LinkedHashMap<>(batch.size() * 2);
        for (EnterpriseRecord r : batch) {
            byCode.remove(r.creditCode());
            byCode.put(r.creditCode(), r);
        }
        String copy = copyText(byCode.values());
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute(TEMP_TABLE);
                }
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY enterprise_import_row FROM STDIN", new StringReader(copy));
                try (var upsert = c.prepareStatement(UPSERT)) {
                    upsert.setString(1, source);
                    upsert.setString(2, source);
                    upsert.setString(3, actor);
                    upsert.setString(4, actor);
                    upsert.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("enterprise batch failed: " + e.getMessage(), e);
        }
        return batch.size();
    }

    /** The rows in PostgreSQL's COPY text format: tab-separated, \N for null. */
    private String copyText(Collection<EnterpriseRecord> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 300);
        for (EnterpriseRecord r : rows) {
            field(b, r.creditCode());
            field(b, r.name());
            field(b, r.legalForm());
            field(b, r.registeredOn());
            field(b, r.registeredCapitalFen());
            field(b, r.townCode());
            field(b, r.address());
            field(b, r.industryCode());
            field(b, r.industryCode() == null ? null : reference.emergingArrayLiteral(r.industryCode()));
            field(b, r.headcount());
            field(b, r.figuresYear());
            field(b, r.revenueFen());
            field(b, r.rdExpenseFen());
            field(b, r.rdStaff());
            field(b, r.inventionPatents());
            field(b, r.utilityPatents());
            field(b, r.designPatents());
            field(b, r.softwareCopyrights());
            field(b, r.trademarks());
            field(b, r.equityFunded() ? "t" : "f");
            // personal data goes in encrypted (platform.PersonalDataCipher), with the mobile's blind index
            field(b, cipher.encrypt(r.contactName()));
            field(b, cipher.encrypt(r.contactMobile()));
            field(b, cipher.blindIndex(r.contactMobile()));
            field(b, "{" + String.join(",", r.qualifications()) + "}");
            field(b, arrayLiteral(r.qualifications().stream().map(reference::qualificationIssuer).toList()));
            b.setCharAt(b.length() - 1, '\n');
        }
        return b.toString();
    }

    /** A PostgreSQL text-array literal with every element quoted. */
    private static String arrayLiteral(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, @Nullable Object value) {
        if (value == null) {
            b.append("\\N");
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(ch);
                }
            }
        }
        b.append('\t');
    }
}
