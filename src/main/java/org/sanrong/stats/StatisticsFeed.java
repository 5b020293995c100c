package org.sanrong.stats;

import org.sanrong.deal.ApplicationDecided;
import org.sanrong.deal.DealOpened;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.deal.LoanStatusReported;
import org.sanrong.demand.DemandClosed;
import org.sanrong.demand.DemandPublished;
import org.sanrong.riskshare.CompensationPaid;
import org.sanrong.subsidy.SubsidyPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The events the statistics read model is kept from, each after its publisher's transaction committed. */
@Component
class StatisticsFeed {

    private final LoanBook book;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    StatisticsFeed(LoanBook book, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.book = book;
        this.jdbc = jdbc;
    }

    /** A pool paid its share of a claim: counted once per claim. */
    @ApplicationModuleListener
    void on(CompensationPaid event) {
        jdbc.sql("INSERT INTO stats.compensation (claim_id, scheme_code, institution_id, credit_code, amount_fen, "
                + "paid_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO NOTHING")
                .params(event.claimId(), event.schemeCode(), event.institutionId(), event.enterpriseCreditCode(),
                        event.amountFen(), java.sql.Date.valueOf(event.paidOn())).update();
    }

    /** A subsidy or reward paid from its policy's budget: counted once per entitlement. */
    @ApplicationModuleListener
    void on(SubsidyPaid event) {
        jdbc.sql("INSERT INTO stats.subsidy_paid (entitlement_id, policy_code, beneficiary_org, enterprise_code, "
                + "amount_fen, paid_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entitlement_id) DO NOTHING")
                .params(event.entitlementId(), event.policyCode(), event.beneficiaryOrg(), event.enterpriseCode(),
                        event.amountFen(), java.sql.Date.valueOf(event.paidOn())).update();
    }

    @ApplicationModuleListener
    void on(LoanDisbursed event) {
        book.disbursed(event);
    }

    @ApplicationModuleListener
    void on(LoanStatusReported event) {
        book.statusReported(event);
    }

    @ApplicationModuleListener
    void on(InvestmentRecorded event) {
        book.invested(event);
    }

    @ApplicationModuleListener
    void on(DemandPublished event) {
        book.demandPublished(event);
    }

    @ApplicationModuleListener
    void on(DemandClosed event) {
        book.demandClosed(event);
    }

    @ApplicationModuleListener
    void on(DealOpened event) {
        book.dealOpened(event);
    }

    @ApplicationModuleListener
    void on(ApplicationDecided event) {
        book.decided(event);
    }
}
