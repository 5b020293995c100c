package org.sanrong.credit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.sanrong.datahub.EnterpriseHubData;
import org.sanrong.datahub.HubRecord;
import org.sanrong.datahub.HubSource;
import org.sanrong.datahub.SeriesPoint;
import org.sanrong.enterprise.EnterpriseSnapshot;
import org.sanrong.enterprise.YearlyFigures;

/**
 * Computes the {@link CreditFeature} catalogue for one enterprise as of a month (the last complete one). Pure: the
 * same profile, hub data and month give the same values. A value that cannot be known is NaN (the scorecard's
 * missing bin), never a guess. The rules are those of docs/credit-features.md:
 *
 * <ul>
 * <li>A periodic series is anchored at its latest month with data if that is at most {@link #LAG_MONTHS} months
 * before the as-of month (reporting lag); an older series is stale and its features are missing. Windows ("the
 * last 12 months") count back from the anchor. A quarter's tax is spread evenly over its three months.</li>
 * <li>Year-on-year changes compare the last 12 months with the 12 before and need at least 9 months with data in
 * each, and a positive base.</li>
 * <li>Customs data covers traders only: no customs data means no trade (0), not unknown.</li>
 * <li>Records count within the 24 months ending with the as-of month.</li>
 * <li>IP counts come from the hub's registrations (valid ones) when the hub has any for the enterprise, else from
 * the profile's declaration.</li>
 * </ul>
 */
final class Features {

    static final int LAG_MONTHS = 2;
    /** Months of tax data (of the last 24) that let an enterprise be graded without a social-insurance record. */
    static final int MIN_TAX_MONTHS = 6;
    private static final double FEN_PER_WAN = 1_000_000.0;

    private Features() {
    }

    static double[] compute(EnterpriseSnapshot e, EnterpriseHubData hub, YearMonth asOf) {
        double[] v = new double[CreditFeature.values().length];
        java.util.Arrays.fill(v, Double.NaN);
        LocalDate end = asOf.atEndOfMonth();

        // registry and profile
        if (e.registeredOn() != null) {
            v[i(CreditFeature.YEARS_IN_OPERATION)] = round1(ChronoUnit.DAYS.between(e.registeredOn(), end) / 365.25);
        }
        if (e.registeredCapitalFen() != null) {
            v[i(CreditFeature.REGISTERED_CAPITAL_WAN)] = e.registeredCapitalFen() / FEN_PER_WAN;
        }
        if (e.headcount() != null) {
            v[i(CreditFeature.HEADCOUNT)] = e.headcount();
        }
        v[i(CreditFeature.EQUITY_FUNDED)] = e.equityFunded() ? 1 : 0;
        v[i(CreditFeature.LIVE_QUALIFICATIONS)] = e.liveQualifications().size();
        v[i(CreditFeature.HIGH_TECH)] = e.liveQualifications().contains("HIGH_TECH") ? 1 : 0;
        v[i(CreditFeature.SRDI)] = e.liveQualifications().contains("SRDI_SME")
                || e.liveQualifications().contains("LITTLE_GIANT") ? 1 : 0;
        v[i(CreditFeature.TECH_SME)] = e.liveQualifications().contains("TECH_SME") ? 1 : 0;

        // yearly figures
        YearlyFigures latest = e.latest();
        Long revenue = latest == null ? null : latest.revenueFen();
        if (revenue != null) {
            v[i(CreditFeature.REVENUE_WAN)] = revenue / FEN_PER_WAN;
        }
        if (e.figures().size() >= 2 && revenue != null) {
            YearlyFigures before = e.figures().get(1);
            if (before.year() == latest.year() - 1 && before.revenueFen() != null && before.revenueFen() > 0) {
                v[i(CreditFeature.REVENUE_GROWTH_PCT)] = pct(revenue, before.revenueFen());
            }
        }
        if (latest != null && revenue != null && revenue > 0 && latest.rdExpenseFen() != null) {
            v[i(CreditFeature.RD_INTENSITY_PCT)] = 100.0 * latest.rdExpenseFen() / revenue;
        }
        if (latest != null && latest.rdStaff() != null && e.headcount() != null && e.headcount() > 0) {
            v[i(CreditFeature.RD_STAFF_PCT)] = 100.0 * latest.rdStaff() / e.headcount();
        }

        // social insurance first: the headcount it gives is used by later features
        Monthly social = Monthly.of(hub.series(HubSource.SOCIAL_INSURANCE), p -> num(p.socialHeadcount()));
        Monthly fund = Monthly.of(hub.series(HubSource.SOCIAL_INSURANCE), p -> num(p.fundHeadcount()));
        YearMonth socialAnchor = social.anchor(asOf);
        double staff = Double.NaN;
        if (socialAnchor != null) {
            double now = social.get(socialAnchor);
            staff = now;
            v[i(CreditFeature.SOCIAL_HEADCOUNT)] = now;
            v[i(CreditFeature.SOCIAL_TREND_12M_PCT)] = change(now, social.get(socialAnchor.minusMonths(12)));
            v[i(CreditFeature.SOCIAL_TREND_3M_PCT)] = change(now, social.get(socialAnchor.minusMonths(3)));
            int drops = 0;
            for (int k = 0; k < 12; k++) {
                YearMonth m = socialAnchor.minusMonths(k);
                double a = social.get(m);
                double b = social.get(m.minusMonths(1));
                if (!Double.isNaN(a) && !Double.isNaN(b) && a < 0.95 * b) {
                    drops++;
                }
            }
            v[i(CreditFeature.SOCIAL_DROP_MONTHS_12M)] = drops;
            double f = fund.get(socialAnchor);
            if (!Double.isNaN(f) && now > 0) {
                v[i(CreditFeature.FUND_SHARE_PCT)] = 100.0 * f / now;
            }
            if (e.headcount() != null && e.headcount() > 0) {
                v[i(CreditFeature.SOCIAL_COVERAGE_PCT)] = 100.0 * now / e.headcount();
            }
        }
        if (Double.isNaN(staff) && e.headcount() != null) {
            staff = e.headcount();
        }

        // intellectual property
        List<HubRecord> ip = hub.records(HubSource.IP);
        double invention;
        double total;
        double trademarks;
        if (!ip.isEmpty()) {
            Map<String, Integer> valid = new HashMap<>();
            ip.stream().filter(r -> !"LAPSED".equals(r.status())).forEach(r -> valid.merge(r.kind(), 1, Integer::sum));
            invention = valid.getOrDefault("INVENTION", 0);
            total = invention + valid.getOrDefault("UTILITY", 0) + valid.getOrDefault("DESIGN", 0)
                    + valid.getOrDefault("SOFTWARE", 0);
            trademarks = valid.getOrDefault("TRADEMARK", 0);
        } else {
            invention = e.inventionPatents();
            total = (double) e.inventionPatents() + e.utilityPatents() + e.designPatents() + e.softwareCopyrights();
            trademarks = e.trademarks();
        }
        v[i(CreditFeature.INVENTION_PATENTS)] = invention;
        v[i(CreditFeature.IP_TOTAL)] = total;
        v[i(CreditFeature.TRADEMARKS)] = trademarks;
        if (staff > 0) {
            v[i(CreditFeature.INVENTION_PER_100_STAFF)] = 100.0 * invention / staff;
        }
        LocalDate from24 = asOf.minusMonths(23).atDay(1);
        v[i(CreditFeature.IP_NEW_24M)] = ip.stream().filter(r -> !r.occurredOn().isBefore(from24)
                && !r.occurredOn().isAfter(end) && !"TRADEMARK".equals(r.kind())).count();

        // tax
        List<SeriesPoint> taxRows = hub.series(HubSource.TAX);
        Monthly tax = Monthly.of(taxRows, p -> num(p.taxPaidFen()));
        int covered = 0;
        for (int k = 0; k < 24; k++) {
            covered += tax.has(asOf.minusMonths(k)) ? 1 : 0;
        }
        v[i(CreditFeature.TAX_DATA_MONTHS)] = covered;
        YearMonth taxAnchor = tax.anchor(asOf);
        if (taxAnchor != null) {
            double last12 = tax.sum(taxAnchor, 12);
            v[i(CreditFeature.TAX_12M_WAN)] = last12 / FEN_PER_WAN;
            v[i(CreditFeature.TAX_GROWTH_YOY_PCT)] = tax.yoy(taxAnchor, 12);
            int paid = 0;
            for (int k = 0; k < 12; k++) {
                paid += tax.get(taxAnchor.minusMonths(k)) > 0 ? 1 : 0;
            }
            v[i(CreditFeature.TAX_PAID_MONTHS_12M)] = paid;
            if (revenue != null && revenue > 0) {
                v[i(CreditFeature.TAX_TO_REVENUE_PCT)] = 100.0 * last12 / revenue;
            }
            v[i(CreditFeature.TAX_VOLATILITY)] = tax.variation(taxAnchor, 24);
        }
        SeriesPoint graded = null;
        for (SeriesPoint p : taxRows) {
            if (p.taxGrade() != null && !p.period().isAfter(asOf) && p.lastMonth().isAfter(asOf.minusMonths(24))
                    && (graded == null || p.period().isAfter(graded.period()))) {
                graded = p;
            }
        }
        if (graded != null) {
            v[i(CreditFeature.TAX_CREDIT_GRADE)] = 5 - "ABMCD".indexOf(graded.taxGrade());
        }

        // utilities
        List<SeriesPoint> utilities = hub.series(HubSource.UTILITIES);
        Monthly power = Monthly.of(utilities, p -> num(p.powerKwh()));
        YearMonth powerAnchor = power.anchor(asOf);
        if (powerAnchor != null) {
            v[i(CreditFeature.POWER_YOY_PCT)] = power.yoy(powerAnchor, 12);
            v[i(CreditFeature.POWER_3M_YOY_PCT)] = power.yoy(powerAnchor, 3);
            if (staff > 0 && power.count(powerAnchor, 12) > 0) {
                v[i(CreditFeature.POWER_PER_HEAD_KWH)] = power.sum(powerAnchor, 12) / power.count(powerAnchor, 12)
                        / staff;
            }
            int zero = 0;
            for (int k = 0; k < 12; k++) {
                zero += power.get(powerAnchor.minusMonths(k)) == 0 ? 1 : 0;
            }
            v[i(CreditFeature.POWER_ZERO_MONTHS_12M)] = zero;
        }
        Monthly water = Monthly.of(utilities, p -> num(p.waterTonnes()));
        YearMonth waterAnchor = water.anchor(asOf);
        if (waterAnchor != null) {
            v[i(CreditFeature.WATER_YOY_PCT)] = water.yoy(waterAnchor, 12);
        }
        Monthly gas = Monthly.of(utilities, p -> num(p.gasCubicMetres()));
        YearMonth gasAnchor = gas.anchor(asOf);
        if (gasAnchor != null) {
            v[i(CreditFeature.GAS_YOY_PCT)] = gas.yoy(gasAnchor, 12);
        }

        // customs: no data is no trade
        List<SeriesPoint> customs = hub.series(HubSource.CUSTOMS);
        Monthly exports = Monthly.of(customs, p -> num(p.exportFen()));
        Monthly imports = Monthly.of(customs, p -> num(p.importFen()));
        double exported = exports.sumOrZero(asOf, 12);
        double exportedBefore = exports.sumOrZero(asOf.minusMonths(12), 12);
        v[i(CreditFeature.EXPORT_12M_WAN)] = exported / FEN_PER_WAN;
        v[i(CreditFeature.IMPORT_12M_WAN)] = imports.sumOrZero(asOf, 12) / FEN_PER_WAN;
        if (revenue != null && revenue > 0) {
            v[i(CreditFeature.EXPORT_SHARE_PCT)] = 100.0 * exported / revenue;
        }
        if (exportedBefore > 0) {
            v[i(CreditFeature.EXPORT_GROWTH_YOY_PCT)] = 100.0 * (exported / exportedBefore - 1);
        }

        // courts and regulators
        int judgements = 0;
        int enforcements = 0;
        long judged = 0;
        for (HubRecord r : hub.records(HubSource.JUDGEMENTS)) {
            if (r.occurredOn().isBefore(from24) || r.occurredOn().isAfter(end)) {
                continue;
            }
            if (r.againstEnterprise()) {
                judgements++;
                judged += r.amountFen() == null ? 0 : r.amountFen();
            }
            if ("ENFORCEMENT".equals(r.kind()) || "DEFAULTER".equals(r.kind())) {
                enforcements++;
            }
        }
        v[i(CreditFeature.JUDGEMENTS_24M)] = judgements;
        v[i(CreditFeature.JUDGEMENT_AMOUNT_24M_WAN)] = judged / FEN_PER_WAN;
        v[i(CreditFeature.ENFORCEMENTS_24M)] = enforcements;
        int penalties = 0;
        long fined = 0;
        for (HubRecord r : hub.records(HubSource.PENALTIES)) {
            if (!r.occurredOn().isBefore(from24) && !r.occurredOn().isAfter(end)) {
                penalties++;
                fined += r.amountFen() == null ? 0 : r.amountFen();
            }
        }
        v[i(CreditFeature.PENALTIES_24M)] = penalties;
        v[i(CreditFeature.PENALTY_AMOUNT_24M_WAN)] = fined / FEN_PER_WAN;
        return v;
    }

    /**
     * Whether there is enough government data to grade the enterprise: at least {@link #MIN_TAX_MONTHS} months of
     * tax data in the last 24, or a current social-insurance headcount. A scorecard fed only missing values would
     * still give a score (the missing bins' points) that says nothing about this enterprise, so such an enterprise
     * gets no grade ("数据不足"), only its innovation score.
     */
    static boolean sufficient(double[] v) {
        return v[i(CreditFeature.TAX_DATA_MONTHS)] >= MIN_TAX_MONTHS || !Double.isNaN(v[i(CreditFeature.SOCIAL_HEADCOUNT)]);
    }

    private static int i(CreditFeature f) {
        return f.ordinal();
    }

    private static double num(@Nullable Number n) {
        return n == null ? Double.NaN : n.doubleValue();
    }

    private static double pct(long now, long before) {
        return 100.0 * (now - before) / before;
    }

    /** Percentage change from {@code before} to {@code now}; NaN unless both are known and the base is positive. */
    private static double change(double now, double before) {
        return Double.isNaN(now) || Double.isNaN(before) || before <= 0 ? Double.NaN : 100.0 * (now / before - 1);
    }

    private static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }

    /** One measure by month; a quarter's value spread evenly over its months; NaN where nothing was reported. */
    static final class Monthly {
        private final Map<YearMonth, Double> values = new HashMap<>();
        private @Nullable YearMonth latest;

        static Monthly of(List<SeriesPoint> points, Function<SeriesPoint, Double> measure) {
            Monthly m = new Monthly();
            for (SeriesPoint p : points) {
                double v = measure.apply(p);
                if (Double.isNaN(v)) {
                    continue;
                }
                for (int k = 0; k < p.months(); k++) {
                    YearMonth month = p.period().plusMonths(k);
                    m.values.put(month, v / p.months());
                    if (m.latest == null || month.isAfter(m.latest)) {
                        m.latest = month;
                    }
                }
            }
            return m;
        }

        /** The latest month with data, not after {@code asOf} and at most {@link #LAG_MONTHS} before it; else null. */
        @Nullable YearMonth anchor(YearMonth asOf) {
            for (int k = 0; k <= LAG_MONTHS; k++) {
                if (values.containsKey(asOf.minusMonths(k))) {
                    return asOf.minusMonths(k);
                }
            }
            return null;
        }

        boolean has(YearMonth m) {
            return values.containsKey(m);
        }

        double get(YearMonth m) {
            Double v = values.get(m);
            return v == null ? Double.NaN : v;
        }

        int count(YearMonth last, int months) {
            int n = 0;
            for (int k = 0; k < months; k++) {
                n += values.containsKey(last.minusMonths(k)) ? 1 : 0;
            }
            return n;
        }

        double sum(YearMonth last, int months) {
            double s = 0;
            for (int k = 0; k < months; k++) {
                Double v = values.get(last.minusMonths(k));
                s += v == null ? 0 : v;
            }
            return s;
        }

        double sumOrZero(YearMonth last, int months) {
            return sum(last, months);
        }

        /**
         * The last {@code months} against the same months a year earlier, in per cent; needs three quarters of the
         * months on both sides and a positive base.
         */
        double yoy(YearMonth last, int months) {
            int need = (int) Math.ceil(months * 0.75);
            YearMonth before = last.minusMonths(12);
            if (count(last, months) < need || count(before, months) < need) {
                return Double.NaN;
            }
            double base = sum(before, months);
            return base <= 0 ? Double.NaN : 100.0 * (sum(last, months) / base - 1);
        }

        /** Coefficient of variation of the monthly values over the window; needs six months and a positive mean. */
        double variation(YearMonth last, int months) {
            int n = 0;
            double sum = 0;
            double squares = 0;
            for (int k = 0; k < months; k++) {
                Double v = values.get(last.minusMonths(k));
                if (v != null) {
                    n++;
                    sum += v;
                    squares += v * v;
                }
            }
            if (n < 6) {
                return Double.NaN;
            }
            double mean = sum / n;
            if (mean <= 0) {
                return Double.NaN;
            }
            double variance = Math.max(0, squares / n - mean * mean);
            return Math.round(1000 * Math.sqrt(variance) / mean) / 1000.0;
        }
    }
}
