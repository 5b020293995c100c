package org.sanrong.warning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The warning signals drawn from the data hub, one method per signal. A rule's {@code threshold} means what the
 * signal says below; its {@code windowDays} (default 365) is how far back records are counted, and how recent a
 * period must be for a periodic signal to count at all (stale data raises nothing).
 */
public final class HubSignals {

    static final int DEFAULT_WINDOW_DAYS = 365;
    private static final String GRADES = "DCMBA"; // index = rank - 1: D lowest, A highest

    private HubSignals() {
    }

    /** A court judgement: its date, case type code (CIVIL, ENFORCEMENT, DEFAULTER...) and whether it is against. */
    public record Judgement(LocalDate on, String kind, boolean against) {
    }

    /** A tax period (month or quarter) by its last month: tax paid in fen and the credit grade, each if reported. */
    public record TaxPeriod(YearMonth lastMonth, @Nullable Long paidFen, @Nullable String grade) {
    }

    /** One month's figure (headcount, power use). */
    public record Monthly(YearMonth month, long value) {
    }

    static @Nullable String detail(WarningRules.Rule r, WarningRules.HubFacts hub, LocalDate today) {
        BigDecimal t = r.threshold();
        int window = r.windowDays() == null ? DEFAULT_WINDOW_DAYS : r.windowDays();
        return switch (r.signal()) {
            case "COURT_JUDGEMENT" -> judgements(hub, t, window, today);
            case "COURT_DEFAULTER" -> defaulter(hub, window, today);
            case "PENALTY" -> penalties(hub, t, window, today);
            case "TAX_ARREARS" -> taxArrears(hub, t, window, today);
            case "TAX_GRADE_FALL" -> taxGradeFall(hub, t, window, today);
            case "SOCIAL_HEADCOUNT_DROP" -> headcountDrop(hub, t, window, today);
            case "UTILITY_COLLAPSE" -> utilityCollapse(hub, t, window, today);
            case "LEGAL_REP_CHANGES" -> legalRepresentativeChanges(hub, t, window, today);
            default -> null; // an unknown signal fires nothing
        };
    }

    /** At least {@code t} (default 1) judgements against the enterprise (defendant, respondent) within the window. */
    static @Nullable String judgements(WarningRules.HubFacts hub, @Nullable BigDecimal t, int window,
            LocalDate today) {
        long n = hub.judgements().stream().filter(j -> j.against() && within(j.on(), window, today)).count();
        return n > 0 && n >= atLeast(t) ? "近 " + window + " 天有 " + n + " 件判决涉及企业为被告或被执行人" : null;
    }

    /** Put on the list of judgement defaulters (失信被执行人) within the window. */
    static @Nullable String defaulter(WarningRules.HubFacts hub, int window, LocalDate today) {
        return hub.judgements().stream().filter(j -> j.kind().equals("DEFAULTER") && within(j.on(), window, today))
                .map(j -> "于 " + j.on() + " 被列为失信被执行人").findFirst().orElse(null);
    }

    /** At least {@code t} (default 1) administrative penalties within the window. */
    static @Nullable String penalties(WarningRules.HubFacts hub, @Nullable BigDecimal t, int window, LocalDate today) {
        long n = hub.penalties().stream().filter(d -> within(d, window, today)).count();
        return n > 0 && n >= atLeast(t) ? "近 " + window + " 天受到 " + n + " 次行政处罚" : null;
    }

    /** At least {@code t} (default 1) tax periods ending within the window with no tax paid (欠缴). */
    static @Nullable String taxArrears(WarningRules.HubFacts hub, @Nullable BigDecimal t, int window,
            LocalDate today) {
        long n = hub.tax().stream().filter(p -> p.paidFen() != null && p.paidFen() == 0
                && within(p.lastMonth().atEndOfMonth(), window, today)).count();
        return n > 0 && n >= atLeast(t) ? "近 " + window + " 天内 " + n + " 个纳税期实缴税额为零" : null;
    }

    /**
     * The latest tax credit grade (its period ending within the window) at least {@code t} (default 1) steps below
     * the grade reported before it, on the scale A > B > M > C > D.
     */
    static @Nullable String taxGradeFall(WarningRules.HubFacts hub, @Nullable BigDecimal t, int window,
            LocalDate today) {
        List<TaxPeriod> graded = hub.tax().stream().filter(p -> p.grade() != null && GRADES.contains(p.grade()))
                .sorted(Comparator.comparing(TaxPeriod::lastMonth)).toList();
        if (graded.size() < 2) {
            return null;
        }
        TaxPeriod latest = graded.getLast();
        TaxPeriod before = graded.get(graded.size() - 2);
        if (!within(latest.lastMonth().atEndOfMonth(), window, today)) {
            return null;
        }
        int steps = GRADES.indexOf(Objects.requireNonNull(before.grade()))
                - GRADES.indexOf(Objects.requireNonNull(latest.grade()));
        return steps > 0 && steps >= atLeast(t) ? "纳税信用等级由 " + before.grade() + " 降为 " + latest.grade() : null;
    }

    /**
     * Social-insurance headcount of the latest month (ending within the window) down by more than {@code t} percent
     * (default 30) against three months before.
     */
    static @Nullable String headcountDrop(WarningRules.HubFacts hub, @Nullable BigDecimal t, int window,
            LocalDate today) {
        if (hub.headcount().isEmpty()) {
            return null;
        }
        Map<YearMonth, Long> byMonth = byMonth(hub.headcount());
        YearMonth last = hub.headcount().stream().map(Monthly::month).max(Comparator.naturalOrder()).orElseThrow();
        Long before = byMonth.get(last.minusMonths(3));
        long now = byMonth.get(last);
        if (!within(last.atEndOfMonth(), window, today) || before == null || before <= 0) {
            return null;
        }
        BigDecimal threshold = t == null ? BigDecimal.valueOf(30) : t;
        // (before - now) / before > t / 100  <=>  (before - now) * 100 > t * before, exact
        if (BigDecimal.valueOf((before - now) * 100).compareTo(threshold.multiply(BigDecimal.valueOf(before))) <= 0) {
            return null;
        }
        BigDecimal share = BigDecimal.valueOf((before - now) * 100).divide(BigDecimal.valueOf(before), 1,
                RoundingMode.HALF_UP);
        return "社保参保人数 " + last.minusMonths(3) + " 为 " + before + " 人，" + last + " 为 " + now + " 人，三个月下降 "
                + share.toPlainString() + "%（阈值 " + threshold.stripTrailingZeros().toPlainString() + "%）";
    }

    /**
     * Power use of the latest month (ending within the window) at most {@code t} percent (default 30) of the average
     * of the three months before it (all three reported, average above zero).
     */
    static @Nullable String utilityCollapse(WarningRules.HubFacts hub, @Nullable BigDecimal t, int window,
            LocalDate today) {
        if (hub.utilities().isEmpty()) {
            return null;
        }
        Map<YearMonth, Long> byMonth = byMonth(hub.utilities());
        YearMonth last = hub.utilities().stream().map(Monthly::month).max(Comparator.naturalOrder()).orElseThrow();
        if (!within(last.atEndOfMonth(), window, today)) {
            return null;
        }
        long sum = 0;
        for (int k = 1; k <= 3; k++) {
            Long v = byMonth.get(last.minusMonths(k));
            if (v == null) {
                return null;
            }
            sum += v;
        }
        if (sum <= 0) {
            return null;
        }
        long now = byMonth.get(last);
        BigDecimal threshold = t == null ? BigDecimal.valueOf(30) : t;
        // now <= t% of (sum / 3)  <=>  now * 300 <= t * sum, exact
        if (BigDecimal.valueOf(now * 300).compareTo(threshold.multiply(BigDecimal.valueOf(sum))) > 0) {
            return null;
        }
        BigDecimal share = BigDecimal.valueOf(now * 300).divide(BigDecimal.valueOf(sum), 1, RoundingMode.HALF_UP);
        return last + " 用电量 " + now + " 千瓦时，仅为前三个月平均的 " + share.toPlainString() + "%（阈值 "
                + threshold.stripTrailingZeros().toPlainString() + "%）";
    }

    /** At least {@code t} (default 2) changes of legal representative within the window. */
    static @Nullable String legalRepresentativeChanges(WarningRules.HubFacts hub, @Nullable BigDecimal t, int window,
            LocalDate today) {
        long n = hub.legalRepresentativeChanges().stream().filter(d -> within(d, window, today)).count();
        long min = t == null ? 2 : Math.max(1, t.longValue());
        return n >= min ? "近 " + window + " 天法定代表人变更 " + n + " 次" : null;
    }

    private static boolean within(LocalDate date, int window, LocalDate today) {
        return !date.isAfter(today) && ChronoUnit.DAYS.between(date, today) <= window;
    }

    private static long atLeast(@Nullable BigDecimal t) {
        return t == null ? 1 : Math.max(1, t.longValue());
    }

    private static Map<YearMonth, Long> byMonth(List<Monthly> points) {
        return points.stream().collect(Collectors.toMap(Monthly::month, Monthly::value, (a, b) -> b));
    }
}
