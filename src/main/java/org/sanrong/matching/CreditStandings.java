package org.sanrong.matching;

import org.jspecify.annotations.Nullable;

/**
 * An enterprise's platform rating as eligibility reads it: the credit grade (AAA … C; null until a model is
 * approved) and the innovation score (0–100). Null for an enterprise not rated yet: a product asking for a minimum
 * grade or innovation score then refuses it, as an institution could not check it either.
 */
public interface CreditStandings {

    CreditStandings NONE = creditCode -> null;

    @Nullable Standing of(String creditCode);

    record Standing(@Nullable String grade, int innovationScore) {
    }
}
