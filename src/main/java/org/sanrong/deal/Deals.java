package org.sanrong.deal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.catalog.ProductRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

/** The deal repository: the aggregate in one row, its timeline and its loan's status reports beside it. */
@Repository
class Deals {

    private final JdbcClient jdbc;

    Deals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Deal d) {
        Deal.Parties p = d.parties();
        jdbc.sql("""
                INSERT INTO deal.deal (id, origin, status, demand_id, one_lender, enterprise_credit_code,
                    enterprise_name, enterprise_stage, enterprise_org_id, institution_id, institution_name, product_id, product_version,
                    product_name, product_type, kind, amount_fen, term_months, purpose, opened_at, source_ref, row_version)
                VALUES (:id, :origin, :status, :demand, :oneLender, :code, :ename, :stage, :eorg, :inst, :iname, :product,
                    :pversion, :pname, :ptype, :kind, :amount, :term, :purpose, :opened, :sourceRef, 0)""")
                .param("id", d.id().value())
                .param("origin", d.origin().name())
                .param("status", d.status().name())
                .param("demand", p.demandId())
                .param("oneLender", p.oneLender())
                .param("code", p.enterpriseCreditCode())
                .param("ename", p.enterpriseName())
                .param("stage", p.enterpriseStage() == null ? null : p.enterpriseStage().name())
                .param("eorg", p.enterpriseOrganisationId())
                .param("inst", p.institutionId())
                .param("iname", p.institutionName())
                .param("product", p.product().productId())
                .param("pversion", p.product().version())
                .param("pname", p.productName())
                .param("ptype", p.productType())
                .param("kind", p.kind().name())
                .param("amount", d.amountFen())
                .param("term", d.termMonths())
                .param("purpose", d.purpose())
                .param("opened", Timestamp.from(d.openedAt()))
                .param("sourceRef", d.sourceRef())
                .update();
        update(d);
    }

    /** Saves the changing part, refusing a concurrent change (the row's version must be the one read). */
    void update(Deal d) {
        Offer o = d.offer();
        Disbursement b = d.disbursement();
        Investment i = d.investment();
        int n = jdbc.sql("""
                UPDATE deal.deal SET status = :status, deadline = :deadline, picked_up_at = :pickedUp,
                    decided_at = :decided, offer_amount_fen = :oAmount, offer_rate = :oRate,
                    offer_term_months = :oTerm, offer_stake = :oStake, offer_guarantee = :oGuarantee,
                    offer_conditions = :oConditions, decline_reason = :reason, decline_note = :reasonNote,
                    materials_request = :materials, closed_at = :closed, closed_note = :closedNote,
                    loan_number = :loan, disbursed_fen = :bAmount, disbursed_on = :bOn, loan_rate = :bRate,
                    loan_term_months = :bTerm, maturity_on = :bMaturity, loan_guarantee = :bGuarantee,
                    invested_fen = :iAmount, stake_percent = :iStake, invested_on = :iOn,
                    loan_status = :loanStatus, loan_status_on = :loanStatusOn, outstanding_fen = :outstanding,
                    row_version = row_version + 1
                WHERE id = :id AND row_version = :version""")
                .param("id", d.id().value())
                .param("version", d.version())
                .param("status", d.status().name())
                .param("deadline", ts(d.deadline()))
                .param("pickedUp", ts(d.pickedUpAt()))
                .param("decided", ts(d.decidedAt()))
                .param("oAmount", o == null ? null : o.amountFen())
                .param("oRate", o == null ? null : o.annualRatePercent())
                .param("oTerm", o == null ? null : o.termMonths())
                .param("oStake", o == null ? null : o.stakePercent())
                .param("oGuarantee", o == null ? null : o.guarantee())
                .param("oConditions", o == null ? null : o.conditions())
                .param("reason", d.declineReason() == null ? null : d.declineReason().name())
                .param("reasonNote", d.declineNote())
                .param("materials", d.materialsRequest())
                .param("closed", ts(d.closedAt()))
                .param("closedNote", d.closedNote())
                .param("loan", b == null ? null : b.loanNumber())
                .param("bAmount", b == null ? null : b.amountFen())
                .param("bOn", b == null ? null : Date.valueOf(b.disbursedOn()))
                .param("bRate", b == null ? null : b.annualRatePercent())
                .param("bTerm", b == null ? null : b.termMonths())
                .param("bMaturity", b == null ? null : Date.valueOf(b.maturityOn()))
                .param("bGuarantee", b == null ? null : b.guarantee())
                .param("iAmount", i == null ? null : i.amountFen())
                .param("iStake", i == null ? null : i.stakePercent())
                .param("iOn", i == null ? null : Date.valueOf(i.investedOn()))
                .param("loanStatus", d.loanStatus() == null ? null : d.loanStatus().name())
                .param("loanStatusOn", d.loanStatusOn() == null ? null : Date.valueOf(d.loanStatusOn()))
                .param("outstanding", d.outstandingFen())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("对接案件已被他人修改，请刷新后重试：" + d.id().value());
        }
        d.versionSaved(d.version() + 1);
        appendSteps(d);
    }

    private void appendSteps(Deal d) {
        List<Deal.Step> steps = d.drainSteps();
        if (steps.isEmpty()) {
            return;
        }
        int next = jdbc.sql("SELECT COALESCE(max(seq), 0) FROM deal.deal_step WHERE deal_id = ?")
                .param(d.id().value()).query(Integer.class).single();
        for (Deal.Step s : steps) {
            jdbc.sql("INSERT INTO deal.deal_step (deal_id, seq, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(d.id().value(), ++next, Timestamp.from(s.at()), s.actor(), s.kind(), s.detail())
                    .update();
        }
    }

    void appendStatusReport(Deal.Id id, LocalDate asOf, LoanStatus status, @Nullable Long outstanding, Instant at,
            String by) {
        jdbc.sql("INSERT INTO deal.loan_status_report (deal_id, as_of, status, outstanding_fen, reported_at, "
                + "reported_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id.value(), Date.valueOf(asOf), status.name(), outstanding, Timestamp.from(at), by).update();
    }

    Optional<Deal> find(Deal.Id id) {
        return jdbc.sql("SELECT * FROM deal.deal WHERE id = ?").param(id.value()).query(Deals::map).optional();
    }

    Optional<Deal> findForUpdate(Deal.Id id) {
        return jdbc.sql("SELECT * FROM deal.deal WHERE id = ? FOR UPDATE").param(id.value()).query(Deals::map)
                .optional();
    }

    List<Deal> ofInstitution(UUID institution, @Nullable DealStatus status, int limit, long offset) {
        return jdbc.sql("SELECT * FROM deal.deal WHERE institution_id = :org AND (CAST(:status AS varchar) IS NULL "
                + "OR status = :status) ORDER BY (deadline IS NULL), deadline, opened_at DESC LIMIT :limit OFFSET :offset")
                .param("org", institution).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset).query(Deals::map).list();
    }

    long countOfInstitution(UUID institution, @Nullable DealStatus status) {
        return jdbc.sql("SELECT count(*) FROM deal.deal WHERE institution_id = :org AND (CAST(:status AS varchar) "
                + "IS NULL OR status = :status)").param("org", institution)
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    List<Deal> ofEnterprise(UUID enterpriseOrg) {
        return jdbc.sql("SELECT * FROM deal.deal WHERE enterprise_org_id = ? ORDER BY opened_at DESC")
                .param(enterpriseOrg).query(Deals::map).list();
    }

    List<Deal> bySource(String ref) {
        return jdbc.sql("SELECT * FROM deal.deal WHERE source_ref = ? ORDER BY opened_at").param(ref)
                .query(Deals::map).list();
    }

    /** Whether the enterprise has a deal on the product that has not ended (one such deal per pair). */
    boolean openOnProduct(String creditCode, UUID productId) {
        return jdbc.sql("SELECT count(*) FROM deal.deal WHERE enterprise_credit_code = ? AND product_id = ? AND status "
                + "IN ('AWAITING_PICKUP', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'OFFERED', 'ACCEPTED')")
                .params(creditCode, productId).query(Long.class).single() > 0;
    }

    List<Deal> ofDemand(UUID demandId) {
        return jdbc.sql("SELECT * FROM deal.deal WHERE demand_id = ? ORDER BY opened_at").param(demandId)
                .query(Deals::map).list();
    }

    /** Deals whose institution's clock ran out before {@code now}, locked, skipping any another sweep holds. */
    List<Deal> pastDeadline(Instant now) {
        return jdbc.sql("SELECT * FROM deal.deal WHERE deadline < ? AND status IN ('AWAITING_PICKUP', 'UNDER_REVIEW') "
                + "ORDER BY deadline FOR UPDATE SKIP LOCKED").param(Timestamp.from(now)).query(Deals::map).list();
    }

    /** Institutions that already had a case for this demand (whatever became of it). */
    List<UUID> institutionsTried(UUID demandId) {
        return jdbc.sql("SELECT DISTINCT institution_id FROM deal.deal WHERE demand_id = ?").param(demandId)
                .query(UUID.class).list();
    }

    List<TimelineEntry> timeline(Deal.Id id) {
        return jdbc.sql("SELECT * FROM deal.deal_step WHERE deal_id = ? ORDER BY seq").param(id.value())
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("kind"), rs.getString("detail"))).list();
    }

    List<LoanStatusEntry> statusReports(Deal.Id id) {
        return jdbc.sql("SELECT * FROM deal.loan_status_report WHERE deal_id = ? ORDER BY as_of, reported_at")
                .param(id.value()).query((rs, n) -> new LoanStatusEntry(rs.getDate("as_of").toLocalDate(),
                        LoanStatus.valueOf(rs.getString("status")), rs.getObject("outstanding_fen", Long.class),
                        rs.getTimestamp("reported_at").toInstant(), rs.getString("reported_by"))).list();
    }

    /** Deals by status for one party; {@code column} is this class's own choice of party column, never user text. */
    java.util.Map<DealStatus, Long> counts(String column, UUID organisation) {
        java.util.Map<DealStatus, Long> out = new java.util.EnumMap<>(DealStatus.class);
        for (DealStatus s : DealStatus.values()) {
            out.put(s, 0L);
        }
        jdbc.sql("SELECT status, count(*) AS n FROM deal.deal WHERE " + column + " = ? GROUP BY status")
                .param(organisation).query(rs -> {
                    out.put(DealStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return out;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM deal.deal").query(Long.class).single();
    }

    static Deal map(ResultSet rs, int n) throws SQLException {
        Deal.Parties parties = new Deal.Parties(rs.getObject("demand_id", UUID.class), rs.getBoolean("one_lender"),
                rs.getString("enterprise_credit_code"), rs.getString("enterprise_name"),
                rs.getString("enterprise_stage") == null ? null
                        : org.sanrong.enterprise.LifecycleStage.valueOf(rs.getString("enterprise_stage")),
                rs.getObject("enterprise_org_id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getString("institution_name"),
                new ProductRef(rs.getObject("product_id", UUID.class), rs.getInt("product_version")),
                rs.getString("product_name"), rs.getString("product_type"),
                FinancingKind.valueOf(rs.getString("kind")));
        Long oAmount = rs.getObject("offer_amount_fen", Long.class);
        Offer offer = oAmount == null ? null : new Offer(oAmount, plain(rs.getBigDecimal("offer_rate")),
                rs.getObject("offer_term_months", Integer.class), plain(rs.getBigDecimal("offer_stake")),
                rs.getString("offer_guarantee"), rs.getString("offer_conditions"));
        Long bAmount = rs.getObject("disbursed_fen", Long.class);
        Disbursement disbursement = bAmount == null ? null : new Disbursement(rs.getString("loan_number"), bAmount,
                rs.getDate("disbursed_on").toLocalDate(), plain(rs.getBigDecimal("loan_rate")), rs.getInt("loan_term_months"),
                rs.getDate("maturity_on").toLocalDate(), rs.getString("loan_guarantee"));
        Long iAmount = rs.getObject("invested_fen", Long.class);
        Investment investment = iAmount == null ? null : new Investment(iAmount, plain(rs.getBigDecimal("stake_percent")),
                rs.getDate("invested_on").toLocalDate());
        String reason = rs.getString("decline_reason");
        String loanStatus = rs.getString("loan_status");
        Date loanStatusOn = rs.getDate("loan_status_on");
        return new Deal(new Deal.Id(rs.getObject("id", UUID.class)), DealOrigin.valueOf(rs.getString("origin")),
                parties, rs.getLong("amount_fen"), rs.getObject("term_months", Integer.class), rs.getString("purpose"),
                rs.getTimestamp("opened_at").toInstant(), DealStatus.valueOf(rs.getString("status")),
                instant(rs, "deadline"), instant(rs, "picked_up_at"), instant(rs, "decided_at"), offer,
                reason == null ? null : DeclineReason.valueOf(reason), rs.getString("decline_note"),
                rs.getString("materials_request"), instant(rs, "closed_at"), rs.getString("closed_note"),
                disbursement, investment, loanStatus == null ? null : LoanStatus.valueOf(loanStatus),
                loanStatusOn == null ? null : loanStatusOn.toLocalDate(), rs.getObject("outstanding_fen", Long.class),
                rs.getInt("row_version"), rs.getString("source_ref"));
    }

    /** numeric(7, 4) reads back as 3.6000; the rate is 3.6. */
    private static java.math.@Nullable BigDecimal plain(java.math.@Nullable BigDecimal b) {
        if (b == null) {
            return null;
        }
        java.math.BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
