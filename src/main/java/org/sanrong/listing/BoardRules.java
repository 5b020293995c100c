package org.sanrong.listing;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A board's listing standards with where they come from: the rule document, article and the date it took effect,
 * and whether the figures were verified against it (see {@code src/main/resources/listing/boards.csv}).
 */
public record BoardRules(ListingBoard board, String name, String rules, @Nullable String article,
        @Nullable LocalDate effective, boolean verified, @Nullable String note, List<Standard> standards) {

    public BoardRules {
        standards = List.copyOf(standards);
    }
}
