package org.sanrong.datahub;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * One enterprise's figures of a periodic source for one period: a month, or a quarter ({@code months} 3, tax only,
 * {@code period} its first month). Only the source's own columns are filled; money in fen.
 */
public record SeriesPoint(String creditCode, HubSource source, YearMonth period, int months,
        @Nullable Long taxPaidFen, @Nullable String taxGrade, @Nullable Integer socialHeadcount,
        @Nullable Integer fundHeadcount, @Nullable Long waterTonnes, @Nullable Long powerKwh,
        @Nullable Long gasCubicMetres, @Nullable Long importFen, @Nullable Long exportFen) implements HubItem {

    public SeriesPoint {
        if (!source.periodic()) {
            throw new IllegalArgumentException(source + " has no periods");
        }
        if (months != 1 && !(months == 3 && source == HubSource.TAX && (period.getMonthValue() - 1) % 3 == 0)) {
            throw new IllegalArgumentException("a period is a month, or a calendar quarter for tax: " + period + "/"
                    + months);
        }
    }

    public static SeriesPoint tax(String code, YearMonth period, int months, @Nullable Long paidFen,
            @Nullable String grade) {
        return new SeriesPoint(code, HubSource.TAX, period, months, paidFen, grade, null, null, null, null, null,
                null, null);
    }

    public static SeriesPoint social(String code, YearMonth month, @Nullable Integer social, @Nullable Integer fund) {
        return new SeriesPoint(code, HubSource.SOCIAL_INSURANCE, month, 1, null, null, social, fund, null, null, null,
                null, null);
    }

    public static SeriesPoint utilities(String code, YearMonth month, @Nullable Long water, @Nullable Long power,
            @Nullable Long gas) {
        return new SeriesPoint(code, HubSource.UTILITIES, month, 1, null, null, null, null, water, power, gas, null,
                null);
    }

    public static SeriesPoint customs(String code, YearMonth month, @Nullable Long importFen,
            @Nullable Long exportFen) {
        return new SeriesPoint(code, HubSource.CUSTOMS, month, 1, null, null, null, null, null, null, null,
                importFen, exportFen);
    }

    /** "2025-03" for a month, "2025Q1" for a quarter. */
    @Override
    public String key() {
        return months == 3 ? period.getYear() + "Q" + ((period.getMonthValue() + 2) / 3) : period.toString();
    }

    /** The last month the period covers. */
    public YearMonth lastMonth() {
        return period.plusMonths(months - 1L);
    }

    /** The same point with one measure replaced (a correction); money in fen, the tax grade 5 (A) to 1 (D). */
    public SeriesPoint with(Measure measure, @Nullable Long value) {
        if (measure.source() != source) {
            throw new IllegalArgumentException(measure + " is not a figure of " + source);
        }
        Integer count = value == null ? null : Math.toIntExact(value);
        return switch (measure) {
            case TAX_PAID -> tax(creditCode, period, months, value, taxGrade);
            case TAX_GRADE -> tax(creditCode, period, months, taxPaidFen,
                    value == null ? null : String.valueOf("ABMCD".charAt(5 - value.intValue())));
            case SOCIAL_HEADCOUNT -> social(creditCode, period, count, fundHeadcount);
            case FUND_HEADCOUNT -> social(creditCode, period, socialHeadcount, count);
            case WATER -> utilities(creditCode, period, value, powerKwh, gasCubicMetres);
            case POWER -> utilities(creditCode, period, waterTonnes, value, gasCubicMetres);
            case GAS -> utilities(creditCode, period, waterTonnes, powerKwh, value);
            case IMPORTS -> customs(creditCode, period, value, exportFen);
            case EXPORTS -> customs(creditCode, period, importFen, value);
        };
    }
}
