package org.sanrong.deal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise's application to a product: for one of its open demands or on its own, the amount (fen), term and
 * purpose; {@code shareData} grants the product's institution consent to read the enterprise's data for a year.
 */
public record Application(UUID productId, @Nullable UUID demandId, @Nullable Long amountFen,
        @Nullable Integer termMonths, @Nullable String purpose, @Nullable Boolean shareData) {

    /** Consent is given only when asked for in so many words. */
    public boolean sharesData() {
        return Boolean.TRUE.equals(shareData);
    }
}
