package org.sanrong.credit.scorecard;

/**
 * Scaling of log-odds to points by "points to double the odds" (PDO): score = offset + factor · ln(odds), with odds
 * = good : bad, factor = PDO / ln 2 and offset = basePoints − factor · ln(baseOdds). Higher score = lower risk.
 * Defaults: 600 points at odds 50:1, 20 points to double the odds.
 */
public record PointsScale(double basePoints, double baseOdds, double pdo) {

    public static final PointsScale DEFAULT = new PointsScale(600, 50, 20);

    public PointsScale {
        if (!(baseOdds > 0) || !(pdo > 0) || !Double.isFinite(basePoints)) {
            throw new IllegalArgumentException("baseOdds and pdo must be positive: " + baseOdds + ", " + pdo);
        }
    }

    public double factor() {
        return pdo / Math.log(2);
    }

    public double offset() {
        return basePoints - factor() * Math.log(baseOdds);
    }

    /** Score at the given good:bad odds. */
    public double scoreAtOdds(double goodToBad) {
        return offset() + factor() * Math.log(goodToBad);
    }

    /** Score at a probability of bad. */
    public double scoreAtProbability(double badProbability) {
        return offset() + factor() * Math.log((1 - badProbability) / badProbability);
    }

    /** Score at a logit of P(bad): ln(good:bad) = −logit, hence the minus. */
    public double scoreAtLogit(double badLogit) {
        return offset() - factor() * badLogit;
    }

    /** Good:bad odds a score stands for. */
    public double oddsAt(double score) {
        return Math.exp((score - offset()) / factor());
    }

    /** P(bad) a score stands for. */
    public double badProbabilityAt(double score) {
        return 1 / (1 + oddsAt(score));
    }
}
