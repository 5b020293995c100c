package org.sanrong.riskshare;

import java.util.List;
import java.util.UUID;

/**
 * A pool's figures, read from its ledger book: money funded by each funder, the balance free to pay claims,
 * money reserved for approved claims, commitments (filed exposure × expected ratio), compensation approved, paid,
 * approved but unpaid, held, recovered from banks and still owed by them.
 */
public record PoolFigures(String schemeCode, List<Funded> funders, long fundedFen, long balanceFen, long reservedFen,
        long commitmentsFen, long compensationFen, long paidFen, long payableFen, long heldFen, long recoveredFen,
        long owedByBanksFen, List<ByBank> byBank, long totalDebitsFen, long totalCreditsFen) {

    public record Funded(String code, String name, long fen) {
    }

    /** One bank's figures in the pool. */
    public record ByBank(UUID institutionId, String name, long commitmentFen, long compensationFen, long paidFen,
            long heldFen, long recoveredFen, long owedFen) {
    }
}
