package org.sanrong.warning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scoring itself, without a database: an enterprise's facts against the rules give the signals that fire, their
 * points add up (capped at 100), and the level follows from the score — or is red outright when a rule forcing red
 * fires.
 */
public final class WarningRules {

    private WarningRules() {
    }

    public enum Level {
        RED("红"), ORANGE("橙"), YELLOW("黄");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A rule as kept in {@code warning.rule}. {@code windowDays} is how far back the hub signals look (records
     * dated within it, periods ending within it); null for the loan and qualification signals.
     */
    public record Rule(String code, String name, String signal, @Nullable BigDecimal threshold, int weight,
            boolean forcesRed, boolean enabled, String note, @Nullable Integer windowDays) {

        public Rule(String code, String name, String signal, @Nullable BigDecimal threshold, int weight,
                boolean forcesRed, boolean enabled, String note) {
            this(code, name, signal, threshold, weight, forcesRed, enabled, note, null);
        }
    }

    public record LevelRule(Level level, int minScore, int verifyWorkingDays) {
    }

    /** One loan as the warning module knows it. */
    public record LoanFact(String status, LocalDate asOf, long outstandingFen, @Nullable LocalDate overdueSince) {
        boolean late() {
            return status.equals("OVERDUE") || status.equals("NON_PERFORMING");
        }
    }

    /** A verified qualification's validity end. */
    public record QualificationFact(String kind, @Nullable LocalDate validUntil) {
    }

    /**
     * What the data hub (and the registry changes the warning module is told about) says of one enterprise:
     * judgements and penalties, tax, social-insurance headcount and utility use by period (oldest first), and the
     * dates its legal representative changed.
     */
    public record HubFacts(List<HubSignals.Judgement> judgements, List<LocalDate> penalties,
            List<HubSignals.TaxPeriod> tax, List<HubSignals.Monthly> headcount, List<HubSignals.Monthly> utilities,
            List<LocalDate> legalRepresentativeChanges) {
        public static final HubFacts NONE = new HubFacts(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    public record Signal(String rule, String name, String detail, int points, boolean forcesRed) {
    }

    public record Score(int score, @Nullable Level level, List<Signal> signals) {
    }

    public static Score score(List<LoanFact> loans, List<QualificationFact> qualifications, List<Rule> rules,
            List<LevelRule> levels, LocalDate today) {
        return score(loans, qualifications, HubFacts.NONE, rules, levels, today);
    }

    public static Score score(List<LoanFact> loans, List<QualificationFact> qualifications, HubFacts hub,
            List<Rule> rules, List<LevelRule> levels, LocalDate today) {
        List<Signal> signals = new ArrayList<>();
        long total = loans.stream().mapToLong(LoanFact::outstandingFen).sum();
        long late = loans.stream().filter(LoanFact::late).mapToLong(LoanFact::outstandingFen).sum();
        long lateLoans = loans.stream().filter(l -> l.late() && (l.outstandingFen() > 0)).count();
        long longestDays = loans.stream().filter(l -> l.late() && l.overdueSince() != null)
                .mapToLong(l -> ChronoUnit.DAYS.between(l.overdueSince(), today)).max().orElse(0);
        for (Rule r : rules) {
            if (!r.enabled()) {
                continue;
            }
            BigDecimal t = r.threshold();
            String detail = switch (r.signal()) {
                case "LOAN_OVERDUE" -> loans.stream().anyMatch(l -> l.status().equals("OVERDUE")
                        && l.outstandingFen() > 0) ? "有逾期贷款" : null;
                case "LOAN_NON_PERFORMING" -> loans.stream().anyMatch(l -> l.status().equals("NON_PERFORMING")
                        && l.outstandingFen() > 0) ? "有不良贷款" : null;
                case "OVERDUE_DAYS" -> t != null && lateLoans > 0 && longestDays > t.longValue()
                        ? "已逾期 " + longestDays + " 天（阈值 " + t.toPlainString() + " 天）" : null;
                case "OVERDUE_SHARE" -> t != null && total > 0 && BigDecimal.valueOf(late * 100).compareTo(
                        t.multiply(BigDecimal.valueOf(total))) >= 0
                        ? "逾期和不良余额占 " + BigDecimal.valueOf(late * 1000 / total).movePointLeft(1) + "%" : null;
                case "OVERDUE_LOANS" -> t != null && lateLoans >= t.longValue() ? lateLoans + " 笔贷款逾期或不良" : null;
                case "QUALIFICATION_EXPIRING" -> t == null ? null : qualifications.stream()
                        .filter(q -> q.validUntil() != null && !q.validUntil().isBefore(today)
                                && ChronoUnit.DAYS.between(today, q.validUntil()) <= t.longValue())
                        .map(q -> q.kind() + " 于 " + q.validUntil() + " 到期").findFirst().orElse(null);
                case "QUALIFICATION_EXPIRED" -> t == null ? null : qualifications.stream()
                        .filter(q -> q.validUntil() != null && q.validUntil().isBefore(today)
                                && ChronoUnit.DAYS.between(q.validUntil(), today) <= t.longValue())
                        .map(q -> q.kind() + " 已于 " + q.validUntil() + " 过期").findFirst().orElse(null);
                default -> HubSignals.detail(r, hub, today);
            };
            if (detail != null) {
                signals.add(new Signal(r.code(), r.name(), detail, r.weight(), r.forcesRed()));
            }
        }
        int score = Math.min(100, signals.stream().mapToInt(Signal::points).sum());
        Level level = signals.stream().anyMatch(Signal::forcesRed) ? Level.RED : null;
        if (level == null) {
            for (LevelRule l : levels.stream().sorted((a, b) -> Integer.compare(b.minScore(), a.minScore())).toList()) {
                if (score >= l.minScore()) {
                    level = l.level();
                    break;
                }
            }
        }
        return new Score(score, level, signals);
    }
}
