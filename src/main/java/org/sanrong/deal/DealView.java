package org.sanrong.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.FinancingKind;

/**
 * A deal as pages and the API read it, with what the reader may do next ({@link #actions}: e.g. PICK_UP, DECIDE,
 * ACCEPT_OFFER, DISBURSE), so pages show buttons without deciding rules themselves.
 */
public record DealView(UUID id, DealOrigin origin, DealStatus status, @Nullable UUID demandId, boolean oneLender,
        String enterpriseCreditCode, String enterpriseName, UUID institutionId, String institutionName,
        UUID productId, int productVersion, String productName, String productType, FinancingKind kind,
        long amountFen, @Nullable Integer termMonths, @Nullable String purpose, Instant openedAt,
        @Nullable Instant deadline, @Nullable Instant pickedUpAt, @Nullable Instant decidedAt, @Nullable Offer offer,
        @Nullable DeclineReason declineReason, @Nullable String declineNote, @Nullable String materialsRequest,
        @Nullable Instant closedAt, @Nullable String closedNote, @Nullable Disbursement disbursement,
        @Nullable Investment investment, @Nullable LoanStatus loanStatus, @Nullable LocalDate loanStatusOn,
        @Nullable Long outstandingFen, @Nullable String sourceRef, Set<Action> actions) {

    /** What a reader may do with the deal now. */
    public enum Action {
        PICK_UP, DECIDE, PROVIDE_MATERIALS, ACCEPT_OFFER, DECLINE_OFFER, WITHDRAW, DISBURSE, INVEST, REPORT_STATUS
    }

    public boolean can(String action) {
        return actions.contains(Action.valueOf(action));
    }

    /** The roadshow the deal came from, when it did ({@code sourceRef} "roadshow:<id>"). */
    public @Nullable UUID roadshowId() {
        return sourceRef != null && sourceRef.startsWith("roadshow:") ? UUID.fromString(sourceRef.substring(9)) : null;
    }

    public boolean equity() {
        return kind == FinancingKind.EQUITY;
    }

    static DealView of(Deal d, Set<Action> actions) {
        Deal.Parties p = d.parties();
        return new DealView(d.id().value(), d.origin(), d.status(), p.demandId(), p.oneLender(),
                p.enterpriseCreditCode(), p.enterpriseName(), p.institutionId(), p.institutionName(),
                p.product().productId(), p.product().version(), p.productName(), p.productType(), p.kind(),
                d.amountFen(), d.termMonths(), d.purpose(), d.openedAt(), d.deadline(), d.pickedUpAt(),
                d.decidedAt(), d.offer(), d.declineReason(), d.declineNote(), d.materialsRequest(), d.closedAt(),
                d.closedNote(), d.disbursement(), d.investment(), d.loanStatus(), d.loanStatusOn(),
                d.outstandingFen(), d.sourceRef(), Set.copyOf(actions));
    }
}
