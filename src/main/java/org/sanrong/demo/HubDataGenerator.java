package org.sanrong.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sanrong.datahub.HubItem;
import org.sanrong.datahub.HubRecord;
import org.sanrong.datahub.SeriesPoint;
import org.sanrong.enterprise.EnterpriseSnapshot;
import org.sanrong.enterprise.YearlyFigures;

/**
 * Synthetic government data for the demo population, driven by a hidden risk per enterprise: a made-up model, so
 * that the credit pipeline has something to learn from and outcomes to be checked against. Nothing here is
 * calibrated on real data; the credit model trained on it is only as good as these assumptions (docs/datahub.md
 * says how it works and what that means).
 *
 * <p>For each enterprise, from its own random stream (seed and credit code): a latent factor z ~ N(0, 1) and a
 * hidden risk r = 0.9·z + structural terms (young, small and unqualified enterprises are riskier); a monthly trend
 * and, for some risky enterprises, a distress episode in the last year; 24 months of tax (quarterly for small
 * taxpayers), social-insurance and housing-fund headcount, water, power and gas, customs for traders; judgements
 * and penalties at rates rising with r; the profile's IP as dated registrations; and an outcome — default within
 * the next 12 months with probability 1 / (1 + e^(4 − 1.3·r)), about 4% overall.
 */
final class HubDataGenerator {

    /** What was generated for one enterprise, including what nobody on the platform can see (risk, outcome). */
    record Generated(List<HubItem> items, double risk, double defaultProbability, boolean bad) {
    }

    static final int MONTHS = 24;

    private final long seed;

    HubDataGenerator(long seed) {
        this.seed = seed;
    }

    Generated generate(EnterpriseSnapshot e, YearMonth last) {
        SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + e.creditCode().hashCode()));
        String code = e.creditCode();
        LocalDate end = last.atEndOfMonth();
        YearlyFigures figures = e.latest();
        double revenueWan = figures == null || figures.revenueFen() == null ? 0 : figures.revenueFen() / 1_000_000.0;
        double years = e.registeredOn() == null ? 8 : ChronoUnit.DAYS.between(e.registeredOn(), end) / 365.25;
        boolean highTech = e.liveQualifications().contains("HIGH_TECH");
        boolean srdi = e.liveQualifications().contains("SRDI_SME") || e.liveQualifications().contains("LITTLE_GIANT");
        String industry = e.industryCode() == null ? "C" : e.industryCode();
        boolean manufacturing = industry.startsWith("C");
        boolean software = industry.startsWith("I") || industry.startsWith("M");

        // the hidden risk: partly structural (visible in the profile), mostly latent (visible only through the data)
        double z = r.nextGaussian();
        double risk = 0.9 * z + (years < 2 ? 0.5 : years < 5 ? 0.25 : 0) + (highTech ? -0.4 : 0) + (srdi ? -0.3 : 0)
                + (revenueWan < 200 ? 0.3 : revenueWan > 10_000 ? -0.2 : 0) + (e.equityFunded() ? -0.1 : 0);
        double p = 1 / (1 + Math.exp(4 - 1.3 * risk));

        // the business's path: a trend, an AR(1) wobble, and for some risky enterprises a distress episode
        double trend = 0.006 - 0.012 * risk;
        int onset = risk > 1 && r.nextDouble() < 0.6 ? MONTHS - 3 - r.nextInt(10) : Integer.MAX_VALUE;
        double depth = 0.03 + 0.05 * r.nextDouble();
        boolean shutdown = risk > 1.8 && onset < MONTHS && r.nextDouble() < 0.5;
        double[] activity = new double[MONTHS];
        double wobble = 0;
        for (int t = 0; t < MONTHS; t++) {
            wobble = 0.6 * wobble + 0.08 * r.nextGaussian();
            double distress = t >= onset ? -depth * (t - onset + 1) : 0;
            activity[t] = Math.exp(trend * (t - MONTHS / 2.0) + distress + wobble);
        }
        List<HubItem> items = new ArrayList<>(MONTHS * 4);
        YearMonth first = last.minusMonths(MONTHS - 1);

        // tax: a share of revenue, quarterly for small taxpayers; arrears in distress
        if (revenueWan > 0 && years > 0.3) {
            double rate = 0.02 + 0.04 * r.nextDouble();
            boolean quarterly = revenueWan < 500;
            String gradeBefore = taxGrade(r, risk, years - 1);
            String gradeNow = onset < MONTHS && !gradeBefore.equals("D") ? worse(gradeBefore) : taxGrade(r, risk, years);
            for (int t = 0; t < MONTHS; t++) {
                YearMonth m = first.plusMonths(t);
                int months = quarterly ? 3 : 1;
                if (quarterly && (m.getMonthValue() - 1) % 3 != 0) {
                    continue;
                }
                if (m.plusMonths(months - 1L).isAfter(last)) {
                    break;
                }
                if (!registered(e, m)) {
                    continue;
                }
                double a = 0;
                for (int k = 0; k < months; k++) {
                    a += activity[Math.min(MONTHS - 1, t + k)];
                }
                double arrearsChance = t >= onset ? 0.25 + 0.1 * (t - onset) : 0.01;
                double paid = r.nextDouble() < arrearsChance ? 0
                        : revenueWan / 12 * rate * a * Math.exp(0.25 * r.nextGaussian()) * 10_000;
                String grade = t < MONTHS / 2 ? gradeBefore : gradeNow;
                items.add(SeriesPoint.tax(code, m, months, yuanToFen(paid), grade));
            }
        }

        // social insurance and housing fund
        int declared = e.headcount() == null ? 5 : Math.max(1, e.headcount());
        double coverage = Math.min(1, Math.max(0.3, 0.55 + 0.45 * r.nextDouble() - 0.15 * Math.max(0, risk)));
        double fundShare = Math.min(1, 0.2 + 0.4 * r.nextDouble() + (highTech || software ? 0.3 : 0));
        int[] social = new int[MONTHS];
        for (int t = 0; t < MONTHS; t++) {
            YearMonth m = first.plusMonths(t);
            if (!registered(e, m)) {
                social[t] = -1;
                continue;
            }
            double cny = manufacturing && m.getMonthValue() == 2 ? 0.97 : 1;
            social[t] = (int) Math.max(0, Math.round(declared * coverage * Math.pow(activity[t], 0.7) * cny
                    * (shutdown && t >= MONTHS - 2 ? 0.3 : 1)));
            int fund = (int) Math.round(social[t] * fundShare);
            items.add(SeriesPoint.social(code, m, social[t], fund));
        }

        // water, power, gas
        double kwhPerHead = manufacturing ? 600 + 1200 * r.nextDouble() : software ? 120 + 130 * r.nextDouble()
                : 150 + 100 * r.nextDouble();
        double waterPerHead = manufacturing ? 2 + 4 * r.nextDouble() : 1 + r.nextDouble();
        boolean gas = (industry.startsWith("C26") || industry.startsWith("C33") || industry.startsWith("C29")
                || industry.startsWith("C17")) && r.nextDouble() < 0.6;
        double gasPerHead = 20 + 60 * r.nextDouble();
        for (int t = 0; t < MONTHS; t++) {
            if (social[t] < 0) {
                continue;
            }
            YearMonth m = first.plusMonths(t);
            int month = m.getMonthValue();
            double season = month == 2 ? 0.7 : month >= 6 && month <= 9 ? 1.15 : 1;
            double heads = Math.max(1, social[t]);
            boolean off = shutdown && t >= MONTHS - 2;
            long power = off ? 0 : Math.round(heads * kwhPerHead * Math.pow(activity[t], 0.3) * season
                    * Math.exp(0.1 * r.nextGaussian()));
            long water = off ? 0 : Math.round(heads * waterPerHead * Math.exp(0.15 * r.nextGaussian()));
            Long gasUse = gas ? (off ? 0L : Math.round(heads * gasPerHead * activity[t] * Math.exp(0.2
                    * r.nextGaussian()))) : null;
            items.add(SeriesPoint.utilities(code, m, water, power, gasUse));
        }

        // customs: traders only
        double tradeChance = manufacturing ? 0.35 : industry.startsWith("F") ? 0.5 : 0.05;
        if (revenueWan > 50 && r.nextDouble() < tradeChance) {
            double share = 0.2 + 0.6 * r.nextDouble();
            double importShare = industry.startsWith("C39") ? 0.2 + 0.4 * r.nextDouble() : 0.1 * r.nextDouble();
            for (int t = 0; t < MONTHS; t++) {
                YearMonth m = first.plusMonths(t);
                if (!registered(e, m)) {
                    continue;
                }
                double exportYuan = revenueWan / 12 * share * activity[t] * Math.exp(0.3 * r.nextGaussian()) * 10_000;
                items.add(SeriesPoint.customs(code, m, yuanToFen(exportYuan * importShare), yuanToFen(exportYuan)));
            }
        }

        // judgements and penalties over the two years, more with risk (and after a distress onset)
        int serial = 0;
        double lawsuits = 2 * 0.08 * Math.exp(0.9 * risk) + (onset < MONTHS ? 0.6 : 0);
        for (int k = poisson(r, lawsuits); k > 0; k--) {
            LocalDate on = day(r, first, onset < MONTHS ? Math.max(onset, 0) : 0);
            boolean enforcement = onset < MONTHS && r.nextDouble() < 0.4;
            items.add(new HubRecord(code, org.sanrong.datahub.HubSource.JUDGEMENTS, "（" + on.getYear() + "）粤19"
                    + (enforcement ? "执" : "民初") + (10_000 + Math.floorMod(code.hashCode() + 37 * ++serial, 89_999))
                    + "号", on, enforcement ? "ENFORCEMENT" : "CIVIL", enforcement ? "RESPONDENT"
                    : r.nextDouble() < 0.8 ? "DEFENDANT" : "PLAINTIFF", yuanToFen(Math.exp(Math.log(200_000)
                    + r.nextGaussian())), "东莞市第" + (1 + r.nextInt(3)) + "人民法院", enforcement ? "金融借款合同纠纷"
                    : "买卖合同纠纷", null));
        }
        double fines = 2 * 0.05 * Math.exp(0.7 * risk) * (manufacturing ? 1.5 : 1);
        for (int k = poisson(r, fines); k > 0; k--) {
            LocalDate on = day(r, first, 0);
            boolean warning = r.nextDouble() < 0.25;
            items.add(new HubRecord(code, org.sanrong.datahub.HubSource.PENALTIES, "东" + (manufacturing ? "环" : "市监")
                    + "罚〔" + on.getYear() + "〕" + (100 + Math.floorMod(code.hashCode() + 53 * ++serial, 899)) + "号",
                    on, warning ? "WARNING" : "FINE", null, warning ? null : yuanToFen(10_000 * (1 + 19
                    * r.nextDouble())), manufacturing ? "东莞市生态环境局" : "东莞市市场监督管理局",
                    manufacturing ? "废气超标排放" : "未按规定公示年度报告", null));
        }

        // the profile's IP as registrations, more of them recent
        LocalDate since = e.registeredOn() == null ? end.minusYears(8) : e.registeredOn();
        ip(items, r, code, "INVENTION", "ZL", e.inventionPatents(), since, end);
        ip(items, r, code, "UTILITY", "ZL", e.utilityPatents(), since, end);
        ip(items, r, code, "DESIGN", "ZL", e.designPatents(), since, end);
        ip(items, r, code, "SOFTWARE", "RJ", e.softwareCopyrights(), since, end);
        ip(items, r, code, "TRADEMARK", "TM", e.trademarks(), since, end);

        boolean bad = new SplittableRandom(mix(seed ^ e.creditCode().hashCode() * 31L + 7)).nextDouble() < p;
        return new Generated(items, risk, p, bad);
    }

    private static boolean registered(EnterpriseSnapshot e, YearMonth m) {
        return e.registeredOn() == null || !YearMonth.from(e.registeredOn()).isAfter(m);
    }

    private static String taxGrade(SplittableRandom r, double risk, double years) {
        if (years < 1) {
            return "M";
        }
        double s = -risk + 0.6 * r.nextGaussian();
        return s > 0.7 ? "A" : s > -0.9 ? "B" : s > -1.8 ? "C" : "D";
    }

    private static String worse(String grade) {
        return switch (grade) {
            case "A" -> "B";
            case "B", "M" -> "C";
            default -> "D";
        };
    }

    private static void ip(List<HubItem> items, SplittableRandom r, String code, String kind, String prefix, int count,
            LocalDate since, LocalDate end) {
        long span = Math.max(30, ChronoUnit.DAYS.between(since, end));
        for (int k = 0; k < count; k++) {
            // exponential back from the end (mean 3 years), folded into the enterprise's life
            long back = (long) (-Math.log(1 - r.nextDouble()) * 365 * 3) % span;
            LocalDate on = end.minusDays(back);
            boolean lapsed = back > 365 * 6 && r.nextDouble() < 0.3;
            String reference = prefix + on.getYear() + String.format("%08d", Math.floorMod(code.hashCode() * 131L
                    + kind.hashCode() * 17L + k * 7919L, 100_000_000L));
            items.add(new HubRecord(code, org.sanrong.datahub.HubSource.IP, reference, on, kind, null, null, null,
                    null, lapsed ? "LAPSED" : "VALID"));
        }
    }

    private static LocalDate day(SplittableRandom r, YearMonth first, int fromMonth) {
        YearMonth m = first.plusMonths(fromMonth + r.nextInt(Math.max(1, MONTHS - fromMonth)));
        return m.atDay(1 + r.nextInt(m.lengthOfMonth()));
    }

    private static int poisson(SplittableRandom r, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** Yuan (a double only while drawing) to whole fen, rounded to whole yuan. */
    private static Long yuanToFen(double yuan) {
        return Math.round(Math.max(0, yuan)) * 100;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
