package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.LoanStatus;

/**
 * A loan with one pool as pages and the API read it, with what its bank may do now ({@code canFile},
 * {@code canClaim}) and what filing and a claim will ask for.
 */
public record FilingView(UUID id, String schemeCode, int schemeVersion, String schemeName, boolean schemeExample,
        Filing.Origin origin, @Nullable UUID dealId, String loanNumber, UUID institutionId, String institutionName,
        String enterpriseCreditCode, String enterpriseName, String productType, String productLabel, long amountFen,
        LocalDate disbursedOn, LocalDate maturityOn, int termMonths, @Nullable BigDecimal annualRatePercent,
        @Nullable String guarantee, List<LoanFeature> features, FilingStatus status, List<String> failedRules,
        LocalDate fileBy, @Nullable Instant filedAt, @Nullable String filedBy, @Nullable BigDecimal expectedRatio,
        @Nullable Long commitmentFen, @Nullable LoanStatus loanStatus, @Nullable LocalDate loanStatusOn,
        @Nullable Long outstandingFen, @Nullable UUID claimId, boolean canFile, boolean canClaim,
        List<LoanFeature> declarable, List<String> requiredDocuments, boolean lawsuitRequired, int minOverdueDays) {

    public String expectedRatioPercent() {
        return expectedRatio == null ? "—" : Yuan.percent(expectedRatio);
    }

    public boolean hasFeature(String feature) {
        return features.contains(LoanFeature.valueOf(feature));
    }
}
