package org.sanrong.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.InstitutionType;

/** A line of the product supermarket: the latest published version's headline terms. */
public record ProductRow(UUID id, int version, String name, ProductType type, FinancingKind kind,
        String institutionName, InstitutionType institutionType, @Nullable Long minAmountFen,
        @Nullable Long maxAmountFen, @Nullable Integer minTermMonths, @Nullable Integer maxTermMonths,
        @Nullable BigDecimal minRate, @Nullable BigDecimal maxRate, @Nullable LocalDate validUntil,
        Instant publishedAt) {
}
