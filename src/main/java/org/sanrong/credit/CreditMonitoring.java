package org.sanrong.credit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.sanrong.credit.scorecard.Grade;
import org.sanrong.credit.scorecard.PopulationStability;
import org.sanrong.identity.SignedInUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Model monitoring for government and operator staff: today's grade and score distribution, the distribution by
 * data month with its PSI against the model's first month (over the nine grades), and the realised default rate
 * by the grade an enterprise had when its loan was paid out (from the deal module's repayment status).
 */
@Service
public class CreditMonitoring {

    public record Report(@Nullable ModelView model, Map<String, Long> grades, Map<String, Long> scoreBands,
            List<Month> months, List<Defaults> defaults, long rated) {
    }

    /** One data month of the model in use: how many were rated, mean score, PSI against the first month. */
    public record Month(YearMonth month, long rated, double meanScore, double psi) {

        /** < 0.1 stable, 0.1–0.25 watch, > 0.25 shifted; the first month is the baseline. */
        public String reading() {
            return Double.isNaN(psi) ? "基准" : psi < 0.1 ? "稳定" : psi <= 0.25 ? "需关注" : "显著偏移";
        }
    }

    /** Loans paid out to enterprises of a grade, and how many of them were reported non-performing. */
    public record Defaults(String grade, int loans, int defaulted) {

        public double rate() {
            return loans == 0 ? 0 : (double) defaulted / loans;
        }
    }

    static final String UNRATED = "未评级";
    static final int BAND = 20;

    private final Ratings ratings;
    private final Models models;
    private final LoanOutcomes loans;

    CreditMonitoring(Ratings ratings, Models models, ObjectProvider<LoanOutcomes> loans) {
        this.ratings = ratings;
        this.models = models;
        this.loans = loans.getIfAvailable(() -> LoanOutcomes.NONE);
    }

    @Transactional(readOnly = true)
    public Report report(SignedInUser user) {
        ScorecardModels.requireStaff(user, "查看模型监测");
        Map<String, Long> grades = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            grades.put(g.name(), 0L);
        }
        grades.put(UNRATED, 0L);
        long rated = 0;
        for (Object[] row : ratings.gradeCounts()) {
            String g = row[0] == null ? UNRATED : (String) row[0];
            grades.merge(g, (Long) row[1], Long::sum);
            rated += (Long) row[1];
        }
        Map<String, Long> bands = new LinkedHashMap<>();
        for (long[] b : ratings.scoreBands(BAND)) {
            bands.put(b[0] + "–" + (b[0] + BAND - 1), b[1]);
        }
        ModelView model = models.active().orElse(null);
        List<Month> months = new ArrayList<>();
        if (model != null) {
            Map<YearMonth, int[]> counts = new TreeMap<>();
            Map<YearMonth, double[]> sums = new HashMap<>();
            for (Object[] row : ratings.monthlyGrades(model.id())) {
                YearMonth m = (YearMonth) row[0];
                int g = Grade.valueOf((String) row[1]).ordinal();
                long n = (Long) row[2];
                counts.computeIfAbsent(m, k -> new int[Grade.values().length])[g] += (int) n;
                double[] s = sums.computeIfAbsent(m, k -> new double[2]);
                s[0] += n * (Double) row[3];
                s[1] += n;
            }
            int[] baseline = null;
            for (var e : counts.entrySet()) {
                double[] s = sums.get(e.getKey());
                double psi = baseline == null ? Double.NaN : PopulationStability.psi(baseline, e.getValue());
                months.add(new Month(e.getKey(), (long) s[1], s[0] / s[1], psi));
                if (baseline == null) {
                    baseline = e.getValue();
                }
            }
        }
        Map<String, int[]> byGrade = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            byGrade.put(g.name(), new int[2]);
        }
        byGrade.put(UNRATED, new int[2]);
        for (LoanOutcomes.Loan loan : loans.loans()) {
            String g = ratings.gradeAt(loan.creditCode(), YearMonth.from(loan.disbursedOn()))
                    .or(() -> ratings.summary(loan.creditCode()).map(RatingSummary::grade)).orElse(UNRATED);
            int[] c = byGrade.get(g == null ? UNRATED : g);
            c[0]++;
            c[1] += loan.defaulted() ? 1 : 0;
        }
        List<Defaults> defaults = new ArrayList<>();
        byGrade.forEach((g, c) -> defaults.add(new Defaults(g, c[0], c[1])));
        return new Report(model, grades, bands, months, defaults, rated);
    }
}
