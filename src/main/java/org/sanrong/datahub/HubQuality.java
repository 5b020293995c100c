package org.sanrong.datahub;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The quality report: per source, how many of the registry's enterprises it covers, its latest period, how many
 * enterprises' series have gone stale (nothing for the last {@link #STALE_MONTHS} complete months) and how many
 * latest figures are outliers against the enterprise's own previous twelve months.
 */
public record HubQuality(YearMonth asOf, long enterprises, List<SourceQuality> sources, List<Outlier> outliers) {

    /** A periodic series is stale when its latest month is this many months or more before the report's month. */
    public static final int STALE_MONTHS = 3;
    /** A latest figure this many times its median of the previous 12 months (or this share of it) is an outlier. */
    public static final double OUTLIER_RATIO = 5;

    public record SourceQuality(HubSource source, long covered, double coveragePercent, long rows,
            @Nullable LocalDate latest, long stale, long outliers, @Nullable LocalDate lastImport) {
    }

    /** A latest figure far from the enterprise's own (positive) median of the previous twelve months. */
    public record Outlier(String creditCode, Measure measure, String period, long value, double median) {

        public double ratio() {
            return value / median;
        }
    }
}
