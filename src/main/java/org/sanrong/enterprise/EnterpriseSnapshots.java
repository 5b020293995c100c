package org.sanrong.enterprise;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk reads of the 企业库 for the platform's own processes: which credit codes exist, and enterprises as
 * {@link EnterpriseSnapshot}s one at a time or in chunks ordered by credit code, three statements a chunk. Nothing
 * here is shown to a person as it is, so nothing here is audited; access to private data stays with
 * {@link EnterpriseBook}.
 */
@Service
public class EnterpriseSnapshots {

    private static final String SELECT = "SELECT e.id, e.credit_code, e.name, e.organisation_id, e.registered_on, "
            + "e.registered_capital_fen, e.town_code, e.industry_code, e.headcount, e.invention_patents, "
            + "e.utility_patents, e.design_patents, e.software_copyrights, e.trademarks, e.equity_funded, "
            + "e.stage_override FROM enterprise.enterprise e";

    private final JdbcClient jdbc;
    private final Clock clock;

    EnterpriseSnapshots(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The codes among {@code creditCodes} that are in the 企业库. */
    @Transactional(readOnly = true)
    public Set<String> known(Collection<String> creditCodes) {
        if (creditCodes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT credit_code FROM enterprise.enterprise "
                + "WHERE credit_code = ANY(CAST(? AS bpchar[]))")
                .param(creditCodes.toArray(String[]::new)).query(String.class).list());
    }

    /** Every credit code in the 企业库, in order. */
    @Transactional(readOnly = true)
    public List<String> creditCodes() {
        return jdbc.sql("SELECT credit_code FROM enterprise.enterprise ORDER BY credit_code").query(String.class)
                .list();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM enterprise.enterprise").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<EnterpriseSnapshot> of(String creditCode) {
        List<EnterpriseSnapshot> one = of(List.of(creditCode));
        return one.isEmpty() ? Optional.empty() : Optional.of(one.getFirst());
    }

    /** The snapshots of the given codes that exist, in credit-code order. */
    @Transactional(readOnly = true)
    public List<EnterpriseSnapshot> of(Collection<String> creditCodes) {
        if (creditCodes.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql(SELECT + " WHERE e.credit_code = ANY(CAST(? AS bpchar[])) ORDER BY e.credit_code")
                .param(creditCodes.toArray(String[]::new)).query(EnterpriseSnapshots::row).list();
        return complete(rows);
    }

    /**
     * Every enterprise in credit-code order, handed over in chunks of at most {@code size}; one read-only
     * transaction throughout, so the chunks form one consistent picture.
     */
    @Transactional(readOnly = true)
    public void forEachChunk(int size, Consumer<List<EnterpriseSnapshot>> sink) {
        List<Row> chunk = new ArrayList<>(size);
        try (var rows = jdbc.sql(SELECT + " ORDER BY e.credit_code").withFetchSize(size)
                .query(EnterpriseSnapshots::row).stream()) {
            rows.forEach(r -> {
                chunk.add(r);
                if (chunk.size() == size) {
                    sink.accept(complete(chunk));
                    chunk.clear();
                }
            });
        }
        if (!chunk.isEmpty()) {
            sink.accept(complete(chunk));
        }
    }

    private record Row(UUID id, String creditCode, String name, UUID organisationId, LocalDate registeredOn,
            Long capital, String town, String industry, Integer headcount, int invention, int utility, int design,
            int software, int trademarks, boolean equityFunded, String stageOverride) {
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Date registered = rs.getDate("registered_on");
        return new Row(rs.getObject("id", UUID.class), rs.getString("credit_code"), rs.getString("name"),
                rs.getObject("organisation_id", UUID.class), registered == null ? null : registered.toLocalDate(),
                rs.getObject("registered_capital_fen", Long.class), rs.getString("town_code"),
                rs.getString("industry_code"), rs.getObject("headcount", Integer.class),
                rs.getInt("invention_patents"), rs.getInt("utility_patents"), rs.getInt("design_patents"),
                rs.getInt("software_copyrights"), rs.getInt("trademarks"), rs.getBoolean("equity_funded"),
                rs.getString("stage_override"));
    }

    /** Adds yearly figures and live qualifications to a chunk of rows: two statements, whatever its size. */
    private List<EnterpriseSnapshot> complete(List<Row> rows) {
        String[] ids = rows.stream().map(r -> r.id().toString()).toArray(String[]::new);
        Map<UUID, List<YearlyFigures>> figures = new HashMap<>();
        jdbc.sql("SELECT * FROM enterprise.yearly_figures WHERE enterprise_id = ANY(CAST(? AS uuid[])) ORDER BY year DESC")
                .param(ids).query(rs -> {
                    figures.computeIfAbsent(rs.getObject("enterprise_id", UUID.class), k -> new ArrayList<>())
                            .add(new YearlyFigures(rs.getInt("year"), rs.getObject("revenue_fen", Long.class),
                                    rs.getObject("rd_expense_fen", Long.class),
                                    rs.getObject("rd_staff", Integer.class)));
                });
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", ids);
        params.put("today", Date.valueOf(today));
        Map<UUID, Set<String>> qualifications = new HashMap<>();
        jdbc.sql("SELECT q.enterprise_id, q.kind FROM enterprise.qualification q "
                + "WHERE q.enterprise_id = ANY(CAST(:ids AS uuid[])) AND " + EnterpriseBook.LIVE_QUALIFICATION).params(params).query(rs -> {
                    qualifications.computeIfAbsent(rs.getObject("enterprise_id", UUID.class), k -> new HashSet<>())
                            .add(rs.getString("kind"));
                });
        List<EnterpriseSnapshot> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<YearlyFigures> f = figures.getOrDefault(r.id(), List.of());
            LifecycleStage stage = r.stageOverride() != null ? LifecycleStage.valueOf(r.stageOverride())
                    : LifecycleStage.derive(r.registeredOn(), f.isEmpty() ? null : f.getFirst().revenueFen(),
                            r.equityFunded(), today);
            out.add(new EnterpriseSnapshot(r.creditCode(), r.name(), r.organisationId(), r.registeredOn(),
                    r.capital(), r.town(), r.industry(), r.headcount(), r.invention(), r.utility(), r.design(),
                    r.software(), r.trademarks(), r.equityFunded(), stage, f,
                    qualifications.getOrDefault(r.id(), Set.of())));
        }
        return out;
    }
}
