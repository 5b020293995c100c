package org.sanrong.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which loans a figure is about: the reporting month (its last day is the reporting date) and optional filters on
 * enterprise category (null: all enterprises), product type, GB/T 4754 section (one letter) or division (C39),
 * town and institution.
 */
public record Selection(YearMonth month, @Nullable String category, @Nullable String productType,
        @Nullable String industry, @Nullable String town, @Nullable UUID institution) {

    public static Selection of(YearMonth month) {
        return new Selection(month, null, null, null, null, null);
    }

    public Selection withMonth(YearMonth m) {
        return new Selection(m, category, productType, industry, town, institution);
    }

    public Selection withCategory(@Nullable String c) {
        return new Selection(month, c, productType, industry, town, institution);
    }

    public Selection withTown(@Nullable String t) {
        return new Selection(month, category, productType, industry, t, institution);
    }

    public Selection withInstitution(@Nullable UUID i) {
        return new Selection(month, category, productType, industry, town, i);
    }

    public Selection withIndustry(@Nullable String i) {
        return new Selection(month, category, productType, i, town, institution);
    }

    /** The reporting date: the month's last day. */
    public LocalDate reportingDate() {
        return month.atEndOfMonth();
    }

    /** The last month of the previous year: the balance "at the start of the year" is its closing balance. */
    public YearMonth startOfYear() {
        return YearMonth.of(month.getYear() - 1, 12);
    }
}
