package org.sanrong.riskshare;

import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.springframework.stereotype.Component;

/** Tells a bank what happened to its filings and claims, in the inbox, linking to the page. */
@Component
class RiskshareNotices {

    static final String CATEGORY = "RISKSHARE";

    private final Inbox inbox;

    RiskshareNotices(Inbox inbox) {
        this.inbox = inbox;
    }

    void offered(Filing f, Scheme s) {
        inbox.send(Notice.of(Notice.Recipient.organisation(f.loan().institutionId()), CATEGORY, "可备案贷款："
                + f.loan().loanNumber(), f.loan().enterpriseName() + " 的贷款 " + Yuan.grouped(f.loan().amountFen())
                + " 符合 " + s.name() + " 的备案条件，请在 " + f.fileBy() + " 前确认备案。")
                .linkTo("/riskshare/filings/" + f.id().value()).about("filing:" + f.id().value()));
    }

    void claimChanged(Claim c, String title, String body) {
        inbox.send(Notice.of(Notice.Recipient.organisation(c.application().institutionId()), CATEGORY, title, body)
                .linkTo("/riskshare/claims/" + c.id().value()).about("claim:" + c.id().value()));
    }
}
