package org.sanrong.stats;

import org.sanrong.deal.ApplicationDecided;
import org.sanrong.deal.DealOpened;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.deal.LoanDisbursed;
import org.sanrong.deal.LoanStatusReported;
import org.sanrong.demand.DemandClosed;
import org.sanrong.demand.DemandPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The events the statistics read model is kept from, each after its publisher's transaction committed. */
@Component
class StatisticsFeed {

    private final LoanBook book;

    StatisticsFeed(LoanBook book) {
        this.book = book;
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
