package org.sanrong.credit.scorecard;

import java.util.List;

/**
 * One bin (分箱) of a feature with its training counts. A numeric bin covers {@code [lower, upper)}; a categorical bin
 * lists its categories; the missing-value bin has neither. WoE and the IV term are on the training rows.
 */
public record Bin(String label, double lower, double upper, List<String> categories, boolean missing, int goods,
        int bads, double woe, double iv) {

    public Bin {
        categories = List.copyOf(categories);
    }

    public int count() {
        return goods + bads;
    }

    public double badRate() {
        return count() == 0 ? 0 : bads / (double) count();
    }
}
