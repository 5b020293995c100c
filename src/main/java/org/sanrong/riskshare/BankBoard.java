package org.sanrong.riskshare;

import java.util.List;

/**
 * The bank's risk-sharing page: loans offered for filing, filed and not eligible, its exposure (outstanding principal
 * of filed loans) and the pools' commitments to it, its claims and where each stands, and its loss ratios.
 */
public record BankBoard(List<FilingView> offered, List<FilingView> filed, List<FilingView> ineligible,
        long exposureFen, long commitmentFen, List<ClaimView> claims, List<LossRatioView> lossRatios) {
}
