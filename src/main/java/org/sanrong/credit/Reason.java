package org.sanrong.credit;

/**
 * 扣分原因 (reason code): a model feature that cost the enterprise points against the best bin of that feature —
 * its value and bin, the points it got, the best bin and its points. Listed by points lost, most first.
 */
public record Reason(String code, String feature, String value, String bin, int points, String bestBin,
        int bestPoints) {

    public int lost() {
        return bestPoints - points;
    }
}
