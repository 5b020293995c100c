package org.sanrong.credit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sanrong.credit.scorecard.Bin;
import org.sanrong.credit.scorecard.Binning;
import org.sanrong.credit.scorecard.FeatureBinning;
import org.sanrong.credit.scorecard.Grade;
import org.sanrong.credit.scorecard.TrainedScorecard;

/**
 * Reasons and hints for one enterprise's score, read off the points table itself (points are asked of the scoring
 * kernel for a value inside each bin), so what they say is exactly what the score does: a hint's points are the
 * score's change when that one feature moves to the hint's target.
 */
final class Explanations {

    static final int REASONS = 5;
    static final int HINTS = 5;

    private Explanations() {
    }

    /** A value inside bin {@code k} of a numeric feature: its lower bound, or just under its upper bound. */
    static double inside(Bin bin) {
        if (bin.missing()) {
            return Double.NaN;
        }
        if (Double.isFinite(bin.lower())) {
            return bin.lower();
        }
        return Double.isFinite(bin.upper()) ? Math.nextDown(bin.upper()) : 0;
    }

    /**
     * A bin as people read it, numbers to two decimals: "[80.25, 100.8)", "≥ 164", "< 2.57", "缺失". A bound shown
     * alone is rounded so that the statement stays true: a lower bound up, an upper bound down.
     */
    static String label(Bin bin) {
        if (bin.missing()) {
            return Binning.MISSING_LABEL;
        }
        if (!bin.categories().isEmpty()) {
            return bin.label();
        }
        boolean low = Double.isFinite(bin.lower());
        boolean high = Double.isFinite(bin.upper());
        if (low && high) {
            return "[" + number(bin.lower()) + ", " + number(bin.upper()) + ")";
        }
        if (low) {
            return "≥ " + number(up(bin.lower()));
        }
        return high ? "< " + number(down(bin.upper())) : "全部";
    }

    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    static double up(double v) {
        return Math.ceil(v * 100 - 1e-9) / 100;
    }

    static double down(double v) {
        return Math.floor(v * 100 + 1e-9) / 100;
    }

    /** The model's row of feature values, in its feature order, from the catalogue's values. */
    static double[] row(TrainedScorecard card, double[] features) {
        double[] row = new double[card.model().size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = CreditFeature.byCode(card.model().get(j).feature()).map(f -> features[f.ordinal()])
                    .orElse(Double.NaN);
        }
        return row;
    }

    static List<Reason> reasons(TrainedScorecard card, double[] features) {
        double[] row = row(card, features);
        List<Reason> out = new ArrayList<>();
        for (int j = 0; j < row.length; j++) {
            FeatureBinning b = card.model().get(j);
            int points = card.points().points(j, row[j]);
            int best = Integer.MIN_VALUE;
            Bin bestBin = null;
            for (Bin bin : b.bins()) {
                int p = card.points().points(j, inside(bin));
                if (p > best) {
                    best = p;
                    bestBin = bin;
                }
            }
            if (bestBin != null && best > points) {
                CreditFeature f = CreditFeature.byCode(b.feature()).orElse(null);
                out.add(new Reason(b.feature(), f == null ? b.feature() : f.label(),
                        f == null ? String.valueOf(row[j]) : f.format(row[j]), binLabel(b, row[j]), points,
                        label(bestBin), best));
            }
        }
        out.sort(Comparator.comparingInt(Reason::lost).reversed().thenComparing(Reason::code));
        return out.size() > REASONS ? List.copyOf(out.subList(0, REASONS)) : out;
    }

    static List<Hint> hints(TrainedScorecard card, double[] features, int score) {
        double[] row = row(card, features);
        List<Hint> out = new ArrayList<>();
        for (int j = 0; j < row.length; j++) {
            FeatureBinning b = card.model().get(j);
            CreditFeature f = CreditFeature.byCode(b.feature()).orElse(null);
            if (f == null || !f.actionable() || b.kind() != FeatureBinning.Kind.NUMERIC) {
                continue;
            }
            int points = card.points().points(j, row[j]);
            int current = b.binOf(row[j]);
            boolean inValueBin = current != FeatureBinning.NO_BIN && current != b.missingBin();
            Bin target = null;
            int targetIndex = -1;
            int targetGain = 0;
            for (int k = 0; k < b.valueBins(); k++) {
                Bin bin = b.bins().get(k);
                int gain = card.points().points(j, inside(bin)) - points;
                if (gain <= 0) {
                    continue;
                }
                boolean better;
                if (target == null) {
                    better = true;
                } else if (inValueBin) {
                    int d = Math.abs(k - current);
                    int bestD = Math.abs(targetIndex - current);
                    better = d < bestD || d == bestD && gain > targetGain;
                } else {
                    better = gain < targetGain; // no value yet: the least the data would need to show
                }
                if (better) {
                    target = bin;
                    targetIndex = k;
                    targetGain = gain;
                }
            }
            if (target == null) {
                continue;
            }
            double to = inside(target);
            String action;
            if (!inValueBin) {
                action = "补充「" + f.label() + "」数据（达到 " + label(target) + "）";
            } else if (f.unit().equals("是=1")) {
                action = "取得「" + f.label() + "」";
            } else if (targetIndex > current) {
                action = "「" + f.label() + "」提高到 " + number(up(target.lower())) + unit(f) + " 及以上";
            } else {
                action = "「" + f.label() + "」降低到 " + number(down(target.upper())) + unit(f) + " 以下";
            }
            Grade grade = card.grade(score + targetGain);
            out.add(new Hint(b.feature(), f.label(), f.format(row[j]), binLabel(b, row[j]), label(target), to,
                    action, targetGain, score + targetGain, grade.name()));
        }
        out.sort(Comparator.comparingInt(Hint::points).reversed().thenComparing(Hint::code));
        return out.size() > HINTS ? List.copyOf(out.subList(0, HINTS)) : out;
    }

    private static String unit(CreditFeature f) {
        return f.unit().isEmpty() || f.unit().contains("=") ? "" : f.unit();
    }

    static String binLabel(FeatureBinning b, double value) {
        int bin = b.binOf(value);
        return bin == FeatureBinning.NO_BIN ? "缺失（按中性计）" : label(b.bins().get(bin));
    }
}
