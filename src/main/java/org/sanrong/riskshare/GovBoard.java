package org.sanrong.riskshare;

import java.util.List;

/** Government's view: each pool's figures, and claims waiting for review, for payment or held. */
public record GovBoard(List<Pool> pools, List<ClaimView> underReview, List<ClaimView> approved, List<ClaimView> held,
        List<ClaimView> recent) {

    /** A pool with its scheme (the version in force today, else the latest) and its figures. */
    public record Pool(Scheme scheme, PoolFigures figures, long fundedThisYearFen) {
    }
}
