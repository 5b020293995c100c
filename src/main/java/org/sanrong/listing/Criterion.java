package org.sanrong.listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One criterion of a board's listing standard, e.g. "最近3年净利润累计不低于2亿元", and its judgement on an enterprise's
 * figures. Money is compared exactly in fen, ratios by cross-multiplying (no rounding decides a result); the value
 * and the distance are shown in the criterion's own unit, the distance rounded up so that closing it is enough.
 *
 * @param years the consecutive fiscal years, ending with the latest year that has figures, the criterion looks at
 * @param strict "高于" (for "为正", threshold 0) rather than "不低于"
 */
public record Criterion(Metric metric, Measure measure, int years, boolean strict, BigDecimal threshold, Unit unit,
        @Nullable String note) {

    public enum Metric {
        MARKET_VALUE("预计市值"), NET_PROFIT("净利润"), REVENUE("营业收入"), RD_EXPENSE("研发投入"),
        OPERATING_CASH_FLOW("经营活动现金流量净额"), ROE("加权平均净资产收益率"), RD_RATIO("研发投入占营业收入比例"),
        REVENUE_GROWTH("营业收入增长率");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean money() {
            return this != ROE && this != RD_RATIO && this != REVENUE_GROWTH;
        }
    }

    public enum Measure { LATEST, EACH, SUM, AVERAGE }

    public enum Unit {
        YI("亿元", 10_000_000_000L), WAN("万元", 1_000_000L), PERCENT("%", 0L);

        private final String label;
        private final long fen;

        Unit(String label, long fen) {
            this.label = label;
            this.fen = fen;
        }

        public String label() {
            return label;
        }

        static Unit parse(String s) {
            for (Unit u : values()) {
                if (u.label.equals(s.strip())) {
                    return u;
                }
            }
            throw new IllegalArgumentException("unit must be 亿元, 万元 or %, was " + s);
        }
    }

    public Criterion {
        if (years < 1 || years > 5) {
            throw new IllegalArgumentException("years must be 1 to 5, was " + years);
        }
        if (metric.money() != (unit != Unit.PERCENT)) {
            throw new IllegalArgumentException(metric + " is not measured in " + unit.label);
        }
        if (metric == Metric.MARKET_VALUE && measure != Measure.LATEST) {
            throw new IllegalArgumentException("market value is one estimate: measure LATEST");
        }
        if (metric == Metric.REVENUE_GROWTH && (measure != Measure.LATEST || years != 2)) {
            throw new IllegalArgumentException("revenue growth compares the latest year with the one before: LATEST, 2");
        }
        if (metric == Metric.RD_RATIO && measure != Measure.SUM) {
            throw new IllegalArgumentException("R&D ratio is summed R&D over summed revenue: measure SUM");
        }
        if (threshold.signum() < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** In the rules' words: "最近3年净利润累计不低于2亿元", "最近2年净利润均为正", "预计市值不低于10亿元". */
    public String label() {
        String amount = (strict && threshold.signum() == 0) ? "为正"
                : (strict ? "高于" : "不低于") + plain(threshold) + unit.label;
        return switch (metric) {
            case MARKET_VALUE -> "预计市值" + amount;
            case RD_RATIO -> "最近" + years + "年研发投入合计占营业收入合计的比例" + amount;
            case REVENUE_GROWTH -> "最近一年营业收入增长率" + amount;
            default -> switch (measure) {
                case LATEST -> "最近一年" + metric.label + amount;
                case EACH -> "最近" + years + "年" + metric.label + "均" + amount;
                case SUM -> "最近" + years + "年" + metric.label + "累计" + amount;
                case AVERAGE -> "最近" + years + "年" + metric.label + "平均" + amount;
            };
        };
    }

    /**
     * This criterion on the figures ({@code byYear}, judged over the years ending with {@code latestYear}) and the
     * market-value estimate. Unknown (met null) when a figure it needs is missing, saying which.
     */
    public Result assess(Map<Integer, FinancialYear> byYear, @Nullable Integer latestYear,
            @Nullable Long marketValueFen) {
        if (metric == Metric.MARKET_VALUE) {
            return marketValueFen == null ? unknown("未填写预计市值") : money(marketValueFen);
        }
        if (latestYear == null) {
            return unknown("没有年度数据");
        }
        List<FinancialYear> window = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int span = measure == Measure.LATEST && metric != Metric.REVENUE_GROWTH ? 1 : years;
        for (int y = latestYear - span + 1; y <= latestYear; y++) {
            FinancialYear f = byYear.get(y);
            if (f == null || !has(f)) {
                missing.add(y + "年" + (metric == Metric.RD_RATIO ? "研发投入或营业收入" : metric == Metric.REVENUE_GROWTH
                        ? "营业收入" : metric.label));
            } else {
                window.add(f);
            }
        }
        if (!missing.isEmpty()) {
            return unknown("缺少" + String.join("、", missing));
        }
        return switch (metric) {
            case RD_RATIO -> ratio(window);
            case REVENUE_GROWTH -> growth(window.get(0), window.get(1));
            case ROE -> percent(window);
            default -> {
                List<Long> values = window.stream().map(this::value).toList();
                yield switch (measure) {
                    case LATEST -> money(values.getLast());
                    case EACH -> each(values);
                    case SUM -> money(values.stream().mapToLong(Long::longValue).sum());
                    case AVERAGE -> average(values);
                };
            }
        };
    }

    private boolean has(FinancialYear f) {
        return switch (metric) {
            case RD_RATIO -> f.revenueFen() != null && f.rdExpenseFen() != null;
            case REVENUE_GROWTH, REVENUE -> f.revenueFen() != null;
            case ROE -> f.roePercent() != null;
            default -> value(f) != null;
        };
    }

    private @Nullable Long value(FinancialYear f) {
        return switch (metric) {
            case NET_PROFIT -> f.netProfitFen();
            case REVENUE -> f.revenueFen();
            case RD_EXPENSE -> f.rdExpenseFen();
            case OPERATING_CASH_FLOW -> f.operatingCashFlowFen();
            default -> null;
        };
    }

    private long thresholdFen() {
        return threshold.multiply(BigDecimal.valueOf(unit.fen)).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** One money figure (a year's, a sum) against the threshold. */
    private Result money(long actualFen) {
        long t = thresholdFen();
        boolean met = strict ? actualFen > t : actualFen >= t;
        // not met: shown rounded down, so the value never reads as reaching the threshold
        return new Result(this, label(), inUnit(actualFen, met ? RoundingMode.HALF_UP : RoundingMode.FLOOR), met,
                met ? BigDecimal.ZERO : shortfall(t - actualFen), null);
    }

    /** Every year must pass: the weakest year is the one to show and to close. */
    private Result each(List<Long> values) {
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        return money(min);
    }

    /** Average ≥ T exactly when sum ≥ N·T; the distance is the average's. */
    private Result average(List<Long> values) {
        long sum = values.stream().mapToLong(Long::longValue).sum();
        long n = values.size();
        long t = thresholdFen();
        boolean met = strict ? sum > n * t : sum >= n * t;
        BigDecimal avgFen = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 6, RoundingMode.FLOOR);
        BigDecimal gapFen = BigDecimal.valueOf(t).subtract(avgFen);
        return new Result(this, label(), avgFen.divide(BigDecimal.valueOf(unit.fen), 2, met ? RoundingMode.HALF_UP
                : RoundingMode.FLOOR), met,
                met ? BigDecimal.ZERO : gapFen.divide(BigDecimal.valueOf(unit.fen), 2, RoundingMode.UP)
                        .add(strict ? step() : BigDecimal.ZERO), null);
    }

    /** Σ R&D ÷ Σ revenue ≥ T% exactly when 100·ΣR&D ≥ T·Σrevenue. */
    private Result ratio(List<FinancialYear> window) {
        long rd = window.stream().mapToLong(f -> f.rdExpenseFen()).sum();
        long revenue = window.stream().mapToLong(f -> f.revenueFen()).sum();
        if (revenue <= 0) {
            return unknown("营业收入合计为零，无法计算比例");
        }
        return percentOf(BigDecimal.valueOf(rd).multiply(BigDecimal.valueOf(100)), BigDecimal.valueOf(revenue));
    }

    /** (R_t − R_t−1) ÷ R_t−1 ≥ T% exactly when 100·(R_t − R_t−1) ≥ T·R_t−1; needs last year's revenue above zero. */
    private Result growth(FinancialYear before, FinancialYear latest) {
        long previous = before.revenueFen();
        if (previous <= 0) {
            return unknown(before.year() + "年营业收入为零，无法计算增长率");
        }
        return percentOf(BigDecimal.valueOf(latest.revenueFen() - previous).multiply(BigDecimal.valueOf(100)),
                BigDecimal.valueOf(previous));
    }

    /** A percentage numerator ÷ denominator (denominator above zero) against the threshold in %. */
    private Result percentOf(BigDecimal numerator, BigDecimal denominator) {
        int c = numerator.compareTo(threshold.multiply(denominator));
        boolean met = strict ? c > 0 : c >= 0;
        // rounded down, so the distance rounds up and the value never reads as reaching the threshold
        BigDecimal actual = numerator.divide(denominator, 6, met ? RoundingMode.HALF_UP : RoundingMode.FLOOR);
        return new Result(this, label(), actual.setScale(2, met ? RoundingMode.HALF_UP : RoundingMode.FLOOR), met,
                met ? BigDecimal.ZERO : shortfall(threshold.subtract(actual)), null);
    }

    private Result percent(List<FinancialYear> window) {
        List<BigDecimal> values = window.stream().map(FinancialYear::roePercent).toList();
        BigDecimal actual = switch (measure) {
            case LATEST -> values.getLast();
            case EACH -> values.stream().min(BigDecimal::compareTo).orElseThrow();
            case SUM -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVERAGE -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), 6, RoundingMode.HALF_UP);
        };
        int c = actual.compareTo(threshold);
        boolean met = strict ? c > 0 : c >= 0;
        return new Result(this, label(), actual.setScale(2, RoundingMode.HALF_UP), met,
                met ? BigDecimal.ZERO : shortfall(threshold.subtract(actual)), null);
    }

    /** A shortfall in the unit, rounded up to the display's 0.01; for "高于" one more 0.01, so it is enough. */
    private BigDecimal shortfall(long fen) {
        return shortfall(BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(unit.fen), 6, RoundingMode.UP));
    }

    private BigDecimal shortfall(BigDecimal inUnit) {
        BigDecimal up = inUnit.setScale(2, RoundingMode.UP);
        return strict ? up.add(step()) : up;
    }

    private static BigDecimal step() {
        return new BigDecimal("0.01");
    }

    private BigDecimal inUnit(long fen, RoundingMode mode) {
        return BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(unit.fen), 2, mode);
    }

    private Result unknown(String why) {
        return new Result(this, label(), null, null, null, why);
    }

    static String plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /**
     * The judgement of one criterion: the enterprise's value and the distance to the threshold, both in the
     * criterion's unit (distance 0 when met); {@code met} null and {@code missing} saying what is missing when it
     * cannot be judged.
     */
    public record Result(Criterion criterion, String label, @Nullable BigDecimal actual, @Nullable Boolean met,
            @Nullable BigDecimal gap, @Nullable String missing) {

        public String unit() {
            return criterion.unit().label();
        }

        /** The share of the threshold still missing, 0 to 1 (1 when unknown or the threshold is zero). */
        BigDecimal shortfall() {
            if (Boolean.TRUE.equals(met)) {
                return BigDecimal.ZERO;
            }
            if (gap == null || criterion.threshold().signum() == 0) {
                return BigDecimal.ONE;
            }
            return gap.divide(criterion.threshold(), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        }
    }
}
