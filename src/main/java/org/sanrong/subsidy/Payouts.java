package org.sanrong.subsidy;

import java.time.LocalDate;
import java.util.List;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.InsufficientBalanceException;
import org.sanrong.ledger.JournalEntry;
import org.sanrong.ledger.Ledger;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way an entitlement's money leaves its policy's budget, whether paid alone or in a batch: a ledger entry
 * under the business key {@code subsidy:pay:<entitlement>} (so a retry posts nothing twice) and a {@link SubsidyPaid}
 * event. Runs inside the caller's transaction.
 */
@Component("subsidyPayouts")
class Payouts {

    private final Ledger ledger;
    private final ApplicationEventPublisher events;

    Payouts(Ledger ledger, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.events = events;
    }

    void pay(Entitlement e, long fen, LocalDate on, String memo, String actor) {
        String book = Subsidies.book(e.policyCode(), e.year());
        try {
            ledger.post(new JournalEntry("subsidy:pay:" + e.id().value(), on, memo,
                    List.of(JournalEntry.Line.debit(new AccountRef(book, "paid"), fen),
                            JournalEntry.Line.credit(new AccountRef(book, "budget"), fen))), actor);
        } catch (InsufficientBalanceException ex) {
            throw InvalidRequestException.conflict("budget", e.policyCode() + " " + e.year() + " 年度预算余额 "
                    + Calculation.yuan(ex.balanceFen()) + " 元，不足以拨付 " + Calculation.yuan(fen)
                    + " 元；未拨付，请先追加预算");
        }
        events.publishEvent(new SubsidyPaid(e.id().value(), e.policyCode(), e.beneficiaryOrg(), e.enterpriseCode(),
                fen, on));
    }
}
