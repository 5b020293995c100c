package org.sanrong.matching;

import java.util.List;

/**
 * 股债组合: two eligible products that together serve one demand better than either alone — a loan with a
 * guarantee, an investment-linked loan with an equity round, two loans that add up to the amount.
 */
public record FinancingPackage(List<ProductMatch> products, int score, int coveragePercent, String explanation) {

    public FinancingPackage {
        products = List.copyOf(products);
    }
}
