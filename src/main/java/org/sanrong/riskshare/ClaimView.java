package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A claim as pages and the API read it: the bank's statement, each pool's share with its calculation, where the
 * review stands and until when, its history, recoveries, and what the reader may do now ({@link #actions}).
 */
public record ClaimView(UUID id, UUID institutionId, String institutionName, String loanNumber, @Nullable UUID dealId,
        String enterpriseCreditCode, String enterpriseName, long loanAmountFen, long lossFen,
        @Nullable LocalDate overdueSince, @Nullable String lawsuitCaseNo, @Nullable LocalDate lawsuitAcceptedOn,
        List<String> documents, @Nullable String note, int claimYear, Instant submittedAt, String submittedBy,
        ClaimStatus status, List<Claim.ReviewStep> reviewSteps, int stepIndex, @Nullable String stepName,
        @Nullable Instant stepDeadline, boolean stepOverdue, long entitlementFen, long recoveredFen,
        List<ShareView> shares, List<ClaimEntry> history, List<RecoveryView> recoveries, Set<Action> actions) {

    public enum Action { REVIEW, PAY, RELEASE, RECORD_RECOVERY, CONFIRM_REMITTANCE }

    public record ShareView(UUID filingId, String schemeCode, String schemeName, int schemeVersion, BigDecimal ratio,
            long ownFen, long amountFen, List<String> calculation, Claim.ShareStatus status, long returnedFen) {

        public String ratioPercent() {
            return Yuan.percent(ratio);
        }
    }

    public boolean can(String action) {
        return actions.contains(Action.valueOf(action));
    }
}
